import { FeatureModule } from '@campus/server';
import { HazardMonthlyCount1764100000002 } from '../migrations/1764100000002-hazard-monthly-count';
import { HAZARD_COUNT_POLICY } from './hazard-count.access';
import { HazardMonthlyCountRow } from './hazard-count.entity';
import { hazardCountHandlers } from './hazard-count.handlers';
import { OrgUnitHazardCountsResolver } from './hazard-count.resolver';

/** Hazards per unit and month, from hazard-tracking's events: OrgUnit.hazardMonthlyCounts. */
export const HAZARD_COUNTS_MODULE: FeatureModule = {
  name: 'hazard-counts',
  entities: [HazardMonthlyCountRow],
  migrations: [HazardMonthlyCount1764100000002],
  scopedTables: ['hazard_monthly_count'],
  policies: [HAZARD_COUNT_POLICY],
  resolvers: ({ dataSource }) => [new OrgUnitHazardCountsResolver(dataSource)],
  eventHandlers: () => hazardCountHandlers(),
};
