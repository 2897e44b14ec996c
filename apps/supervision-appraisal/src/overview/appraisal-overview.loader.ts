import { RankMetric } from '@campus/graphql';
import { OrgUnitDirectory, ProjectedOverviews } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { APPRAISAL_ACCESS } from '../appraisals/appraisal.access';
import { toAppraisal } from '../appraisals/appraisal.types';
import { latestAppraisals, reportCounts } from './appraisal-overview.queries';
import { AppraisalRankMetric, UnitAppraisalOverview } from './appraisal-overview.types';

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
export class AppraisalOverviewLoader extends ProjectedOverviews<UnitAppraisalOverview, AppraisalRankMetric> {
  constructor(dataSource: DataSource, directory: OrgUnitDirectory, now: () => Date) {
    super(dataSource, directory, {
      name: 'OrgUnit.appraisalOverview',
      allows: (caller) => (path) => APPRAISAL_ACCESS.allows(caller, 'view', path),
      metrics: METRICS,
      compute: async (_caller, units) => {
        const appraisals = await latestAppraisals(dataSource, units.map((unit) => unit.id));
        const reports = await reportCounts(dataSource, [...new Set(units.map((unit) => unit.path))], now());
        return new Map(units.map((unit) => [unit.id, overviewOf(appraisals.get(unit.id), reports.get(unit.path)!)]));
      },
    });
  }
}

function overviewOf(
  latest: Parameters<typeof toAppraisal>[0] | undefined,
  counts: { missing: number; late: number; on_time: number },
): UnitAppraisalOverview {
  return {
    latestAppraisal: latest ? toAppraisal(latest) : null,
    latestScore: latest ? Number(latest.total) : null,
    latestGrade: latest?.grade ?? null,
    latestVetoed: latest ? Boolean(latest.vetoed) : null,
    reportsMissing: counts.missing,
    reportsLate: counts.late,
    reportsOnTime: counts.on_time,
  };
}
