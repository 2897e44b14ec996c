import { FeatureModule } from '@campus/server';
import { RiskPoints1764300000002 } from '../migrations/1764300000002-risk-points';
import { RiskPointStrikeOff1765000000100 } from '../migrations/1765000000100-risk-point-strike-off';
import type { HazardDeps } from '../service';
import { RISK_POINT_POLICY } from './risk-point.access';
import { RiskPointEntity, RiskPointStepEntity } from './risk-point.entity';
import { RiskPointResolver } from './risk-point.resolver';
import { RiskPointService } from './risk-point.service';

/** 风险点: risk points graded by matrix or LEC, with reviews, 销号 and the units' risk-list gaps. */
export const RISK_POINTS_MODULE: FeatureModule<HazardDeps> = {
  name: 'risk-points',
  entities: [RiskPointEntity, RiskPointStepEntity],
  migrations: [RiskPoints1764300000002, RiskPointStrikeOff1765000000100],
  scopedTables: ['risk_point'],
  policies: [RISK_POINT_POLICY],
  resolvers: ({ dataSource, directory }) => [new RiskPointResolver(new RiskPointService(dataSource, directory), dataSource, directory)],
};
