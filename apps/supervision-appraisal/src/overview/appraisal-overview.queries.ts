import { escapeLike, outermostPaths, subtreeTotals } from '@campus/database';
import { calendarDateOf } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { AppraisalEntity, AppraisalStatus } from '../appraisals/appraisal.entity';
import { ReportCadence, ReportTemplateStatus } from '../periodic-reports/periodic-report-enums';
import { DUTY_LOOKBACK_PERIODS } from '../periodic-reports/report-status';
import { dueAt, periodOf, shiftPeriod } from '../periodic-reports/report-periods';

const SHOWN_STATUSES = [AppraisalStatus.PUBLISHED, AppraisalStatus.FINAL];
const REPORT_COLUMNS = ['missing', 'late', 'on_time'] as const;

/** One statement: each unit's latest published (or final) appraisal. */
export async function latestAppraisals(dataSource: DataSource, unitIds: string[]): Promise<Map<string, AppraisalEntity>> {
  const rows = await dataSource
    .getRepository(AppraisalEntity)
    .createQueryBuilder('a')
    .where('a.org_unit_id IN (:...unitIds) AND a.status IN (:...statuses)', { unitIds, statuses: SHOWN_STATUSES })
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM appraisal b WHERE b.org_unit_id = a.org_unit_id AND b.status IN (:...statuses)
         AND (b.computed_at > a.computed_at OR (b.computed_at = a.computed_at AND b.id > a.id)))`,
    )
    .getMany();
  return new Map(rows.map((row) => [row.orgUnitId, row]));
}

interface TargetRow {
  template_id: string;
  org_unit_id: string;
  unit_path: string;
  cadence: ReportCadence;
  due_offset_periods: number;
  due_day: number;
  due_minutes: number;
  starts_on: string;
}

/**
 * Two statements: the active templates' targets under the subtrees, then their submissions; per target the
 * last DUTY_LOOKBACK_PERIODS periods past due are missing, late or on time (as a unit's duties count them).
 */
export async function reportCounts(dataSource: DataSource, paths: string[], now: Date) {
  const prefixes = outermostPaths(paths);
  const targets: TargetRow[] = await dataSource.query(
    `SELECT t.template_id, t.org_unit_id, u.path AS unit_path, r.cadence, r.due_offset_periods, r.due_day, r.due_minutes,
            DATE_FORMAT(r.starts_on, '%Y-%m-%d') AS starts_on
       FROM periodic_report_target t
       JOIN periodic_report_template r ON r.id = t.template_id AND r.status = ?
       JOIN org_unit_projection u ON u.id = t.org_unit_id
      WHERE ${prefixes.map(() => 'u.path LIKE ?').join(' OR ')}`,
    [ReportTemplateStatus.ACTIVE, ...prefixes.map((path) => `${escapeLike(path)}%`)],
  );
  if (targets.length === 0) return subtreeTotals([], paths, REPORT_COLUMNS);
  const templateIds = [...new Set(targets.map((row) => row.template_id))];
  const unitIds = [...new Set(targets.map((row) => row.org_unit_id))];
  const submissions: { template_id: string; org_unit_id: string; period_key: string; late: number }[] = await dataSource.query(
    `SELECT template_id, org_unit_id, period_key, late FROM periodic_report_submission
      WHERE template_id IN (${templateIds.map(() => '?').join(', ')}) AND org_unit_id IN (${unitIds.map(() => '?').join(', ')})`,
    [...templateIds, ...unitIds],
  );
  const submitted = new Map(submissions.map((row) => [`${row.template_id}|${row.org_unit_id}|${row.period_key}`, Boolean(row.late)]));
  const rows = targets.map((target) => {
    const counts = { org_path: target.unit_path, missing: 0, late: 0, on_time: 0 };
    const rule = { offsetPeriods: target.due_offset_periods, day: target.due_day, minutes: target.due_minutes };
    const first = periodOf(target.cadence, target.starts_on);
    const current = periodOf(target.cadence, calendarDateOf(now));
    for (let index = 0, period = current; index < DUTY_LOOKBACK_PERIODS && period.startsOn >= first.startsOn; index++, period = shiftPeriod(target.cadence, period, -1)) {
      if (dueAt(target.cadence, period, rule).getTime() >= now.getTime()) continue;
      const late = submitted.get(`${target.template_id}|${target.org_unit_id}|${period.key}`);
      if (late === undefined) counts.missing += 1;
      else if (late) counts.late += 1;
      else counts.on_time += 1;
    }
    return counts;
  });
  return subtreeTotals(rows, paths, REPORT_COLUMNS);
}
