import { ALL_ROLES, UNIT_HEAD_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

/**
 * A unit's grid reports: the coverage of its places, the roster (with full phone numbers) for its heads to
 * print, and the same roster as posted (公示), which every person of the unit may read.
 */
export const GRID_REPORT_POLICY = definePolicy({
  aggregate: 'GridReport',
  label: '网格报表',
  actions: {
    coverage: viewRule('查看场所覆盖情况'),
    roster: {
      roles: UNIT_HEAD_ROLES,
      label: '生成网格公示名单',
      refusal: '只有本单位负责人或安全管理部门可以生成网格公示名单',
      condition: '名单含完整联系电话',
    },
    notice: {
      roles: ALL_ROLES,
      members: true,
      label: '查看网格公示',
      condition: '仅网格、职责、姓名和公示电话；单位其他网格信息仍按管辖范围',
    },
  },
});

/** Reports are of a unit (and the units below it): the rows checked are units. */
export const GRID_REPORT_ACCESS = scopedAccess(GRID_REPORT_POLICY, OrgUnitEntity, (unit) => unit.path);
