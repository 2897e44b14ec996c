import { registerEnumType } from 'type-graphql';

/** DRAFT while the plan is being written; ACTIVE once issued (印发); CLOSED after its end date. */
export enum CampaignStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

/** The three phases of a campaign, as in the 2021 兰州现代职业学院 campus-safety plan, in their order (labels in PHASE_LABELS). */
export enum CampaignPhaseKind {
  SELF_CHECK = 'SELF_CHECK',
  RECTIFY = 'RECTIFY',
  SUPERVISE = 'SUPERVISE',
}

export const PHASE_ORDER: readonly CampaignPhaseKind[] = [CampaignPhaseKind.SELF_CHECK, CampaignPhaseKind.RECTIFY, CampaignPhaseKind.SUPERVISE];

export const PHASE_LABELS: Record<CampaignPhaseKind, string> = {
  SELF_CHECK: '自查自纠',
  RECTIFY: '整改完善',
  SUPERVISE: '督导检查',
};

/** Where a unit stands for one report date. */
export enum CampaignReportState {
  SUBMITTED = 'SUBMITTED',
  LATE = 'LATE',
  MISSING = 'MISSING',
  PENDING = 'PENDING',
}

/** A unit's part in a focus area: 牵头部门 or 责任部门. */
export enum FocusAreaRole {
  LEAD = 'LEAD',
  RESPONSIBLE = 'RESPONSIBLE',
}

registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: '专项整治状态',
  valuesConfig: {
    DRAFT: { description: '草稿（方案制定中）' },
    ACTIVE: { description: '进行中（已印发）' },
    CLOSED: { description: '已结束' },
  },
});

registerEnumType(CampaignPhaseKind, {
  name: 'CampaignPhaseKind',
  description: '专项整治阶段',
  valuesConfig: Object.fromEntries(Object.entries(PHASE_LABELS).map(([kind, label]) => [kind, { description: `${label}阶段` }])),
});

registerEnumType(CampaignReportState, {
  name: 'CampaignReportState',
  description: '单位某一报送日期的统计表报送情况',
  valuesConfig: {
    SUBMITTED: { description: '已按时报送' },
    LATE: { description: '逾期报送' },
    MISSING: { description: '未报送（已过报送日期）' },
    PENDING: { description: '待报送（未到报送日期）' },
  },
});
