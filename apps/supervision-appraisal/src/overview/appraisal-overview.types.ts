import { OrgUnitReference } from '@campus/graphql';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Appraisal } from '../appraisals/appraisal.types';

@ObjectType({ description: '单位考核与报送概况：最近一次公布的考核结果，本单位及下级单位近期报送的迟报、漏报' })
export class UnitAppraisalOverview {
  @Field(() => Appraisal, { nullable: true, description: '本单位最近一次已公布（或已定档）的考核结果（过程或年终）；没有时为空' })
  latestAppraisal: Appraisal | null;

  @Field(() => Float, { nullable: true, description: '其总分' })
  latestScore: number | null;

  @Field(() => String, { nullable: true, description: '其等次' })
  latestGrade: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否一票否决' })
  latestVetoed: boolean | null;

  @Field(() => Int, { description: '本单位及下级单位在有效报送要求最近 12 期内已过截止时间仍未报送的期数（漏报）' })
  reportsMissing: number;

  @Field(() => Int, { description: '同期内迟报（截止后报送）的期数' })
  reportsLate: number;

  @Field(() => Int, { description: '同期内已按时报送的期数' })
  reportsOnTime: number;
}

export enum AppraisalRankMetric {
  APPRAISAL_SCORE = 'APPRAISAL_SCORE',
  REPORTS_MISSING = 'REPORTS_MISSING',
  REPORTS_LATE = 'REPORTS_LATE',
}

registerEnumType(AppraisalRankMetric, {
  name: 'AppraisalRankMetric',
  description: '下级单位按考核与报送排名的指标',
  valuesConfig: {
    APPRAISAL_SCORE: { description: '最近一次考核总分（低者差；一票否决按 0 分计）' },
    REPORTS_MISSING: { description: '漏报期数（多者差）' },
    REPORTS_LATE: { description: '迟报期数（多者差）' },
  },
});

@ObjectType({ description: '下级单位在一项考核与报送指标上的排名' })
export class AppraisalUnitRank {
  @Field(() => OrgUnitReference)
  unit: OrgUnitReference;

  @Field(() => Float, { nullable: true, description: '指标值；无考核结果时为空（排在最后）' })
  value: number | null;

  @Field(() => Int, { description: '名次，从 1 起；并列同名次' })
  rank: number;
}
