import { hashPassword, Role } from '@campus/auth';
import { childPath, newId } from '@campus/database';
import { PersonCreated, recordEvent } from '@campus/events';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { PersonKind } from '../people/person-kind';
import { PersonEntity } from '../people/person.entity';
import { recordOrgUnitCreated } from '../org-units/org-unit.events';
import { AccountEntity } from './account.entity';
import { RoleGrantEntity } from './role-grant.entity';

export interface BootstrapSettings {
  rootCode: string;
  rootName: string;
  rootKind: OrgUnitKind;
  adminUsername: string;
  adminPassword: string;
  /** The administrator's own name: when given, a person of the root unit linked to the account (an inbox, a to-do list). */
  adminName?: string | null;
}

/**
 * A new deployment has no unit and no account to log in with: create the root unit and its first
 * administrator once, when the organisation is empty. Returns whether it did.
 */
export async function bootstrapIfEmpty(dataSource: DataSource, settings: BootstrapSettings): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const [{ count }] = await manager.query('SELECT COUNT(*) AS count FROM org_unit FOR UPDATE');
    if (Number(count) > 0) return false;
    const rootId = newId();
    const root = await manager.save(
      manager.create(OrgUnitEntity, {
        id: rootId,
        code: settings.rootCode,
        name: settings.rootName,
        kind: settings.rootKind,
        parentId: null,
        path: childPath('/', rootId),
        depth: 0,
      }),
    );
    await recordOrgUnitCreated(manager, root);
    const personId = settings.adminName ? await createAdminPerson(manager, root, settings.adminName) : null;
    const accountId = newId();
    await manager.save(
      manager.create(AccountEntity, {
        id: accountId,
        username: settings.adminUsername,
        passwordHash: await hashPassword(settings.adminPassword),
        personId,
        active: true,
      }),
    );
    const role = settings.rootKind === OrgUnitKind.BUREAU ? Role.BUREAU_ADMIN : Role.SAFETY_OFFICE;
    await manager.save(manager.create(RoleGrantEntity, { id: newId(), accountId, role, orgUnitId: rootId, grantedBy: null }));
    return true;
  });
}

async function createAdminPerson(manager: EntityManager, root: OrgUnitEntity, name: string): Promise<string> {
  const person = await manager.save(
    manager.create(PersonEntity, { id: newId(), name, kind: PersonKind.STAFF, orgUnitId: root.id, orgPath: root.path, position: '安全管理员', active: true }),
  );
  await recordEvent(manager, PersonCreated, person.id, {
    id: person.id,
    name: person.name,
    kind: person.kind,
    orgUnitId: person.orgUnitId,
    orgPath: person.orgPath,
    active: person.active,
  });
  return person.id;
}
