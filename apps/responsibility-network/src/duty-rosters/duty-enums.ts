import { registerEnumType } from 'type-graphql';

export enum DutyPeriodKind {
  NORMAL = 'NORMAL',
  HOLIDAY = 'HOLIDAY',
  SENSITIVE = 'SENSITIVE',
}

registerEnumType(DutyPeriodKind, {
  name: 'DutyPeriodKind',
  description: '值班时段类型',
  valuesConfig: {
    NORMAL: { description: '日常值班：每个班次至少一名值班人员' },
    HOLIDAY: { description: '节假日值班：24 小时全覆盖，每个班次须有带班领导和值班人员' },
    SENSITIVE: { description: '敏感时期值班：24 小时全覆盖，每个班次须有带班领导和值班人员' },
  },
});

export const DUTY_PERIOD_KIND_LABELS: Record<DutyPeriodKind, string> = {
  NORMAL: '日常',
  HOLIDAY: '节假日',
  SENSITIVE: '敏感时期',
};

/** Holidays and sensitive periods need 24-hour duty with a leader on every shift. */
export function needsFullCoverage(kind: DutyPeriodKind): boolean {
  return kind !== DutyPeriodKind.NORMAL;
}

/** Who a shift needs on duty. */
export enum DutyPosition {
  LEADER = 'LEADER',
  OFFICER = 'OFFICER',
}

registerEnumType(DutyPosition, {
  name: 'DutyPosition',
  description: '值班岗位',
  valuesConfig: {
    LEADER: { description: '带班领导' },
    OFFICER: { description: '值班人员' },
  },
});

export enum DutyLogCategory {
  NORMAL = 'NORMAL',
  INCIDENT = 'INCIDENT',
  INSPECTION = 'INSPECTION',
  OTHER = 'OTHER',
}

registerEnumType(DutyLogCategory, {
  name: 'DutyLogCategory',
  description: '值班日志类别',
  valuesConfig: {
    NORMAL: { description: '正常' },
    INCIDENT: { description: '突发事件' },
    INSPECTION: { description: '巡查' },
    OTHER: { description: '其他' },
  },
});
