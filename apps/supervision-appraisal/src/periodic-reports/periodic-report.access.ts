import { UNIT_HEAD_ROLES, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { NotFoundError } from '@campus/graphql';
import { Asker, policyFromTransitions, RowLocker, RowRef, scopedAccess, sharedBelowAccess, TransitionTable, viewRule } from '@campus/server';
import { EntityManager } from 'typeorm';
import { ReportSubmissionStatus, ReportTemplateStatus } from './periodic-report-enums';
import { ReportSubmissionEntity, ReportTemplateEntity } from './periodic-report.entity';

/** Who issues, closes and reviews: the bureau admins, the school safety office or the leader of the issuing unit. */
const ISSUERS = UNIT_HEAD_ROLES;
/** Who reports for a target unit: its safety managers (and those above it). */
const REPORTERS = UNIT_SAFETY_MANAGER_ROLES;

export type ReportTemplateAction = 'CREATE' | 'CLOSE';

export const REPORT_TEMPLATE_TRANSITIONS: TransitionTable<ReportTemplateStatus, ReportTemplateAction> = {
  CREATE: {
    from: [],
    to: ReportTemplateStatus.ACTIVE,
    roles: ISSUERS,
    label: '下达报送要求',
    wrongState: '报送要求已存在',
    refusal: '只有本单位的负责人、学校安全保卫处或教育局可以下达报送要求',
    condition: '报送单位须为本单位的下级单位',
  },
  CLOSE: {
    from: [ReportTemplateStatus.ACTIVE],
    to: ReportTemplateStatus.CLOSED,
    roles: ISSUERS,
    label: '停止报送要求',
    wrongState: '报送要求已停止',
    refusal: '只有下达单位的负责人、学校安全保卫处或教育局可以停止报送要求',
  },
};

export const REPORT_TEMPLATE_POLICY = policyFromTransitions('PeriodicReportTemplate', '报送要求', REPORT_TEMPLATE_TRANSITIONS, {
  view: { ...viewRule(), condition: '下达单位及其上级，以及下达单位的下级单位' },
});

/** The issuing unit and those above see a template; so does every unit below the issuing unit (the targets among them). */
export const REPORT_TEMPLATE_ACCESS = sharedBelowAccess(REPORT_TEMPLATE_POLICY, ReportTemplateEntity);

export type ReportSubmissionAction = 'SUBMIT' | 'RESUBMIT' | 'ACKNOWLEDGE' | 'RETURN';

const REPORTER_REFUSAL = '只有报送单位的负责人或安全管理人员可以报送';
const REVIEWER_REFUSAL = '只有下达单位的负责人、学校安全保卫处或教育局可以审阅报送材料';

/** 报送 → 已阅, or 退回修改 → 重报; a submission not yet reviewed may be resubmitted (a new revision). */
export const REPORT_SUBMISSION_TRANSITIONS: TransitionTable<ReportSubmissionStatus, ReportSubmissionAction> = {
  SUBMIT: {
    from: [],
    to: ReportSubmissionStatus.SUBMITTED,
    roles: REPORTERS,
    label: '报送',
    wrongState: '该单位本期已报送，请修改重报',
    refusal: REPORTER_REFUSAL,
    condition: '角色在报送单位；每个报送单位每期一份；执行中的报送要求',
  },
  RESUBMIT: {
    from: [ReportSubmissionStatus.SUBMITTED, ReportSubmissionStatus.RETURNED],
    to: ReportSubmissionStatus.SUBMITTED,
    roles: REPORTERS,
    label: '修改重报',
    wrongState: '报送材料已阅，不能再修改',
    refusal: REPORTER_REFUSAL,
    condition: '审阅前或退回后；保留此前各版本',
  },
  ACKNOWLEDGE: {
    from: [ReportSubmissionStatus.SUBMITTED],
    to: ReportSubmissionStatus.ACKNOWLEDGED,
    roles: ISSUERS,
    label: '审阅（已阅）',
    wrongState: '只有待审阅的报送材料可以审阅',
    refusal: REVIEWER_REFUSAL,
    condition: '角色在下达单位（报送单位不能审阅本单位的材料）',
  },
  RETURN: {
    from: [ReportSubmissionStatus.SUBMITTED],
    to: ReportSubmissionStatus.RETURNED,
    roles: ISSUERS,
    label: '退回修改',
    wrongState: '只有待审阅的报送材料可以退回',
    refusal: REVIEWER_REFUSAL,
    condition: '角色在下达单位；须说明退回意见',
  },
};

export const REPORT_SUBMISSION_POLICY = policyFromTransitions('PeriodicReportSubmission', '报送材料', REPORT_SUBMISSION_TRANSITIONS, {
  view: { ...viewRule(), condition: '报送单位及其上级（含下达单位）' },
});

/** Reads and the reporters' steps decide on the target unit's path (org_path); reviews on the issuing unit's (see the locker). */
export const REPORT_SUBMISSION_ACCESS = scopedAccess(REPORT_SUBMISSION_POLICY, ReportSubmissionEntity);

/**
 * Locks a submission for a step: NOT_FOUND unless the viewer reads it, FORBIDDEN unless they hold a role of the
 * step at the target unit (resubmitting) or at the issuing unit (reviewing), then a stale version.
 */
export const REPORT_SUBMISSION_LOCKER: RowLocker<ReportSubmissionEntity, ReportSubmissionAction> = {
  async lock(manager: EntityManager, asker: Asker, action: ReportSubmissionAction, ref: RowRef): Promise<ReportSubmissionEntity> {
    const row = await manager.findOne(ReportSubmissionEntity, { where: { id: ref.id }, lock: { mode: 'pessimistic_write' } });
    if (!row || !REPORT_SUBMISSION_ACCESS.allows(asker, 'view', row.orgPath)) throw new NotFoundError(REPORT_SUBMISSION_POLICY.label, ref.id);
    const reviewing = action === 'ACKNOWLEDGE' || action === 'RETURN';
    REPORT_SUBMISSION_ACCESS.checkRole(asker, action, reviewing ? row.issuingPath : row.orgPath);
    REPORT_SUBMISSION_ACCESS.checkVersion(row, ref);
    return row;
  },
};
