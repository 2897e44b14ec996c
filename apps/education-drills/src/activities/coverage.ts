import { Caller, ConnectionShape, decodeCursor, NotFoundError, schoolDayEnd, schoolDayStart, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIENCE_KIND_LABELS, AudienceKind } from '../people/audience-kind';
import { EducationTopic } from './activity-enums';
import { EDUCATION_ACTIVITY_ACCESS } from './activity.access';
import { ANY_TOPIC } from './coverage-rollup';
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

type UnitFigures = { path: string; population: number; covered: number };

/**
 * Population and covered people of units from the rollup (coverage-rollup.ts): per unit, the active people
 * of the kinds, and attendance days in the period minus pairs of consecutive days both in it. `units` is
 * the source of the units' ids and paths (the projection, or given rows).
 */
async function figuresOf(manager: EntityManager, units: { sql: string; params: unknown[] }, period: CoveragePeriod): Promise<Map<string, UnitFigures>> {
  const kinds = `kind IN (${period.kinds.map(() => '?').join(', ')})`;
  const topic = period.topic ?? ANY_TOPIC;
  const rows: { id: string; path: string; population: string; covered: string }[] = await manager.query(
    `SELECT u.id, u.path,
       (SELECT COALESCE(SUM(c.people), 0) FROM education_coverage_population c WHERE c.unit_id = u.id AND c.${kinds}) AS population,
       (SELECT COALESCE(SUM(d.people), 0) FROM education_coverage_day d WHERE d.unit_id = u.id AND d.topic = ? AND d.${kinds} AND d.day >= ? AND d.day <= ?)
       - (SELECT COALESCE(SUM(x.people), 0) FROM education_coverage_next x
          WHERE x.unit_id = u.id AND x.topic = ? AND x.${kinds} AND x.day >= ? AND x.day < ? AND x.next_day <= ?) AS covered
     FROM ${units.sql}`,
    [...period.kinds, topic, ...period.kinds, period.from, period.to, topic, ...period.kinds, period.from, period.to, period.to, ...units.params],
  );
  return new Map(rows.map((row) => [row.id, { path: row.path, population: Number(row.population), covered: Number(row.covered) }]));
}

/** Coverage of projected units by id, their paths with it, in one statement. */
export async function coverageOfUnits(manager: EntityManager, unitIds: readonly string[], period: CoveragePeriod): Promise<Map<string, UnitFigures>> {
  if (!unitIds.length) return new Map();
  return figuresOf(manager, { sql: `org_unit_projection u WHERE u.id IN (${unitIds.map(() => '?').join(', ')})`, params: [...unitIds] }, period);
}

/** Coverage of one unit whose path is known (a unit too new to be projected: its people count under its id all the same). */
export async function coverageOfPath(manager: EntityManager, unitId: string, path: string, period: CoveragePeriod): Promise<UnitFigures> {
  return (await figuresOf(manager, { sql: '(SELECT ? AS id, ? AS path) u', params: [unitId, path] }, period)).get(unitId)!;
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
          return toCoverage(id, path, period, await coverageOfPath(dataSource.manager, id, path, period));
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
      const units = paths.map(() => 'SELECT ? AS unit_path').join(' UNION ALL ');
      const kinds = period.kinds.map(() => '?').join(', ');
      const keyset = cursor ? 'AND (p.name > ? OR (p.name = ? AND p.id > ?))' : '';
      const rows: NotCoveredRow[] = await dataSource.query(
        `SELECT * FROM (
           SELECT u.unit_path, p.id, p.name, p.kind, p.org_unit_id, ROW_NUMBER() OVER (PARTITION BY u.unit_path ORDER BY p.name, p.id) AS rn
           FROM (${units}) u JOIN person_projection p ON p.org_path >= u.unit_path AND p.org_path < CONCAT(u.unit_path, '~')
           WHERE p.active = TRUE AND p.kind IN (${kinds}) AND NOT ${attended.sql} ${keyset}
         ) ranked WHERE rn <= ? ORDER BY unit_path, rn`,
        [...paths, ...period.kinds, ...attended.params, ...(cursor ? [cursor[0], cursor[0], cursor[1]] : []), first + 1],
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
