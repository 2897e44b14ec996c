import { ADMIN_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { AppraisalSchemeStatus } from './appraisal-enums';
import { AppraisalSchemeEntity } from './appraisal-scheme.entity';

const REFUSAL = '只有教育局或学校安全管理部门可以制定考核方案';

export type AppraisalSchemeAction = 'EDIT' | 'PUBLISH' | 'CLOSE';

/** A scheme is drafted, published (in force: process appraisal live), and closed at the period's end (year-end appraisal). */
export const APPRAISAL_SCHEME_TRANSITIONS: TransitionTable<AppraisalSchemeStatus, AppraisalSchemeAction> = {
  EDIT: {
    from: [AppraisalSchemeStatus.DRAFT],
    to: null,
    roles: ADMIN_ROLES,
    label: '修改',
    wrongState: '只有草案状态的考核方案可以修改',
    refusal: REFUSAL,
  },
  PUBLISH: {
    from: [AppraisalSchemeStatus.DRAFT],
    to: AppraisalSchemeStatus.PUBLISHED,
    roles: ADMIN_ROLES,
    label: '发布（开始过程考核）',
    wrongState: '考核方案已发布',
    refusal: REFUSAL,
    condition: '每项自动指标须有计分规则',
  },
  CLOSE: {
    from: [AppraisalSchemeStatus.PUBLISHED],
    to: AppraisalSchemeStatus.CLOSED,
    roles: ADMIN_ROLES,
    label: '结束（进行年终考核）',
    wrongState: '只有已发布的考核方案可以结束',
    wrongStates: { DRAFT: '考核方案尚未发布' },
    refusal: REFUSAL,
  },
};

export const APPRAISAL_SCHEME_POLICY = policyFromTransitions('AppraisalScheme', '考核方案', APPRAISAL_SCHEME_TRANSITIONS, {
  view: viewRule(),
  create: { roles: ADMIN_ROLES, label: '制定', refusal: REFUSAL },
});

export const APPRAISAL_SCHEME_ACCESS = scopedAccess(APPRAISAL_SCHEME_POLICY, AppraisalSchemeEntity);
