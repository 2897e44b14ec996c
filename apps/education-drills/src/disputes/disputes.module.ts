import { FeatureModule } from '@campus/server';
import { Disputes1765000000500 } from '../migrations/1765000000500-disputes';
import type { EducationDeps } from '../service';
import { DISPUTE_POLICY, RISK_REGISTER_ACCESS_LOG_POLICY } from './dispute.access';
import { DisputeEntity, DisputeMediationEntity } from './dispute.entity';
import { DisputeResolver } from './dispute.resolver';
import { DisputeService } from './dispute.service';
import { OrgUnitPeopleAtRiskResolver, PEOPLE_AT_RISK_COUNTS_POLICY } from './people-at-risk-counts';
import { RiskRegisterAccessLogService } from './risk-register-access-log';

/** 师生矛盾纠纷台账 and the access log of both people-at-risk registers: handlers only, every read logged. */
export const DISPUTES_MODULE: FeatureModule<EducationDeps> = {
  name: 'disputes',
  entities: [DisputeEntity, DisputeMediationEntity],
  migrations: [Disputes1765000000500],
  scopedTables: ['dispute', 'risk_register_access_log'],
  policies: [DISPUTE_POLICY, RISK_REGISTER_ACCESS_LOG_POLICY, PEOPLE_AT_RISK_COUNTS_POLICY],
  resolvers: ({ dataSource, directory, settings }) => [
    new DisputeResolver(new DisputeService(dataSource, directory, settings), new RiskRegisterAccessLogService(dataSource, directory), dataSource),
    new OrgUnitPeopleAtRiskResolver(dataSource, directory, settings),
  ],
};
