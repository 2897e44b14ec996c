import { DEFAULT_GRADE_BANDS, gradeBandProblems, gradeOf, ruleProblems, scoreOf, ScoringRule } from './scoring';

describe('indicator scoring rules', () => {
  it('scores linearly between the zero and full points, either way round, clamped', () => {
    const rate = { kind: 'LINEAR', zeroAt: 0.6, fullAt: 1 } as const;
    expect([0.5, 0.6, 0.82, 1, 1.2].map((value) => scoreOf(rate, 20, value))).toEqual([0, 0, 11, 20, 20]);
    const overdue = { kind: 'LINEAR', zeroAt: 10, fullAt: 0 } as const;
    expect([0, 3, 10, 25].map((value) => scoreOf(overdue, 10, value))).toEqual([10, 7, 0, 0]);
  });

  it('deducts per occurrence up to the cap, never below zero', () => {
    expect([0, 1, 3, 9].map((value) => scoreOf({ kind: 'DEDUCTION', perOccurrence: 2, cap: 5 }, 10, value))).toEqual([10, 8, 5, 5]);
    expect(scoreOf({ kind: 'DEDUCTION', perOccurrence: 4 }, 10, 3)).toBe(0);
  });

  it('scores by the first band the value reaches', () => {
    const bands: ScoringRule = { kind: 'BANDS', bands: [{ atLeast: 2, percent: 100 }, { atLeast: 1, percent: 60 }] };
    expect([0, 1, 2, 5].map((value) => scoreOf(bands, 10, value))).toEqual([0, 6, 10, 10]);
  });

  it('gives full points when nothing was due', () => {
    expect(scoreOf({ kind: 'LINEAR', zeroAt: 0.6, fullAt: 1 }, 15, null)).toBe(15);
  });

  it('grades by the bands, and a veto is 不合格 whatever the total', () => {
    expect([95, 90, 85.5, 60, 59.99].map((total) => gradeOf(DEFAULT_GRADE_BANDS, total, false))).toEqual(['优秀', '优秀', '良好', '合格', '不合格']);
    expect(gradeOf(DEFAULT_GRADE_BANDS, 98, true)).toBe('不合格');
  });

  it('names the problems of a rule and of grade bands', () => {
    expect(ruleProblems({ kind: 'LINEAR', zeroAt: 1, fullAt: 1 }, 'indicators.0.rule')).toEqual([{ field: 'indicators.0.rule', message: '线性计分的零分点和满分点不能相同' }]);
    expect(ruleProblems({ kind: 'BANDS', bands: [{ atLeast: 1, percent: 50 }, { atLeast: 2, percent: 120 }] }, 'r').map((problem) => problem.message)).toEqual([
      '分档应从高到低排列',
      '各档得分比例应在 0–100% 之间',
    ]);
    expect(gradeBandProblems([{ grade: '优秀', minimum: 90 }, { grade: '合格', minimum: 60 }]).map((problem) => problem.message)).toEqual(['最低一个等次的分数线应为 0']);
    expect(gradeBandProblems(DEFAULT_GRADE_BANDS)).toEqual([]);
  });
});
