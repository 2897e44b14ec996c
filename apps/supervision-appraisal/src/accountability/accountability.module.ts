import { FeatureModule } from '@campus/server';
import { Accountability1764600000090 } from '../migrations/1764600000090-accountability';
import type { AppraisalDeps } from '../service';
import { AccountabilityList, mountAccountabilityList } from './accountability-list';
import { accountabilityEscalationHandlers } from './accountability-proposals';
import { ACCOUNTABILITY_POLICY } from './accountability.access';
import { AccountabilityRecordEntity } from './accountability.entity';
import { AccountabilityResolver, OrgUnitAccountabilityResolver } from './accountability.resolver';
import { AccountabilityService } from './accountability.service';
import { NO_PERSON_NAMES } from './person-names';

/**
 * 问责/通报: records against a unit or a person made by a school or bureau above it, or proposed by the
 * platform from a tier-3 hazard escalation (and, through proposeAccountability, an appraisal veto), each
 * confirmed, dismissed or later revoked by a person of the issuing unit; accountability.recorded on
 * confirmation; OrgUnit.accountabilityRecords; the 问责通报清单 download (GET /accountability-list, streamed).
 */
export const ACCOUNTABILITY_MODULE: FeatureModule<AppraisalDeps> = {
  name: 'accountability',
  entities: [AccountabilityRecordEntity],
  migrations: [Accountability1764600000090],
  scopedTables: ['accountability_record', { table: 'accountability_record', column: 'issuing_path' }],
  policies: [ACCOUNTABILITY_POLICY],
  resolvers: ({ dataSource, directory, outbox }) => [new AccountabilityResolver(new AccountabilityService(dataSource, directory, outbox)), new OrgUnitAccountabilityResolver(dataSource)],
  eventHandlers: () => accountabilityEscalationHandlers(),
  routes: (app, deps) => {
    mountAccountabilityList(app, new AccountabilityList(deps.dataSource, deps.directory, deps.personNames ?? NO_PERSON_NAMES), deps.verifyToken);
  },
};
