import { Role } from '@campus/auth';
import { ForbiddenError, NotFoundError } from '@campus/graphql';
import { nextState } from '@campus/server';
import { viewerWith } from '@campus/testing';
import { DisputeCategory, DisputeStatus } from './dispute-enums';
import { DISPUTE_ACCESS, DISPUTE_TRANSITIONS, DisputeAction } from './dispute.access';

const PATH = '/bureau/school/college/';
const asker = (role: Role) => ({ viewer: viewerWith(`${role}-account`, [[role, 'college', PATH]]) });
const row = (category: DisputeCategory) => ({ id: 'd1', path: PATH, restricted: DISPUTE_ACCESS.isRestricted({ category } as never) });

describe('disputes: restriction and transitions', () => {
  it('restricts every category: handlers read, grid officers, staff and unit safety officers get NOT_FOUND', () => {
    for (const category of Object.values(DisputeCategory)) {
      expect(row(category).restricted).toBe(true);
      for (const role of [Role.COUNSELOR, Role.SAFETY_OFFICE, Role.UNIT_LEADER, Role.BUREAU_ADMIN]) {
        expect(() => DISPUTE_ACCESS.check(asker(role), 'view', row(category))).not.toThrow();
      }
      for (const role of [Role.GRID_OFFICER, Role.STAFF, Role.UNIT_SAFETY_OFFICER, Role.INSPECTOR]) {
        expect(() => DISPUTE_ACCESS.check(asker(role), 'view', row(category))).toThrow(NotFoundError);
      }
    }
    expect(() => DISPUTE_ACCESS.checkRole(asker(Role.GRID_OFFICER), 'create', PATH)).toThrow(ForbiddenError);
  });

  it('goes 登记 → 调解中 → 已化解 / 上报移交 → 结案, and nothing leaves 结案', () => {
    expect(nextState(DISPUTE_TRANSITIONS, 'MEDIATE', DisputeStatus.REGISTERED)).toBe(DisputeStatus.MEDIATING);
    expect(nextState(DISPUTE_TRANSITIONS, 'MEDIATE', DisputeStatus.MEDIATING)).toBe(DisputeStatus.MEDIATING);
    expect(nextState(DISPUTE_TRANSITIONS, 'RESOLVE', DisputeStatus.REGISTERED)).toBeNull();
    expect(nextState(DISPUTE_TRANSITIONS, 'RESOLVE', DisputeStatus.MEDIATING)).toBe(DisputeStatus.RESOLVED);
    expect(nextState(DISPUTE_TRANSITIONS, 'ESCALATE', DisputeStatus.REGISTERED)).toBe(DisputeStatus.ESCALATED);
    expect(nextState(DISPUTE_TRANSITIONS, 'CLOSE', DisputeStatus.ESCALATED)).toBe(DisputeStatus.CLOSED);
    expect(nextState(DISPUTE_TRANSITIONS, 'CLOSE', DisputeStatus.MEDIATING)).toBeNull();
    for (const action of Object.keys(DISPUTE_TRANSITIONS) as DisputeAction[]) {
      expect(nextState(DISPUTE_TRANSITIONS, action, DisputeStatus.CLOSED)).toBeNull();
    }
  });
});
