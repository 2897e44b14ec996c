import { Role, Viewer } from '@campus/auth';
import { grantActionOf, ROLE_GRANT_ACCESS } from './role-grant.access';

const viewer = (role: Role, path: string) => new Viewer('a', null, [{ role, unitId: 'u', path }]);
const mayGrant = (granter: Viewer, role: Role, unitPath: string) => ROLE_GRANT_ACCESS.allows({ viewer: granter }, grantActionOf(role), unitPath);

describe('the role-grant policy', () => {
  it('lets a school safety office grant any role but bureau admin within its school only', () => {
    const office = viewer(Role.SAFETY_OFFICE, '/b/s/');
    expect(mayGrant(office, Role.UNIT_LEADER, '/b/s/c/')).toBe(true);
    expect(mayGrant(office, Role.SAFETY_OFFICE, '/b/s/')).toBe(true);
    expect(mayGrant(office, Role.BUREAU_ADMIN, '/b/s/')).toBe(false);
    expect(mayGrant(office, Role.STAFF, '/b/other/')).toBe(false);
  });

  it('lets a bureau grant within its schools, bureau admin included', () => {
    const bureau = viewer(Role.BUREAU_ADMIN, '/b/');
    expect(mayGrant(bureau, Role.BUREAU_ADMIN, '/b/')).toBe(true);
    expect(mayGrant(bureau, Role.SAFETY_OFFICE, '/b/s/')).toBe(true);
    expect(mayGrant(bureau, Role.STAFF, '/x/')).toBe(false);
  });

  it('gives unit leaders and officers no granting power', () => {
    expect(mayGrant(viewer(Role.UNIT_LEADER, '/b/s/c/'), Role.STAFF, '/b/s/c/')).toBe(false);
    expect(mayGrant(viewer(Role.UNIT_SAFETY_OFFICER, '/b/s/c/'), Role.GRID_OFFICER, '/b/s/c/')).toBe(false);
  });

  it('refuses with the message for the role asked', () => {
    const office = { viewer: viewer(Role.SAFETY_OFFICE, '/b/s/') };
    expect(() => ROLE_GRANT_ACCESS.checkRole(office, grantActionOf(Role.BUREAU_ADMIN), '/b/s/')).toThrow('只有教育局管理员可以授予教育局管理员角色');
    expect(() => ROLE_GRANT_ACCESS.checkRole(office, grantActionOf(Role.STAFF), '/b/x/')).toThrow('只能在自己管理的单位范围内授权');
  });
});
