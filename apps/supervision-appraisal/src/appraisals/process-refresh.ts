import { calendarDateOf } from '@campus/graphql';
import { EventContract, EventHandler, on } from '@campus/events';
import { DataSource, EntityManager } from 'typeorm';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from '../appraisal-schemes/appraisal-scheme.entity';
import { computeAppraisals } from './appraisal-computation';
import { schemePeriod } from './appraisal-period';
import { AppraisalStage } from './appraisal.entity';

const ORG_PATH = /^\/([A-Za-z0-9_-]+\/)+$/;

/**
 * Every org path an event names, at any depth, under any key ending in Path (a hazard's orgPath, each
 * attendee's, a letter's recipientPath, a moved unit's oldPath and newPath …).
 */
export function orgPathsIn(payload: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(payload)) payload.forEach((item) => orgPathsIn(item, into));
  else if (payload && typeof payload === 'object') {
    for (const [key, value] of Object.entries(payload)) {
      if (key.endsWith('Path') && typeof value === 'string' && ORG_PATH.test(value)) into.add(value);
      else if (typeof value === 'object') orgPathsIn(value, into);
    }
  }
  return into;
}

function ancestorsOf(paths: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const path of paths) for (let end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) all.add(path.slice(0, end + 1));
  return [...all];
}

/**
 * Marks the process appraisals an event touches: of every scheme in force, the appraised unit whose subtree
 * holds a path the event names. Runs in the event's transaction, after the fact modules' handlers.
 */
export async function markTouched(manager: EntityManager, payload: unknown, now: Date): Promise<void> {
  const ancestors = ancestorsOf(orgPathsIn(payload));
  if (!ancestors.length) return;
  await manager.query(
    `INSERT INTO appraisal_refresh (scheme_id, org_unit_id, marked_at)
     SELECT a.scheme_id, a.org_unit_id, ? FROM appraisal a JOIN appraisal_scheme s ON s.id = a.scheme_id
      WHERE a.stage = 'PROCESS' AND a.status = 'DRAFT' AND s.status = 'PUBLISHED' AND a.org_path IN (${ancestors.map(() => '?').join(', ')})
     ON DUPLICATE KEY UPDATE marked_at = VALUES(marked_at)`,
    [now, ...ancestors],
  );
}

/** A marking handler for each contract the fact modules consume; `marked` runs once a mark is committed (to wake the refresh job). */
export function refreshMarkers(contracts: readonly EventContract<unknown>[], marked: () => void): EventHandler<unknown>[] {
  const unique = [...new Map(contracts.map((contract) => [`${contract.type}@${contract.version}`, contract])).values()];
  return unique.map((contract) => on(contract, (manager, { payload }) => markTouched(manager, payload, new Date()), marked));
}

/**
 * One run of the refresh job: the marked units of each scheme recomputed together as of today, then their
 * marks removed (those marked again meanwhile stay for the next run). Answers how many units were refreshed.
 */
export async function refreshMarked(dataSource: DataSource, now: Date): Promise<number> {
  const marks: { scheme_id: string; org_unit_id: string; marked_at: Date }[] = await dataSource.query('SELECT scheme_id, org_unit_id, marked_at FROM appraisal_refresh LIMIT 5000');
  let refreshed = 0;
  for (const schemeId of new Set(marks.map((mark) => mark.scheme_id))) {
    const mine = marks.filter((mark) => mark.scheme_id === schemeId);
    refreshed += await dataSource.transaction(async (manager) => {
      const scheme = await manager.findOne(AppraisalSchemeEntity, { where: { id: schemeId }, lock: { mode: 'pessimistic_write' } });
      let count = 0;
      if (scheme?.status === 'PUBLISHED') {
        const indicators = await manager.find(AppraisalIndicatorEntity, { where: { schemeId }, order: { position: 'ASC' } });
        const end = schemePeriod(scheme.year, scheme.period).to;
        const today = calendarDateOf(now);
        count = await computeAppraisals(manager, scheme, indicators, AppraisalStage.PROCESS, today > end ? end : today, now, new Set(mine.map((mark) => mark.org_unit_id)));
      }
      for (const mark of mine) {
        await manager.query('DELETE FROM appraisal_refresh WHERE scheme_id = ? AND org_unit_id = ? AND marked_at <= ?', [mark.scheme_id, mark.org_unit_id, mark.marked_at]);
      }
      return count;
    });
  }
  return refreshed;
}
