import { schoolDayEnd, schoolDayStart } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { AutomaticMetric, MetricPeriod, MetricSourcePage, MetricUnit, MetricValue } from '../metrics/metric';
import { afterKey, asOfOf, countOf, isoOf, rateOf, rollUp, SqlFragment, sourcePage, subtreeRange, subtreeRanges } from '../metrics/fact-sql';

/** What a hazard metric's statements are given: the period's days and instants, and the day and instant it is taken as of. */
export interface HazardWindow {
  from: string;
  to: string;
  fromInstant: Date;
  toInstant: Date;
  asOf: string;
  asOfInstant: Date;
}

/**
 * A metric over hazard_fact (alias h): which hazards count in a period, which of them are hits (the
 * numerator of a rate; for a count, which of two ways each counted), and the column sources are listed by.
 */
export interface HazardMetricSpec {
  code: string;
  name: string;
  kind: 'RATE' | 'COUNT';
  higherIsBetter: boolean;
  /** The index to read (it covers every column the statements use). */
  index: string;
  counted(window: HazardWindow): SqlFragment;
  hit(window: HazardWindow): SqlFragment;
  /** How a hit and a miss are described among the sources. */
  labels: [hit: string, miss: string];
  /** The column sources are ordered by (with the id), and their `at`. */
  sortColumn: string;
}

export function windowOf(period: MetricPeriod): HazardWindow {
  const asOf = asOfOf(period);
  return { from: period.from, to: period.to, fromInstant: schoolDayStart(period.from), toInstant: schoolDayEnd(period.to), asOf: asOf.day, asOfInstant: asOf.instant };
}

interface SourceRow {
  id: string;
  code: string | null;
  title: string | null;
  org_unit_id: string;
  sort_key: unknown;
  hit: string | number;
}

/** An AutomaticMetric from its spec: one grouped statement for all units, one keyset statement per page of sources. */
export function hazardMetric(spec: HazardMetricSpec): AutomaticMetric {
  return {
    code: spec.code,
    name: spec.name,
    kind: spec.kind,
    higherIsBetter: spec.higherIsBetter,

    async values(manager: EntityManager, units: readonly MetricUnit[], period: MetricPeriod): Promise<Map<string, MetricValue>> {
      const window = windowOf(period);
      const [ranges, counted, hit] = [subtreeRanges('h.org_path', units), spec.counted(window), spec.hit(window)];
      const rows: { org_path: string; total: string; hits: string }[] = await manager.query(
        `SELECT h.org_path, COUNT(*) AS total, SUM(${hit.sql}) AS hits FROM hazard_fact h FORCE INDEX (${spec.index})
          WHERE ${ranges.sql} AND ${counted.sql} GROUP BY h.org_path`,
        [...hit.params, ...ranges.params, ...counted.params],
      );
      const totals = rollUp(units, rows, ['total', 'hits']);
      return new Map(units.map((unit) => {
        const { total, hits } = totals.get(unit.id)!;
        return [unit.id, spec.kind === 'RATE' ? rateOf(hits, total) : countOf(total)];
      }));
    },

    async sources(manager: EntityManager, unit: MetricUnit, period: MetricPeriod, first: number, after: string | null): Promise<MetricSourcePage> {
      const window = windowOf(period);
      const [range, counted, hit, cursor] = [subtreeRange('h.org_path', unit), spec.counted(window), spec.hit(window), afterKey(spec.sortColumn, 'h.id', after)];
      const rows: SourceRow[] = await manager.query(
        `SELECT h.id, h.code, h.title, h.org_unit_id, ${spec.sortColumn} AS sort_key, ${hit.sql} AS hit FROM hazard_fact h
          WHERE ${range.sql} AND ${counted.sql} AND ${cursor.sql} ORDER BY ${spec.sortColumn}, h.id LIMIT ?`,
        [...hit.params, ...range.params, ...counted.params, ...cursor.params, first + 1],
      );
      return sourcePage(rows, first, (row) => [isoOf(row.sort_key) ?? '', row.id], (row) => ({
        kind: 'HAZARD',
        id: row.id,
        label: [row.code, row.title].filter(Boolean).join(' ') || row.id,
        orgUnitId: row.org_unit_id,
        at: isoOf(row.sort_key),
        counted: Number(row.hit) ? spec.labels[0] : spec.labels[1],
      }));
    },
  };
}
