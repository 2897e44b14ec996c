import { ADMIN_ROLES, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, policyFromTransitions, scopedAccess, sharedBelowAccess, TransitionTable, viewRule } from '@campus/server';
import { CampaignStatus } from './campaign-enums';
import { CampaignEntity, CampaignReportEntity, CampaignSnapshotRowEntity } from './campaign.entity';

/** Who plans, issues and closes a campaign: the safety office or the bureau at the campaign's scope unit. */
const CAMPAIGN_MANAGERS = ADMIN_ROLES;
const MANAGER_REFUSAL = '您无权管理该专项整治';
const CLOSED_REFUSAL = '专项整治已结束，不能再修改';

export type CampaignAction = 'EDIT' | 'EDIT_PLAN' | 'PUBLISH' | 'CLOSE' | 'REPORT';

/** 制定 (DRAFT) → 印发 (ACTIVE) → 结束 (CLOSED); units report while it is under way. */
export const CAMPAIGN_TRANSITIONS: TransitionTable<CampaignStatus, CampaignAction> = {
  EDIT: {
    from: [CampaignStatus.DRAFT, CampaignStatus.ACTIVE],
    to: null,
    roles: CAMPAIGN_MANAGERS,
    label: '修改标题、文号和说明',
    wrongState: CLOSED_REFUSAL,
    refusal: MANAGER_REFUSAL,
  },
  EDIT_PLAN: {
    from: [CampaignStatus.DRAFT],
    to: null,
    roles: CAMPAIGN_MANAGERS,
    label: '修改日期、阶段、整治重点和报送日期',
    wrongState: '专项整治方案已印发，日期、阶段、整治重点和报送日期不能再修改',
    wrongStates: { [CampaignStatus.CLOSED]: CLOSED_REFUSAL },
    refusal: MANAGER_REFUSAL,
  },
  PUBLISH: {
    from: [CampaignStatus.DRAFT],
    to: CampaignStatus.ACTIVE,
    roles: CAMPAIGN_MANAGERS,
    label: '印发',
    wrongState: '只有草稿状态的专项整治方案可以印发',
    refusal: MANAGER_REFUSAL,
  },
  CLOSE: {
    from: [CampaignStatus.ACTIVE],
    to: CampaignStatus.CLOSED,
    roles: CAMPAIGN_MANAGERS,
    label: '结束',
    wrongState: '只有进行中的专项整治可以结束',
    refusal: MANAGER_REFUSAL,
    condition: '结束日期起',
  },
  // A unit's leader or safety officer reports for it; the safety office may record a report it received.
  REPORT: {
    from: [CampaignStatus.ACTIVE],
    to: null,
    roles: UNIT_SAFETY_MANAGER_ROLES,
    label: '报送统计表',
    wrongState: '专项整治已结束，不能再报送',
    wrongStates: { [CampaignStatus.DRAFT]: '专项整治方案尚未印发，不能报送' },
    refusal: '您无权代表该单位报送统计表',
    condition: '角色在报送单位；每个报送单位每个报送日期一次',
  },
};

export const CAMPAIGN_POLICY = policyFromTransitions('Campaign', '专项整治', CAMPAIGN_TRANSITIONS, {
  view: { ...viewRule(), condition: '范围单位及其上级：任何状态；范围内的单位：印发以后' },
  create: { roles: CAMPAIGN_MANAGERS, label: '制定方案', refusal: '您无权在该单位制定专项整治方案' },
});

/** What the visibility of a campaign depends on. */
export type CampaignVisibility = Pick<CampaignEntity, 'orgPath' | 'status'>;

/** The organisers and those above them see a campaign in any state; once issued, also the units inside its scope. */
export const CAMPAIGN_ACCESS = sharedBelowAccess(CAMPAIGN_POLICY, CampaignEntity, {
  sharedBelow: {
    row: (campaign: CampaignVisibility) => campaign.status !== CampaignStatus.DRAFT,
    where: (alias) => ({ sql: `${alias}.status <> :draft`, params: { draft: CampaignStatus.DRAFT } }),
  },
});

/** A report is submitted through Campaign.REPORT; who sees how each unit stands on a report date. */
export const CAMPAIGN_REPORT_POLICY = definePolicy({
  aggregate: 'CampaignReport',
  label: '专项整治报送',
  actions: { view: { ...viewRule(), condition: '专项整治的范围单位及其上级看全部报送单位，其他单位看本单位及下级' } },
});

export const CAMPAIGN_REPORT_ACCESS = scopedAccess(CAMPAIGN_REPORT_POLICY, CampaignReportEntity);

/** The statistics table's lines, live or frozen: each viewer sees the units in scope and their totals. */
export const CAMPAIGN_STATISTICS_POLICY = definePolicy({
  aggregate: 'CampaignStatisticsRow',
  label: '隐患问题统计表',
  actions: { view: { ...viewRule(), condition: '各单位的行在其本单位及上级可见；合计只计可见的行' } },
});

export const CAMPAIGN_STATISTICS_ACCESS = scopedAccess(CAMPAIGN_STATISTICS_POLICY, CampaignSnapshotRowEntity);
