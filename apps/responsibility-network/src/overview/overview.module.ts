import { FeatureModule } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { ResponsibilityOverviewLoader } from './responsibility-overview.loader';
import { OrgUnitResponsibilityOverviewResolver } from './responsibility-overview.resolver';

/** 单位概况: OrgUnit.responsibilityOverview and responsibilityRanking for department dashboards; `now` fixes the clock in tests. */
export function responsibilityOverviewModule(now: () => Date = () => new Date()): FeatureModule<ResponsibilityDeps> {
  return {
    name: 'responsibility-overview',
    entities: [],
    migrations: [],
    resolvers: ({ dataSource }) => [new OrgUnitResponsibilityOverviewResolver(new ResponsibilityOverviewLoader(dataSource, now))],
  };
}

export const RESPONSIBILITY_OVERVIEW_MODULE = responsibilityOverviewModule();
