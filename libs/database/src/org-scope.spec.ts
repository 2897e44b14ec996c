import { childPath, escapeLike, orgScopeCondition, subtreeCondition } from './org-scope';

describe('escapeLike', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\now')).toBe('50\\%\\_off\\\\now');
  });

  it('leaves ordinary path characters alone', () => {
    expect(escapeLike('/a1-b2/c3/')).toBe('/a1-b2/c3/');
  });
});

describe('orgScopeCondition', () => {
  it('matches nothing for an empty scope', () => {
    expect(orgScopeCondition('h.org_path', [])).toEqual({ sql: '1 = 0', params: {} });
  });

  it('ORs one prefix LIKE per path with named parameters', () => {
    expect(orgScopeCondition('h.org_path', ['/a/', '/b/c/'])).toEqual({
      sql: '(h.org_path LIKE :scope0 OR h.org_path LIKE :scope1)',
      params: { scope0: '/a/%', scope1: '/b/c/%' },
    });
  });

  it('uses the given parameter prefix and escapes each path', () => {
    expect(orgScopeCondition('p.org_path', ['/a_1/'], 'viewer')).toEqual({
      sql: '(p.org_path LIKE :viewer0)',
      params: { viewer0: '/a\\_1/%' },
    });
  });
});

describe('subtreeCondition', () => {
  it('matches a subtree with an escaped prefix parameter', () => {
    expect(subtreeCondition('u.path', '/a/b%/', 'root')).toEqual({ sql: 'u.path LIKE :root', params: { root: '/a/b\\%/%' } });
  });
});

describe('childPath', () => {
  it('appends the child id and a trailing slash', () => {
    expect(childPath('/a/b/', 'c')).toBe('/a/b/c/');
    expect(childPath('/', 'root')).toBe('/root/');
  });
});
