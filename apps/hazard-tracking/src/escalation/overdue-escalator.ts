import { HazardEscalated, HazardOverdue, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import type { Logger } from '@campus/logger';
import { DataSource, EntityManager } from 'typeorm';
import { HazardGrade, HazardStatus, OPEN_AFTER_REPORT } from '../hazards/hazard-enums';
import { addDays, dueTiers, EscalationTier, TIER_RULES } from './escalation-tiers';

export interface OverdueEscalatorOptions {
  /** Hazards per transaction; 500 by default. */
  batchSize?: number;
  /** The clock (tests). */
  now?: () => Date;
}

export type EscalationRun = { overdue: number; escalated: number };

interface CandidateRow {
  id: string;
  code: string;
  org_unit_id: string;
  org_path: string;
  grade: string;
  status: string;
  deadline: string | Date;
}

const ER_LOCK_DEADLOCK = 1213;
const MAX_ATTEMPTS = 3;

function calendarDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function affectedRows(result: unknown): number {
  return Number((result as { affectedRows?: number } | null)?.affectedRows ?? 0);
}

function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number }; errno?: number } | null) ?? {};
  return driverError.errno === ER_LOCK_DEADLOCK || driverError.driverError?.errno === ER_LOCK_DEADLOCK;
}

/**
 * Marks hazards overdue once their plan deadline has passed before acceptance and escalates them by tier
 * (see dueTiers), recording hazard.overdue and hazard.escalated in the outbox. Safe with several instances:
 * the primary keys of hazard_overdue and hazard_escalation let only one of them record each marker and
 * tier (INSERT IGNORE in the transaction that records the event).
 */
