import { ADMIN_ROLES, Role } from '@campus/auth';
import { definePolicy, policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { SupervisionStatus } from './supervision-enums';
import { SupervisionEntity, SupervisionFindingEntity } from './supervision.entity';

/** Who plans and runs an inspection: the organiser's bureau admins or school safety office (granted at it or above). */
const ORGANISERS = ADMIN_ROLES;
/**
 * Who records findings and raises them as hazards: the organisers and the supervision staff (督导组成员,
 * INSPECTOR) granted at the organiser unit or above. Membership of the named group is kept in
 * responsibility-network; the grant is what this service can check.
 */
export const FINDING_RECORDERS: readonly Role[] = [...ADMIN_ROLES, Role.INSPECTOR];
const REFUSAL = '只有组织单位的教育局安全管理员或学校安全保卫处可以组织督导检查';
const FINDING_REFUSAL = '只有组织单位的督导组成员、教育局或学校安全保卫处可以记录督导检查发现的问题';

export type SupervisionAction = 'PLAN' | 'EDIT' | 'START' | 'RECORD_FINDING' | 'RAISE_FINDING' | 'ATTACH_PHOTO' | 'REPORT' | 'CLOSE' | 'CANCEL';

/** 计划中 → 检查中 → 已出报告 → 已结束; a plan or an inspection under way may be cancelled. */
export const SUPERVISION_TRANSITIONS: TransitionTable<SupervisionStatus, SupervisionAction> = {
  PLAN: { from: [], to: SupervisionStatus.PLANNED, roles: ORGANISERS, label: '制定督导检查计划', wrongState: '督导检查已存在', refusal: REFUSAL },
  EDIT: {
    from: [SupervisionStatus.PLANNED, SupervisionStatus.IN_PROGRESS],
    to: null,
    roles: ORGANISERS,
    label: '修改督导检查计划',
    wrongState: '督导检查已出报告、已结束或已取消，不能再修改',
    wrongStates: { REPORTED: '督导检查已出报告，不能再修改' },
    refusal: REFUSAL,
    condition: '被检查单位须为组织单位的下级单位；已有问题的被检查单位不能移除',
  },
  START: {
    from: [SupervisionStatus.PLANNED],
    to: SupervisionStatus.IN_PROGRESS,
    roles: ORGANISERS,
    label: '开始检查',
    wrongState: '只有计划中的督导检查可以开始',
    refusal: REFUSAL,
  },
  RECORD_FINDING: {
    from: [SupervisionStatus.IN_PROGRESS],
    to: null,
    roles: FINDING_RECORDERS,
    label: '记录发现的问题',
    wrongState: '只有检查中的督导检查可以记录问题',
    wrongStates: { PLANNED: '督导检查尚未开始，不能记录问题' },
    refusal: FINDING_REFUSAL,
    condition: '问题所在单位须为被检查单位；整改期限不早于今天',
  },
  RAISE_FINDING: {
    from: [SupervisionStatus.IN_PROGRESS, SupervisionStatus.REPORTED],
    to: null,
    roles: FINDING_RECORDERS,
    label: '将问题转为隐患',
    wrongState: '只有检查中或已出报告的督导检查的问题可以转为隐患',
    refusal: FINDING_REFUSAL,
    condition: '每个问题只转一次',
  },
  ATTACH_PHOTO: {
    from: [SupervisionStatus.IN_PROGRESS, SupervisionStatus.REPORTED],
    to: null,
    roles: FINDING_RECORDERS,
    label: '上传问题照片',
    wrongState: '只有检查中或已出报告的督导检查的问题可以上传照片',
    refusal: FINDING_REFUSAL,
    condition: 'JPEG、PNG 或 WebP，按内容识别类型，不超过大小上限',
  },
  REPORT: {
    from: [SupervisionStatus.IN_PROGRESS],
    to: SupervisionStatus.REPORTED,
    roles: ORGANISERS,
    label: '出具督查报告',
    wrongState: '只有检查中的督导检查可以出具报告',
    wrongStates: { REPORTED: '督查报告已出具' },
    refusal: REFUSAL,
  },
  CLOSE: {
    from: [SupervisionStatus.REPORTED],
    to: SupervisionStatus.CLOSED,
    roles: ORGANISERS,
    label: '结束督导检查',
    wrongState: '只有已出报告的督导检查可以结束',
    refusal: REFUSAL,
  },
  CANCEL: {
    from: [SupervisionStatus.PLANNED, SupervisionStatus.IN_PROGRESS],
    to: SupervisionStatus.CANCELLED,
    roles: ORGANISERS,
    label: '取消督导检查',
    wrongState: '只有计划中或检查中的督导检查可以取消',
    refusal: REFUSAL,
    condition: '已有问题转为隐患的不能取消',
  },
};

export const SUPERVISION_POLICY = policyFromTransitions('SupervisionInspection', '督导检查', SUPERVISION_TRANSITIONS, {
  view: { ...viewRule(), condition: '组织单位管辖范围内可见全部；被检查单位可见检查概况和本单位的问题' },
  download: { ...viewRule('下载督查报告'), condition: '被检查单位的报告只含本单位的问题' },
});
export const SUPERVISION_ACCESS = scopedAccess(SUPERVISION_POLICY, SupervisionEntity);

/** A finding is seen in its inspected unit's subtree (the organiser's scope covers it too). */
export const FINDING_POLICY = definePolicy({
  aggregate: 'SupervisionFinding',
  label: '督导检查发现的问题',
  actions: { view: viewRule() },
});
export const FINDING_ACCESS = scopedAccess(FINDING_POLICY, SupervisionFindingEntity);
