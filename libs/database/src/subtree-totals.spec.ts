import { outermostPaths, subtreeTotals } from './subtree-totals';

describe('subtreeTotals', () => {
  it('adds each row to every asked-for ancestor-or-self path, and zero to paths without rows', () => {
    const rows = [
      { org_path: '/b/s1/', open: '2' },
      { org_path: '/b/s1/c/', open: 3 },
      { org_path: '/b/s2/', open: 1 },
      { org_path: '/x/', open: 7 },
    ];
    const totals = subtreeTotals(rows, ['/b/', '/b/s1/', '/b/s1/c/', '/b/s3/'], ['open'] as const);
    expect(Object.fromEntries([...totals].map(([path, counts]) => [path, counts.open]))).toEqual({ '/b/': 6, '/b/s1/': 5, '/b/s1/c/': 3, '/b/s3/': 0 });
  });
});

describe('outermostPaths', () => {
  it('keeps the paths not inside another one', () => {
    expect(outermostPaths(['/b/s1/c/', '/b/s1/', '/b/s2/', '/b/s1/'])).toEqual(['/b/s1/', '/b/s2/']);
  });
});
