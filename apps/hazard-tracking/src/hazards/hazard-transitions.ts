import { ADMIN_ROLES, HAZARD_REPORTER_ROLES, Role } from '@campus/auth';
import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';
import { HazardGrade, HazardStatus } from './hazard-enums';

/** One recorded step of the closed loop (排查→登记→报告→治理→验收→销号→存档). */
export enum HazardAction {
  DISCOVER = 'DISCOVER',
  ASSESS = 'ASSESS',
  REGISTER = 'REGISTER',
  REPORT = 'REPORT',
  SUBMIT_PLAN = 'SUBMIT_PLAN',
  START_RECTIFICATION = 'START_RECTIFICATION',
  SUBMIT_FOR_ACCEPTANCE = 'SUBMIT_FOR_ACCEPTANCE',
  ACCEPT = 'ACCEPT',
  FAIL_ACCEPTANCE = 'FAIL_ACCEPTANCE',
  CLOSE = 'CLOSE',
  ARCHIVE = 'ARCHIVE',
  VOID = 'VOID',
}

export const HAZARD_ACTION_LABELS: Record<HazardAction, string> = {
  DISCOVER: '发现上报',
  ASSESS: '登记评估',
  REGISTER: '登记',
  REPORT: '报告',
  SUBMIT_PLAN: '提交整改方案（四落实）',
  START_RECTIFICATION: '开始治理',
  SUBMIT_FOR_ACCEPTANCE: '整改完成，申请验收',
  ACCEPT: '验收通过',
  FAIL_ACCEPTANCE: '验收不通过，退回整改',
  CLOSE: '销号',
  ARCHIVE: '备案存档',
  VOID: '作废',
};

registerEnumType(HazardAction, { name: 'HazardAction', description: '隐患闭环中的一步', valuesConfig: describedBy(HAZARD_ACTION_LABELS) });

/** The unit's leader and safety officer, the school's safety office, the bureau. */
export const HAZARD_MANAGER_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER, Role.UNIT_SAFETY_OFFICER];

export interface HazardTransition {
  action: HazardAction;
  from: readonly HazardStatus[];
  /** null: the status does not change (the step is still recorded). */
  to: HazardStatus | null;
  roles: readonly Role[];
  /** Why the action is refused in another state. */
  wrongState: string;
}

const BEFORE_RECTIFICATION = [HazardStatus.DISCOVERED, HazardStatus.REGISTERED] as const;

