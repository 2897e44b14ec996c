import { escapeLike, outermostPaths, subtreeTotals } from '@campus/database';
import { calendarDateOf, Caller, RankMetric, schoolDayEnd, schoolDayStart } from '@campus/graphql';
import { OrgUnitDirectory, ProjectedOverviews } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { EDUCATION_ACTIVITY_ACCESS } from '../activities/activity.access';
import { coveragePeriod, loadCoverage } from '../activities/coverage';
import { DrillStatus } from '../drills/drill-enums';
import { DRILL_ACCESS } from '../drills/drill.access';
import { DrillTerm, termOf } from '../drills/drill-term';
import { EducationRankMetric, UnitEducationOverview } from './education-overview.types';
import { healthCheckWeeks } from './health-check-week';

const METRICS: Record<EducationRankMetric, RankMetric<UnitEducationOverview>> = {
  EDUCATION_COVERAGE_RATE: { value: (o) => o.coverageRate, higherIsWorse: false },
  DRILLS_HELD: { value: (o) => o.drillsHeld, higherIsWorse: false },
  HEALTH_CHECK_COMPLETION_RATE: { value: (o) => o.healthChecksThisWeek?.completionRate ?? null, higherIsWorse: false },
};

/** The units' coverage and drills may both be seen: every role in scope sees them (see the two policies). */
const allowsOf = (caller: Caller) => (path: string) =>
  EDUCATION_ACTIVITY_ACCESS.allows(caller, 'viewCoverage', path) && DRILL_ACCESS.allows(caller, 'view', path);

/** One statement: drills held and planned this term, grouped by the organising unit's path. */
async function drillCounts(dataSource: DataSource, paths: string[], term: DrillTerm) {
  const prefixes = outermostPaths(paths);
  const rows = await dataSource.query(
    `SELECT d.org_path,
            SUM(d.status IN (?, ?) AND d.started_at >= ? AND d.started_at < ?) AS held,
            SUM(d.status = ? AND d.planned_date >= ? AND d.planned_date <= ?) AS planned
       FROM drill d WHERE (${prefixes.map(() => 'd.org_path LIKE ?').join(' OR ')}) GROUP BY d.org_path`,
    [
      DrillStatus.HELD,
      DrillStatus.EVALUATED,
      schoolDayStart(term.start),
      schoolDayEnd(term.end),
      DrillStatus.PLANNED,
      term.start,
      term.end,
      ...prefixes.map((path) => `${escapeLike(path)}%`),
    ],
  );
  return subtreeTotals(rows, paths, ['held', 'planned'] as const);
}

/**
 * OrgUnit.educationOverview and educationRanking through per-request loaders: the units' paths (one
 * statement), their coverage (educationCoverage's own loader: one statement), their drills (one) and this
 * week's health checks (three, when the caller may read them).
 */
export class EducationOverviewLoader extends ProjectedOverviews<UnitEducationOverview, EducationRankMetric> {
  constructor(dataSource: DataSource, directory: OrgUnitDirectory, now: () => Date) {
    super(dataSource, directory, {
      name: 'OrgUnit.educationOverview',
      allows: allowsOf,
      metrics: METRICS,
      compute: async (caller, units) => {
        const term = termOf(calendarDateOf(now()));
        const period = coveragePeriod({ from: term.start, to: term.end });
        const coverage = await Promise.all(units.map((unit) => loadCoverage(caller, dataSource, directory, unit.id, period)));
        const drills = await drillCounts(dataSource, [...new Set(units.map((unit) => unit.path))], term);
        const healthChecks = await healthCheckWeeks(dataSource, caller, units, now());
        return new Map(
          units.map((unit, index) => {
            const unitDrills = drills.get(unit.path)!;
            return [
              unit.id,
              {
                term: term.label,
                termStart: term.start,
                termEnd: term.end,
                population: coverage[index].population,
                covered: coverage[index].covered,
                coverageRate: coverage[index].rate === null ? null : Math.round(coverage[index].rate! * 10000) / 10000,
                drillsHeld: unitDrills.held,
                drillsPlanned: unitDrills.planned,
                healthChecksThisWeek: healthChecks.get(unit.id) ?? null,
              },
            ];
          }),
        );
      },
    });
  }
}
