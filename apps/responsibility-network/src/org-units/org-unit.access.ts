import { ADMIN_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { OrgUnitEntity } from './org-unit.entity';

const REFUSAL = '只有教育局或学校安全保卫处可以调整组织架构';

/** The org tree: readable in scope, shaped by the bureau and the school safety offices. */
export const ORG_UNIT_POLICY = definePolicy({
  aggregate: 'OrgUnit',
  label: '单位',
  actions: {
    view: viewRule(),
    create: { roles: ADMIN_ROLES, label: '新建下级单位', refusal: REFUSAL, condition: '授权在上级单位；下级单位类别须为上级单位可设立的' },
    rename: { roles: ADMIN_ROLES, label: '更名', refusal: REFUSAL },
    move: {
      roles: ADMIN_ROLES,
      label: '调整隶属关系',
      refusal: REFUSAL,
      condition: '在被移动的单位和新上级单位都须有授权；不能移到它自己或它的下级单位之下',
    },
  },
});

/** A unit's scope is its own materialised path. */
export const ORG_UNIT_ACCESS = scopedAccess(ORG_UNIT_POLICY, OrgUnitEntity, (unit) => unit.path);
