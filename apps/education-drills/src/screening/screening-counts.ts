import { escapeLike } from '@campus/database';
import { Caller, callerOf, RequestContext } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { ScreeningRiskLevel, ScreeningStatus } from './screening-enums';
import { SCREENING_COUNTS_ACCESS } from './screening.access';
import { ScreeningCounts } from './screening.types';

interface CountRow {
  unit_id: string;
  unit_path: string;
  status: ScreeningStatus | null;
  risk_level: ScreeningRiskLevel | null;
  n: number | string;
}

/** Pure: the counts of one unit's subtree from its grouped rows. */
export function toScreeningCounts(rows: readonly Pick<CountRow, 'status' | 'risk_level' | 'n'>[]): ScreeningCounts {
  const byRisk = new Map<ScreeningRiskLevel, number>(Object.values(ScreeningRiskLevel).map((level) => [level, 0]));
  const counts: ScreeningCounts = { open: 0, referred: 0, closed: 0, byRiskLevel: [] };
  for (const row of rows) {
    if (!row.status || !row.risk_level) continue;
    const n = Number(row.n);
    if (row.status === ScreeningStatus.CLOSED) {
      counts.closed += n;
      continue;
    }
    counts.open += n;
    if (row.status === ScreeningStatus.REFERRED) counts.referred += n;
    byRisk.set(row.risk_level, (byRisk.get(row.risk_level) ?? 0) + n);
  }
  counts.byRiskLevel = [...byRisk].map(([riskLevel, count]) => ({ riskLevel, count }));
  return counts;
}

// Paths are made of newId()s and slashes, which LIKE reads literally: no escaping needed in the join.
const projectedCounts = (units: number) => `
  SELECT u.id AS unit_id, u.path AS unit_path, r.status, r.risk_level, COUNT(r.id) AS n
    FROM org_unit_projection u
    LEFT JOIN screening_record r ON r.org_path LIKE CONCAT(u.path, '%')
   WHERE u.id IN (${Array(units).fill('?').join(', ')})
   GROUP BY u.id, u.path, r.status, r.risk_level`;

const SUBTREE_COUNTS = `
  SELECT r.status, r.risk_level, COUNT(*) AS n FROM screening_record r WHERE r.org_path LIKE ? GROUP BY r.status, r.risk_level`;

/**
 * The unit's counts, or the error of a unit the caller may not count: NOT_FOUND outside their scope,
 * FORBIDDEN inside it without a counting role.
 */
async function countsOf(dataSource: DataSource, directory: OrgUnitDirectory, caller: Caller, unitId: string, rows: CountRow[] | undefined): Promise<ScreeningCounts | Error> {
  try {
    if (rows) {
      SCREENING_COUNTS_ACCESS.check(caller, 'view', { id: unitId, path: rows[0].unit_path });
      return toScreeningCounts(rows);
    }
    // A unit too new to be projected yet: its path from responsibility-network, then its own count.
    const path = await visibleUnitPath(directory, caller, unitId);
    SCREENING_COUNTS_ACCESS.check(caller, 'view', { id: unitId, path });
    return toScreeningCounts(await dataSource.query(SUBTREE_COUNTS, [`${escapeLike(path)}%`]));
  } catch (error) {
    return error as Error;
  }
}

/** OrgUnit.screeningCounts: every unit asked for in one request is counted by one statement. */
export function loadScreeningCounts(context: RequestContext, dataSource: DataSource, directory: OrgUnitDirectory, unitId: string): Promise<ScreeningCounts> {
  const caller = callerOf(context);
  const loader = context.loaders.get('OrgUnit.screeningCounts', () => {
    return new DataLoader<string, ScreeningCounts>(async (unitIds) => {
      const rows: CountRow[] = await dataSource.query(projectedCounts(unitIds.length), [...unitIds]);
      const byUnit = new Map<string, CountRow[]>();
      for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row]);
      return Promise.all(unitIds.map((id) => countsOf(dataSource, directory, caller, id, byUnit.get(id))));
    });
  });
  return loader.load(unitId);
}
