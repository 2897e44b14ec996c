import { ALL_ROLES, UNIT_HEAD_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { DutyAssessmentEntity } from './duty-assessment.entity';
import { DutyAssessmentStatus } from './post-enums';

export type DutyAssessmentAction = 'SELF_ASSESS' | 'REVIEW';

/** The holder assesses their post for a period (once); the unit's leadership reviews it (once). */
export const DUTY_ASSESSMENT_TRANSITIONS: TransitionTable<DutyAssessmentStatus, DutyAssessmentAction> = {
  SELF_ASSESS: {
    from: [],
    to: DutyAssessmentStatus.SELF_ASSESSED,
    roles: ALL_ROLES,
    label: '自评',
    wrongState: '该岗位该考核期已提交自评，不能重复提交',
    refusal: '只有岗位任职人员本人可以自评',
    condition: '仅岗位任职人员本人；每岗每期一次，逐项评分',
  },
  REVIEW: {
    from: [DutyAssessmentStatus.SELF_ASSESSED],
    to: DutyAssessmentStatus.REVIEWED,
    roles: UNIT_HEAD_ROLES,
    label: '复评',
    wrongState: '该履职评价已复评，不能重复复评',
    wrongStateReason: 'DUPLICATE',
    refusal: '只有本单位负责人或安全管理部门可以复评',
    condition: '不能复评本人岗位的自评；逐项评分',
  },
};

export const DUTY_ASSESSMENT_POLICY = policyFromTransitions('DutyAssessment', '履职评价', DUTY_ASSESSMENT_TRANSITIONS, {
  view: viewRule(),
});

export const DUTY_ASSESSMENT_ACCESS = scopedAccess(DUTY_ASSESSMENT_POLICY, DutyAssessmentEntity);
