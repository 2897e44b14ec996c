import { ADMIN_ROLES, UNIT_HEAD_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { AppraisalEntity, AppraisalStatus } from './appraisal.entity';

const ASSESSORS = ADMIN_ROLES;
const REFUSAL = '只有教育局或学校安全管理部门可以评分、审核和公示考核结果';

export type AppraisalAction = 'SCORE' | 'VETO' | 'REVIEW' | 'PUBLISH_RESULT' | 'OBJECT' | 'REOPEN' | 'REJECT_OBJECTION';

/** A result is scored while a draft, reviewed, made public with an objection window, and final when the window closes (a job). */
export const APPRAISAL_TRANSITIONS: TransitionTable<AppraisalStatus, AppraisalAction> = {
  SCORE: {
    from: [AppraisalStatus.DRAFT],
    to: null,
    roles: ASSESSORS,
    label: '人工指标评分',
    wrongState: '考核结果已审核，不能再评分',
    refusal: REFUSAL,
    condition: '评分人不能在被考核单位或其下级单位任职（不能给本单位评分）',
  },
  VETO: {
    from: [AppraisalStatus.DRAFT],
    to: null,
    roles: ASSESSORS,
    label: '认定一票否决（方案规定的其他情形）',
    wrongState: '考核结果已审核，不能再认定否决',
    refusal: REFUSAL,
    condition: '方案须列有其他情形；写明事由和依据；不能认定本单位',
  },
  REVIEW: {
    from: [AppraisalStatus.DRAFT],
    to: AppraisalStatus.REVIEWED,
    roles: ASSESSORS,
    label: '审核',
    wrongState: '考核结果已审核',
    refusal: REFUSAL,
    condition: '人工指标均已评分；不能审核本单位',
  },
  PUBLISH_RESULT: { from: [AppraisalStatus.REVIEWED], to: AppraisalStatus.PUBLISHED, roles: ASSESSORS, label: '公示', wrongState: '考核结果尚未审核或已公示', refusal: REFUSAL },
  OBJECT: {
    from: [AppraisalStatus.PUBLISHED],
    to: null,
    roles: UNIT_HEAD_ROLES,
    label: '申诉',
    wrongState: '只有公示中的考核结果可以申诉',
    refusal: '只有被考核单位的负责人可以申诉',
    condition: '在申诉期内，每个结果同时只有一项待处理的申诉',
  },
  REOPEN: {
    from: [AppraisalStatus.PUBLISHED],
    to: AppraisalStatus.DRAFT,
    roles: ASSESSORS,
    label: '受理申诉（退回重新评分）',
    wrongState: '只有公示中的考核结果可以受理申诉',
    refusal: REFUSAL,
  },
  REJECT_OBJECTION: { from: [AppraisalStatus.PUBLISHED], to: null, roles: ASSESSORS, label: '驳回申诉', wrongState: '只有公示中的考核结果可以驳回申诉', refusal: REFUSAL },
};

/** An appraisal is seen by its unit (and the units above it, whose scope covers it). */
export const APPRAISAL_POLICY = policyFromTransitions('Appraisal', '考核结果', APPRAISAL_TRANSITIONS, {
  view: viewRule('查看（被考核单位及其上级）'),
});

export const APPRAISAL_ACCESS = scopedAccess(APPRAISAL_POLICY, AppraisalEntity);
