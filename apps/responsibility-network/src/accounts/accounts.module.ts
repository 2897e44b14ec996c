import { FeatureModule } from '@campus/server';
import { flagLettersForNewLeader } from '../letters/new-leader';
import { RoleGrantLog1764200000007 } from '../migrations/1764200000007-role-grant-log';
import type { ResponsibilityDeps } from '../service';
import { AccountEntity } from './account.entity';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { RoleGrantLogEntity } from './role-grant-log.entity';
import { ROLE_GRANT_POLICY } from './role-grant.access';
import { RoleGrantEntity } from './role-grant.entity';

/** 账号与授权: local accounts, login, role grants with their log, and `me` (its open responsibilities: my-responsibilities). */
export const ACCOUNTS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'accounts',
  entities: [AccountEntity, RoleGrantEntity, RoleGrantLogEntity],
  migrations: [RoleGrantLog1764200000007],
  policies: [ROLE_GRANT_POLICY],
  resolvers: ({ dataSource, tokens, orgUnits, people }) => [
    new AccountResolver(new AccountService(dataSource, tokens, flagLettersForNewLeader), orgUnits, people),
  ],
};
