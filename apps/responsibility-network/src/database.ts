import { EVENT_ENTITIES, EventTables1764100000000 } from '@campus/events';
import { AccountEntity } from './accounts/account.entity';
import { RoleGrantLogEntity } from './accounts/role-grant-log.entity';
import { RoleGrantEntity } from './accounts/role-grant.entity';
import { RoleGrantLog1764200000007 } from './migrations/1764200000007-role-grant-log';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { OrgUnitEntity } from './org-units/org-unit.entity';
import { PersonEntity } from './people/person.entity';
import { MODULES } from './modules';

export const ENTITIES = [OrgUnitEntity, PersonEntity, AccountEntity, RoleGrantEntity, RoleGrantLogEntity, ...EVENT_ENTITIES, ...MODULES.flatMap((module) => module.entities)];
export const MIGRATIONS = [Initial1764000000000, EventTables1764100000000, RoleGrantLog1764200000007, ...MODULES.flatMap((module) => module.migrations)];
