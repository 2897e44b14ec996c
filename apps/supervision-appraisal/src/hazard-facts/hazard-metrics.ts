import { MAJOR_HAZARD_REPORT_LIMIT_HOURS } from '@campus/events';
import { AutomaticMetric } from '../metrics/metric';
import { hazardMetric, HazardWindow } from './hazard-metric';

/** Rectified (accepted, closed or archived) on or before the day the values are taken as of. */
const rectifiedByAsOf = (window: HazardWindow) => ({ sql: '(h.rectified_on IS NOT NULL AND h.rectified_on <= ?)', params: [window.asOf] });

/**
 * 隐患整改率 = rectified ÷ due. Due: the hazards (not voided) whose due day — the rectification deadline, or
 * for one rectified without a deadline (即查即改) the day it was rectified — falls in the period, and is
 * already past on the as-of day or the hazard already rectified. Rectified: accepted, closed or archived by
 * the as-of day, on time or late. A hazard without a deadline and not rectified is not due yet.
 */
export const RECTIFICATION_RATE = hazardMetric({
  code: 'RECTIFICATION_RATE',
  name: '隐患整改率',
  kind: 'RATE',
  higherIsBetter: true,
  index: 'ix_hazard_fact_due',
  counted: (window) => ({
    sql: 'h.voided = 0 AND h.due_on >= ? AND h.due_on <= ? AND (h.due_on < ? OR (h.rectified_on IS NOT NULL AND h.rectified_on <= ?))',
    params: [window.from, window.to, window.asOf, window.asOf],
  }),
  hit: rectifiedByAsOf,
  labels: ['已整改', '未整改'],
  sortColumn: 'h.due_on',
});

/**
 * 按期整改率 = rectified by the deadline ÷ rectified. Rectified: hazards accepted (验收通过) on a day of the
 * period (up to the as-of day); by the deadline: on or before their deadline's day, or without a deadline
 * (即查即改, fixed at once).
 */
export const ON_TIME_RECTIFICATION = hazardMetric({
  code: 'ON_TIME_RECTIFICATION',
  name: '按期整改率',
  kind: 'RATE',
  higherIsBetter: true,
  index: 'ix_hazard_fact_rectified',
  counted: (window) => ({ sql: 'h.rectified_on >= ? AND h.rectified_on <= ? AND h.rectified_on <= ?', params: [window.from, window.to, window.asOf] }),
  hit: () => ({ sql: '(h.deadline IS NULL OR h.rectified_on <= h.deadline)', params: [] }),
  labels: ['按期整改', '超期整改'],
  sortColumn: 'h.rectified_on',
});

/**
 * 逾期隐患数 (lower is better): hazards (not voided) whose rectification deadline falls in the period, is
 * past on the as-of day, and that were not rectified by it — rectified later, or still not rectified.
 * (hazard-tracking's hazard.overdue finds the same hazards; the rule here also holds before its job ran.)
 */
export const OVERDUE_HAZARDS = hazardMetric({
  code: 'OVERDUE_HAZARDS',
  name: '逾期隐患数',
  kind: 'COUNT',
  higherIsBetter: false,
  index: 'ix_hazard_fact_due',
  counted: (window) => ({
    sql: `h.voided = 0 AND h.due_on >= ? AND h.due_on <= ? AND h.deadline IS NOT NULL AND h.deadline < ?
          AND (h.rectified_on IS NULL OR h.rectified_on > h.deadline)`,
    params: [window.from, window.to, window.asOf],
  }),
  hit: rectifiedByAsOf,
  labels: ['逾期后整改', '逾期未整改'],
  sortColumn: 'h.deadline',
});

/**
 * 重大隐患迟报数 (lower is better): major hazards (not voided) discovered in the period whose 报告 step came
 * more than MAJOR_HAZARD_REPORT_LIMIT_HOURS (24) hours after discovery, or that were still unreported that
 * long after discovery at the as-of instant (concealed so far). A veto fact of the appraisal.
 */
export const MAJOR_HAZARDS_REPORTED_LATE = hazardMetric({
  code: 'MAJOR_HAZARDS_REPORTED_LATE',
  name: '重大隐患迟报数',
  kind: 'COUNT',
  higherIsBetter: false,
  index: 'ix_hazard_fact_grade',
  counted: (window) => ({
    sql: `h.grade = 'MAJOR' AND h.voided = 0 AND h.discovered_at >= ? AND h.discovered_at < ?
          AND ((h.reported_at <= ? AND h.reported_at > DATE_ADD(h.discovered_at, INTERVAL ${MAJOR_HAZARD_REPORT_LIMIT_HOURS} HOUR))
            OR ((h.reported_at IS NULL OR h.reported_at > ?) AND DATE_ADD(h.discovered_at, INTERVAL ${MAJOR_HAZARD_REPORT_LIMIT_HOURS} HOUR) < ?))`,
    params: [window.fromInstant, window.toInstant, window.asOfInstant, window.asOfInstant, window.asOfInstant],
  }),
  hit: (window) => ({ sql: '(h.reported_at IS NOT NULL AND h.reported_at <= ?)', params: [window.asOfInstant] }),
  labels: ['超时报告（迟报）', '逾时未报告'],
  sortColumn: 'h.discovered_at',
});

/**
 * 督导发现问题整改率 = rectified ÷ raised: hazards raised by supervision (source 督导检查, e.g. from a
 * supervision finding), not voided, registered in the period (up to the as-of instant); rectified by the
 * as-of day.
 */
export const SUPERVISION_FINDINGS = hazardMetric({
  code: 'SUPERVISION_FINDINGS',
  name: '督导发现问题整改率',
  kind: 'RATE',
  higherIsBetter: true,
  index: 'ix_hazard_fact_source',
  counted: (window) => ({
    sql: "h.source = 'SUPERVISION' AND h.voided = 0 AND h.registered_at >= ? AND h.registered_at < ? AND h.registered_at < ?",
    params: [window.fromInstant, window.toInstant, window.asOfInstant],
  }),
  hit: rectifiedByAsOf,
  labels: ['已整改', '未整改'],
  sortColumn: 'h.registered_at',
});

export const HAZARD_LEDGER_METRICS: readonly AutomaticMetric[] = [
  RECTIFICATION_RATE,
  ON_TIME_RECTIFICATION,
  OVERDUE_HAZARDS,
  MAJOR_HAZARDS_REPORTED_LATE,
  SUPERVISION_FINDINGS,
];
