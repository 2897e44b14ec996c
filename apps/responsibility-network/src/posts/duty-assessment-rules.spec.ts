import { averageScore, scoreSheetProblems } from './duty-assessment-rules';

describe('averageScore', () => {
  it('averages to two decimals', () => {
    expect(averageScore([90, 85, 100])).toBe(91.67);
    expect(averageScore([80])).toBe(80);
    expect(averageScore([])).toBe(0);
  });
});

describe('scoreSheetProblems', () => {
  it('accepts every item scored once, in any order', () => {
    expect(scoreSheetProblems(['a', 'b'], ['b', 'a'])).toEqual([]);
  });

  it('names unknown and repeated items by their index and counts the missing ones', () => {
    expect(scoreSheetProblems(['a', 'b', 'c'], ['a', 'x', 'a'])).toEqual([
      { field: 'items[1].dutyId', message: '不是本岗位责任清单中的事项' },
      { field: 'items[2].dutyId', message: '同一事项只能评分一次' },
      { field: 'items', message: '还有 2 项责任未评分，须逐项评分' },
    ]);
  });
});
