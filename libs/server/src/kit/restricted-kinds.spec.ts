import { Role } from '@campus/auth';
import { ForbiddenError, NotFoundError } from '@campus/graphql';
import { scopedAccess } from './scoped-access';
import { ACCESS, asker, leaderOfA, office, POLICY, staffOfA } from './scoped-access-testing';

describe('ScopedAccess with restricted kinds', () => {
  class CaseRow {
    id: string;
    orgPath: string;
    kind: string;
    version: number;
  }
  const RESTRICTED_POLICY = {
    ...POLICY,
    restricted: { column: 'kind', kinds: ['SECRET'], roles: [Role.COUNSELOR, Role.UNIT_LEADER], label: '敏感' },
  };
  const CASES = scopedAccess(RESTRICTED_POLICY, CaseRow, undefined, (row) => row.kind);
  const counselor = asker([Role.COUNSELOR, '/s/']);
  const secret = { id: 'c1', path: '/s/a/', restricted: true };

  it('answers NOT_FOUND to a viewer in scope without a handling role, as if out of scope', () => {
    expect(() => CASES.check(staffOfA, 'view', secret)).toThrow(NotFoundError);
    expect(() => CASES.check(office, 'edit', secret)).toThrow(NotFoundError);
    expect(() => CASES.check(staffOfA, 'view', { ...secret, restricted: false })).not.toThrow();
  });

  it('lets a handler act only with a role of both the action and the restriction', () => {
    expect(() => CASES.check(counselor, 'view', secret)).not.toThrow();
    expect(() => CASES.check(counselor, 'edit', secret)).toThrow(ForbiddenError);
    expect(() => CASES.check(leaderOfA, 'edit', secret)).not.toThrow();
  });

  it('reads the kind from the row when guarding one', () => {
    const row = Object.assign(new CaseRow(), { id: 'c1', orgPath: '/s/a/', kind: 'SECRET', version: 1 });
    expect(CASES.isRestricted(row)).toBe(true);
    expect(() => CASES.guard(staffOfA, 'view', 'c1', row)).toThrow(NotFoundError);
    expect(CASES.guard(counselor, 'view', 'c1', row)).toBe(row);
  });

  it('filters lists by kind beside the path column, and counts the hidden rows apart', () => {
    expect(CASES.where(staffOfA, 'view', 't.org_path')).toEqual({
      sql: '((t.org_path LIKE :scope0) AND (t.kind NOT IN (:...scopeKinds) OR 1 = 0))',
      params: { scope0: '/s/a/%', scopeKinds: ['SECRET'] },
    });
    expect(CASES.where(counselor, 'view', 't.org_path')).toEqual({
      sql: '((t.org_path LIKE :scope0) AND (t.kind NOT IN (:...scopeKinds) OR (t.org_path LIKE :scopeHandler0)))',
      params: { scope0: '/s/%', scopeHandler0: '/s/%', scopeKinds: ['SECRET'] },
    });
    expect(CASES.restrictedWhere(staffOfA, 'view', 'c.org_path')).toEqual({
      sql: '((c.org_path LIKE :hidden0) AND c.kind IN (:...hiddenKinds) AND NOT 1 = 0)',
      params: { hidden0: '/s/a/%', hiddenKinds: ['SECRET'] },
    });
    expect(ACCESS.restrictedWhere(staffOfA, 'view', 'c.org_path')).toEqual({ sql: '1 = 0', params: {} });
  });

  it('refuses a policy with restricted kinds but no way to read a row’s kind', () => {
    expect(() => scopedAccess(RESTRICTED_POLICY, CaseRow)).toThrow('needs kindOf');
  });
});