export class OverdueEscalator {
  private readonly batchSize: number;
  private readonly clock: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly logger: Logger,
    options: OverdueEscalatorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.clock = options.now ?? (() => new Date());
  }

  /** One pass over the overdue hazards, in batches; returns how many markers and tiers this call recorded. */
  async runOnce(now: Date = this.clock()): Promise<EscalationRun> {
    const today = calendarDateOf(now);
    const total: EscalationRun = { overdue: 0, escalated: 0 };
    let after = '';
    for (;;) {
      const ids = await this.candidateIds(today, after);
      if (ids.length === 0) break;
      const result = await this.processBatch(ids, now, today);
      total.overdue += result.overdue;
      total.escalated += result.escalated;
      after = ids[ids.length - 1];
      if (ids.length < this.batchSize) break;
    }
    return total;
  }

  /**
   * The next hazards (by id) that are open with a passed deadline and still have something to record:
   * no tier 3 yet (the last one) and either no overdue marker, a missing tier 2 that is due, a due tier 3,
   * or a MAJOR grade. Read without locks; processBatch checks each one again under a lock.
   */
  private async candidateIds(today: string, after: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT h.id
         FROM hazard h
         JOIN hazard_plan p ON p.hazard_id = h.id
        WHERE h.status IN (?, ?, ?)
          AND p.deadline IS NOT NULL
          AND p.deadline < ?
          AND h.id > ?
          AND NOT EXISTS (SELECT 1 FROM hazard_escalation e3 WHERE e3.hazard_id = h.id AND e3.tier = 3)
          AND (
            h.grade = ?
            OR p.deadline <= ?
            OR NOT EXISTS (SELECT 1 FROM hazard_overdue o WHERE o.hazard_id = h.id)
            OR (p.deadline <= ? AND NOT EXISTS (SELECT 1 FROM hazard_escalation e2 WHERE e2.hazard_id = h.id AND e2.tier = 2))
          )
        ORDER BY h.id
        LIMIT ${Number(this.batchSize)}`,
      [
        ...OPEN_AFTER_REPORT,
        today,
        after,
        HazardGrade.MAJOR,
        addDays(today, -TIER_RULES[3].daysAfterDeadline),
        addDays(today, -TIER_RULES[2].daysAfterDeadline),
      ],
    );
    return rows.map((row) => row.id);
  }

  private async processBatch(ids: string[], now: Date, today: string): Promise<EscalationRun> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transactionWithEvents(this.dataSource, this.outbox, (manager) => this.escalate(manager, ids, now, today));
      } catch (error) {
        if (!isDeadlock(error) || attempt >= MAX_ATTEMPTS) throw error;
        this.logger.debug({ attempt }, 'hazard escalation: deadlock, retrying the batch');
      }
    }
  }

  private async escalate(manager: EntityManager, ids: string[], now: Date, today: string): Promise<EscalationRun> {
    // Read again under a shared lock on the hazard rows: an acceptance committing meanwhile is either seen
    // (and the hazard skipped) or waits for this transaction.
    const rows: CandidateRow[] = await manager.query(
      `SELECT h.id, h.code, h.org_unit_id, h.org_path, h.grade, h.status, p.deadline
         FROM hazard h
         JOIN hazard_plan p ON p.hazard_id = h.id
        WHERE h.id IN (${ids.map(() => '?').join(', ')})
        ORDER BY h.id
        LOCK IN SHARE MODE`,
      ids,
    );
    const at = now.toISOString();
    const result: EscalationRun = { overdue: 0, escalated: 0 };
    for (const row of rows) {
      if (!OPEN_AFTER_REPORT.includes(row.status as HazardStatus) || row.deadline === null) continue;
      const deadline = calendarDay(row.deadline);
      const grade = row.grade === HazardGrade.MAJOR ? HazardGrade.MAJOR : HazardGrade.GENERAL;
      const tiers = dueTiers(deadline, today, grade);
      if (tiers.length === 0) continue;
      const base = { id: row.id, code: row.code, orgUnitId: row.org_unit_id, orgPath: row.org_path, grade, deadline };

      const marked = await manager.query('INSERT IGNORE INTO hazard_overdue (hazard_id, deadline, detected_at) VALUES (?, ?, ?)', [
        row.id,
        deadline,
        now,
      ]);
      if (affectedRows(marked) === 1) {
        await recordEvent(manager, HazardOverdue, row.id, { ...base, detectedAt: at });
        result.overdue++;
      }
      for (const tier of tiers) {
        const inserted = await manager.query(
          'INSERT IGNORE INTO hazard_escalation (hazard_id, tier, escalated_at, deadline) VALUES (?, ?, ?, ?)',
          [row.id, tier, now, deadline],
        );
        if (affectedRows(inserted) !== 1) continue;
        const rule = TIER_RULES[tier];
        await recordEvent(manager, HazardEscalated, row.id, {
          ...base,
          tier,
          notify: rule.notify,
          accountability: rule.accountability,
          escalatedAt: at,
        });
        result.escalated++;
      }
    }
    return result;
  }
}

export interface HazardEscalationView {
  tier: EscalationTier;
  notify: (typeof TIER_RULES)[EscalationTier]['notify'];
  accountability: boolean;
  deadline: string;
  escalatedAt: Date;
}

/** The escalations recorded for each hazard (tier order); hazards without any map to []. For a field resolver/loader. */
export async function escalationsOf(
  source: DataSource | EntityManager,
  hazardIds: readonly string[],
): Promise<Map<string, HazardEscalationView[]>> {
  const byHazard = new Map<string, HazardEscalationView[]>(hazardIds.map((id) => [id, []]));
  if (hazardIds.length === 0) return byHazard;
  const unique = [...new Set(hazardIds)];
  for (let start = 0; start < unique.length; start += 1000) {
    const chunk = unique.slice(start, start + 1000);
    const rows: { hazard_id: string; tier: number; escalated_at: Date; deadline: string | Date }[] = await source.query(
      `SELECT hazard_id, tier, escalated_at, deadline FROM hazard_escalation
        WHERE hazard_id IN (${chunk.map(() => '?').join(', ')})
        ORDER BY hazard_id, tier`,
      chunk,
    );
    for (const row of rows) {
      const tier = Number(row.tier) as EscalationTier;
      const rule = TIER_RULES[tier];
      byHazard.get(row.hazard_id)?.push({
        tier,
        notify: rule.notify,
        accountability: rule.accountability,
        deadline: calendarDay(row.deadline),
        escalatedAt: row.escalated_at,
      });
    }
  }
  return byHazard;
}
