import { hashPassword, Role } from '@campus/auth';
import { childPath, newId } from '@campus/database';
import { DataSource } from 'typeorm';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { recordOrgUnitCreated } from '../org-units/org-unit.events';
import { AccountEntity } from './account.entity';
import { RoleGrantEntity } from './role-grant.entity';

export interface BootstrapSettings {
  rootCode: string;
  rootName: string;
  rootKind: OrgUnitKind;
  adminUsername: string;
  adminPassword: string;
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
    const accountId = newId();
    await manager.save(
      manager.create(AccountEntity, {
        id: accountId,
        username: settings.adminUsername,
        passwordHash: await hashPassword(settings.adminPassword),
        personId: null,
        active: true,
      }),
    );
    const role = settings.rootKind === OrgUnitKind.BUREAU ? Role.BUREAU_ADMIN : Role.SAFETY_OFFICE;
    await manager.save(manager.create(RoleGrantEntity, { id: newId(), accountId, role, orgUnitId: rootId, grantedBy: null }));
    return true;
  });
}
