import { ALL_ROLES, Role } from '@campus/auth';
import { ConflictError, ForbiddenError, NotFoundError } from '@campus/graphql';
import { definePolicy } from './access-policy';
import { scopedAccess } from './scoped-access';
import { ACCESS, asker, leaderOfA, office, POLICY, ProbeRow, staffOfA } from './scoped-access-testing';

describe('ScopedAccess', () => {
  it('answers NOT_FOUND outside every granted subtree, whatever the role', () => {
    expect(() => ACCESS.check(leaderOfA, 'view', { id: 'p1', path: '/s/b/' })).toThrow(NotFoundError);
    expect(() => ACCESS.check(leaderOfA, 'edit', { id: 'p1', path: '/s/b/' })).toThrow('探针不存在或不在您的管辖范围内：p1');
  });

  it('answers FORBIDDEN in scope without a role of the action, with the default refusal', () => {
    expect(() => ACCESS.check(staffOfA, 'view', { id: 'p1', path: '/s/a/x/' })).not.toThrow();
    const refusal = (() => {
      try {
        ACCESS.check(staffOfA, 'edit', { id: 'p1', path: '/s/a/x/' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect(refusal).toMatchObject({ reason: 'ROLE_REQUIRED', message: '您无权修改探针 (FORBIDDEN)' });
  });

  it('takes a role granted above the row, and not one granted below it', () => {
    expect(ACCESS.allows(office, 'edit', '/s/a/x/')).toBe(true);
    expect(ACCESS.allows(leaderOfA, 'edit', '/s/')).toBe(false);
  });

  it('filters lists to the subtrees where the viewer holds one of the action roles', () => {
    expect(ACCESS.where(office, 'view', 't.org_path')).toEqual({ sql: '(t.org_path LIKE :scope0)', params: { scope0: '/s/%' } });
    expect(ACCESS.where(office, 'edit', 't.org_path', 'e')).toEqual({ sql: '(t.org_path LIKE :e0)', params: { e0: '/s/%' } });
    expect(ACCESS.where(staffOfA, 'edit', 't.org_path')).toEqual({ sql: '1 = 0', params: {} });
  });

  it('refuses a stale version as CONFLICT STALE_VERSION with the current version', () => {
    const row = Object.assign(new ProbeRow(), { id: 'p1', orgPath: '/s/a/', version: 3 });
    expect(() => ACCESS.checkVersion(row, { id: 'p1', version: 3 })).not.toThrow();
    expect(() => ACCESS.checkVersion(row, { id: 'p1' })).not.toThrow();
    try {
      ACCESS.checkVersion(row, { id: 'p1', version: 2 });
      throw new Error('expected a conflict');
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ reason: 'STALE_VERSION', details: { id: 'p1', currentVersion: 3 } });
    }
  });

  it('treats every role as a viewing role', () => {
    expect(POLICY.actions.view.roles).toEqual(ALL_ROLES);
  });
});

describe('ScopedAccess: the rule "member of the unit"', () => {
  const NOTICE = definePolicy({
    aggregate: 'Notice',
    label: '公示',
    actions: { read: { roles: ALL_ROLES, label: '查看', members: true }, edit: { roles: [Role.UNIT_LEADER], label: '修改' } },
  });
  const NOTICES = scopedAccess(NOTICE, ProbeRow);
  const row = Object.assign(new ProbeRow(), { id: 'n1', orgPath: '/s/a/', version: 1 });
  const staffOfB = asker([Role.STAFF, '/s/b/']);

  it('admits a person of the unit or of a unit below it whatever their grants, for a rule that says so', () => {
    expect(NOTICES.guardMember(staffOfB, 'read', 'n1', row, '/s/a/')).toBe(row);
    expect(NOTICES.guardMember(staffOfB, 'read', 'n1', row, '/s/a/x/')).toBe(row);
    expect(NOTICES.isMember('read', '/s/a/', '/s/a/x/')).toBe(true);
  });

  it('decides everyone else by scope and role, and admits no member to an action without the rule', () => {
    expect(() => NOTICES.guardMember(staffOfB, 'read', 'n1', row, '/s/b/')).toThrow(NotFoundError);
    expect(() => NOTICES.guardMember(staffOfB, 'read', 'n1', row, null)).toThrow(NotFoundError);
    expect(NOTICES.guardMember(staffOfA, 'read', 'n1', row, null)).toBe(row);
    expect(() => NOTICES.guardMember(staffOfA, 'edit', 'n1', row, '/s/a/')).toThrow(ForbiddenError);
    expect(() => NOTICES.guardMember(staffOfA, 'read', 'n9', null, '/s/a/')).toThrow(NotFoundError);
  });
});
