import { HAZARD_STATUSES, HAZARD_STATUS_LABELS } from '@campus/events';
import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum DrillType {
  EVACUATION = 'EVACUATION',
  FIRE = 'FIRE',
  EARTHQUAKE = 'EARTHQUAKE',
  FLOOD = 'FLOOD',
  FOOD_POISONING = 'FOOD_POISONING',
  PUBLIC_HEALTH = 'PUBLIC_HEALTH',
  CAMPUS_VIOLENCE = 'CAMPUS_VIOLENCE',
  STAMPEDE = 'STAMPEDE',
  OTHER = 'OTHER',
}

export const DRILL_TYPE_LABELS: Record<DrillType, string> = {
  EVACUATION: '疏散演练',
  FIRE: '消防演练',
  EARTHQUAKE: '防震减灾演练',
  FLOOD: '防汛演练',
  FOOD_POISONING: '食物中毒处置演练',
  PUBLIC_HEALTH: '公共卫生事件处置演练',
  CAMPUS_VIOLENCE: '防范校园侵害演练',
  STAMPEDE: '防踩踏演练',
  OTHER: '其他演练',
};

/** Drills whose record must say how long the evacuation took (《中小学幼儿园应急疏散演练指南》). */
export const EVACUATING_DRILL_TYPES: readonly DrillType[] = [DrillType.EVACUATION, DrillType.FIRE, DrillType.EARTHQUAKE, DrillType.STAMPEDE];

export enum DrillStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  EVALUATED = 'EVALUATED',
  CANCELLED = 'CANCELLED',
}

export const DRILL_STATUS_LABELS: Record<DrillStatus, string> = {
  PLANNED: '计划中',
  HELD: '已实施',
  EVALUATED: '已评估',
  CANCELLED: '已取消',
};

/** The hazard categories of hazard-tracking a drill problem can fall under (same values, so the hazard keeps it). */
export enum DrillProblemCategory {
  FIRE = 'FIRE',
  BUILDING = 'BUILDING',
  ELECTRICAL = 'ELECTRICAL',
  FOOD = 'FOOD',
  GAS = 'GAS',
  LAB_CHEMICAL = 'LAB_CHEMICAL',
  SPECIAL_EQUIPMENT = 'SPECIAL_EQUIPMENT',
  PUBLIC_HEALTH = 'PUBLIC_HEALTH',
  SECURITY = 'SECURITY',
  OTHER = 'OTHER',
}

export const DRILL_PROBLEM_CATEGORY_LABELS: Record<DrillProblemCategory, string> = {
  FIRE: '消防安全（通道、照明、器材）',
  BUILDING: '校舍安全',
  ELECTRICAL: '用电安全（应急广播、警铃）',
  FOOD: '食品安全',
  GAS: '燃气安全',
  LAB_CHEMICAL: '实验室与危化品安全',
  SPECIAL_EQUIPMENT: '特种设备安全',
  PUBLIC_HEALTH: '公共卫生',
  SECURITY: '治安保卫',
  OTHER: '其他（组织指挥、人员培训等）',
};

export enum DrillProblemGrade {
  GENERAL = 'GENERAL',
  MAJOR = 'MAJOR',
}

export const DRILL_PROBLEM_GRADE_LABELS: Record<DrillProblemGrade, string> = { GENERAL: '一般', MAJOR: '重大' };

/** A hazard's state as hazard-tracking's events report it (its HazardStatus, mirrored). */
export type DrillHazardStatus = (typeof HAZARD_STATUSES)[number];
export const DrillHazardStatus = Object.fromEntries(HAZARD_STATUSES.map((status) => [status, status])) as Record<DrillHazardStatus, DrillHazardStatus>;

export const DRILL_HAZARD_STATUS_LABELS: Record<DrillHazardStatus, string> = HAZARD_STATUS_LABELS;

registerEnumType(DrillType, { name: 'DrillType', description: '应急演练类型', valuesConfig: describedBy(DRILL_TYPE_LABELS) });
registerEnumType(DrillStatus, { name: 'DrillStatus', description: '应急演练状态', valuesConfig: describedBy(DRILL_STATUS_LABELS) });
registerEnumType(DrillProblemCategory, {
  name: 'DrillProblemCategory',
  description: '演练发现问题的类别（转为隐患时沿用）',
  valuesConfig: describedBy(DRILL_PROBLEM_CATEGORY_LABELS),
});
registerEnumType(DrillProblemGrade, { name: 'DrillProblemGrade', description: '演练发现问题的等级', valuesConfig: describedBy(DRILL_PROBLEM_GRADE_LABELS) });
registerEnumType(DrillHazardStatus, {
  name: 'DrillHazardStatus',
  description: '问题所转隐患在隐患排查治理中的状态',
  valuesConfig: describedBy(DRILL_HAZARD_STATUS_LABELS),
});
