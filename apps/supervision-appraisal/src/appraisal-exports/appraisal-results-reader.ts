import { Caller } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { APPRAISAL_ACCESS } from '../appraisals/appraisal.access';
import { AppraisalStage } from '../appraisals/appraisal.entity';

/** Appraisals read per round trip: memory stays flat however many units a scheme appraises. */
export const PAGE_SIZE = 500;

/** One stored appraisal as the download shows it, with its unit's name and code from the org projection. */
export interface StoredAppraisal {
  id: string;
  rank: number | null;
  total: number;
  grade: string;
  vetoed: boolean;
  asOf: string;
  unitName: string;
  unitCode: string | null;
}

/** One stored indicator value of an appraisal. */
export interface StoredValue {
  indicatorId: string;
  value: number | null;
  score: number | null;
  comment: string | null;
}

/** One stored veto of an appraisal. */
export interface StoredVeto {
  rule: string;
  evidenceKind: string;
  evidenceId: string;
  reason: string;
}

interface AppraisalRow {
  id: string;
  sort_rank: number | string;
  rank: number | null;
  total: string;
  grade: string;
  vetoed: number | boolean;
  as_of: string;
  org_unit_id: string;
  unit_name: string | null;
  unit_code: string | null;
}

/** Rank order with unranked rows (none after a computation) last, then id: a stable keyset. */
const NO_RANK = 2147483647;

/**
 * Reads the appraisals of one scheme and stage that the viewer may see (the appraisals module's scope rule),
 * as they are stored: never recomputed here.
 */
export class AppraisalResultsReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caller: Caller,
    private readonly schemeId: string,
    private readonly stage: AppraisalStage,
  ) {}

  /** Does the viewer see at least one appraisal of the scheme (at any stage)? */
  async seesAny(): Promise<boolean> {
    const scope = APPRAISAL_ACCESS.where(this.caller, 'view', 'a.org_path');
    const row = await this.dataSource
      .createQueryBuilder()
      .select('a.id', 'id')
      .from('appraisal', 'a')
      .where('a.scheme_id = :schemeId', { schemeId: this.schemeId })
      .andWhere(scope.sql, scope.params)
      .limit(1)
      .getRawOne();
    return Boolean(row);
  }

  /** The visible appraisals by rank, a page at a time (keyset on rank and id); `vetoedOnly` for the veto sheet. */
  async *pages(vetoedOnly = false): AsyncGenerator<StoredAppraisal[]> {
    let after: { rank: number; id: string } | null = null;
    for (;;) {
      const rows = await this.page(after, vetoedOnly);
      if (rows.length) yield rows.map(toStoredAppraisal);
      if (rows.length < PAGE_SIZE) return;
      const last = rows[rows.length - 1];
      after = { rank: Number(last.sort_rank), id: last.id };
    }
  }

  private page(after: { rank: number; id: string } | null, vetoedOnly: boolean): Promise<AppraisalRow[]> {
    const scope = APPRAISAL_ACCESS.where(this.caller, 'view', 'a.org_path');
    const sortRank = `IFNULL(a.\`rank\`, ${NO_RANK})`;
    const query = this.dataSource
      .createQueryBuilder()
      .select('a.id', 'id')
      .addSelect(sortRank, 'sort_rank')
      .addSelect('a.`rank`', 'rank')
      .addSelect('a.total', 'total')
      .addSelect('a.grade', 'grade')
      .addSelect('a.vetoed', 'vetoed')
      .addSelect('a.org_unit_id', 'org_unit_id')
      .addSelect("DATE_FORMAT(a.as_of, '%Y-%m-%d')", 'as_of')
      .addSelect('u.name', 'unit_name')
      .addSelect('u.code', 'unit_code')
      .from('appraisal', 'a')
      .leftJoin('org_unit_projection', 'u', 'u.id = a.org_unit_id')
      .where('a.scheme_id = :schemeId AND a.stage = :stage', { schemeId: this.schemeId, stage: this.stage })
      .andWhere(scope.sql, scope.params);
    if (vetoedOnly) query.andWhere('a.vetoed = 1');
    if (after) query.andWhere(`(${sortRank} > :afterRank OR (${sortRank} = :afterRank AND a.id > :afterId))`, { afterRank: after.rank, afterId: after.id });
    return query.orderBy('sort_rank', 'ASC').addOrderBy('a.id', 'ASC').limit(PAGE_SIZE).getRawMany();
  }

  /** The stored values of a page of appraisals, per appraisal id and indicator id. */
  async valuesOf(appraisalIds: readonly string[]): Promise<Map<string, Map<string, StoredValue>>> {
    const byAppraisal = new Map<string, Map<string, StoredValue>>(appraisalIds.map((id) => [id, new Map()]));
    if (!appraisalIds.length) return byAppraisal;
    const rows: { appraisal_id: string; indicator_id: string; value: number | null; score: string | null; comment: string | null }[] = await this.dataSource.query(
      `SELECT appraisal_id, indicator_id, value, score, comment FROM appraisal_value WHERE appraisal_id IN (${appraisalIds.map(() => '?').join(', ')})`,
      [...appraisalIds],
    );
    for (const row of rows) {
      byAppraisal.get(row.appraisal_id)?.set(row.indicator_id, {
        indicatorId: row.indicator_id,
        value: row.value === null ? null : Number(row.value),
        score: row.score === null ? null : Number(row.score),
        comment: row.comment,
      });
    }
    return byAppraisal;
  }

  /** The stored vetoes of a page of appraisals, per appraisal id, in a stable order. */
  async vetoesOf(appraisalIds: readonly string[]): Promise<Map<string, StoredVeto[]>> {
    const byAppraisal = new Map<string, StoredVeto[]>(appraisalIds.map((id) => [id, []]));
    if (!appraisalIds.length) return byAppraisal;
    const rows: { appraisal_id: string; rule: string; evidence_kind: string; evidence_id: string; reason: string }[] = await this.dataSource.query(
      `SELECT appraisal_id, rule, evidence_kind, evidence_id, reason FROM appraisal_veto
        WHERE appraisal_id IN (${appraisalIds.map(() => '?').join(', ')}) ORDER BY appraisal_id, found_at, rule, evidence_kind, evidence_id`,
      [...appraisalIds],
    );
    for (const row of rows) byAppraisal.get(row.appraisal_id)?.push({ rule: row.rule, evidenceKind: row.evidence_kind, evidenceId: row.evidence_id, reason: row.reason });
    return byAppraisal;
  }
}

function toStoredAppraisal(row: AppraisalRow): StoredAppraisal {
  return {
    id: row.id,
    rank: row.rank === null ? null : Number(row.rank),
    total: Number(row.total),
    grade: row.grade,
    vetoed: Boolean(Number(row.vetoed)),
    asOf: row.as_of,
    unitName: row.unit_name ?? row.org_unit_id,
    unitCode: row.unit_code,
  };
}
