import { Role, UNIT_HEAD_ROLES, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { OrgUnitProjectionRow } from '@campus/org-directory';
import { definePolicy, policyFromTransitions, ScopedAccess, scopedAccess, TransitionTable } from '@campus/server';
import { PersonProjectionRow } from '../people/person-projection.entity';
import { IllnessAbsenceStatus } from './health-check-enums';
import { HealthCheckEntity, IllnessAbsenceEntity } from './health-check.entity';

/** The class teacher (班主任, STAFF granted at the class) and the unit's safety staff and leaders record. */
const RECORDERS: readonly Role[] = [...UNIT_SAFETY_MANAGER_ROLES, Role.STAFF];
/** Readers of the completion figures: the recorders and the supervision groups (督导组). */
const COMPLETION_READERS: readonly Role[] = [...RECORDERS, Role.INSPECTOR];
const RECORD_REFUSAL = '只有班主任（本班教职工）、单位安全员、单位负责人和安全管理部门可以填报晨午晚检';
const ABSENCE_REFUSAL = '只有班主任（本班教职工）、单位安全员、单位负责人和安全管理部门可以办理因病缺课追踪';

export const HEALTH_CHECK_POLICY = definePolicy({
  aggregate: 'HealthCheck',
  label: '晨午晚检记录',
  actions: {
    view: { roles: RECORDERS, label: '查看', refusal: RECORD_REFUSAL },
    record: { roles: RECORDERS, label: '填报', refusal: RECORD_REFUSAL, condition: '单位须为班级；录入时间取服务器时间，截止后当天录入为迟报，次日及以后为补填' },
    correct: { roles: RECORDERS, label: '更正', refusal: RECORD_REFUSAL, condition: '保留更正前的数字、更正人和原因；不改变首次录入时间' },
  },
});

export const HEALTH_CHECK_ACCESS = scopedAccess(HEALTH_CHECK_POLICY, HealthCheckEntity);

/** The class a check is recorded for, with the check's own record rule. */
export const HEALTH_CHECK_CLASS_ACCESS = new ScopedAccess({ ...HEALTH_CHECK_POLICY, label: '班级' }, OrgUnitProjectionRow, (unit) => unit.path);

export const HEALTH_CHECK_SCHEDULE_POLICY = definePolicy({
  aggregate: 'HealthCheckSchedule',
  label: '晨午晚检时段设置',
  actions: {
    view: { roles: COMPLETION_READERS, label: '查看' },
    set: { roles: UNIT_HEAD_ROLES, label: '设置', refusal: '只有单位负责人和安全管理部门可以设置晨午晚检时段', condition: '适用于本单位及下级的班级（最近一级的设置生效）' },
  },
});

export const HEALTH_CHECK_SCHEDULE_ACCESS = scopedAccess(HEALTH_CHECK_SCHEDULE_POLICY, OrgUnitProjectionRow, (unit) => unit.path);

export const HEALTH_CHECK_COMPLETION_POLICY = definePolicy({
  aggregate: 'HealthCheckCompletion',
  label: '晨午晚检完成情况',
  actions: {
    view: {
      roles: COMPLETION_READERS,
      label: '查看（含 Excel 下载）',
      refusal: '您无权查看晨午晚检完成情况',
      condition: '按班级、学院、学校统计应检、按时、迟报、补填、漏填次数和按时率',
    },
  },
});

export const HEALTH_CHECK_COMPLETION_ACCESS = scopedAccess(HEALTH_CHECK_COMPLETION_POLICY, OrgUnitProjectionRow, (unit) => unit.path);

export type IllnessAbsenceAction = 'CONTACT_PARENTS' | 'RECORD_CAUSE' | 'RECORD_RETURN';

const OPEN_STATES = [IllnessAbsenceStatus.OPEN, IllnessAbsenceStatus.CAUSE_FOUND];

/** 追踪中 → 已查明病因 → 已返校; parents may be contacted (again) until the return. */
export const ILLNESS_ABSENCE_TRANSITIONS: TransitionTable<IllnessAbsenceStatus, IllnessAbsenceAction> = {
  CONTACT_PARENTS: { from: OPEN_STATES, to: null, roles: RECORDERS, label: '记录与家长联系', wrongState: '该学生已返校，追踪已结束', refusal: ABSENCE_REFUSAL },
  RECORD_CAUSE: {
    from: [IllnessAbsenceStatus.OPEN],
    to: IllnessAbsenceStatus.CAUSE_FOUND,
    roles: RECORDERS,
    label: '登记病因',
    wrongState: '该缺课的病因已经登记',
    refusal: ABSENCE_REFUSAL,
    condition: '疑似传染病的须标记，以便报告',
  },
  RECORD_RETURN: {
    from: [IllnessAbsenceStatus.CAUSE_FOUND],
    to: IllnessAbsenceStatus.RETURNED,
    roles: RECORDERS,
    label: '登记返校',
    wrongState: '请先查明并登记病因，再登记返校',
    wrongStates: { [IllnessAbsenceStatus.RETURNED]: '该学生已登记返校' },
    refusal: ABSENCE_REFUSAL,
  },
};

export const ILLNESS_ABSENCE_POLICY = policyFromTransitions('IllnessAbsence', '因病缺课追踪记录', ILLNESS_ABSENCE_TRANSITIONS, {
  view: { roles: RECORDERS, label: '查看', refusal: ABSENCE_REFUSAL, condition: '含学生姓名，仅本班及上级单位的填报和管理人员' },
  create: { roles: RECORDERS, label: '登记', refusal: ABSENCE_REFUSAL, condition: '学生须为本范围内在籍学生；同一学生同一天一条' },
});

export const ILLNESS_ABSENCE_ACCESS = scopedAccess(ILLNESS_ABSENCE_POLICY, IllnessAbsenceEntity);

/** The student an absence is about, with the absence's create rule: NOT_FOUND names a student. */
export const ILLNESS_ABSENCE_STUDENT_ACCESS = new ScopedAccess({ ...ILLNESS_ABSENCE_POLICY, label: '学生' }, PersonProjectionRow);
