/** The platform's roles (labels in ROLE_LABELS); a grant of a role at a unit covers that unit's subtree. */
export enum Role {
  BUREAU_ADMIN = 'BUREAU_ADMIN',
  SAFETY_OFFICE = 'SAFETY_OFFICE',
  UNIT_LEADER = 'UNIT_LEADER',
  UNIT_SAFETY_OFFICER = 'UNIT_SAFETY_OFFICER',
  GRID_OFFICER = 'GRID_OFFICER',
  INSPECTOR = 'INSPECTOR',
  COUNSELOR = 'COUNSELOR',
  STAFF = 'STAFF',
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.BUREAU_ADMIN]: '教育局安全管理员',
  [Role.SAFETY_OFFICE]: '学校安全保卫处',
  [Role.UNIT_LEADER]: '单位负责人(第一责任人)',
  [Role.UNIT_SAFETY_OFFICER]: '单位安全员',
  [Role.GRID_OFFICER]: '网格责任人/网格安全员',
  [Role.INSPECTOR]: '督导组成员',
  [Role.COUNSELOR]: '心理健康中心',
  [Role.STAFF]: '教职工',
};

/** Every role: an action open to anyone granted any role at (or above) the row's unit. */
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Roles that manage the organisation and its people within their subtree. */
export const ADMIN_ROLES: readonly Role[] = [Role.BUREAU_ADMIN, Role.SAFETY_OFFICE];

/** The unit's leadership: the offices above it and its leader (第一责任人). */
export const UNIT_HEAD_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER];

/** Who runs a unit's safety work day to day: its leadership and its safety officer. */
export const UNIT_SAFETY_MANAGER_ROLES: readonly Role[] = [...UNIT_HEAD_ROLES, Role.UNIT_SAFETY_OFFICER];

/** Roles that may register and manage hazards within their subtree. */
export const HAZARD_REPORTER_ROLES: readonly Role[] = Object.values(Role).filter((role) => role !== Role.COUNSELOR);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (Object.values(Role) as string[]).includes(value);
}
