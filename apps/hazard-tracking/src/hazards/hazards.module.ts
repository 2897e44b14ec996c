import { FeatureModule } from '@campus/server';
import { Initial1764000000000 } from '../migrations/1764000000000-initial';
import { HazardVoidReason1764100000002 } from '../migrations/1764100000002-hazard-void-reason';
import { HazardLoop1764300000001 } from '../migrations/1764300000001-hazard-loop';
import { HazardLinks1764400000001 } from '../migrations/1764400000001-hazard-links';
import { HazardDashboards1764400000050 } from '../migrations/1764400000050-hazard-dashboards';
import { HazardMonthlyByMonth1764400000051 } from '../migrations/1764400000051-hazard-monthly-by-month';
import type { HazardDeps } from '../service';
import { HAZARD_POLICY } from './hazard.access';
import { HazardExportResolver } from './hazard-exports';
import { HazardPlanEntity, HazardStepEntity } from './hazard-loop.entity';
import { HazardLoopResolver } from './hazard-loop.resolver';
import { HazardLoopService } from './hazard-loop.service';
import { HazardEntity } from './hazard.entity';
import { HazardReferencesResolver } from './hazard-references.resolver';
import { HazardConnectionResolver, HazardResolver } from './hazard.resolver';
import { HazardService } from './hazard.service';
import { OrgUnitHazardsResolver } from './org-unit-hazards.resolver';

/** 隐患台账: hazards through the closed loop, their file, the ledger and its exports, OrgUnit.hazards and hazardStats. */
export const HAZARDS_MODULE: FeatureModule<HazardDeps> = {
  name: 'hazards',
  entities: [HazardEntity, HazardPlanEntity, HazardStepEntity],
  migrations: [
    Initial1764000000000,
    HazardVoidReason1764100000002,
    HazardLoop1764300000001,
    HazardLinks1764400000001,
    HazardDashboards1764400000050,
    HazardMonthlyByMonth1764400000051,
  ],
  scopedTables: ['hazard', 'hazard_monthly'],
  policies: [HAZARD_POLICY],
  resolvers: ({ dataSource, directory, outbox, settings, hazardExtensions }) => {
    const hazards = new HazardService(dataSource, directory, outbox, hazardExtensions);
    const loop = new HazardLoopService(dataSource, outbox, hazardExtensions, { rectificationHorizonDays: settings.rectificationHorizonDays });
    return [
      new HazardResolver(hazards),
      new HazardConnectionResolver(),
      new HazardReferencesResolver(dataSource),
      new HazardLoopResolver(loop),
      new HazardExportResolver(dataSource, hazards, loop, hazardExtensions),
      new OrgUnitHazardsResolver(hazards, dataSource, directory),
    ];
  },
};
