import { ADMIN_ROLES, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { ActiveState } from './inspection-enums';
import { InspectionTaskEntity } from './inspection.entity';

/** Who arranges inspections: the unit's leader and safety officer, the school's safety office, the bureau. */
const INSPECTION_MANAGERS = UNIT_SAFETY_MANAGER_ROLES;
const STOPPED = '检查任务已停用';

export type InspectionTaskAction = 'DEACTIVATE' | 'PERFORM';

/** A task is inspected period by period while active; once stopped it stays stopped. */
export const INSPECTION_TASK_TRANSITIONS: TransitionTable<ActiveState, InspectionTaskAction> = {
  DEACTIVATE: {
    from: [ActiveState.ACTIVE],
    to: ActiveState.INACTIVE,
    roles: INSPECTION_MANAGERS,
    label: '停用',
    wrongState: STOPPED,
    wrongStateReason: 'INACTIVE',
    refusal: '您无权停用该检查任务',
  },
  // Besides the assignee, the school's safety office and the bureau may record a task's inspection.
  PERFORM: {
    from: [ActiveState.ACTIVE],
    to: null,
    roles: ADMIN_ROLES,
    label: '记录检查',
    wrongState: STOPPED,
    wrongStateReason: 'INACTIVE',
    refusal: '只有任务的检查人或学校安全管理部门可以记录该检查',
    condition: '任务的检查人本人也可以',
  },
};

export const INSPECTION_TASK_POLICY = policyFromTransitions('InspectionTask', '检查任务', INSPECTION_TASK_TRANSITIONS, {
  view: viewRule(),
  create: { roles: INSPECTION_MANAGERS, label: '安排', refusal: '您无权为该单位安排检查任务' },
});

export const INSPECTION_TASK_ACCESS = scopedAccess(INSPECTION_TASK_POLICY, InspectionTaskEntity);
