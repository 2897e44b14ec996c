import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { DrillStatus } from '../drills/drill-enums';
import { DrillEntity } from '../drills/drill.entity';
import { EmergencyPlanStatus } from '../emergency-plans/emergency-plan-enums';
import { EmergencyPlanEntity } from '../emergency-plans/emergency-plan.entity';
import { EducationDocumentEntity } from './document.entity';

/**
 * A revision's document is added by whoever may edit and approve the plan (the unit's leadership, safety
 * officer and the offices above), to the plan's current revision while the plan is in force: the signed
 * and stamped text (盖章版) exists only once approved. A revision a later approval superseded is closed.
 */
export const PLAN_DOCUMENT_TRANSITIONS: TransitionTable<EmergencyPlanStatus, 'ATTACH_REVISION_DOCUMENT'> = {
  ATTACH_REVISION_DOCUMENT: {
    from: [EmergencyPlanStatus.APPROVED],
    to: null,
    roles: UNIT_SAFETY_MANAGER_ROLES,
    label: '上传修订文件',
    wrongState: '预案已废止，不能再为其修订上传文件',
    refusal: '只有本单位负责人、安全员或安全管理部门可以上传应急预案文件',
    condition: '只能上传到生效预案的现行修订',
  },
};

export const PLAN_DOCUMENT_POLICY = policyFromTransitions('EmergencyPlan', '应急预案', PLAN_DOCUMENT_TRANSITIONS);
export const PLAN_DOCUMENT_ACCESS = scopedAccess(PLAN_DOCUMENT_POLICY, EmergencyPlanEntity);

const DRILL_RECORDERS = UNIT_SAFETY_MANAGER_ROLES;
const DRILL_REFUSAL = '只有本单位负责人、安全员或安全管理部门可以上传演练照片和文件';

/**
 * Whoever records a drill's execution adds its photos (once it is held: they show the drill) and its
 * documents (a plan's script before, sign-in sheets and reports after); a cancelled drill takes none.
 */
export const DRILL_DOCUMENT_TRANSITIONS: TransitionTable<DrillStatus, 'ATTACH_DRILL_PHOTO' | 'ATTACH_DRILL_DOCUMENT'> = {
  ATTACH_DRILL_PHOTO: {
    from: [DrillStatus.HELD, DrillStatus.EVALUATED],
    to: null,
    roles: DRILL_RECORDERS,
    label: '上传演练照片',
    wrongState: '演练尚未实施或已取消，不能上传现场照片',
    refusal: DRILL_REFUSAL,
    condition: '演练实施后',
  },
  ATTACH_DRILL_DOCUMENT: {
    from: [DrillStatus.PLANNED, DrillStatus.HELD, DrillStatus.EVALUATED],
    to: null,
    roles: DRILL_RECORDERS,
    label: '上传演练文件',
    wrongState: '演练已取消，不能上传文件',
    refusal: DRILL_REFUSAL,
    condition: '演练取消后不能上传',
  },
};

export const DRILL_DOCUMENT_POLICY = policyFromTransitions('Drill', '应急演练', DRILL_DOCUMENT_TRANSITIONS);
export const DRILL_DOCUMENT_ACCESS = scopedAccess(DRILL_DOCUMENT_POLICY, DrillEntity);

/** A document is read and downloaded by whoever sees its plan's or drill's unit. */
export const EDUCATION_DOCUMENT_POLICY = definePolicy({
  aggregate: 'EducationDocument',
  label: '文件',
  actions: { view: viewRule('查看或下载') },
});

export const EDUCATION_DOCUMENT_ACCESS = scopedAccess(EDUCATION_DOCUMENT_POLICY, EducationDocumentEntity);
