import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LetterCoverageStatus } from '../letters/letter-enums';
import { OrgUnit } from '../org-units/org-unit.types';

@ObjectType({ description: '单位（含下级）责任体系概况：网格覆盖、消防验收、本年度责任书签订、值班缺岗' })
export class UnitResponsibilityOverview {
  @Field(() => Int, { description: '在用场所数' })
  placeCount: number;

  @Field(() => Int, { description: '在用重点部位数' })
  keyPlaceCount: number;

  @Field(() => Int, { description: '未纳入网格的场所' })
  uncoveredPlaceCount: number;

  @Field(() => Int, { description: '未纳入网格的重点部位' })
  uncoveredKeyPlaceCount: number;

  @Field(() => Float, { nullable: true, description: '场所网格覆盖率；无场所时为空' })
  gridCoverageRate: number | null;

  @Field(() => Int, { description: '未完成消防验收的在用楼栋（无验收记录、未验收或验收中）' })
  buildingsWithoutFireAcceptance: number;

  @Field(() => Int, { description: '本年度（北京时间）' })
  letterYear: number;

  @Field(() => LetterCoverageStatus, { nullable: true, description: '上级单位与本单位本年度责任书的签订情况；无上级单位时为空' })
  letterStatus: LetterCoverageStatus | null;

  @Field(() => Int, { description: '直属下级单位数（不含科室）' })
  childUnits: number;

  @Field(() => Int, { description: '其中本单位已与其签订本年度责任书的' })
  childLettersSigned: number;

  @Field(() => Float, { nullable: true, description: '直属下级单位责任书签订率；无下级单位时为空' })
  childLetterSignedRate: number | null;

  @Field(() => Int, { description: '今天起尚缺人的值班班次（本单位及下级单位的值班表；节假日和敏感时期须有带班领导，每班须有值班人员）' })
  dutyShiftGaps: number;

  @Field(() => Int, { description: '其中缺带班领导的班次' })
  dutyShiftsWithoutLeader: number;

  @Field(() => Int, { description: '其中缺值班人员的班次' })
  dutyShiftsWithoutOfficer: number;
}

export enum ResponsibilityRankMetric {
  GRID_COVERAGE_RATE = 'GRID_COVERAGE_RATE',
  UNCOVERED_KEY_PLACES = 'UNCOVERED_KEY_PLACES',
  CHILD_LETTER_SIGNED_RATE = 'CHILD_LETTER_SIGNED_RATE',
  DUTY_SHIFT_GAPS = 'DUTY_SHIFT_GAPS',
  BUILDINGS_WITHOUT_FIRE_ACCEPTANCE = 'BUILDINGS_WITHOUT_FIRE_ACCEPTANCE',
}

registerEnumType(ResponsibilityRankMetric, {
  name: 'ResponsibilityRankMetric',
  description: '下级单位按责任体系排名的指标',
  valuesConfig: {
    GRID_COVERAGE_RATE: { description: '场所网格覆盖率（低者差）' },
    UNCOVERED_KEY_PLACES: { description: '未纳入网格的重点部位数（多者差）' },
    CHILD_LETTER_SIGNED_RATE: { description: '对其直属下级单位的责任书签订率（低者差）' },
    DUTY_SHIFT_GAPS: { description: '缺人的值班班次数（多者差）' },
    BUILDINGS_WITHOUT_FIRE_ACCEPTANCE: { description: '未完成消防验收的在用楼栋数（多者差）' },
  },
});

@ObjectType({ description: '下级单位在一项责任体系指标上的排名' })
export class ResponsibilityUnitRank {
  @Field(() => OrgUnit)
  unit: OrgUnit;

  @Field(() => Float, { nullable: true, description: '指标值；比率无可计算数据时为空（排在最后）' })
  value: number | null;

  @Field(() => Int, { description: '名次，从 1 起；并列同名次' })
  rank: number;
}
