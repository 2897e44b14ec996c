import { escapeLike } from '@campus/database';
import { Caller, ConnectionShape, decodeCursor, NotFoundError, schoolDayEnd, schoolDayStart, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIENCE_KIND_LABELS, AudienceKind } from '../people/audience-kind';
import { EducationTopic } from './activity-enums';
import { EDUCATION_ACTIVITY_ACCESS } from './activity.access';
import { EducationCoverage, EducationCoveragePerson } from './activity.types';

/** What a coverage figure is of: a period of school days, a topic or any, the kinds of people counted. */
export interface CoveragePeriod {
  from: string;
  to: string;
  topic: EducationTopic | null;
  kinds: AudienceKind[];
}

export const ALL_AUDIENCE_KINDS = Object.keys(AUDIENCE_KIND_LABELS) as AudienceKind[];

export function coveragePeriod(args: { from: string; to: string; topic?: EducationTopic | null; kinds?: AudienceKind[] | null }): CoveragePeriod {
  return { from: args.from, to: args.to, topic: args.topic ?? null, kinds: [...new Set(args.kinds?.length ? args.kinds : ALL_AUDIENCE_KINDS)].sort() };
}

function periodKey(period: CoveragePeriod): string {
  return `${period.from}:${period.to}:${period.topic ?? '*'}:${period.kinds.join(',')}`;
}

/** "This person attended at least one activity (of the topic) that started in the period": attendance rows only. */
function attendedSql(period: CoveragePeriod): { sql: string; params: unknown[] } {
  const topicJoin = period.topic ? 'JOIN education_activity a ON a.id = e.activity_id AND FIND_IN_SET(?, a.topics) > 0' : '';
  return {
    sql: `EXISTS (SELECT 1 FROM education_attendance e ${topicJoin} WHERE e.person_id = p.id AND e.held_at >= ? AND e.held_at < ?)`,
    params: [...(period.topic ? [period.topic] : []), schoolDayStart(period.from), schoolDayEnd(period.to)],
  };
}

/** The people counted: active, of the kinds, in one of the subtrees. */
function populationSql(paths: readonly string[], period: CoveragePeriod): { sql: string; params: unknown[] } {
  return {
    sql: `p.active = TRUE AND p.kind IN (${period.kinds.map(() => '?').join(', ')}) AND (${paths.map(() => 'p.org_path LIKE ?').join(' OR ')})`,
    params: [...period.kinds, ...paths.map((path) => `${escapeLike(path)}%`)],
  };
}

/**
 * Population and covered people of many subtrees in one statement: counted per unit path of the people,
 * then summed up the tree here (a person sits in one unit, so sums of units are sums of distinct people).
 */
export async function coverageByPaths(manager: EntityManager, paths: readonly string[], period: CoveragePeriod): Promise<Map<string, { population: number; covered: number }>> {
  const wanted = [...new Set(paths)];
  const totals = new Map(wanted.map((path) => [path, { population: 0, covered: 0 }]));
  if (!wanted.length) return totals;
  const attended = attendedSql(period);
  const population = populationSql(wanted, period);
  const rows: { org_path: string; population: string; covered: string }[] = await manager.query(
    `SELECT p.org_path, COUNT(*) AS population, SUM(${attended.sql}) AS covered
     FROM person_projection p WHERE ${population.sql} GROUP BY p.org_path`,
    [...attended.params, ...population.params],
  );
  for (const row of rows) {
    // Each ancestor path of the row's unit (itself included) that was asked for gets its counts.
    for (let end = row.org_path.indexOf('/', 1); end > 0; end = row.org_path.indexOf('/', end + 1)) {
      const total = totals.get(row.org_path.slice(0, end + 1));
      if (!total) continue;
      total.population += Number(row.population);
      total.covered += Number(row.covered ?? 0);
    }
  }
  return totals;
}

/**
 * Coverage of projected units by id, their paths with it, in one statement: each unit's subtree is a range
 * of the people's org_path index. The range is written as bounds, not `LIKE CONCAT(u.path, '%')`, which
 * MariaDB cannot serve from the index (a scan of every person per unit); paths hold only [A-Za-z0-9_-/],
 * all below '~' in ascii_bin, so [path, path + '~') is exactly the subtree.
 */
