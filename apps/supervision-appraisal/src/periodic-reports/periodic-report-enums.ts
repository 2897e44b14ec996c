import { registerEnumType } from 'type-graphql';

/** How often a report is due: 周安排, 月调度, 季报告, 年度总结. */
export enum ReportCadence {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  ANNUAL = 'ANNUAL',
}

export enum ReportTemplateStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

/** A submission's review: 待审阅 (and resubmittable), 已阅, 退回修改. */
export enum ReportSubmissionStatus {
  SUBMITTED = 'SUBMITTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RETURNED = 'RETURNED',
}

/** A target unit's standing for one period, named as campaign reports name theirs (CampaignReportState). */
export enum PeriodicReportState {
  SUBMITTED = 'SUBMITTED',
  LATE = 'LATE',
  MISSING = 'MISSING',
  PENDING = 'PENDING',
}

export const CADENCE_LABELS: Record<ReportCadence, string> = {
  WEEKLY: '周安排',
  MONTHLY: '月调度',
  QUARTERLY: '季报告',
  ANNUAL: '年度总结',
};

registerEnumType(ReportCadence, {
  name: 'ReportCadence',
  description: '报送周期',
  valuesConfig: {
    WEEKLY: { description: '每周（周安排）' },
    MONTHLY: { description: '每月（月调度）' },
    QUARTERLY: { description: '每季度（季报告）' },
    ANNUAL: { description: '每年（年度总结）' },
  },
});

registerEnumType(ReportTemplateStatus, {
  name: 'ReportTemplateStatus',
  description: '报送要求的状态',
  valuesConfig: { ACTIVE: { description: '执行中' }, CLOSED: { description: '已停止' } },
});

registerEnumType(ReportSubmissionStatus, {
  name: 'ReportSubmissionStatus',
  description: '报送材料的审阅状态',
  valuesConfig: {
    SUBMITTED: { description: '已报送，待审阅（可修改重报）' },
    ACKNOWLEDGED: { description: '已阅' },
    RETURNED: { description: '退回修改' },
  },
});

registerEnumType(PeriodicReportState, {
  name: 'PeriodicReportState',
  description: '单位某一报送周期的报送情况',
  valuesConfig: {
    SUBMITTED: { description: '已按时报送' },
    LATE: { description: '逾期报送' },
    MISSING: { description: '未报送（已过截止时间）' },
    PENDING: { description: '待报送（未到截止时间）' },
  },
});
