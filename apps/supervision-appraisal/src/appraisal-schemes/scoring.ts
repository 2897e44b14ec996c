import { FieldProblem } from '@campus/graphql';

/**
 * How an indicator's value becomes points out of its weight (计分规则):
 * - LINEAR: 0 points at `zeroAt`, full points at `fullAt`, straight between (either direction: for
 *   overdue hazards zeroAt > fullAt), clamped;
 * - DEDUCTION: full points less `perOccurrence` for each occurrence (the value is a count), at most `cap`
 *   (default: the whole weight);
 * - BANDS: the share (0–100 %) of the first band whose `atLeast` the value reaches, bands highest first;
 *   below every band, nothing.
 * A rate with nothing due (no hazards to rectify, no people to cover) scores full points: nothing was left undone.
 */
export type ScoringRule =
  | { kind: 'LINEAR'; zeroAt: number; fullAt: number }
  | { kind: 'DEDUCTION'; perOccurrence: number; cap?: number | null }
  | { kind: 'BANDS'; bands: { atLeast: number; percent: number }[] };

/** Grade bands (等次): the first whose minimum the total reaches, highest first; a vetoed unit is 不合格 whatever its total. */
export interface GradeBand {
  grade: string;
  minimum: number;
}

export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { grade: '优秀', minimum: 90 },
  { grade: '良好', minimum: 80 },
  { grade: '合格', minimum: 60 },
  { grade: '不合格', minimum: 0 },
];

export const VETOED_GRADE = '不合格';

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Points of one indicator: between 0 and its weight, to hundredths. */
export function scoreOf(rule: ScoringRule, weight: number, value: number | null): number {
  if (value === null) return weight;
  switch (rule.kind) {
    case 'LINEAR': {
      const share = (value - rule.zeroAt) / (rule.fullAt - rule.zeroAt);
      return round2(weight * Math.min(1, Math.max(0, share)));
    }
    case 'DEDUCTION':
      return round2(Math.max(0, weight - Math.min(rule.cap ?? weight, value * rule.perOccurrence)));
    case 'BANDS': {
      const band = rule.bands.find((candidate) => value >= candidate.atLeast);
      return round2(band ? (weight * band.percent) / 100 : 0);
    }
  }
}

export function gradeOf(bands: readonly GradeBand[], total: number, vetoed: boolean): string {
  if (vetoed) return VETOED_GRADE;
  return bands.find((band) => total >= band.minimum)?.grade ?? bands[bands.length - 1].grade;
}

/** Problems with a rule, reported on `field` (e.g. indicators.2.rule). */
export function ruleProblems(rule: ScoringRule, field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (rule.kind === 'LINEAR' && rule.zeroAt === rule.fullAt) problems.push({ field, message: '线性计分的零分点和满分点不能相同' });
  if (rule.kind === 'DEDUCTION' && !(rule.perOccurrence > 0)) problems.push({ field, message: '每次扣分应大于 0' });
  if (rule.kind === 'DEDUCTION' && rule.cap != null && !(rule.cap > 0)) problems.push({ field, message: '扣分上限应大于 0' });
  if (rule.kind === 'BANDS') {
    if (!rule.bands.length) problems.push({ field, message: '分档计分至少需要一档' });
    if (rule.bands.some((band, index) => index > 0 && band.atLeast >= rule.bands[index - 1].atLeast)) problems.push({ field, message: '分档应从高到低排列' });
    if (rule.bands.some((band) => band.percent < 0 || band.percent > 100)) problems.push({ field, message: '各档得分比例应在 0–100% 之间' });
  }
  return problems;
}

export function gradeBandProblems(bands: readonly GradeBand[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!bands.length) problems.push({ field: 'gradeBands', message: '至少需要一个等次' });
  if (bands.some((band, index) => index > 0 && band.minimum >= bands[index - 1].minimum)) problems.push({ field: 'gradeBands', message: '等次应按分数线从高到低排列' });
  if (bands.length && bands[bands.length - 1].minimum !== 0) problems.push({ field: 'gradeBands', message: '最低一个等次的分数线应为 0' });
  if (new Set(bands.map((band) => band.grade)).size !== bands.length) problems.push({ field: 'gradeBands', message: '等次名称不能重复' });
  return problems;
}
