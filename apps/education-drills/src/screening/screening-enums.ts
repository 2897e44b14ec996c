import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum ScreeningInstrument {
  SCL_90 = 'SCL_90',
  UPI = 'UPI',
  PHQ_9 = 'PHQ_9',
  GAD_7 = 'GAD_7',
  INTERVIEW = 'INTERVIEW',
  OTHER = 'OTHER',
}

export enum ScreeningRiskLevel {
  NONE = 'NONE',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRISIS = 'CRISIS',
}

export enum ScreeningStatus {
  TRACKING = 'TRACKING',
  REFERRED = 'REFERRED',
  CLOSED = 'CLOSED',
}

export enum ScreeningEntryKind {
  INTERVENTION = 'INTERVENTION',
  FOLLOW_UP = 'FOLLOW_UP',
}

/** How a record was read (or tried to be), for the access log. */
export enum ScreeningAccessKind {
  BY_ID = 'BY_ID',
  LIST = 'LIST',
  FOLLOW_UPS_DUE = 'FOLLOW_UPS_DUE',
  WRITE = 'WRITE',
  DENIED = 'DENIED',
}

export const RISK_LEVEL_LABELS: Record<ScreeningRiskLevel, string> = {
  NONE: '无',
  LOW: '低',
  MEDIUM: '中',
  HIGH: '高',
  CRISIS: '危机',
};

/** Levels a record may not be closed at: the student must be reassessed lower (or referred) first. */
export const NOT_CLOSABLE_RISK_LEVELS: readonly ScreeningRiskLevel[] = [ScreeningRiskLevel.HIGH, ScreeningRiskLevel.CRISIS];

registerEnumType(ScreeningInstrument, {
  name: 'ScreeningInstrument',
  description: '筛查工具（量表）',
  valuesConfig: describedBy({
    SCL_90: 'SCL-90 症状自评量表',
    UPI: 'UPI 大学生人格问卷',
    PHQ_9: 'PHQ-9 抑郁症筛查量表',
    GAD_7: 'GAD-7 焦虑症筛查量表',
    INTERVIEW: '访谈评估',
    OTHER: '其他（请在 instrumentNote 中写明）',
  }),
});

registerEnumType(ScreeningRiskLevel, {
  name: 'ScreeningRiskLevel',
  description: '心理危机风险等级',
  valuesConfig: describedBy(RISK_LEVEL_LABELS),
});

registerEnumType(ScreeningStatus, {
  name: 'ScreeningStatus',
  description: '排查干预状态',
  valuesConfig: describedBy({ TRACKING: '跟踪中', REFERRED: '已转介', CLOSED: '已结案' }),
});

registerEnumType(ScreeningEntryKind, {
  name: 'ScreeningEntryKind',
  description: '干预或随访',
  valuesConfig: describedBy({ INTERVENTION: '干预（心理辅导、家校沟通、危机处置等）', FOLLOW_UP: '随访' }),
});

registerEnumType(ScreeningAccessKind, {
  name: 'ScreeningAccessKind',
  description: '排查记录的访问方式',
  valuesConfig: describedBy({
    BY_ID: '按 ID 查看',
    LIST: '在台账列表中',
    FOLLOW_UPS_DUE: '在待随访列表中',
    WRITE: '录入或办理后返回',
    DENIED: '无权查看，被拒绝',
  }),
});
