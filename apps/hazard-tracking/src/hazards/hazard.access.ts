import { HAZARD_REPORTER_ROLES, Role, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { nextState, policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { HAZARD_ACTION_LABELS, HazardAction, HazardStatus, SENSITIVE_HAZARD_CATEGORIES } from './hazard-enums';
import { HazardEntity } from './hazard.entity';

/** The unit's leader and safety officer, the school's safety office, the bureau. */
const MANAGERS = UNIT_SAFETY_MANAGER_ROLES;
const ACCEPTORS: readonly Role[] = [...MANAGERS, Role.INSPECTOR];
const REGISTER_REFUSAL = '您无权在该单位登记隐患';
const CHANGE_REFUSAL = '您无权修改该隐患';

/** Facts may be corrected, and a hazard voided or fixed on the spot, only before rectification starts. */
export const BEFORE_RECTIFICATION: readonly HazardStatus[] = [HazardStatus.DISCOVERED, HazardStatus.REGISTERED];

/** 即查即改: a row of the table that is no step of its own; it records ON_THE_SPOT_ACTIONS at once. */
export const FIX_ON_THE_SPOT = 'FIX_ON_THE_SPOT';

export type HazardTransitionAction = HazardAction | typeof FIX_ON_THE_SPOT;

/** How a hazard enters the ledger: a discovery awaiting assessment (随手拍), or registered directly. */
export type HazardCreation = HazardAction.DISCOVER | HazardAction.REGISTER;

/** The closed loop (排查→登记→报告→治理→验收→销号→存档); DISCOVER and REGISTER create the hazard. */
export const HAZARD_TRANSITIONS: TransitionTable<HazardStatus, HazardTransitionAction> = {
  DISCOVER: {
    from: [],
    to: HazardStatus.DISCOVERED,
    roles: HAZARD_REPORTER_ROLES,
    label: HAZARD_ACTION_LABELS.DISCOVER,
    wrongState: '隐患已上报',
    refusal: REGISTER_REFUSAL,
  },
  ASSESS: {
    from: [HazardStatus.DISCOVERED],
    to: HazardStatus.REGISTERED,
    roles: MANAGERS,
    label: HAZARD_ACTION_LABELS.ASSESS,
    wrongState: '只有发现上报（待登记）的隐患可以登记评估',
  },
  REGISTER: {
    from: [],
    to: HazardStatus.REGISTERED,
    roles: HAZARD_REPORTER_ROLES,
    label: HAZARD_ACTION_LABELS.REGISTER,
    wrongState: '隐患已登记',
    refusal: REGISTER_REFUSAL,
  },
  REPORT: {
    from: [HazardStatus.REGISTERED],
    to: HazardStatus.REPORTED,
    roles: MANAGERS,
    label: HAZARD_ACTION_LABELS.REPORT,
    wrongState: '只有已登记的隐患可以报告',
  },
  SUBMIT_PLAN: {
    from: [HazardStatus.REGISTERED, HazardStatus.REPORTED],
    to: null,
    roles: MANAGERS,
    label: HAZARD_ACTION_LABELS.SUBMIT_PLAN,
    wrongState: '隐患已进入治理，不能再修改整改方案',
  },
  START_RECTIFICATION: {
    from: [HazardStatus.REPORTED],
    to: HazardStatus.RECTIFYING,
    roles: MANAGERS,
    label: HAZARD_ACTION_LABELS.START_RECTIFICATION,
    wrongState: '只有已报告的隐患可以开始治理',
    condition: '整改方案（四落实）完整',
  },
  SUBMIT_FOR_ACCEPTANCE: {
    from: [HazardStatus.RECTIFYING],
    to: HazardStatus.PENDING_ACCEPTANCE,
    roles: HAZARD_REPORTER_ROLES,
    label: HAZARD_ACTION_LABELS.SUBMIT_FOR_ACCEPTANCE,
    wrongState: '只有治理中的隐患可以申请验收',
    condition: '提交人即整改人，账号须关联人员',
  },
  ACCEPT: {
    from: [HazardStatus.PENDING_ACCEPTANCE],
    to: HazardStatus.ACCEPTED,
    roles: ACCEPTORS,
    label: HAZARD_ACTION_LABELS.ACCEPT,
    wrongState: '只有待验收的隐患可以验收',
    condition: '整改人、整改责任人不能验收',
  },
  FAIL_ACCEPTANCE: {
    from: [HazardStatus.PENDING_ACCEPTANCE],
    to: HazardStatus.RECTIFYING,
    roles: ACCEPTORS,
    label: HAZARD_ACTION_LABELS.FAIL_ACCEPTANCE,
    wrongState: '只有待验收的隐患可以验收',
    condition: '整改人、整改责任人不能验收',
  },
  CLOSE: {
    from: [HazardStatus.ACCEPTED],
    to: HazardStatus.CLOSED,
    roles: MANAGERS,
    label: HAZARD_ACTION_LABELS.CLOSE,
    wrongState: '隐患尚未验收通过，不能销号',
  },
  ARCHIVE: {
    from: [HazardStatus.CLOSED],
    to: HazardStatus.ARCHIVED,
    roles: MANAGERS,
    label: HAZARD_ACTION_LABELS.ARCHIVE,
    wrongState: '只有已销号的隐患可以备案存档',
  },
  VOID: {
    from: BEFORE_RECTIFICATION,
    to: HazardStatus.VOIDED,
    roles: MANAGERS,
    label: HAZARD_ACTION_LABELS.VOID,
    wrongState: '只有发现或登记状态的隐患可以作废',
    refusal: CHANGE_REFUSAL,
  },
  FIX_ON_THE_SPOT: {
    from: BEFORE_RECTIFICATION,
    to: HazardStatus.CLOSED,
    roles: [...MANAGERS, Role.GRID_OFFICER],
    label: '即查即改',
    wrongState: '只有发现或登记状态的隐患可以即查即改',
    refusal: '您无权对该隐患即查即改',
    condition: '仅一般隐患',
  },
};

/** 即查即改: the steps recorded at once for a trivial general hazard fixed on the spot. */
export const ON_THE_SPOT_ACTIONS: readonly HazardAction[] = [
  HazardAction.REPORT,
  HazardAction.START_RECTIFICATION,
  HazardAction.SUBMIT_FOR_ACCEPTANCE,
  HazardAction.ACCEPT,
  HazardAction.CLOSE,
];

/** The steps the hazard's history records for an action of the table. */
export function stepsOf(action: HazardTransitionAction): readonly HazardAction[] {
  return action === FIX_ON_THE_SPOT ? ON_THE_SPOT_ACTIONS : [action];
}

/** The status after the action, or null when the action is not allowed from this status. */
export function nextStatus(action: HazardTransitionAction, from: HazardStatus): HazardStatus | null {
  return nextState(HAZARD_TRANSITIONS, action, from);
}

/**
 * Who handles sensitive hazards (psychological cases …): the counsellors, the school's safety office, the unit's
 * leader, and the bureau (its admin sees every hazard below it, as MANAGERS do in every step of the loop). Not
 * the unit's safety officer: DOMAIN.md gives it the general hazards, education and drills, and no role but the
 * counsellor reads psychological records; nor grid officers, inspectors or staff.
 */
export const SENSITIVE_HAZARD_HANDLERS: readonly Role[] = [Role.COUNSELOR, Role.SAFETY_OFFICE, Role.UNIT_LEADER, Role.BUREAU_ADMIN];

export const HAZARD_POLICY = {
  ...policyFromTransitions('Hazard', '隐患', HAZARD_TRANSITIONS, {
    view: viewRule(),
    edit: { roles: HAZARD_REPORTER_ROLES, label: '更正基本信息', refusal: CHANGE_REFUSAL, condition: '进入治理前' },
  }),
  restricted: { column: 'category', kinds: SENSITIVE_HAZARD_CATEGORIES, roles: SENSITIVE_HAZARD_HANDLERS, label: '心理健康等敏感类别的隐患' },
};

export const HAZARD_ACCESS = scopedAccess(HAZARD_POLICY, HazardEntity, undefined, (hazard) => hazard.category);
