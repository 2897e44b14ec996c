import { calendarDateOf } from '@campus/graphql';
import { chunks } from '@campus/database';
import { EventContract, EventHandler, on, onBatch, OrgUnitCreated } from '@campus/events';
import { DataSource, EntityManager } from 'typeorm';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from '../appraisal-schemes/appraisal-scheme.entity';
import { computeAppraisals, isAppraisedBy } from './appraisal-computation';
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

/** How long before a publication began an event may have started and still have committed after its snapshot. */
const PUBLICATION_MARGIN_MS = 60_000;

/** Marks the process appraisals (of every scheme in force, or of one) whose unit's path is one of `paths`. */
async function markAppraisalsAt(manager: EntityManager, paths: readonly string[], now: Date, schemeId?: string): Promise<void> {
  for (const part of chunks(paths, 500)) {
    await manager.query(
      `INSERT INTO appraisal_refresh (scheme_id, org_unit_id, marked_at)
       SELECT a.scheme_id, a.org_unit_id, ? FROM appraisal a JOIN appraisal_scheme s ON s.id = a.scheme_id
        WHERE a.stage = 'PROCESS' AND a.status = 'DRAFT' AND s.status = 'PUBLISHED' ${schemeId ? 'AND s.id = ?' : ''} AND a.org_path IN (${part.map(() => '?').join(', ')})
       ON DUPLICATE KEY UPDATE marked_at = VALUES(marked_at)`,
      [now, ...(schemeId ? [schemeId] : []), ...part],
    );
  }
}

/**
 * Marks the process appraisals a run of events touches: of every scheme in force, the appraised unit whose
 * subtree holds a path an event names; and notes the paths as touched (see markTouchedDuringPublication).
 * Runs in the events' transaction, after the fact modules' handlers.
 */
export async function markTouched(manager: EntityManager, payloads: readonly unknown[], now: Date): Promise<void> {
  const named = new Set<string>();
  payloads.forEach((payload) => orgPathsIn(payload, named));
  const paths = [...named].sort();
  if (!paths.length) return;
  for (const part of chunks(paths, 500)) {
    await manager.query(
      `INSERT INTO appraisal_touched_path (org_path, touched_at) VALUES ${part.map(() => '(?, ?)').join(', ')} ON DUPLICATE KEY UPDATE touched_at = VALUES(touched_at)`,
      part.flatMap((path) => [path, now]),
    );
  }
  await markAppraisalsAt(manager, ancestorsOf(paths), now);
}

/**
 * A unit created under a scheme in force, of the kind it appraises, is marked for it: the refresh job gives
 * it its process appraisal (the publication appraised the units there were).
 */
export async function markNewUnit(manager: EntityManager, unit: { id: string; kind: string; path: string }, now: Date): Promise<void> {
  const above = ancestorsOf([unit.path]).filter((path) => path !== unit.path);
  if (!above.length) return;
  const schemes: { id: string; org_path: string; appraised_unit_kind: string | null }[] = await manager.query(
    `SELECT id, org_path, appraised_unit_kind FROM appraisal_scheme WHERE status = 'PUBLISHED' AND org_path IN (${above.map(() => '?').join(', ')})`,
    above,
  );
  for (const scheme of schemes.filter((candidate) => isAppraisedBy({ orgPath: candidate.org_path, appraisedUnitKind: candidate.appraised_unit_kind }, unit))) {
    await manager.query('INSERT INTO appraisal_refresh (scheme_id, org_unit_id, marked_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE marked_at = VALUES(marked_at)', [scheme.id, unit.id, now]);
  }
}

/**
 * After a publication has committed: marks its units whose paths events touched since it began (less a
 * margin), whose facts its computation may not have seen and whose marks could not name its appraisals yet.
 */
export async function markTouchedDuringPublication(dataSource: DataSource, schemeId: string, began: Date): Promise<void> {
  const touched: { org_path: string }[] = await dataSource.query('SELECT org_path FROM appraisal_touched_path WHERE touched_at >= ?', [
    new Date(began.getTime() - PUBLICATION_MARGIN_MS),
  ]);
  if (touched.length) await markAppraisalsAt(dataSource.manager, ancestorsOf(touched.map((row) => row.org_path)), new Date(), schemeId);
}

/** A marking handler (a run of events at once) for each contract the fact modules consume, and one for new units; `marked` runs once a mark is committed (to wake the refresh job). */
export function refreshMarkers(contracts: readonly EventContract<unknown>[], marked: () => void): EventHandler<unknown>[] {
  const unique = [...new Map(contracts.map((contract) => [`${contract.type}@${contract.version}`, contract])).values()];
  return [
    ...unique.map((contract) => onBatch(contract, (manager, events) => markTouched(manager, events.map(({ payload }) => payload), new Date()), marked)),
    on(OrgUnitCreated, (manager, { payload }) => markNewUnit(manager, payload, new Date()), marked),
  ];
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
