import { Role, UNIT_HEAD_ROLES, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { OrgUnitProjectionRow } from '@campus/org-directory';
import { definePolicy, policyFromTransitions, ScopedAccess, scopedAccess, TransitionTable } from '@campus/server';
import { PersonProjectionRow } from '../people/person-projection.entity';
import { ScreeningStatus } from './screening-enums';
import { ScreeningRecordEntity } from './screening.entity';

/** 心理健康中心: the only role that reads or writes a screening record (records name students). */
const COUNSELORS: readonly Role[] = [Role.COUNSELOR];
const REFUSAL = '心理问题学生排查记录仅心理健康中心（心理辅导教师）可以查看和办理；其他角色只能查看各单位按风险等级的人数统计';
const OPEN = [ScreeningStatus.TRACKING, ScreeningStatus.REFERRED];
const CLOSED_REFUSAL = '该记录已结案，请先重新开案';

export type ScreeningAction = 'RECORD_ENTRY' | 'REFER' | 'CLOSE' | 'REOPEN';

/** 跟踪中 → 已转介 → 已结案; interventions and follow-ups while open; a closed case reopens on relapse. */
export const SCREENING_TRANSITIONS: TransitionTable<ScreeningStatus, ScreeningAction> = {
  RECORD_ENTRY: { from: OPEN, to: null, roles: COUNSELORS, label: '记录干预或随访', wrongState: CLOSED_REFUSAL, refusal: REFUSAL },
  REFER: {
    from: [ScreeningStatus.TRACKING],
    to: ScreeningStatus.REFERRED,
    roles: COUNSELORS,
    label: '转介',
    wrongState: CLOSED_REFUSAL,
    wrongStates: { [ScreeningStatus.REFERRED]: '该学生已转介，转介后的情况请记录为随访' },
    refusal: REFUSAL,
  },
  CLOSE: {
    from: OPEN,
    to: ScreeningStatus.CLOSED,
    roles: COUNSELORS,
    label: '结案',
    wrongState: '该记录已结案',
    refusal: REFUSAL,
    condition: '风险等级为高或危机时不能结案',
  },
  REOPEN: {
    from: [ScreeningStatus.CLOSED],
    to: ScreeningStatus.TRACKING,
    roles: COUNSELORS,
    label: '重新开案',
    wrongState: '该记录尚未结案',
    refusal: REFUSAL,
    condition: '该学生没有其他未结案的记录',
  },
};

export const SCREENING_POLICY = policyFromTransitions('ScreeningRecord', '心理问题学生排查记录', SCREENING_TRANSITIONS, {
  view: { roles: COUNSELORS, label: '查看', refusal: REFUSAL, condition: '每次查看都记入访问日志' },
  create: { roles: COUNSELORS, label: '新建', refusal: REFUSAL, condition: '学生须为本范围内在籍学生，且没有未结案的记录' },
});

export const SCREENING_ACCESS = scopedAccess(SCREENING_POLICY, ScreeningRecordEntity);

/** The student a record is about, checked with the record's own create rule: NOT_FOUND names a student, not a record. */
export const SCREENING_STUDENT_ACCESS = new ScopedAccess({ ...SCREENING_POLICY, label: '学生' }, PersonProjectionRow);

export const SCREENING_ACCESS_LOG_POLICY = definePolicy({
  aggregate: 'ScreeningAccessLogEntry',
  label: '心理排查记录访问日志',
  actions: {
    view: {
      roles: [...COUNSELORS, ...UNIT_HEAD_ROLES],
      label: '查看',
      refusal: '只有心理健康中心和本单位领导可以查看排查记录的访问日志',
      condition: '只含谁、何时、以何种方式访问了哪条记录，不含学生姓名',
    },
  },
});

export const SCREENING_ACCESS_LOG_ACCESS = scopedAccess(SCREENING_ACCESS_LOG_POLICY, ScreeningRecordEntity);

export const SCREENING_COUNTS_POLICY = definePolicy({
  aggregate: 'ScreeningCounts',
  label: '心理排查人数统计',
  actions: {
    view: {
      roles: [...UNIT_SAFETY_MANAGER_ROLES, ...COUNSELORS],
      label: '查看',
      refusal: '只有本单位领导、安全员、安全管理部门和心理健康中心可以查看心理排查人数统计',
      condition: '仅按风险等级的人数，不含姓名和记录',
    },
  },
});

export const SCREENING_COUNTS_ACCESS = scopedAccess(SCREENING_COUNTS_POLICY, OrgUnitProjectionRow, (unit) => unit.path);
