import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { DutyRosterEntity } from './duty-roster.entity';

/** Who keeps a unit's duty rosters: the safety offices above it, its leader and its safety officer. */
const DUTY_KEEPERS = UNIT_SAFETY_MANAGER_ROLES;
const REFUSAL = '只有本单位负责人、安全员或安全管理部门可以安排值班';

/** A roster with its slots, gaps and journal (handover notes and the duty log). */
export const DUTY_ROSTER_POLICY = definePolicy({
  aggregate: 'DutyRoster',
  label: '值班表',
  actions: {
    view: viewRule(),
    create: { roles: DUTY_KEEPERS, label: '新建', refusal: REFUSAL, condition: '同一单位的值班日期不能重叠' },
    edit: { roles: DUTY_KEEPERS, label: '修改', refusal: REFUSAL, condition: '已有排班的班次不能删除或改名' },
    setSlot: {
      roles: DUTY_KEEPERS,
      label: '排班',
      refusal: REFUSAL,
      condition: '带班领导和值班人员须为值班单位或其下级单位的在职人员',
    },
    checkGaps: { roles: DUTY_KEEPERS, label: '检查并上报缺岗', refusal: REFUSAL },
    writeJournal: {
      roles: DUTY_KEEPERS,
      label: '填写交接班记录和值班日志',
      refusal: '只有该班次的值班人员、本单位负责人、安全员或安全管理部门可以记录',
      condition: '该班次的值班人员本人也可记录，即使值班表不在其管辖范围内',
    },
  },
});

export const DUTY_ROSTER_ACCESS = scopedAccess(DUTY_ROSTER_POLICY, DutyRosterEntity);
