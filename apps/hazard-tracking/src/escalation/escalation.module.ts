import { FeatureModule, PeriodicJob } from '@campus/server';
import { HazardEscalation1764300000004 } from '../migrations/1764300000004-hazard-escalation';
import type { HazardDeps } from '../service';
import { HazardEscalationEntity, HazardOverdueEntity } from './escalation.entity';
import { HazardEscalationsResolver } from './hazard-escalations.resolver';
import { OverdueEscalator } from './overdue-escalator';

/** 逾期升级: overdue detection and tiered escalation as a background job; Hazard.escalations. */
export const ESCALATION_MODULE: FeatureModule<HazardDeps> = {
  name: 'escalation',
  entities: [HazardOverdueEntity, HazardEscalationEntity],
  migrations: [HazardEscalation1764300000004],
  resolvers: ({ dataSource }) => [new HazardEscalationsResolver(dataSource)],
  jobs: ({ dataSource, outbox, logger, settings }) => {
    const escalator = new OverdueEscalator(dataSource, outbox, logger);
    return [new PeriodicJob('hazard escalation', settings.schedulerIntervalMs, logger, () => escalator.runOnce())];
  },
};
