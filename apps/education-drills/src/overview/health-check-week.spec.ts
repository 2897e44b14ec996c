import { commonAncestor, mondayOf } from './health-check-week';

describe('mondayOf', () => {
  it('gives the Monday of the week, a Monday itself and a Sunday the Monday before', () => {
    expect(mondayOf('2026-11-19')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('commonAncestor', () => {
  it('gives the longest shared path, the path itself for one unit and the root for none shared', () => {
    expect(commonAncestor(['/b/s1/c/', '/b/s2/'])).toBe('/b/');
    expect(commonAncestor(['/b/s1/'])).toBe('/b/s1/');
    expect(commonAncestor(['/b/', '/x/'])).toBe('/');
  });
});
