import { HAZARD_STATUS_LABELS as HAZARD_STATUS_NAMES } from '@campus/events';
import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum HazardCategory {
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

export const HAZARD_CATEGORY_LABELS: Record<HazardCategory, string> = {
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

/**
 * Sensitive categories (敏感类别): cases about people, seen only by the roles that handle them (see
 * hazard.access.ts). Disputes and key students join here when they are filed as hazards.
 */
export const SENSITIVE_HAZARD_CATEGORIES: readonly HazardCategory[] = [HazardCategory.PSYCHOLOGICAL];

export enum HazardGrade {
  GENERAL = 'GENERAL',
  MAJOR = 'MAJOR',
}

export enum HazardStatus {
  DISCOVERED = 'DISCOVERED',
  REGISTERED = 'REGISTERED',
  REPORTED = 'REPORTED',
  RECTIFYING = 'RECTIFYING',
  PENDING_ACCEPTANCE = 'PENDING_ACCEPTANCE',
  ACCEPTED = 'ACCEPTED',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
  VOIDED = 'VOIDED',
}

/** Reported and not yet accepted: a passed rectification deadline in one of these makes a hazard overdue. */
export const OPEN_AFTER_REPORT: readonly HazardStatus[] = [HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.PENDING_ACCEPTANCE];

/** Rectified (已整改): accepted, closed or archived. */
export const RECTIFIED_STATUSES: readonly HazardStatus[] = [HazardStatus.ACCEPTED, HazardStatus.CLOSED, HazardStatus.ARCHIVED];

/** One recorded step of the closed loop (排查→登记→报告→治理→验收→销号→存档). */
export enum HazardAction {
  DISCOVER = 'DISCOVER',
  ASSESS = 'ASSESS',
  REGISTER = 'REGISTER',
  REPORT = 'REPORT',
  SUBMIT_PLAN = 'SUBMIT_PLAN',
  START_RECTIFICATION = 'START_RECTIFICATION',
  SUBMIT_FOR_ACCEPTANCE = 'SUBMIT_FOR_ACCEPTANCE',
  ACCEPT = 'ACCEPT',
  FAIL_ACCEPTANCE = 'FAIL_ACCEPTANCE',
  CLOSE = 'CLOSE',
  ARCHIVE = 'ARCHIVE',
  VOID = 'VOID',
}

export const HAZARD_ACTION_LABELS: Record<HazardAction, string> = {
  DISCOVER: '发现上报',
  ASSESS: '登记评估',
  REGISTER: '登记',
  REPORT: '报告',
  SUBMIT_PLAN: '提交整改方案（四落实）',
  START_RECTIFICATION: '开始治理',
  SUBMIT_FOR_ACCEPTANCE: '整改完成，申请验收',
  ACCEPT: '验收通过',
  FAIL_ACCEPTANCE: '验收不通过，退回整改',
  CLOSE: '销号',
  ARCHIVE: '备案存档',
  VOID: '作废',
};

export enum HazardSource {
  SELF_INSPECTION = 'SELF_INSPECTION',
  ROUTINE_INSPECTION = 'ROUTINE_INSPECTION',
  SUPERVISION = 'SUPERVISION',
  DRILL = 'DRILL',
  REPORT = 'REPORT',
  CAMPAIGN = 'CAMPAIGN',
}

export const HAZARD_GRADE_LABELS: Record<HazardGrade, string> = { GENERAL: '一般隐患', MAJOR: '重大隐患' };

export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = HAZARD_STATUS_NAMES;

export const HAZARD_SOURCE_LABELS: Record<HazardSource, string> = {
  SELF_INSPECTION: '自查',
  ROUTINE_INSPECTION: '日常检查',
  SUPERVISION: '督导检查',
  DRILL: '应急演练',
  REPORT: '人员报告',
  CAMPAIGN: '专项整治',
};

registerEnumType(HazardCategory, { name: 'HazardCategory', description: '隐患类别', valuesConfig: describedBy(HAZARD_CATEGORY_LABELS) });
registerEnumType(HazardGrade, { name: 'HazardGrade', description: '隐患等级', valuesConfig: describedBy(HAZARD_GRADE_LABELS) });
registerEnumType(HazardStatus, {
  name: 'HazardStatus',
  description: '隐患闭环状态（排查→登记→报告→治理→验收→销号→存档）',
  valuesConfig: describedBy(HAZARD_STATUS_LABELS),
});
registerEnumType(HazardSource, { name: 'HazardSource', description: '隐患来源', valuesConfig: describedBy(HAZARD_SOURCE_LABELS) });
registerEnumType(HazardAction, { name: 'HazardAction', description: '隐患闭环中的一步', valuesConfig: describedBy(HAZARD_ACTION_LABELS) });
