import { commonAncestor, MAX_SUBTREE_RANGES, rollUp, subtreeRanges } from './fact-sql';

describe('fact ranges', () => {
  it('reads nested units under their outer unit, and many subtrees under their common ancestor', () => {
    const units = [{ id: 'a', path: '/p/a/' }, { id: 'a1', path: '/p/a/x/' }, { id: 'b', path: '/p/b-c/' }];
    expect(subtreeRanges('t.org_path', units)).toEqual({
      sql: '((t.org_path >= ? AND t.org_path < ?) OR (t.org_path >= ? AND t.org_path < ?))',
      params: ['/p/a/', '/p/a/~', '/p/b-c/', '/p/b-c/~'],
    });
    const schools = Array.from({ length: MAX_SUBTREE_RANGES + 1 }, (_, n) => ({ id: `s${n}`, path: `/prov/c${n % 3}/s${n}/` }));
    expect(subtreeRanges('t.org_path', schools)).toEqual({ sql: '((t.org_path >= ? AND t.org_path < ?))', params: ['/prov/', '/prov/~'] });
    expect(commonAncestor(['/prov/c1/s1/', '/prov/c1/s22/'])).toBe('/prov/c1/');
    expect(subtreeRanges('t.org_path', [])).toEqual({ sql: '1 = 0', params: [] });
  });

  it('sums rows into every asked unit holding them, and ignores rows of units not asked for', () => {
    const units = [{ id: 'a', path: '/p/a/' }, { id: 'a1', path: '/p/a/x/' }, { id: 'b', path: '/p/b/' }];
    const rows = [
      { org_path: '/p/a/', total: '2' },
      { org_path: '/p/a/x/y/', total: 3 },
      { org_path: '/p/c/', total: 7 },
    ];
    expect(Object.fromEntries(rollUp(units, rows, ['total']))).toEqual({ a: { total: 5 }, a1: { total: 3 }, b: { total: 0 } });
  });
});
