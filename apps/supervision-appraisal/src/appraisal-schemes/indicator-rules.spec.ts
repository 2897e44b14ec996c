import { IndicatorKind, IndicatorMetric } from './appraisal-enums';
import { IndicatorInput } from './appraisal-scheme.inputs';
import { indicatorProblems } from './indicator-rules';

function manual(name: string, weight: number): IndicatorInput {
  return Object.assign(new IndicatorInput(), { name, weight, kind: IndicatorKind.MANUAL });
}

function automatic(name: string, weight: number, metric?: IndicatorMetric): IndicatorInput {
  return Object.assign(new IndicatorInput(), { name, weight, kind: IndicatorKind.AUTOMATIC, metric });
}

describe('indicatorProblems', () => {
  it('accepts a valid list whose weights total 100', () => {
    expect(indicatorProblems([manual('制度建设', 40), automatic('隐患整改率', 60, IndicatorMetric.RECTIFICATION_RATE)])).toEqual([]);
  });

  it('accepts thirds that add up to exactly 100 in hundredths', () => {
    expect(indicatorProblems([manual('甲', 33.33), manual('乙', 33.33), manual('丙', 33.34)])).toEqual([]);
  });

  it('refuses weights totalling 99.99', () => {
    expect(indicatorProblems([manual('甲', 33.33), manual('乙', 33.33), manual('丙', 33.33)])).toEqual([
      { field: 'indicators', message: '指标权重合计应为 100，当前为 99.99' },
    ]);
  });

  it('refuses weights totalling more than 100 and an empty list', () => {
    expect(indicatorProblems([manual('甲', 60), manual('乙', 50)])).toEqual([
      { field: 'indicators', message: '指标权重合计应为 100，当前为 110' },
    ]);
    expect(indicatorProblems([])).toEqual([{ field: 'indicators', message: '指标权重合计应为 100，当前为 0' }]);
  });

  it('names each repeated indicator by index', () => {
    expect(indicatorProblems([manual('演练', 30), manual('培训', 40), manual('演练', 30)])).toEqual([
      { field: 'indicators.2.name', message: '指标名称重复：演练' },
    ]);
  });

  it('requires a metric for an automatic indicator', () => {
    expect(indicatorProblems([manual('自评', 50), automatic('整改率', 50)])).toEqual([
      { field: 'indicators.1.metric', message: '自动指标必须选择数据来源' },
    ]);
  });

  it('refuses a metric on a manual indicator', () => {
    const withMetric = Object.assign(manual('自评', 100), { metric: IndicatorMetric.DRILLS_HELD });
    expect(indicatorProblems([withMetric])).toEqual([{ field: 'indicators.0.metric', message: '人工指标不需要数据来源' }]);
  });

  it('reports every problem at once', () => {
    const problems = indicatorProblems([automatic('甲', 50), manual('甲', 30)]);
    expect(problems.map((problem) => problem.field)).toEqual(['indicators', 'indicators.0.metric', 'indicators.1.name']);
  });
});
