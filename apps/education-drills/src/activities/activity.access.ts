import { ALL_ROLES, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { EducationActivityStatus } from './activity-enums';
import { EducationActivityEntity } from './activity.entity';

/** Who organises a unit's safety education: its leadership and safety officer, and the offices above. */
const ORGANISERS = UNIT_SAFETY_MANAGER_ROLES;
const REFUSAL = '只有本单位负责人、安全员或安全管理部门可以组织安全教育活动';
const LIVE = [EducationActivityStatus.PLANNED, EducationActivityStatus.HELD];
const CANCELLED = '活动已取消';

export type EducationActivityAction = 'EDIT' | 'EDIT_AUDIENCE' | 'CANCEL' | 'RECORD_ATTENDANCE' | 'CHECK_IN';

export const EDUCATION_ACTIVITY_TRANSITIONS: TransitionTable<EducationActivityStatus, EducationActivityAction> = {
  EDIT: { from: LIVE, to: null, roles: ORGANISERS, label: '修改', wrongState: `${CANCELLED}，不能再修改`, refusal: REFUSAL },
  EDIT_AUDIENCE: {
    from: [EducationActivityStatus.PLANNED],
    to: null,
    roles: ORGANISERS,
    label: '修改参加对象（单位、人员类别）',
    wrongState: `${CANCELLED}，不能再修改`,
    wrongStates: { HELD: '活动已有签到记录，不能修改参加对象' },
    refusal: REFUSAL,
  },
  CANCEL: {
    from: [EducationActivityStatus.PLANNED],
    to: EducationActivityStatus.CANCELLED,
    roles: ORGANISERS,
    label: '取消',
    wrongState: `${CANCELLED}`,
    wrongStates: { HELD: '活动已有签到记录，不能取消' },
    refusal: REFUSAL,
  },
  RECORD_ATTENDANCE: {
    from: LIVE,
    to: EducationActivityStatus.HELD,
    roles: ORGANISERS,
    label: '登记签到（导入签到表或组织者登记）',
    wrongState: `${CANCELLED}，不能登记签到`,
    refusal: REFUSAL,
  },
  CHECK_IN: {
    from: LIVE,
    to: EducationActivityStatus.HELD,
    roles: ALL_ROLES,
    label: '签到码签到',
    wrongState: `${CANCELLED}，不能签到`,
    condition: '仅登录账号关联的人员本人，须在签到时间内且属于参加对象，每人一次；不要求组织单位的角色',
  },
};

export const EDUCATION_ACTIVITY_POLICY = policyFromTransitions('EducationActivity', '安全教育活动', EDUCATION_ACTIVITY_TRANSITIONS, {
  view: viewRule(),
  create: { roles: ORGANISERS, label: '组织', refusal: REFUSAL, condition: '参加对象须为组织单位或其下级单位' },
  viewCoverage: { roles: ALL_ROLES, label: '查看覆盖率及未覆盖人员', refusal: '您无权查看该单位的安全教育覆盖情况' },
});

export const EDUCATION_ACTIVITY_ACCESS = scopedAccess(EDUCATION_ACTIVITY_POLICY, EducationActivityEntity);
