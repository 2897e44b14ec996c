import { EntityManager } from 'typeorm';

/**
 * An appraisal period: whole months, first day to last day inclusive (YYYY-MM-DD), as schemes' periods
 * (年度, 上/下半年, 季度) are. Facts kept by month are therefore exact for every period.
 */
export interface MetricPeriod {
  from: string;
  to: string;
  /**
   * The day the values are taken as of (YYYY-MM-DD, school time; today when absent): what falls due in the
   * period counts once it is due before this day, or earlier when already done by it (a live process
   * appraisal mid-period does not count December's deadlines as missed in June); a recomputation as of a
   * past day gives that day's figures.
   */
  asOf?: string;
}

/** A unit whose value is asked for: the value is of the unit's whole subtree (its path as prefix). */
export interface MetricUnit {
  id: string;
  path: string;
}

/** A rate is numerator ÷ denominator (null when nothing is due: no hazards, no people); a count is the numerator. */
export interface MetricValue {
  value: number | null;
  numerator: number;
  denominator: number | null;
}

/** One record behind a value (why is our rectification rate 82 %?): the source's kind and id in its service, and what it counted as. */
export interface MetricSource {
  /** What the record is: HAZARD, INSPECTION_TASK, DRILL, LETTER, INCIDENT, FINDING, CAMPAIGN_REPORT, NOTICE, PERSON … */
  kind: string;
  id: string;
  /** A short Chinese description (hazard code and title, drill title …); never a student's name. */
  label: string;
  orgUnitId: string;
  /** When it happened (registered, held, due), ISO date-time. */
  at: string | null;
  /** How it counted: e.g. 已整改、逾期未整改、按期完成、未覆盖. */
  counted: string;
}

export interface MetricSourcePage {
  rows: MetricSource[];
  hasMore: boolean;
  /** Opaque cursor of the last row (pass as `after`). */
  endCursor: string | null;
}

/**
 * An automatic indicator's data source (自动指标的数据来源), computed from the facts this service
 * keeps from the other services' events (never from their databases).
 */
export interface AutomaticMetric {
  /** The IndicatorMetric code a scheme's automatic indicator names. */
  code: string;
  /** Chinese name, e.g. 隐患整改率. */
  name: string;
  kind: 'RATE' | 'COUNT';
  /** Higher is better (a rate of rectification) or lower is better (overdue hazards, incidents). */
  higherIsBetter: boolean;
  /**
   * The values of many units in one period, each of its subtree, in a bounded number of statements
   * (set-based: a year-end run asks for 2,000 schools at once). Every unit asked for has an entry.
   */
  values(manager: EntityManager, units: readonly MetricUnit[], period: MetricPeriod): Promise<Map<string, MetricValue>>;
  /** The records behind one unit's value, in a stable order, paged by keyset. */
  sources(manager: EntityManager, unit: MetricUnit, period: MetricPeriod, first: number, after: string | null): Promise<MetricSourcePage>;
}
