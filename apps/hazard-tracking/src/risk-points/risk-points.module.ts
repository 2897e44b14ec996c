import { FeatureModule } from '@campus/server';
import { RiskPoints1764300000002 } from '../migrations/1764300000002-risk-points';
import type { HazardDeps } from '../service';
import { RISK_POINT_POLICY } from './risk-point.access';
import { RiskPointEntity } from './risk-point.entity';
import { RiskPointResolver } from './risk-point.resolver';
import { RiskPointService } from './risk-point.service';

/** 风险点: risk points graded by matrix or LEC, with reviews. */
export const RISK_POINTS_MODULE: FeatureModule<HazardDeps> = {
  name: 'risk-points',
  entities: [RiskPointEntity],
  migrations: [RiskPoints1764300000002],
  scopedTables: ['risk_point'],
  policies: [RISK_POINT_POLICY],
  resolvers: ({ dataSource, directory }) => [new RiskPointResolver(new RiskPointService(dataSource, directory))],
};
