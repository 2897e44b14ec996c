import { FieldProblem } from '@campus/graphql';

/** An appraisal period: a year "2026", a half "2026-H2" or a quarter "2026-Q3". */
export const ASSESSMENT_PERIOD = /^(20\d{2})(-(H[12]|Q[1-4]))?$/;
export const ASSESSMENT_PERIOD_MESSAGE = '考核期格式应为年度 2026、半年 2026-H1/H2 或季度 2026-Q1…Q4';

/** The mean of the item scores, to two decimals; 0 for no items. */
export function averageScore(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  const sum = scores.reduce((total, score) => total + score, 0);
  return Math.round((sum / scores.length) * 100) / 100;
}

/**
 * A score sheet must score every duty item exactly once and nothing else. Problems name the field
 * `items` (or `items[i].dutyId`) so the form can point at them.
 */
export function scoreSheetProblems(expectedDutyIds: readonly string[], scoredDutyIds: readonly string[]): FieldProblem[] {
  const expected = new Set(expectedDutyIds);
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  scoredDutyIds.forEach((dutyId, index) => {
    if (!expected.has(dutyId)) problems.push({ field: `items[${index}].dutyId`, message: '不是本岗位责任清单中的事项' });
    else if (seen.has(dutyId)) problems.push({ field: `items[${index}].dutyId`, message: '同一事项只能评分一次' });
    seen.add(dutyId);
  });
  const missing = expectedDutyIds.filter((dutyId) => !seen.has(dutyId)).length;
  if (missing > 0) problems.push({ field: 'items', message: `还有 ${missing} 项责任未评分，须逐项评分` });
  return problems;
}
