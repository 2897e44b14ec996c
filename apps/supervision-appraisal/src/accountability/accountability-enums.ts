import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

/** 待确认 → 记录在案 or 不予问责; a record on file may be revoked (撤销) by its issuing unit. */
export enum AccountabilityStatus {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
  REVOKED = 'REVOKED',
}

export const ACCOUNTABILITY_STATUS_LABELS: Record<AccountabilityStatus, string> = {
  PROPOSED: '待确认',
  CONFIRMED: '记录在案',
  DISMISSED: '不予问责',
  REVOKED: '已撤销',
};

/** 事由: what the unit or person is held to account for (seed 001 三(三) 加强督导问责, seed 002 一票否决). */
export enum AccountabilityReason {
  OVERDUE_HAZARD = 'OVERDUE_HAZARD',
  LATE_REPORT = 'LATE_REPORT',
  INCIDENT = 'INCIDENT',
  CONCEALMENT = 'CONCEALMENT',
  SHIRKING = 'SHIRKING',
  VETO = 'VETO',
  OTHER = 'OTHER',
}

export const ACCOUNTABILITY_REASON_LABELS: Record<AccountabilityReason, string> = {
  OVERDUE_HAZARD: '隐患逾期未整改',
  LATE_REPORT: '迟报',
  INCIDENT: '发生安全责任事故',
  CONCEALMENT: '瞒报',
  SHIRKING: '推诿扯皮、履职不到位',
  VETO: '考核一票否决',
  OTHER: '其他',
};

/** 问责方式, lightest first, as the seeds name them (通报、约谈、警示、责令整改 … 追究法律责任). */
export enum AccountabilityMeasure {
  CRITICISM_NOTICE = 'CRITICISM_NOTICE',
  INTERVIEW = 'INTERVIEW',
  WARNING = 'WARNING',
  ORDER_TO_RECTIFY = 'ORDER_TO_RECTIFY',
  WRITTEN_EXAMINATION = 'WRITTEN_EXAMINATION',
  ADMONITION_TALK = 'ADMONITION_TALK',
  DISQUALIFY_HONOURS = 'DISQUALIFY_HONOURS',
  DISCIPLINE_RECOMMENDED = 'DISCIPLINE_RECOMMENDED',
  REFERRED_FOR_LEGAL_ACTION = 'REFERRED_FOR_LEGAL_ACTION',
}

export const ACCOUNTABILITY_MEASURE_LABELS: Record<AccountabilityMeasure, string> = {
  CRITICISM_NOTICE: '通报批评',
  INTERVIEW: '约谈',
  WARNING: '警示',
  ORDER_TO_RECTIFY: '责令整改',
  WRITTEN_EXAMINATION: '责令书面检查',
  ADMONITION_TALK: '诫勉谈话',
  DISQUALIFY_HONOURS: '取消当年评优评先资格',
  DISCIPLINE_RECOMMENDED: '建议给予处分',
  REFERRED_FOR_LEGAL_ACTION: '移送有关机关依法追究责任',
};

export enum AccountabilityTargetKind {
  UNIT = 'UNIT',
  PERSON = 'PERSON',
}

export const ACCOUNTABILITY_TARGET_LABELS: Record<AccountabilityTargetKind, string> = { UNIT: '单位', PERSON: '个人' };

/** What a record rests on (依据): records of this and the other services, by id. */
export enum AccountabilityEvidenceKind {
  HAZARD = 'HAZARD',
  ESCALATION = 'ESCALATION',
  INCIDENT = 'INCIDENT',
  SUPERVISION_FINDING = 'SUPERVISION_FINDING',
  APPRAISAL_VETO = 'APPRAISAL_VETO',
}

export const ACCOUNTABILITY_EVIDENCE_LABELS: Record<AccountabilityEvidenceKind, string> = {
  HAZARD: '隐患',
  ESCALATION: '逾期督办',
  INCIDENT: '安全事件',
  SUPERVISION_FINDING: '督导检查问题',
  APPRAISAL_VETO: '考核一票否决',
};

registerEnumType(AccountabilityStatus, { name: 'AccountabilityStatus', description: '问责记录状态', valuesConfig: describedBy(ACCOUNTABILITY_STATUS_LABELS) });
registerEnumType(AccountabilityReason, { name: 'AccountabilityReason', description: '问责事由', valuesConfig: describedBy(ACCOUNTABILITY_REASON_LABELS) });
registerEnumType(AccountabilityMeasure, { name: 'AccountabilityMeasure', description: '问责方式', valuesConfig: describedBy(ACCOUNTABILITY_MEASURE_LABELS) });
registerEnumType(AccountabilityTargetKind, { name: 'AccountabilityTargetKind', description: '问责对象类别', valuesConfig: describedBy(ACCOUNTABILITY_TARGET_LABELS) });
registerEnumType(AccountabilityEvidenceKind, { name: 'AccountabilityEvidenceKind', description: '问责依据类别', valuesConfig: describedBy(ACCOUNTABILITY_EVIDENCE_LABELS) });
