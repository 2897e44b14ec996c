import { Role } from './roles';
import { Viewer } from './viewer';

describe('Viewer', () => {
  const viewer = new Viewer('account-1', 'person-1', [
    { role: Role.SAFETY_OFFICE, unitId: 'a', path: '/a/' },
    { role: Role.GRID_OFFICER, unitId: 'c', path: '/x/c/' },
  ]);

  describe('covers', () => {
    it('covers the granted unit and everything below it', () => {
      expect(viewer.covers('/a/')).toBe(true);
      expect(viewer.covers('/a/b/')).toBe(true);
      expect(viewer.covers('/a/b/c/')).toBe(true);
      expect(viewer.covers('/x/c/d/')).toBe(true);
    });

    it('does not cover parents, siblings or units whose id merely starts the same', () => {
      expect(viewer.covers('/')).toBe(false);
      expect(viewer.covers('/x/')).toBe(false);
      expect(viewer.covers('/x/e/')).toBe(false);
      expect(viewer.covers('/ab/')).toBe(false);
    });

    it('covers nothing without grants', () => {
      const nobody = new Viewer('account-2', null, []);
      expect(nobody.scopePaths).toEqual([]);
      expect(nobody.covers('/a/')).toBe(false);
    });
  });

  describe('hasRoleAt', () => {
    it('is true for a listed role granted at the path or above it', () => {
      expect(viewer.hasRoleAt([Role.SAFETY_OFFICE], '/a/')).toBe(true);
      expect(viewer.hasRoleAt([Role.BUREAU_ADMIN, Role.SAFETY_OFFICE], '/a/b/')).toBe(true);
      expect(viewer.hasRoleAt([Role.GRID_OFFICER], '/x/c/d/')).toBe(true);
    });

    it('is false for a role granted elsewhere or not listed', () => {
      expect(viewer.hasRoleAt([Role.GRID_OFFICER], '/a/b/')).toBe(false);
      expect(viewer.hasRoleAt([Role.SAFETY_OFFICE], '/x/c/')).toBe(false);
      expect(viewer.hasRoleAt([Role.GRID_OFFICER], '/x/')).toBe(false);
      expect(viewer.hasRoleAt([], '/a/')).toBe(false);
    });
  });

  describe('scopePaths', () => {
    it('drops paths covered by a shorter granted prefix and duplicates', () => {
      const broad = new Viewer('account-3', null, [
        { role: Role.STAFF, unitId: 'b', path: '/a/b/' },
        { role: Role.UNIT_LEADER, unitId: 'a', path: '/a/' },
        { role: Role.INSPECTOR, unitId: 'y', path: '/y/' },
        { role: Role.COUNSELOR, unitId: 'y', path: '/y/' },
        { role: Role.STAFF, unitId: 'z', path: '/y/z/' },
        { role: Role.STAFF, unitId: 'ab', path: '/ab/' },
      ]);
      expect([...broad.scopePaths].sort()).toEqual(['/a/', '/ab/', '/y/']);
    });

    it('keeps the original grants for role checks', () => {
      const broad = new Viewer('account-4', null, [
        { role: Role.UNIT_LEADER, unitId: 'a', path: '/a/' },
        { role: Role.STAFF, unitId: 'b', path: '/a/b/' },
      ]);
      expect(broad.scopePaths).toEqual(['/a/']);
      expect(broad.grants).toHaveLength(2);
      expect(broad.hasRoleAt([Role.STAFF], '/a/b/c/')).toBe(true);
      expect(broad.hasRoleAt([Role.STAFF], '/a/')).toBe(false);
    });
  });
});
