import { registerEnumType } from 'type-graphql';

/** How often a task is due: 日检查、周整改、月汇总, or a one-off check over a date range. */
export enum InspectionCadence {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  ONCE = 'ONCE',
}

/** What a task inspects: a grid, a place, or the unit as a whole. */
export enum InspectionTargetKind {
  GRID = 'GRID',
  PLACE = 'PLACE',
  UNIT = 'UNIT',
}

/** Where a task or a checklist stands in its transition table; the rows store it as `active`. */
export enum ActiveState {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}

export function activeState(row: { active: boolean }): ActiveState {
  return row.active ? ActiveState.ACTIVE : ActiveState.INACTIVE;
}

/** How completion figures are grouped. */
export enum InspectionCompletionGroupBy {
  UNIT = 'UNIT',
  GRID = 'GRID',
}

registerEnumType(InspectionCadence, {
  name: 'InspectionCadence',
  description: '检查周期（Asia/Shanghai 日历日）',
  valuesConfig: {
    DAILY: { description: '每日检查（每个日历日一次）' },
    WEEKLY: { description: '每周检查（ISO 周，周一至周日）' },
    MONTHLY: { description: '每月检查（自然月）' },
    ONCE: { description: '一次性检查（开始日期至结束日期内一次）' },
  },
});

registerEnumType(InspectionTargetKind, {
  name: 'InspectionTargetKind',
  description: '检查对象',
  valuesConfig: {
    GRID: { description: '网格' },
    PLACE: { description: '场所/部位' },
    UNIT: { description: '单位（整体）' },
  },
});

registerEnumType(InspectionCompletionGroupBy, {
  name: 'InspectionCompletionGroupBy',
  description: '检查完成率的分组方式',
  valuesConfig: {
    UNIT: { description: '按单位（任务所属单位）' },
    GRID: { description: '按网格（只含以网格为对象的任务）' },
  },
});