async function coverageOfUnits(manager: EntityManager, unitIds: readonly string[], period: CoveragePeriod): Promise<Map<string, { path: string; population: number; covered: number }>> {
  const attended = attendedSql(period);
  const rows: { id: string; path: string; population: string; covered: string | null }[] = await manager.query(
    `SELECT u.id, u.path, COUNT(p.id) AS population, SUM(${attended.sql}) AS covered
     FROM org_unit_projection u
     LEFT JOIN person_projection p ON p.org_path >= u.path AND p.org_path < CONCAT(u.path, '~')
       AND p.active = TRUE AND p.kind IN (${period.kinds.map(() => '?').join(', ')})
     WHERE u.id IN (${unitIds.map(() => '?').join(', ')}) GROUP BY u.id, u.path`,
    [...attended.params, ...period.kinds, ...unitIds],
  );
  return new Map(rows.map((row) => [row.id, { path: row.path, population: Number(row.population), covered: Number(row.covered ?? 0) }]));
}

export function toCoverage(unitId: string, path: string, period: CoveragePeriod, figures: { population: number; covered: number }): EducationCoverage {
  return {
    orgUnit: { id: unitId },
    from: period.from,
    to: period.to,
    topic: period.topic,
    kinds: period.kinds,
    population: figures.population,
    covered: figures.covered,
    rate: figures.population ? figures.covered / figures.population : null,
    orgPath: path,
  };
}

/**
 * OrgUnit.educationCoverage: every projected unit asked for in one request with the same period is counted
 * by one statement; a unit too new to be projected is looked up in the directory and counted on its own.
 */
export function loadCoverage(caller: Caller, dataSource: DataSource, directory: OrgUnitDirectory, unitId: string, period: CoveragePeriod): Promise<EducationCoverage> {
  const loader = caller.loaders.get(`OrgUnit.educationCoverage:${periodKey(period)}`, () =>
    new DataLoader<string, EducationCoverage>(async (unitIds) => {
      const counted = await coverageOfUnits(dataSource.manager, unitIds, period);
      return Promise.all(
        unitIds.map(async (id) => {
          const unit = counted.get(id);
          if (unit) return EDUCATION_ACTIVITY_ACCESS.allows(caller, 'viewCoverage', unit.path) ? toCoverage(id, unit.path, period, unit) : new NotFoundError('单位', id);
          const path = await visibleUnitPath(directory, caller, id).catch((error: Error) => error);
          if (typeof path !== 'string') return path;
          return toCoverage(id, path, period, (await coverageByPaths(dataSource.manager, [path], period)).get(path)!);
        }),
      );
    }),
  );
  return loader.load(unitId);
}

interface NotCoveredRow {
  unit_path: string;
  id: string;
  name: string;
  kind: AudienceKind;
  org_unit_id: string;
}

/**
 * EducationCoverage.notCovered: who of the population has no attendance in the period, by name. The pages
 * of every unit asked for in one request (same period and page) come from one statement.
 */
export function loadNotCovered(
  caller: Caller,
  dataSource: DataSource,
  coverage: EducationCoverage,
  period: CoveragePeriod,
  first: number,
  after: string | null | undefined,
): Promise<ConnectionShape<EducationCoveragePerson>> {
  const cursor = decodeCursor(after, 2);
  const loader = caller.loaders.get(`EducationCoverage.notCovered:${periodKey(period)}:${first}:${after ?? ''}`, () =>
    new DataLoader<string, NotCoveredRow[]>(async (paths) => {
      const attended = attendedSql(period);
      const units = paths.map(() => 'SELECT ? AS unit_path, ? AS pattern').join(' UNION ALL ');
      const unitParams = paths.flatMap((path) => [path, `${escapeLike(path)}%`]);
      const kinds = period.kinds.map(() => '?').join(', ');
      const keyset = cursor ? 'AND (p.name > ? OR (p.name = ? AND p.id > ?))' : '';
      const rows: NotCoveredRow[] = await dataSource.query(
        `SELECT * FROM (
           SELECT u.unit_path, p.id, p.name, p.kind, p.org_unit_id, ROW_NUMBER() OVER (PARTITION BY u.unit_path ORDER BY p.name, p.id) AS rn
           FROM (${units}) u JOIN person_projection p ON p.org_path LIKE u.pattern
           WHERE p.active = TRUE AND p.kind IN (${kinds}) AND NOT ${attended.sql} ${keyset}
         ) ranked WHERE rn <= ? ORDER BY unit_path, rn`,
        [...unitParams, ...period.kinds, ...attended.params, ...(cursor ? [cursor[0], cursor[0], cursor[1]] : []), first + 1],
      );
      return paths.map((path) => rows.filter((row) => row.unit_path === path));
    }),
  );
  return loader.load(coverage.orgPath).then((rows) =>
    toConnection(rows, first, coverage.population - coverage.covered, (row) => [row.name, row.id], (row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      orgUnit: { id: row.org_unit_id },
    })),
  );
}
