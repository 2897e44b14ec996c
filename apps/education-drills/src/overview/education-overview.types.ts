import { CalendarDate, OrgUnitReference } from '@campus/graphql';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HealthCheckWeekFigures } from './health-check-week';

@ObjectType({ description: '单位（含下级）本学期安全教育与应急演练概况，本周晨午晚检' })
export class UnitEducationOverview {
  @Field({ description: '本学期（春季 2/1–7/31，秋季 8/1–次年 1/31）' })
  term: string;

  @Field(() => CalendarDate)
  termStart: string;

  @Field(() => CalendarDate)
  termEnd: string;

  @Field(() => Int, { description: '在册人员（各类别）' })
  population: number;

  @Field(() => Int, { description: '本学期至少参加过一次安全教育活动的人员（签到记录）' })
  covered: number;

  @Field(() => Float, { nullable: true, description: '本学期安全教育覆盖率；无在册人员时为空' })
  coverageRate: number | null;

  @Field(() => Int, { description: '本学期已实施（含已评估）的应急演练' })
  drillsHeld: number;

  @Field(() => Int, { description: '本学期计划中、尚未实施的应急演练' })
  drillsPlanned: number;

  @Field(() => HealthCheckWeekFigures, { nullable: true, description: '本周晨午晚检完成情况（含下级班级）；无权查看晨午晚检完成情况时为空' })
  healthChecksThisWeek: HealthCheckWeekFigures | null;
}

export enum EducationRankMetric {
  EDUCATION_COVERAGE_RATE = 'EDUCATION_COVERAGE_RATE',
  DRILLS_HELD = 'DRILLS_HELD',
  HEALTH_CHECK_COMPLETION_RATE = 'HEALTH_CHECK_COMPLETION_RATE',
}

registerEnumType(EducationRankMetric, {
  name: 'EducationRankMetric',
  description: '下级单位按安全教育与演练排名的指标',
  valuesConfig: {
    EDUCATION_COVERAGE_RATE: { description: '本学期安全教育覆盖率（低者差）' },
    DRILLS_HELD: { description: '本学期已实施演练数（少者差）' },
    HEALTH_CHECK_COMPLETION_RATE: { description: '本周晨午晚检填报率（低者差；无权查看时不参与排名）' },
  },
});

@ObjectType({ description: '下级单位在一项安全教育指标上的排名' })
export class EducationUnitRank {
  @Field(() => OrgUnitReference)
  unit: OrgUnitReference;

  @Field(() => Float, { nullable: true, description: '指标值；比率无可计算数据时为空（排在最后）' })
  value: number | null;

  @Field(() => Int, { description: '名次，从 1 起；并列同名次' })
  rank: number;
}
