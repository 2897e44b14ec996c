import { Role, Viewer } from '@campus/auth';
import { ForbiddenError, NotFoundError } from '@campus/graphql';
import { definePolicy, viewRule } from './access-policy';
import { enclosingPaths, sharedBelowAccess } from './shared-below-access';

class NoticeRow {
  id: string;
  orgPath: string | null;
  issued: boolean;
  version: number;
}

const POLICY = definePolicy({
  aggregate: 'Notice',
  label: '通知',
  actions: { view: viewRule(), edit: { roles: [Role.SAFETY_OFFICE], label: '修改' } },
});
const ACCESS = sharedBelowAccess(POLICY, NoticeRow, {
  sharedBelow: { row: (notice: NoticeRow) => notice.issued, where: (alias) => ({ sql: `${alias}.issued = 1`, params: {} }) },
  unowned: { refusal: '内置通知不能修改' },
});

const asker = (...grants: [Role, string][]) => ({ viewer: new Viewer('a', null, grants.map(([role, path]) => ({ role, unitId: path, path }))) });
const office = asker([Role.SAFETY_OFFICE, '/s/']);
const college = asker([Role.STAFF, '/s/a/']);
const elsewhere = asker([Role.SAFETY_OFFICE, '/t/']);
const notice = (orgPath: string | null, issued: boolean) => Object.assign(new NoticeRow(), { id: 'n1', orgPath, issued, version: 2 });

describe('SharedBelowAccess', () => {
  it('lists the units above a path', () => {
    expect(enclosingPaths('/s/a/x/')).toEqual(['/s/', '/s/a/']);
    expect(enclosingPaths('/s/')).toEqual([]);
  });

  it('shows a row to its unit and above always, below only when shared, and a row of no unit to everyone', () => {
    expect(ACCESS.sees(office, notice('/s/', false))).toBe(true);
    expect(ACCESS.sees(college, notice('/s/', false))).toBe(false);
    expect(ACCESS.sees(college, notice('/s/', true))).toBe(true);
    expect(ACCESS.sees(elsewhere, notice('/s/', true))).toBe(false);
    expect(ACCESS.sees(elsewhere, notice(null, false))).toBe(true);
  });

  it('filters lists the same way', () => {
    expect(ACCESS.where(college, 'n')).toEqual({
      sql: '(n.org_path IS NULL OR (n.org_path LIKE :sharedScope0) OR (n.issued = 1 AND n.org_path IN (:...sharedAbove)))',
      params: { sharedScope0: '/s/a/%', sharedAbove: ['/s/'] },
    });
  });

  it('refuses a change as NOT_FOUND unseen, FORBIDDEN without the role or for a row of no unit', () => {
    expect(() => ACCESS.guard(college, 'edit', 'n1', notice('/s/', false))).toThrow(NotFoundError);
    expect(() => ACCESS.guard(college, 'edit', 'n1', notice('/s/', true))).toThrow(ForbiddenError);
    expect(() => ACCESS.guard(office, 'edit', 'n1', notice(null, true))).toThrow('内置通知不能修改');
    expect(ACCESS.guard(office, 'edit', 'n1', notice('/s/a/', false)).id).toBe('n1');
  });
});
