import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

/** 安全教育的形式. */
export enum EducationActivityKind {
  LECTURE = 'LECTURE',
  CLASS_MEETING = 'CLASS_MEETING',
  ONLINE_COURSE = 'ONLINE_COURSE',
  CASE_WARNING = 'CASE_WARNING',
  EXHIBITION = 'EXHIBITION',
  HANDS_ON = 'HANDS_ON',
}

export const EDUCATION_ACTIVITY_KIND_LABELS: Record<EducationActivityKind, string> = {
  LECTURE: '讲座',
  CLASS_MEETING: '主题班会',
  ONLINE_COURSE: '网络课程',
  CASE_WARNING: '案例警示',
  EXHIBITION: '展览',
  HANDS_ON: '体验/实操',
};

/** 安全教育的主题. */
export enum EducationTopic {
  FIRE = 'FIRE',
  TRAFFIC = 'TRAFFIC',
  TELECOM_FRAUD = 'TELECOM_FRAUD',
  LAB_SAFETY = 'LAB_SAFETY',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  LEGAL = 'LEGAL',
  FOOD = 'FOOD',
  DROWNING = 'DROWNING',
  CYBER = 'CYBER',
  NATIONAL_SECURITY = 'NATIONAL_SECURITY',
  DISASTER = 'DISASTER',
  CAMPUS_BULLYING = 'CAMPUS_BULLYING',
  DRUGS = 'DRUGS',
  OTHER = 'OTHER',
}

export const EDUCATION_TOPIC_LABELS: Record<EducationTopic, string> = {
  FIRE: '消防安全',
  TRAFFIC: '交通安全',
  TELECOM_FRAUD: '防电信网络诈骗',
  LAB_SAFETY: '实验室安全',
  MENTAL_HEALTH: '心理健康',
  LEGAL: '法治教育',
  FOOD: '食品安全',
  DROWNING: '防溺水',
  CYBER: '网络安全',
  NATIONAL_SECURITY: '国家安全',
  DISASTER: '防灾减灾',
  CAMPUS_BULLYING: '防校园欺凌',
  DRUGS: '禁毒',
  OTHER: '其他',
};

export enum EducationActivityStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

export const EDUCATION_ACTIVITY_STATUS_LABELS: Record<EducationActivityStatus, string> = {
  PLANNED: '已计划',
  HELD: '已开展（已有签到记录）',
  CANCELLED: '已取消',
};

/** How an attendance record came to be. */
export enum AttendanceMethod {
  IMPORT = 'IMPORT',
  CHECK_IN = 'CHECK_IN',
  MARKED = 'MARKED',
}

export const ATTENDANCE_METHOD_LABELS: Record<AttendanceMethod, string> = {
  IMPORT: '导入签到表',
  CHECK_IN: '本人签到码签到',
  MARKED: '组织者登记',
};

registerEnumType(EducationActivityKind, { name: 'EducationActivityKind', description: '安全教育形式', valuesConfig: describedBy(EDUCATION_ACTIVITY_KIND_LABELS) });
registerEnumType(EducationTopic, { name: 'EducationTopic', description: '安全教育主题', valuesConfig: describedBy(EDUCATION_TOPIC_LABELS) });
registerEnumType(EducationActivityStatus, { name: 'EducationActivityStatus', description: '安全教育活动状态', valuesConfig: describedBy(EDUCATION_ACTIVITY_STATUS_LABELS) });
registerEnumType(AttendanceMethod, { name: 'EducationAttendanceMethod', description: '签到方式', valuesConfig: describedBy(ATTENDANCE_METHOD_LABELS) });
