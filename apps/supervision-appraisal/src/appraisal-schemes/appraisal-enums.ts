import { registerEnumType } from 'type-graphql';

export enum AppraisalPeriod {
  ANNUAL = 'ANNUAL',
  FIRST_HALF = 'FIRST_HALF',
  SECOND_HALF = 'SECOND_HALF',
  Q1 = 'Q1',
  Q2 = 'Q2',
  Q3 = 'Q3',
  Q4 = 'Q4',
}

export enum AppraisalSchemeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
}

export enum ScoringRuleKind {
  LINEAR = 'LINEAR',
  DEDUCTION = 'DEDUCTION',
  BANDS = 'BANDS',
}

/** Veto rules (一票否决) found from the facts; others are decided by assessors with a reason. */
export enum VetoRuleKind {
  MAJOR_INCIDENT = 'MAJOR_INCIDENT',
  MAJOR_HAZARD_REPORTED_LATE = 'MAJOR_HAZARD_REPORTED_LATE',
  /** Another situation the scheme names, decided by an assessor with its reason and evidence. */
  OTHER = 'OTHER',
}

export enum IndicatorKind {
  AUTOMATIC = 'AUTOMATIC',
  MANUAL = 'MANUAL',
}

/** Indicators computed from the other services' events. */
export enum IndicatorMetric {
  RECTIFICATION_RATE = 'RECTIFICATION_RATE',
  ON_TIME_RECTIFICATION = 'ON_TIME_RECTIFICATION',
  OVERDUE_HAZARDS = 'OVERDUE_HAZARDS',
  MAJOR_HAZARDS_REPORTED_LATE = 'MAJOR_HAZARDS_REPORTED_LATE',
  INSPECTION_COMPLETION = 'INSPECTION_COMPLETION',
  EDUCATION_COVERAGE = 'EDUCATION_COVERAGE',
  DRILLS_HELD = 'DRILLS_HELD',
  LETTERS_SIGNED = 'LETTERS_SIGNED',
  QUIZ_PASS_RATE = 'QUIZ_PASS_RATE',
  NOTICES_ACKNOWLEDGED = 'NOTICES_ACKNOWLEDGED',
  /** The 隐患问题统计表 of campaigns reported on time (DOMAIN.md's "statistics reported on time"; STATISTICS_ON_TIME before). */
  CAMPAIGN_REPORTS_ON_TIME = 'CAMPAIGN_REPORTS_ON_TIME',
  SUPERVISION_FINDINGS = 'SUPERVISION_FINDINGS',
  INCIDENTS = 'INCIDENTS',
}

registerEnumType(AppraisalPeriod, {
  name: 'AppraisalPeriod',
  description: '考核周期',
  valuesConfig: {
    ANNUAL: { description: '年度（年终考核）' },
    FIRST_HALF: { description: '上半年' },
    SECOND_HALF: { description: '下半年' },
    Q1: { description: '第一季度' },
    Q2: { description: '第二季度' },
    Q3: { description: '第三季度' },
    Q4: { description: '第四季度' },
  },
});

registerEnumType(AppraisalSchemeStatus, {
  name: 'AppraisalSchemeStatus',
  description: '考核方案状态',
  valuesConfig: { DRAFT: { description: '草案' }, PUBLISHED: { description: '已发布（考核进行中）' }, CLOSED: { description: '已结束（年终考核）' } },
});

registerEnumType(ScoringRuleKind, {
  name: 'ScoringRuleKind',
  description: '计分规则',
  valuesConfig: {
    LINEAR: { description: '线性：零分点至满分点之间按比例得分' },
    DEDUCTION: { description: '扣分：每发生一次扣若干分，可设上限' },
    BANDS: { description: '分档：达到某档下限得该档比例的分数' },
  },
});

registerEnumType(VetoRuleKind, {
  name: 'VetoRuleKind',
  description: '一票否决情形（前两项由业务数据自动发现，其他情形由评定人认定）',
  valuesConfig: {
    MAJOR_INCIDENT: { description: '发生重大及以上安全事件' },
    MAJOR_HAZARD_REPORTED_LATE: { description: '重大隐患瞒报、迟报（发现后超过 24 小时未报告）' },
    OTHER: { description: '方案规定的其他情形（由评定人认定，须写明事由和依据）' },
  },
});

registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: '指标类型',
  valuesConfig: { AUTOMATIC: { description: '自动计算（来自业务数据）' }, MANUAL: { description: '人工评分' } },
});

registerEnumType(IndicatorMetric, {
  name: 'IndicatorMetric',
  description: '自动指标的数据来源',
  valuesConfig: {
    RECTIFICATION_RATE: { description: '隐患整改率' },
    ON_TIME_RECTIFICATION: { description: '按期整改率' },
    OVERDUE_HAZARDS: { description: '逾期隐患数' },
    MAJOR_HAZARDS_REPORTED_LATE: { description: '重大隐患迟报数（发现后超过 24 小时报告或未报告）' },
    INSPECTION_COMPLETION: { description: '检查任务完成率' },
    EDUCATION_COVERAGE: { description: '安全教育覆盖率' },
    DRILLS_HELD: { description: '应急演练次数' },
    LETTERS_SIGNED: { description: '责任书签订率' },
    QUIZ_PASS_RATE: { description: '应知应会测试合格率' },
    NOTICES_ACKNOWLEDGED: { description: '家校告知确认率' },
    CAMPAIGN_REPORTS_ON_TIME: { description: '专项整治统计表按时报送率' },
    SUPERVISION_FINDINGS: { description: '督导发现问题整改率' },
    INCIDENTS: { description: '安全事件数' },
  },
});
