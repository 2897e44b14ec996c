import { escapeLike, outermostPaths, subtreeTotals } from '@campus/database';
import { calendarDateOf, Caller, callerOf, RankMetric, RankOrder, rankOverviews, RequestContext, schoolDayEnd, schoolDayStart } from '@campus/graphql';
import { OrgUnitDirectory, projectedChildren, visibleProjectedPaths } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { EDUCATION_ACTIVITY_ACCESS } from '../activities/activity.access';
import { coveragePeriod, loadCoverage } from '../activities/coverage';
import { DrillStatus } from '../drills/drill-enums';
import { DRILL_ACCESS } from '../drills/drill.access';
import { DrillTerm, termOf } from '../drills/drill-term';
import { EducationRankMetric, EducationUnitRank, UnitEducationOverview } from './education-overview.types';
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
export class EducationOverviewLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly now: () => Date,
  ) {}

  overview(context: RequestContext, unitId: string): Promise<UnitEducationOverview> {
    return this.loader(context).load(unitId);
  }

  async ranking(context: RequestContext, unitId: string, metric: EducationRankMetric, order: RankOrder, first: number): Promise<EducationUnitRank[]> {
    const parent = await this.paths(context).load(unitId);
    const children = await projectedChildren(this.dataSource, parent, allowsOf(callerOf(context)));
    const overviews = await this.loader(context).loadMany(children.map((child) => child.id));
    return rankOverviews(children.map((child) => child.id), overviews, METRICS[metric], order, first).map((row) => ({
      unit: { id: row.unitId },
      value: row.value,
      rank: row.rank,
    }));
  }

  private paths(context: RequestContext): DataLoader<string, string> {
    const caller = callerOf(context);
    return context.loaders.get('OrgUnit.educationOverview.paths', () => {
      return new DataLoader<string, string>((unitIds) => visibleProjectedPaths(this.dataSource, this.directory, caller, unitIds, allowsOf(caller)));
    });
  }

  private loader(context: RequestContext): DataLoader<string, UnitEducationOverview> {
    const caller = callerOf(context);
    return context.loaders.get('OrgUnit.educationOverview', () => {
      return new DataLoader<string, UnitEducationOverview>(async (unitIds) => {
        const paths = await this.paths(context).loadMany(unitIds);
        const visible = unitIds.filter((_, index) => typeof paths[index] === 'string');
        if (visible.length === 0) return paths as Error[];
        const term = termOf(calendarDateOf(this.now()));
        const period = coveragePeriod({ from: term.start, to: term.end });
        const coverage = await Promise.all(visible.map((id) => loadCoverage(caller, this.dataSource, this.directory, id, period)));
        const coverageOf = new Map(visible.map((id, index) => [id, coverage[index]]));
        const drills = await drillCounts(this.dataSource, [...new Set(paths.filter((path): path is string => typeof path === 'string'))], term);
        const healthChecks = await healthCheckWeeks(this.dataSource, caller, visible.map((id) => ({ id, path: paths[unitIds.indexOf(id)] as string })), this.now());
        return unitIds.map((id, index) => {
          const path = paths[index];
          if (typeof path !== 'string') return path;
          const unitCoverage = coverageOf.get(id)!;
          const unitDrills = drills.get(path)!;
          return {
            term: term.label,
            termStart: term.start,
            termEnd: term.end,
            population: unitCoverage.population,
            covered: unitCoverage.covered,
            coverageRate: unitCoverage.rate === null ? null : Math.round(unitCoverage.rate * 10000) / 10000,
            drillsHeld: unitDrills.held,
            drillsPlanned: unitDrills.planned,
            healthChecksThisWeek: healthChecks.get(id) ?? null,
          };
        });
      });
    });
  }
}
