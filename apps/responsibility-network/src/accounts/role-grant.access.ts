import { ADMIN_ROLES, Role } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

/**
 * Who may grant (or revoke) which role where: a bureau administers its schools, a school's safety office
 * its school (other safety office accounts there included); only a bureau administrator makes another.
 * Every grant stays within the granter's own subtree. Opening an account grants its first roles by the
 * same rules; deactivating one (setAccountActive) needs the right to revoke every role it holds.
 */
export const ROLE_GRANT_POLICY = definePolicy({
  aggregate: 'RoleGrant',
  label: '授权',
  actions: {
    view: viewRule('查看授权记录'),
    grant: {
      roles: ADMIN_ROLES,
      label: '授予或撤销角色（开设账号时同；停用、启用账号须能撤销其全部角色）',
      refusal: '只能在自己管理的单位范围内授权',
      condition: '不能给自己授权，不能停用自己；教育局管理员角色见 grantBureauAdmin',
    },
    grantBureauAdmin: {
      roles: [Role.BUREAU_ADMIN],
      label: '授予或撤销教育局管理员角色',
      refusal: '只有教育局管理员可以授予教育局管理员角色',
    },
  },
});

export type GrantAction = 'grant' | 'grantBureauAdmin';

/** The policy action granting (or revoking) this role is. */
export function grantActionOf(role: Role): GrantAction {
  return role === Role.BUREAU_ADMIN ? 'grantBureauAdmin' : 'grant';
}

/** A grant has no scope of its own: it is judged at the unit it is granted at (the rows checked are units). */
export const ROLE_GRANT_ACCESS = scopedAccess(ROLE_GRANT_POLICY, OrgUnitEntity, (unit) => unit.path);
