import { FieldProblem } from '@campus/graphql';
import { IndicatorKind } from './appraisal-enums';
import { IndicatorInput } from './appraisal-scheme.inputs';

/** Problems with an indicator list as a whole: weights total 100, names unique, automatic ones name a metric. */
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
  });
  return problems;
}
