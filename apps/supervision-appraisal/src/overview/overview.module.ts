import { FeatureModule } from '@campus/server';
import type { AppraisalDeps } from '../service';
import { AppraisalOverviewLoader } from './appraisal-overview.loader';
import { OrgUnitAppraisalOverviewResolver } from './appraisal-overview.resolver';

/** 单位概况: OrgUnit.appraisalOverview and appraisalRanking for department dashboards; `now` fixes the clock in tests. */
export function appraisalOverviewModule(now: () => Date = () => new Date()): FeatureModule<AppraisalDeps> {
  return {
    name: 'appraisal-overview',
    entities: [],
    migrations: [],
    resolvers: ({ dataSource, directory }) => [new OrgUnitAppraisalOverviewResolver(new AppraisalOverviewLoader(dataSource, directory, now))],
  };
}

export const APPRAISAL_OVERVIEW_MODULE = appraisalOverviewModule();
