import { OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { IndicatorMetric } from '../appraisal-schemes/appraisal-enums';
import { AutomaticMetric, MetricPeriod, MetricSource, MetricSourcePage, MetricUnit, MetricValue } from './metric';

@ObjectType('AppraisalMetricValue', { description: '自动指标在某单位（含下级）某期间的取值' })
export class AppraisalMetricValue {
  @Field(() => IndicatorMetric, { description: '指标数据来源' })
  metric: IndicatorMetric;

  @Field({ description: '指标名称' })
  name: string;

  @Field({ description: 'RATE（比率）或 COUNT（计数）' })
  kind: string;

  @Field({ description: '是否越高越好' })
  higherIsBetter: boolean;

  @Field(() => OrgUnitReference, { description: '单位（含其下级单位）' })
  orgUnit: OrgUnitReference;

  @Field({ description: '期间开始日期 YYYY-MM-DD（月初）' })
  from: string;

  @Field({ description: '期间结束日期 YYYY-MM-DD（月末）' })
  to: string;

  @Field(() => Float, { nullable: true, description: '取值：比率为分子÷分母（无应计对象时为空），计数为分子' })
  value: number | null;

  @Field(() => Float, { description: '分子（计数指标即取值）' })
  numerator: number;

  @Field(() => Float, { nullable: true, description: '分母（计数指标为空）' })
  denominator: number | null;

  /** Not a field: what the sources are read with. */
  unit: MetricUnit;
  period: MetricPeriod;
}

@ObjectType('AppraisalMetricSource', { description: '指标取值背后的一条记录（不含学生姓名）' })
export class AppraisalMetricSource {
  @Field({ description: '记录类别：PERSON、DRILL、QUIZ、NOTICE、LETTER、HAZARD …' })
  kind: string;

  @Field(() => ID, { description: '记录在其业务服务中的 ID' })
  id: string;

  @Field({ description: '简述' })
  label: string;

  @Field(() => OrgUnitReference, { description: '所属单位' })
  orgUnit: OrgUnitReference;

  @Field(() => String, { nullable: true, description: '发生时间（ISO 8601）' })
  at: string | null;

  @Field({ description: '计入方式，如 未覆盖、已签订、已确认 3/4' })
  counted: string;
}

@ObjectType('AppraisalMetricSourcePage', { description: '指标来源记录的一页' })
export class AppraisalMetricSourcePage {
  @Field(() => [AppraisalMetricSource])
  rows: AppraisalMetricSource[];

  @Field({ description: '是否还有下一页' })
  hasMore: boolean;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标（作为 after 传入取下一页）' })
  endCursor: string | null;
}

export function toMetricValue(metric: AutomaticMetric, unit: MetricUnit, period: MetricPeriod, value: MetricValue): AppraisalMetricValue {
  return {
    metric: metric.code as IndicatorMetric,
    name: metric.name,
    kind: metric.kind,
    higherIsBetter: metric.higherIsBetter,
    orgUnit: orgUnitReference(unit.id),
    from: period.from,
    to: period.to,
    ...value,
    unit,
    period,
  };
}

function toSource(source: MetricSource): AppraisalMetricSource {
  return { kind: source.kind, id: source.id, label: source.label, orgUnit: orgUnitReference(source.orgUnitId), at: source.at, counted: source.counted };
}

export function toSourcePage(page: MetricSourcePage): AppraisalMetricSourcePage {
  return { rows: page.rows.map(toSource), hasMore: page.hasMore, endCursor: page.endCursor };
}
