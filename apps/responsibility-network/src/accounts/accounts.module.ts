import { FeatureModule, PeriodicJob, perService } from '@campus/server';
import { flagLettersForNewLeader } from '../letters/new-leader';
import { RoleGrantLog1764200000007 } from '../migrations/1764200000007-role-grant-log';
import { LoginThrottle1764700000110 } from '../migrations/1764700000110-login-throttle';
import { pairingGrantsOf } from '../section-pairing/section-pairing-grants';
import type { ResponsibilityDeps } from '../service';
import { AccountEntity } from './account.entity';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { LoginService } from './login.service';
import { RoleGrantLogEntity } from './role-grant-log.entity';
import { ROLE_GRANT_POLICY } from './role-grant.access';
import { RoleGrantEntity } from './role-grant.entity';

const accountService = perService((deps: ResponsibilityDeps) => new AccountService(deps.dataSource, deps.outbox, deps.tokens, flagLettersForNewLeader, pairingGrantsOf));
const loginService = perService((deps: ResponsibilityDeps) => new LoginService(deps.dataSource, deps.outbox, deps.tokens, accountService(deps)));

/** 账号与授权: local accounts, login (throttled), logout, password changes, role grants with their log, and `me` (its open responsibilities: my-responsibilities). */
export const ACCOUNTS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'accounts',
  entities: [AccountEntity, RoleGrantEntity, RoleGrantLogEntity],
  migrations: [RoleGrantLog1764200000007, LoginThrottle1764700000110],
  policies: [ROLE_GRANT_POLICY],
  resolvers: (deps) => [new AccountResolver(accountService(deps), loginService(deps), deps.orgUnits, deps.people)],
  jobs: (deps) => [new PeriodicJob('login-throttle-cleanup', 10 * 60_000, deps.logger, async () => ({ throttleKeysForgotten: await loginService(deps).throttle.forgetOld() }))],
};
