import { ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VetoRuleKind } from '../appraisal-schemes/appraisal-enums';
import { AppraisalEntity, AppraisalObjectionRow, AppraisalStage, AppraisalStatus } from './appraisal.entity';

registerEnumType(AppraisalStatus, {
  name: 'AppraisalStatus',
  description: '考核结果状态',
  valuesConfig: {
    DRAFT: { description: '草稿（评分中）' },
    REVIEWED: { description: '已审核' },
    PUBLISHED: { description: '公示中（申诉期内）' },
    FINAL: { description: '已定稿' },
  },
});

registerEnumType(AppraisalStage, {
  name: 'AppraisalStage',
  description: '考核阶段',
  valuesConfig: { PROCESS: { description: '过程考核（方案发布后随业务数据更新）' }, YEAR_END: { description: '年终考核（方案结束时计算）' } },
});

@ObjectType('AppraisalIndicatorValue', { description: '一项指标的取值和得分' })
export class AppraisalIndicatorValue {
  @Field(() => ID)
  indicatorId: string;

  @Field(() => Float, { nullable: true, description: '指标值（比率为 0–1；无应计事项时为空，视为满分）' })
  value: number | null;

  @Field(() => Float, { nullable: true })
  numerator: number | null;

  @Field(() => Float, { nullable: true })
  denominator: number | null;

  @Field(() => Float, { nullable: true, description: '得分（人工指标未评分时为空）' })
  score: number | null;

  @Field(() => String, { nullable: true, description: '评分说明（人工指标）' })
  comment: string | null;
}

@ObjectType('AppraisalVeto', { description: '一票否决：情形与依据' })
export class AppraisalVeto {
  @Field(() => VetoRuleKind)
  rule: VetoRuleKind;

  @Field({ description: '依据记录类型：INCIDENT、HAZARD …' })
  evidenceKind: string;

  @Field(() => ID, { description: '依据记录在其服务中的 ID' })
  evidenceId: string;

  @Field()
  reason: string;
}

@ObjectType('Appraisal', { description: '一个单位在考核方案下的考核结果' })
export class Appraisal {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  schemeId: string;

  @Field(() => OrgUnitReference, { description: '被考核单位' })
  orgUnit: OrgUnitReference;

  @Field(() => AppraisalStage)
  stage: AppraisalStage;

  @Field(() => AppraisalStatus)
  status: AppraisalStatus;

  @Field(() => Date, { nullable: true, description: '申诉截止时间（公示后）' })
  objectionUntil: Date | null;

  @Field(() => Float, { description: '总分（百分制）' })
  total: number;

  @Field({ description: '等次' })
  grade: string;

  @Field({ description: '是否被一票否决（否决的等次为不合格，排名在后）' })
  vetoed: boolean;

  @Field(() => Int, { nullable: true, description: '方案内排名（并列同名次）' })
  rank: number | null;

  @Field({ description: '数据截止日期' })
  asOf: string;

  @Field()
  computedAt: Date;
}

@ObjectType('AppraisalObjection', { description: '考核结果申诉' })
export class AppraisalObjection {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  appraisalId: string;

  @Field()
  reason: string;

  @Field()
  filedAt: Date;

  @Field({ description: 'OPEN 待处理、ACCEPTED 已受理（退回重评）、REJECTED 已驳回' })
  status: string;

  @Field(() => String, { nullable: true })
  answer: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;
}

export function toAppraisalObjection(row: AppraisalObjectionRow): AppraisalObjection {
  return { id: row.id, appraisalId: row.appraisalId, reason: row.reason, filedAt: row.filedAt, status: row.status, answer: row.answer, answeredAt: row.answeredAt };
}

@ObjectType()
export class AppraisalConnection extends ConnectionType('Appraisal', Appraisal) {}

@ObjectType()
export class AppraisalRunPayload {
  @Field(() => ID)
  schemeId: string;

  @Field(() => AppraisalStage)
  stage: AppraisalStage;

  @Field(() => Int, { description: '计算的单位数' })
  appraisedUnits: number;
}

export function toAppraisal(entity: AppraisalEntity): Appraisal {
  return {
    id: entity.id,
    schemeId: entity.schemeId,
    orgUnit: orgUnitReference(entity.orgUnitId),
    stage: entity.stage,
    status: entity.status,
    objectionUntil: entity.objectionUntil,
    total: Number(entity.total),
    grade: entity.grade,
    vetoed: Boolean(entity.vetoed),
    rank: entity.rank,
    asOf: entity.asOf,
    computedAt: entity.computedAt,
  };
}
