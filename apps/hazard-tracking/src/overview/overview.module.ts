import { FeatureModule } from '@campus/server';
import type { HazardDeps } from '../service';
import { HazardOverviewLoader } from './hazard-overview.loader';
import { OrgUnitHazardOverviewResolver } from './hazard-overview.resolver';

/** 单位概况: OrgUnit.hazardOverview and hazardRanking for department dashboards (reads hazards, inspections, special equipment). */
export const HAZARD_OVERVIEW_MODULE: FeatureModule<HazardDeps> = {
  name: 'hazard-overview',
  entities: [],
  migrations: [],
  resolvers: ({ dataSource, directory, settings }) => [new OrgUnitHazardOverviewResolver(new HazardOverviewLoader(dataSource, directory, settings.now))],
};
