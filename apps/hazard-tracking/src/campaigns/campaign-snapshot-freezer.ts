import { newId } from '@campus/database';
import { calendarDateOf } from '@campus/graphql';
import type { Logger } from '@campus/logger';
import { DataSource } from 'typeorm';
import { CampaignStatus } from './campaign-enums';
import { reportCutoff } from './campaign-rules';
import { statisticsLines } from './campaign-statistics';
import { calendarDay } from './campaign.types';

export interface CampaignSnapshotFreezerOptions {
  /** Report dates looked at per query; 100 by default. */
  batchSize?: number;
  /** The clock (tests). */
  now?: () => Date;
}

function affectedRows(result: unknown): number {
  return Number((result as { affectedRows?: number } | null)?.affectedRows ?? 0);
}

/**
 * Freezes the statistics table of one report date from the hazard table as it is now: overdue counted
 * against the report date, only hazards discovered before its cutoff. Returns false when the date was
 * already frozen (by this or another instance): the unique key on (campaign_id, report_date) lets one
 * INSERT IGNORE win, a concurrent one waits for it and inserts nothing.
 */
export async function freezeSnapshot(dataSource: DataSource, campaignId: string, reportDate: string, now: Date): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const snapshotId = newId();
    const cutoffAt = reportCutoff(reportDate);
    const inserted = await manager.query(
      'INSERT IGNORE INTO campaign_snapshot (id, campaign_id, report_date, cutoff_at, frozen_at) VALUES (?, ?, ?, ?, ?)',
      [snapshotId, campaignId, reportDate, cutoffAt, now],
    );
    if (affectedRows(inserted) !== 1) return false;
    const lines = (await statisticsLines(manager, [campaignId], { overdueBefore: reportDate, discoveredBefore: cutoffAt })).get(campaignId) ?? [];
    if (lines.length > 0) {
      await manager.query(
        `INSERT INTO campaign_snapshot_row
           (snapshot_id, seq, org_unit_id, org_path, unit_name, category, found, general_count, major_count, rectified, rectifying, overdue)
         VALUES ${lines.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        lines.flatMap((line, index) => [
          snapshotId,
          index + 1,
          line.orgUnitId,
          line.orgPath,
          line.unitName,
          line.category,
          line.found,
          line.general,
          line.major,
          line.rectified,
          line.rectifying,
          line.overdue,
        ]),
      );
    }
    return true;
  });
}

/**
 * The background job that freezes each issued campaign's statistics table once the cutoff of a report
 * date (00:00 of that day, Asia/Shanghai) has passed; a date that passed while the campaign was still a
 * draft is frozen as soon as it is issued. Safe with several instances (see freezeSnapshot).
 */
export class CampaignSnapshotFreezer {
  private readonly batchSize: number;
  private readonly clock: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    options: CampaignSnapshotFreezerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.clock = options.now ?? (() => new Date());
  }

  /** Freezes every due report date without a snapshot; returns how many this call froze. */
  async runOnce(now: Date = this.clock()): Promise<number> {
    const today = calendarDateOf(now);
    let frozen = 0;
    for (;;) {
      const due = await this.dueReportDates(today);
      let progressed = false;
      for (const { campaignId, reportDate } of due) {
        try {
          if (await freezeSnapshot(this.dataSource, campaignId, reportDate, now)) {
            frozen++;
            progressed = true;
          }
        } catch (error) {
          // One campaign failing does not hold the others back; it is tried again on the next run.
          this.logger.warn({ err: error, campaignId, reportDate }, 'campaign snapshots: freezing failed');
        }
      }
      // Nothing left, or nothing this batch could freeze (done by another instance meanwhile, or failing).
      if (due.length < this.batchSize || !progressed) break;
    }
    return frozen;
  }

  /** Report dates of issued (or closed) campaigns whose cutoff has passed and that have no snapshot yet. */
  private async dueReportDates(today: string): Promise<{ campaignId: string; reportDate: string }[]> {
    const rows: { campaign_id: string; report_date: string | Date }[] = await this.dataSource.query(
      `SELECT d.campaign_id, d.report_date
         FROM campaign_report_date d
         JOIN campaign c ON c.id = d.campaign_id
        WHERE c.status IN (?, ?)
          AND d.report_date <= ?
          AND NOT EXISTS (SELECT 1 FROM campaign_snapshot s WHERE s.campaign_id = d.campaign_id AND s.report_date = d.report_date)
        ORDER BY d.report_date, d.campaign_id
        LIMIT ${Number(this.batchSize)}`,
      [CampaignStatus.ACTIVE, CampaignStatus.CLOSED, today],
    );
    return rows.map((row) => ({ campaignId: row.campaign_id, reportDate: calendarDay(row.report_date) }));
  }
}
