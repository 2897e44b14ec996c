import { ADMIN_ROLES, ALL_ROLES } from '@campus/auth';
import { policyFromTransitions, sharedBelowAccess, TransitionTable, viewRule } from '@campus/server';
import { ChecklistTemplateEntity } from './checklist.entity';
import { ActiveState } from './inspection-enums';

/** Who keeps a unit's own checklists: the school's safety office and the bureau. */
const CHECKLIST_MANAGERS = ADMIN_ROLES;
const RETIRED = '检查表已停用';

export type ChecklistTemplateAction = 'RETIRE' | 'USE';

/** A checklist is used by new tasks while active; once retired it stays retired. */
export const CHECKLIST_TEMPLATE_TRANSITIONS: TransitionTable<ActiveState, ChecklistTemplateAction> = {
  RETIRE: {
    from: [ActiveState.ACTIVE],
    to: ActiveState.INACTIVE,
    roles: CHECKLIST_MANAGERS,
    label: '停用',
    wrongState: RETIRED,
    wrongStateReason: 'INACTIVE',
    refusal: '您无权停用该检查表',
    condition: '内置检查表不能停用',
  },
  // Picking a checklist needs no role of its own: creating the task does.
  USE: {
    from: [ActiveState.ACTIVE],
    to: null,
    roles: ALL_ROLES,
    label: '用于新的检查任务',
    wrongState: `${RETIRED}，请选择在用的检查表`,
    wrongStateReason: 'INACTIVE',
    condition: '内置的或任务所属单位及其上级单位的检查表；须有安排该检查任务的权限',
  },
};

export const CHECKLIST_TEMPLATE_POLICY = policyFromTransitions('ChecklistTemplate', '检查表', CHECKLIST_TEMPLATE_TRANSITIONS, {
  view: { ...viewRule(), condition: '内置检查表人人可见；单位的检查表其上级和下级单位也可见' },
  create: { roles: CHECKLIST_MANAGERS, label: '制定', refusal: '您无权为该单位制定检查表' },
});

/** Built-in checklists (no unit) are seen by everyone; a unit's own by those above and below it (a college uses its school's). */
export const CHECKLIST_TEMPLATE_ACCESS = sharedBelowAccess(CHECKLIST_TEMPLATE_POLICY, ChecklistTemplateEntity, {
  unowned: { refusal: '内置检查表不能停用' },
});
