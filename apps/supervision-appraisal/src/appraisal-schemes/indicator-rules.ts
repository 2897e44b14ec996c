import { FieldProblem } from '@campus/graphql';
import { IndicatorKind } from './appraisal-enums';
import { IndicatorInput, ScoringRuleInput } from './appraisal-scheme.inputs';
import { ruleProblems, ScoringRule } from './scoring';

/** The rule an input describes, or the fields it lacks for its kind. */
export function scoringRuleOf(input: ScoringRuleInput, field: string): { rule: ScoringRule | null; problems: FieldProblem[] } {
  const missing = (name: string) => ({ rule: null, problems: [{ field: `${field}.${name}`, message: '该计分规则须填写此项' }] });
  let rule: ScoringRule;
  if (input.kind === 'LINEAR') {
    if (input.zeroAt == null) return missing('zeroAt');
    if (input.fullAt == null) return missing('fullAt');
    rule = { kind: 'LINEAR', zeroAt: input.zeroAt, fullAt: input.fullAt };
  } else if (input.kind === 'DEDUCTION') {
    if (input.perOccurrence == null) return missing('perOccurrence');
    rule = { kind: 'DEDUCTION', perOccurrence: input.perOccurrence, cap: input.cap ?? null };
  } else {
    if (!input.bands) return missing('bands');
    rule = { kind: 'BANDS', bands: input.bands.map((band) => ({ atLeast: band.atLeast, percent: band.percent })) };
  }
  const problems = ruleProblems(rule, field);
  return { rule: problems.length ? null : rule, problems };
}

/** Problems with an indicator list as a whole: weights total 100, names unique, automatic ones name a metric, rules well formed. */
export function indicatorProblems(indicators: IndicatorInput[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const totalHundredths = indicators.reduce((sum, indicator) => sum + Math.round(indicator.weight * 100), 0);
  if (totalHundredths !== 10000) {
    problems.push({ field: 'indicators', message: `指标权重合计应为 100，当前为 ${totalHundredths / 100}` });
  }
  const seen = new Set<string>();
  indicators.forEach((indicator, index) => {
    if (seen.has(indicator.name)) problems.push({ field: `indicators.${index}.name`, message: `指标名称重复：${indicator.name}` });
    seen.add(indicator.name);
    if (indicator.kind === IndicatorKind.AUTOMATIC && !indicator.metric) {
      problems.push({ field: `indicators.${index}.metric`, message: '自动指标必须选择数据来源' });
    }
    if (indicator.kind === IndicatorKind.MANUAL && indicator.metric) {
      problems.push({ field: `indicators.${index}.metric`, message: '人工指标不需要数据来源' });
    }
    if (indicator.kind === IndicatorKind.MANUAL && indicator.rule) {
      problems.push({ field: `indicators.${index}.rule`, message: '人工指标由评分人直接打分，不需要计分规则' });
    }
    if (indicator.rule) problems.push(...scoringRuleOf(indicator.rule, `indicators.${index}.rule`).problems);
  });
  return problems;
}
