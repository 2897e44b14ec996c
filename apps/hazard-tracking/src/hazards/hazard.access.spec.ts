import { HAZARD_REPORTER_ROLES, Role, UNIT_SAFETY_MANAGER_ROLES, Viewer } from '@campus/auth';
import { HAZARD_STATUSES } from '@campus/events';
import { ConflictError, ForbiddenError, NotFoundError } from '@campus/graphql';
import { requireTransition } from '@campus/server';
import { HazardAction, HazardStatus } from './hazard-enums';
import { FIX_ON_THE_SPOT, HAZARD_ACCESS, HAZARD_POLICY, HAZARD_TRANSITIONS, HazardTransitionAction, nextStatus, stepsOf } from './hazard.access';

const { DISCOVERED, REGISTERED, REPORTED, RECTIFYING, PENDING_ACCEPTANCE, ACCEPTED, CLOSED, ARCHIVED, VOIDED } = HazardStatus;
const MANAGERS = UNIT_SAFETY_MANAGER_ROLES;
const UNIT = '/bureau/school/college/';
const asker = (role: Role, path = UNIT) => ({ viewer: new Viewer(`a-${role}`, null, [{ role, unitId: 'u', path }]) });

describe('hazard access: the transition table', () => {
  it('names every action with its states and roles', () => {
    const rows = Object.entries(HAZARD_TRANSITIONS).map(([action, rule]) => [action, rule.from, rule.to, rule.roles]);
    expect(rows).toEqual([
      ['DISCOVER', [], DISCOVERED, HAZARD_REPORTER_ROLES],
      ['ASSESS', [DISCOVERED], REGISTERED, MANAGERS],
      ['REGISTER', [], REGISTERED, HAZARD_REPORTER_ROLES],
      ['REPORT', [REGISTERED], REPORTED, MANAGERS],
      ['SUBMIT_PLAN', [REGISTERED, REPORTED], null, MANAGERS],
      ['START_RECTIFICATION', [REPORTED], RECTIFYING, MANAGERS],
      ['SUBMIT_FOR_ACCEPTANCE', [RECTIFYING], PENDING_ACCEPTANCE, HAZARD_REPORTER_ROLES],
      ['ACCEPT', [PENDING_ACCEPTANCE], ACCEPTED, [...MANAGERS, Role.INSPECTOR]],
      ['FAIL_ACCEPTANCE', [PENDING_ACCEPTANCE], RECTIFYING, [...MANAGERS, Role.INSPECTOR]],
      ['CLOSE', [ACCEPTED], CLOSED, MANAGERS],
      ['ARCHIVE', [CLOSED], ARCHIVED, MANAGERS],
      ['VOID', [DISCOVERED, REGISTERED], VOIDED, MANAGERS],
      ['FIX_ON_THE_SPOT', [DISCOVERED, REGISTERED], CLOSED, [...MANAGERS, Role.GRID_OFFICER]],
    ]);
  });

  it('allows each action from exactly its states, and nothing from the final ones', () => {
    for (const [action, rule] of Object.entries(HAZARD_TRANSITIONS) as [HazardTransitionAction, (typeof HAZARD_TRANSITIONS)[HazardTransitionAction]][]) {
      for (const from of Object.values(HazardStatus)) {
        expect(nextStatus(action, from)).toBe(rule.from.includes(from) ? (rule.to ?? from) : null);
      }
      expect(nextStatus(action, ARCHIVED)).toBeNull();
      expect(nextStatus(action, VOIDED)).toBeNull();
    }
  });

  it('creates hazards only through the DISCOVER and REGISTER rows', () => {
    expect(requireTransition(HAZARD_TRANSITIONS, HazardAction.DISCOVER, null, null)).toBe(DISCOVERED);
    expect(requireTransition(HAZARD_TRANSITIONS, HazardAction.REGISTER, null, null)).toBe(REGISTERED);
    for (const action of Object.keys(HAZARD_TRANSITIONS) as HazardTransitionAction[]) {
      if (action === HazardAction.DISCOVER || action === HazardAction.REGISTER) continue;
      expect(() => requireTransition(HAZARD_TRANSITIONS, action, null, null)).toThrow(ConflictError);
    }
    expect(() => requireTransition(HAZARD_TRANSITIONS, HazardAction.REGISTER, REGISTERED, 'h1')).toThrow('隐患已登记');
  });

  it('records the five loop steps for 即查即改, ending where its row ends', () => {
    expect(stepsOf(HazardAction.REPORT)).toEqual([HazardAction.REPORT]);
    for (const start of HAZARD_TRANSITIONS.FIX_ON_THE_SPOT.from) {
      let status: HazardStatus = start;
      for (const step of stepsOf(FIX_ON_THE_SPOT)) status = HAZARD_TRANSITIONS[step].to ?? status;
      expect(status).toBe(HAZARD_TRANSITIONS.FIX_ON_THE_SPOT.to);
    }
  });

  it('keeps the event contract statuses those of the enum', () => {
    expect([...HAZARD_STATUSES]).toEqual(Object.values(HazardStatus));
  });
});

describe('hazard access: the policy', () => {
  it('declares viewing, editing and every transition, with the refusals people read', () => {
    expect(Object.keys(HAZARD_POLICY.actions).sort()).toEqual(['edit', 'view', ...Object.keys(HAZARD_TRANSITIONS)].sort());
    const refusal = (action: keyof typeof HAZARD_POLICY.actions) => () => HAZARD_ACCESS.checkRole(asker(Role.COUNSELOR), action, UNIT);
    expect(refusal(HazardAction.REGISTER)).toThrow('您无权在该单位登记隐患');
    expect(refusal(HazardAction.DISCOVER)).toThrow('您无权在该单位登记隐患');
    expect(refusal(HazardAction.VOID)).toThrow('您无权修改该隐患');
    expect(refusal('edit')).toThrow('您无权修改该隐患');
    expect(refusal('FIX_ON_THE_SPOT')).toThrow('您无权对该隐患即查即改');
    expect(refusal(HazardAction.REPORT)).toThrow('您无权对该隐患执行此操作');
  });

  it('lets every role in scope view, reporters register and grid officers fix on the spot, but not report', () => {
    expect(HAZARD_ACCESS.allows(asker(Role.COUNSELOR), 'view', UNIT)).toBe(true);
    expect(HAZARD_ACCESS.allows(asker(Role.STAFF), HazardAction.REGISTER, UNIT)).toBe(true);
    expect(HAZARD_ACCESS.allows(asker(Role.GRID_OFFICER), 'FIX_ON_THE_SPOT', UNIT)).toBe(true);
    expect(HAZARD_ACCESS.allows(asker(Role.GRID_OFFICER), HazardAction.REPORT, UNIT)).toBe(false);
    expect(HAZARD_ACCESS.allows(asker(Role.INSPECTOR, '/bureau/'), HazardAction.ACCEPT, UNIT)).toBe(true);
  });

  it('hides a hazard outside the scope before saying the role is missing', () => {
    const other = asker(Role.UNIT_SAFETY_OFFICER, '/bureau/school/other/');
    expect(() => HAZARD_ACCESS.check(other, HazardAction.REPORT, { id: 'h1', path: UNIT })).toThrow(NotFoundError);
    expect(() => HAZARD_ACCESS.check(asker(Role.STAFF), HazardAction.REPORT, { id: 'h1', path: UNIT })).toThrow(ForbiddenError);
    expect(() => HAZARD_ACCESS.check(other, 'view', { id: 'h1', path: UNIT })).toThrow('隐患不存在或不在您的管辖范围内');
  });
});
