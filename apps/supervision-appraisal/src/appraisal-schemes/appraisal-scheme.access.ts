import { ADMIN_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { AppraisalSchemeStatus } from './appraisal-enums';
import { AppraisalSchemeEntity } from './appraisal-scheme.entity';

const REFUSAL = '只有教育局或学校安全管理部门可以制定考核方案';

/** A scheme is drafted and edited; publishing comes with the appraisal itself. */
export const APPRAISAL_SCHEME_TRANSITIONS: TransitionTable<AppraisalSchemeStatus, 'EDIT'> = {
  EDIT: {
    from: [AppraisalSchemeStatus.DRAFT],
    to: null,
    roles: ADMIN_ROLES,
    label: '修改',
    wrongState: '只有草案状态的考核方案可以修改',
    refusal: REFUSAL,
  },
};

export const APPRAISAL_SCHEME_POLICY = policyFromTransitions('AppraisalScheme', '考核方案', APPRAISAL_SCHEME_TRANSITIONS, {
  view: viewRule(),
  create: { roles: ADMIN_ROLES, label: '制定', refusal: REFUSAL },
});

export const APPRAISAL_SCHEME_ACCESS = scopedAccess(APPRAISAL_SCHEME_POLICY, AppraisalSchemeEntity);
