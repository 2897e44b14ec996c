import { HAZARD_STATUS_LABELS, HAZARD_STATUSES } from '@campus/events';
import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum SupervisionStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  REPORTED = 'REPORTED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export const SUPERVISION_STATUS_LABELS: Record<SupervisionStatus, string> = {
  PLANNED: '计划中',
  IN_PROGRESS: '检查中',
  REPORTED: '已出报告',
  CLOSED: '已结束',
  CANCELLED: '已取消',
};

/** hazard-tracking's hazard categories (same values, so the raised hazard keeps the category). */
export enum FindingCategory {
  FIRE = 'FIRE',
  BUILDING = 'BUILDING',
  FOOD = 'FOOD',
  TRAFFIC = 'TRAFFIC',
  LAB_CHEMICAL = 'LAB_CHEMICAL',
  SPECIAL_EQUIPMENT = 'SPECIAL_EQUIPMENT',
  ELECTRICAL = 'ELECTRICAL',
  GAS = 'GAS',
  CONSTRUCTION = 'CONSTRUCTION',
  PUBLIC_HEALTH = 'PUBLIC_HEALTH',
  NETWORK = 'NETWORK',
  SECURITY = 'SECURITY',
  SURROUNDINGS = 'SURROUNDINGS',
  PSYCHOLOGICAL = 'PSYCHOLOGICAL',
  OTHER = 'OTHER',
}

export const FINDING_CATEGORY_LABELS: Record<FindingCategory, string> = {
  FIRE: '消防安全',
  BUILDING: '校舍安全',
  FOOD: '食品安全',
  TRAFFIC: '交通/校车安全',
  LAB_CHEMICAL: '实验室/危化品安全',
  SPECIAL_EQUIPMENT: '特种设备安全',
  ELECTRICAL: '用电安全',
  GAS: '燃气安全',
  CONSTRUCTION: '施工安全',
  PUBLIC_HEALTH: '传染病/公共卫生',
  NETWORK: '网络安全',
  SECURITY: '治安安全',
  SURROUNDINGS: '校园周边',
  PSYCHOLOGICAL: '心理健康',
  OTHER: '其他',
};

export enum FindingSeverity {
  GENERAL = 'GENERAL',
  MAJOR = 'MAJOR',
}

export const FINDING_SEVERITY_LABELS: Record<FindingSeverity, string> = { GENERAL: '一般', MAJOR: '重大' };

/** The state of the hazard a finding became, as hazard-tracking's events report it. */
export type FindingHazardStatus = (typeof HAZARD_STATUSES)[number];
export const FindingHazardStatus = Object.fromEntries(HAZARD_STATUSES.map((status) => [status, status])) as { [S in FindingHazardStatus]: S };

/** Where a finding's rectification stands, for the inspection report and the unit. */
export enum RectificationState {
  NOT_RAISED = 'NOT_RAISED',
  AWAITING_HAZARD = 'AWAITING_HAZARD',
  RECTIFYING = 'RECTIFYING',
  OVERDUE = 'OVERDUE',
  RECTIFIED = 'RECTIFIED',
  VOIDED = 'VOIDED',
}

export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = {
  NOT_RAISED: '未转隐患',
  AWAITING_HAZARD: '待登记',
  RECTIFYING: '整改中',
  OVERDUE: '逾期',
  RECTIFIED: '已整改',
  VOIDED: '已作废',
};

registerEnumType(SupervisionStatus, { name: 'SupervisionStatus', description: '督导检查状态', valuesConfig: describedBy(SUPERVISION_STATUS_LABELS) });
registerEnumType(FindingCategory, { name: 'SupervisionFindingCategory', description: '督导检查问题类别（同隐患类别）', valuesConfig: describedBy(FINDING_CATEGORY_LABELS) });
registerEnumType(FindingSeverity, { name: 'SupervisionFindingSeverity', description: '问题严重程度', valuesConfig: describedBy(FINDING_SEVERITY_LABELS) });
registerEnumType(FindingHazardStatus, { name: 'SupervisionHazardStatus', description: '问题转成的隐患的状态（来自隐患服务）', valuesConfig: describedBy(HAZARD_STATUS_LABELS) });
registerEnumType(RectificationState, { name: 'SupervisionRectificationState', description: '问题整改情况', valuesConfig: describedBy(RECTIFICATION_STATE_LABELS) });
