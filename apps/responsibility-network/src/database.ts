import { EVENT_ENTITIES, EventTables1764100000000 } from '@campus/events';
import { AccountEntity } from './accounts/account.entity';
import { RoleGrantEntity } from './accounts/role-grant.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { OrgUnitEntity } from './org-units/org-unit.entity';
import { PersonEntity } from './people/person.entity';
import { MODULES } from './modules';

export const ENTITIES = [OrgUnitEntity, PersonEntity, AccountEntity, RoleGrantEntity, ...EVENT_ENTITIES, ...MODULES.flatMap((module) => module.entities)];
export const MIGRATIONS = [Initial1764000000000, EventTables1764100000000, ...MODULES.flatMap((module) => module.migrations)];