export const HAZARD_TRANSITIONS: Readonly<Record<HazardAction, HazardTransition>> = {
  DISCOVER: { action: HazardAction.DISCOVER, from: [], to: HazardStatus.DISCOVERED, roles: HAZARD_REPORTER_ROLES, wrongState: '隐患已上报' },
  ASSESS: {
    action: HazardAction.ASSESS,
    from: [HazardStatus.DISCOVERED],
    to: HazardStatus.REGISTERED,
    roles: HAZARD_MANAGER_ROLES,
    wrongState: '只有发现上报（待登记）的隐患可以登记评估',
  },
  REGISTER: { action: HazardAction.REGISTER, from: [], to: HazardStatus.REGISTERED, roles: HAZARD_REPORTER_ROLES, wrongState: '隐患已登记' },
  REPORT: {
    action: HazardAction.REPORT,
    from: [HazardStatus.REGISTERED],
    to: HazardStatus.REPORTED,
    roles: HAZARD_MANAGER_ROLES,
    wrongState: '只有已登记的隐患可以报告',
  },
  SUBMIT_PLAN: {
    action: HazardAction.SUBMIT_PLAN,
    from: [HazardStatus.REGISTERED, HazardStatus.REPORTED],
    to: null,
    roles: HAZARD_MANAGER_ROLES,
    wrongState: '隐患已进入治理，不能再修改整改方案',
  },
  START_RECTIFICATION: {
    action: HazardAction.START_RECTIFICATION,
    from: [HazardStatus.REPORTED],
    to: HazardStatus.RECTIFYING,
    roles: HAZARD_MANAGER_ROLES,
    wrongState: '只有已报告的隐患可以开始治理',
  },
  SUBMIT_FOR_ACCEPTANCE: {
    action: HazardAction.SUBMIT_FOR_ACCEPTANCE,
    from: [HazardStatus.RECTIFYING],
    to: HazardStatus.PENDING_ACCEPTANCE,
    roles: HAZARD_REPORTER_ROLES,
    wrongState: '只有治理中的隐患可以申请验收',
  },
  ACCEPT: {
    action: HazardAction.ACCEPT,
    from: [HazardStatus.PENDING_ACCEPTANCE],
    to: HazardStatus.ACCEPTED,
    roles: [...HAZARD_MANAGER_ROLES, Role.INSPECTOR],
    wrongState: '只有待验收的隐患可以验收',
  },
  FAIL_ACCEPTANCE: {
    action: HazardAction.FAIL_ACCEPTANCE,
    from: [HazardStatus.PENDING_ACCEPTANCE],
    to: HazardStatus.RECTIFYING,
    roles: [...HAZARD_MANAGER_ROLES, Role.INSPECTOR],
    wrongState: '只有待验收的隐患可以验收',
  },
  CLOSE: {
    action: HazardAction.CLOSE,
    from: [HazardStatus.ACCEPTED],
    to: HazardStatus.CLOSED,
    roles: HAZARD_MANAGER_ROLES,
    wrongState: '隐患尚未验收通过，不能销号',
  },
  ARCHIVE: {
    action: HazardAction.ARCHIVE,
    from: [HazardStatus.CLOSED],
    to: HazardStatus.ARCHIVED,
    roles: HAZARD_MANAGER_ROLES,
    wrongState: '只有已销号的隐患可以备案存档',
  },
  VOID: {
    action: HazardAction.VOID,
    from: BEFORE_RECTIFICATION,
    to: HazardStatus.VOIDED,
    roles: HAZARD_MANAGER_ROLES,
    wrongState: '只有发现或登记状态的隐患可以作废',
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

export const ON_THE_SPOT_ROLES: readonly Role[] = [...HAZARD_MANAGER_ROLES, Role.GRID_OFFICER];

/** The status after the action, or null when the action is not allowed from this status. */
export function nextStatus(action: HazardAction, from: HazardStatus): HazardStatus | null {
  const transition = HAZARD_TRANSITIONS[action];
  if (!transition.from.includes(from)) return null;
  return transition.to ?? from;
}

/** Days the rectification may take without interim control measures (临时管控措施). */
export const DEFAULT_RECTIFICATION_HORIZON_DAYS = 7;

export interface PlanFacts {
  responsiblePersonId: string | null;
  measures: string | null;
  deadline: string | null;
  contingencyPlan: string | null;
  funds: string | null;
  upwardReportNote: string | null;
  reportedUpwardAt: Date | null;
  interimMeasures: string | null;
}

/** Whole days from one calendar date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** What the 四落实 plan still lacks before rectification may start; empty when complete. */
export function missingPlanItems(plan: PlanFacts | null, grade: HazardGrade, today: string, horizonDays: number): string[] {
  if (!plan) return ['整改方案（四落实）'];
  const missing: string[] = [];
  if (!plan.responsiblePersonId) missing.push('整改责任人');
  if (!plan.measures?.trim()) missing.push('整改措施');
  if (!plan.deadline) missing.push('整改时限');
  if (!plan.contingencyPlan?.trim()) missing.push('应急预案');
  if (grade === HazardGrade.MAJOR) {
    if (plan.funds === null || Number(plan.funds) <= 0) missing.push('整改资金（重大隐患）');
    if (!plan.upwardReportNote?.trim() || !plan.reportedUpwardAt) missing.push('向上级报告（重大隐患）');
  }
  if (plan.deadline && daysBetween(today, plan.deadline) > horizonDays && !plan.interimMeasures?.trim()) {
    missing.push(`临时管控措施（整改时限超过 ${horizonDays} 天）`);
  }
  return missing;
}
