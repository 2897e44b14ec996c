import { registerEnumType } from 'type-graphql';

/** 晨检、午检、晚检 (evening checks where the school boards its students). */
export enum HealthCheckSession {
  MORNING = 'MORNING',
  NOON = 'NOON',
  EVENING = 'EVENING',
}

export const HEALTH_CHECK_SESSION_LABELS: Record<HealthCheckSession, string> = { MORNING: '晨检', NOON: '午检', EVENING: '晚检' };

/** When a check was entered, against its day and session deadline (server time, school time zone). */
export enum HealthCheckTimeliness {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  BACKFILLED = 'BACKFILLED',
}

export const HEALTH_CHECK_TIMELINESS_LABELS: Record<HealthCheckTimeliness, string> = { ON_TIME: '按时', LATE: '迟报', BACKFILLED: '补填' };

/** Symptoms a check counts and an illness absence names. */
export enum HealthSymptom {
  FEVER = 'FEVER',
  COUGH = 'COUGH',
  DIARRHOEA = 'DIARRHOEA',
  RASH = 'RASH',
  OTHER = 'OTHER',
}

export const HEALTH_SYMPTOM_LABELS: Record<HealthSymptom, string> = { FEVER: '发热', COUGH: '咳嗽', DIARRHOEA: '腹泻', RASH: '皮疹', OTHER: '其他' };

/** 因病缺课追踪: 追踪中 → 已查明病因 → 已返校. */
export enum IllnessAbsenceStatus {
  OPEN = 'OPEN',
  CAUSE_FOUND = 'CAUSE_FOUND',
  RETURNED = 'RETURNED',
}

registerEnumType(HealthCheckSession, {
  name: 'HealthCheckSession',
  description: '晨午晚检的检查时段',
  valuesConfig: {
    MORNING: { description: '晨检（截止 09:00）' },
    NOON: { description: '午检（截止 14:30）' },
    EVENING: { description: '晚检（寄宿学生，截止 21:30）' },
  },
});

registerEnumType(HealthCheckTimeliness, {
  name: 'HealthCheckTimeliness',
  description: '填报是否及时（按服务器录入时间判断）',
  valuesConfig: {
    ON_TIME: { description: '按时：检查当天、时段截止前录入' },
    LATE: { description: '迟报：检查当天、时段截止后录入' },
    BACKFILLED: { description: '补填：检查日之后才录入' },
  },
});

registerEnumType(HealthSymptom, {
  name: 'HealthSymptom',
  description: '症状',
  valuesConfig: {
    FEVER: { description: '发热' },
    COUGH: { description: '咳嗽' },
    DIARRHOEA: { description: '腹泻' },
    RASH: { description: '皮疹' },
    OTHER: { description: '其他症状' },
  },
});

registerEnumType(IllnessAbsenceStatus, {
  name: 'IllnessAbsenceStatus',
  description: '因病缺课追踪状态',
  valuesConfig: {
    OPEN: { description: '追踪中（病因未明）' },
    CAUSE_FOUND: { description: '已查明病因（就诊诊断）' },
    RETURNED: { description: '已返校' },
  },
});
