import { ADMIN_ROLES, Role, Viewer } from '@campus/auth';

/**
 * Who may grant (or revoke) which role where: a bureau administers its schools, a school's safety office
 * its school (including other safety office accounts there); only a bureau administrator makes another.
 * Every grant stays within the granter's own subtree.
 */
export function mayGrant(viewer: Viewer, role: Role, unitPath: string): boolean {
  const granters = role === Role.BUREAU_ADMIN ? [Role.BUREAU_ADMIN] : ADMIN_ROLES;
  return viewer.hasRoleAt(granters, unitPath);
}
