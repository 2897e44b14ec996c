import { Role } from '@campus/auth';
import { HazardAction, HazardGrade, HazardStatus } from './hazard-enums';
import { HAZARD_TRANSITIONS, nextStatus, ON_THE_SPOT_ACTIONS } from './hazard.access';
import { daysBetween, missingPlanItems, PlanFacts } from './hazard-plan';

const COMPLETE: PlanFacts = {
  responsiblePersonId: 'p1',
  measures: '更换灭火器',
  deadline: '2026-11-27',
  contingencyPlan: '设置警示',
  funds: null,
  upwardReportNote: null,
  reportedUpwardAt: null,
  interimMeasures: null,
};
const TODAY = '2026-11-24';

describe('hazard transitions', () => {
  it('walks the seven-step loop in order', () => {
    const path: [HazardAction, HazardStatus, HazardStatus][] = [
      [HazardAction.REPORT, HazardStatus.REGISTERED, HazardStatus.REPORTED],
      [HazardAction.START_RECTIFICATION, HazardStatus.REPORTED, HazardStatus.RECTIFYING],
      [HazardAction.SUBMIT_FOR_ACCEPTANCE, HazardStatus.RECTIFYING, HazardStatus.PENDING_ACCEPTANCE],
      [HazardAction.ACCEPT, HazardStatus.PENDING_ACCEPTANCE, HazardStatus.ACCEPTED],
      [HazardAction.CLOSE, HazardStatus.ACCEPTED, HazardStatus.CLOSED],
      [HazardAction.ARCHIVE, HazardStatus.CLOSED, HazardStatus.ARCHIVED],
    ];
    for (const [action, from, to] of path) expect(nextStatus(action, from)).toBe(to);
    expect(nextStatus(HazardAction.FAIL_ACCEPTANCE, HazardStatus.PENDING_ACCEPTANCE)).toBe(HazardStatus.RECTIFYING);
    expect(nextStatus(HazardAction.VOID, HazardStatus.DISCOVERED)).toBe(HazardStatus.VOIDED);
    expect(nextStatus(HazardAction.VOID, HazardStatus.REGISTERED)).toBe(HazardStatus.VOIDED);
  });

  it('refuses actions from the wrong state', () => {
    expect(nextStatus(HazardAction.CLOSE, HazardStatus.PENDING_ACCEPTANCE)).toBeNull();
    expect(nextStatus(HazardAction.CLOSE, HazardStatus.RECTIFYING)).toBeNull();
    expect(nextStatus(HazardAction.START_RECTIFICATION, HazardStatus.REGISTERED)).toBeNull();
    expect(nextStatus(HazardAction.VOID, HazardStatus.REPORTED)).toBeNull();
    expect(nextStatus(HazardAction.ARCHIVE, HazardStatus.ACCEPTED)).toBeNull();
    expect(nextStatus(HazardAction.SUBMIT_PLAN, HazardStatus.RECTIFYING)).toBeNull();
    for (const action of Object.values(HazardAction)) {
      expect(nextStatus(action, HazardStatus.ARCHIVED)).toBeNull();
      expect(nextStatus(action, HazardStatus.VOIDED)).toBeNull();
    }
  });

  it('keeps the status for plan submission and names the roles of each action', () => {
    expect(nextStatus(HazardAction.SUBMIT_PLAN, HazardStatus.REPORTED)).toBe(HazardStatus.REPORTED);
    expect(HAZARD_TRANSITIONS.REPORT.roles).toEqual(
      expect.arrayContaining([Role.UNIT_LEADER, Role.UNIT_SAFETY_OFFICER, Role.SAFETY_OFFICE, Role.BUREAU_ADMIN]),
    );
    expect(HAZARD_TRANSITIONS.REPORT.roles).not.toContain(Role.STAFF);
    expect(HAZARD_TRANSITIONS.ACCEPT.roles).toContain(Role.INSPECTOR);
    for (const transition of Object.values(HAZARD_TRANSITIONS)) expect(transition.roles).not.toContain(Role.COUNSELOR);
    expect(ON_THE_SPOT_ACTIONS.map((action) => HAZARD_TRANSITIONS[action].to)).toEqual([
      HazardStatus.REPORTED,
      HazardStatus.RECTIFYING,
      HazardStatus.PENDING_ACCEPTANCE,
      HazardStatus.ACCEPTED,
      HazardStatus.CLOSED,
    ]);
  });

  it('counts days between calendar dates', () => {
    expect(daysBetween('2026-11-24', '2026-12-01')).toBe(7);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-24', '2026-11-20')).toBe(-4);
  });

  it('checks the 四落实 plan', () => {
    expect(missingPlanItems(null, HazardGrade.GENERAL, TODAY, 7)).toEqual(['整改方案（四落实）']);
    expect(missingPlanItems(COMPLETE, HazardGrade.GENERAL, TODAY, 7)).toEqual([]);
    expect(missingPlanItems({ ...COMPLETE, contingencyPlan: null, measures: ' ' }, HazardGrade.GENERAL, TODAY, 7)).toEqual([
      '整改措施',
      '应急预案',
    ]);
    expect(missingPlanItems({ ...COMPLETE, responsiblePersonId: null, deadline: null }, HazardGrade.GENERAL, TODAY, 7)).toEqual([
      '整改责任人',
      '整改时限',
    ]);
  });

  it('requires funds and an upward report for a MAJOR hazard', () => {
    expect(missingPlanItems(COMPLETE, HazardGrade.MAJOR, TODAY, 7)).toEqual(['整改资金（重大隐患）', '向上级报告（重大隐患）']);
    const reported = { ...COMPLETE, funds: '1200.50', upwardReportNote: '已报县教体局', reportedUpwardAt: new Date() };
    expect(missingPlanItems(reported, HazardGrade.MAJOR, TODAY, 7)).toEqual([]);
    expect(missingPlanItems({ ...reported, funds: '0' }, HazardGrade.MAJOR, TODAY, 7)).toEqual(['整改资金（重大隐患）']);
    expect(missingPlanItems({ ...reported, reportedUpwardAt: null }, HazardGrade.MAJOR, TODAY, 7)).toEqual(['向上级报告（重大隐患）']);
  });

  it('requires interim measures when the deadline is beyond the horizon', () => {
    expect(missingPlanItems({ ...COMPLETE, deadline: '2026-12-01' }, HazardGrade.GENERAL, TODAY, 7)).toEqual([]);
    expect(missingPlanItems({ ...COMPLETE, deadline: '2026-12-02' }, HazardGrade.GENERAL, TODAY, 7)).toEqual([
      '临时管控措施（整改时限超过 7 天）',
    ]);
    expect(missingPlanItems({ ...COMPLETE, deadline: '2026-12-02', interimMeasures: '拉警戒线' }, HazardGrade.GENERAL, TODAY, 7)).toEqual([]);
    expect(missingPlanItems({ ...COMPLETE, deadline: '2026-11-30' }, HazardGrade.GENERAL, TODAY, 3)).toHaveLength(1);
  });
});
