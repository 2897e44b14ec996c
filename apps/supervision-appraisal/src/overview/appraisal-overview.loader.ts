import { callerOf, RankMetric, RankOrder, rankOverviews, RequestContext } from '@campus/graphql';
import { OrgUnitDirectory, projectedChildren, visibleProjectedPaths } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { APPRAISAL_ACCESS } from '../appraisals/appraisal.access';
import { toAppraisal } from '../appraisals/appraisal.types';
import { latestAppraisals, reportCounts } from './appraisal-overview.queries';
import { AppraisalRankMetric, AppraisalUnitRank, UnitAppraisalOverview } from './appraisal-overview.types';

const METRICS: Record<AppraisalRankMetric, RankMetric<UnitAppraisalOverview>> = {
  APPRAISAL_SCORE: { value: (o) => (o.latestVetoed ? 0 : o.latestScore), higherIsWorse: false },
  REPORTS_MISSING: { value: (o) => o.reportsMissing, higherIsWorse: true },
  REPORTS_LATE: { value: (o) => o.reportsLate, higherIsWorse: true },
};

/**
 * OrgUnit.appraisalOverview and appraisalRanking through one per-request loader: the units' paths, their
 * latest appraisals, the report targets under them and their submissions — four statements at most.
 * Appraisals and submissions are both seen by the unit and those above it (the same view rule).
 */
export class AppraisalOverviewLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly now: () => Date,
  ) {}

  overview(context: RequestContext, unitId: string): Promise<UnitAppraisalOverview> {
    return this.loader(context).load(unitId);
  }

  async ranking(context: RequestContext, unitId: string, metric: AppraisalRankMetric, order: RankOrder, first: number): Promise<AppraisalUnitRank[]> {
    const caller = callerOf(context);
    const parent = await this.paths(context).load(unitId);
    const children = await projectedChildren(this.dataSource, parent, (path) => APPRAISAL_ACCESS.allows(caller, 'view', path));
    const overviews = await this.loader(context).loadMany(children.map((child) => child.id));
    return rankOverviews(children.map((child) => child.id), overviews, METRICS[metric], order, first).map((row) => ({
      unit: { id: row.unitId },
      value: row.value,
      rank: row.rank,
    }));
  }

  private paths(context: RequestContext): DataLoader<string, string> {
    const caller = callerOf(context);
    return context.loaders.get('OrgUnit.appraisalOverview.paths', () => {
      return new DataLoader<string, string>((unitIds) =>
        visibleProjectedPaths(this.dataSource, this.directory, caller, unitIds, (path) => APPRAISAL_ACCESS.allows(caller, 'view', path)),
      );
    });
  }

  private loader(context: RequestContext): DataLoader<string, UnitAppraisalOverview> {
    return context.loaders.get('OrgUnit.appraisalOverview', () => {
      return new DataLoader<string, UnitAppraisalOverview>(async (unitIds) => {
        const paths = await this.paths(context).loadMany(unitIds);
        const visibleIds = unitIds.filter((_, index) => typeof paths[index] === 'string');
        if (visibleIds.length === 0) return paths as Error[];
        const appraisals = await latestAppraisals(this.dataSource, visibleIds);
        const reports = await reportCounts(this.dataSource, [...new Set(paths.filter((path): path is string => typeof path === 'string'))], this.now());
        return unitIds.map((id, index) => {
          const path = paths[index];
          if (typeof path !== 'string') return path;
          const latest = appraisals.get(id);
          const counts = reports.get(path)!;
          return {
            latestAppraisal: latest ? toAppraisal(latest) : null,
            latestScore: latest ? Number(latest.total) : null,
            latestGrade: latest?.grade ?? null,
            latestVetoed: latest ? Boolean(latest.vetoed) : null,
            reportsMissing: counts.missing,
            reportsLate: counts.late,
            reportsOnTime: counts.on_time,
          };
        });
      });
    });
  }
}
