import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference, PersonReference, personReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HazardCategory } from '../hazards/hazard-enums';
import { RiskLevel, RiskMethod } from './risk-level';
import { RiskPointState, riskPointState } from './risk-point.access';
import { RiskPointEntity, RiskPointStepEntity } from './risk-point.entity';

registerEnumType(RiskPointState, {
  name: 'RiskPointState',
  description: '风险点状态',
  valuesConfig: { ACTIVE: { description: '在管' }, STRUCK_OFF: { description: '已销号' } },
});

@ObjectType('RiskPointStrikeOff', { description: '风险点销号记录' })
export class RiskPointStrikeOff {
  @Field(() => CalendarDate, { description: '销号日期' })
  on: string;

  @Field({ description: '销号原因' })
  reason: string;

  @Field(() => ID, { description: '审批人账号' })
  approverAccountId: string;

  @Field(() => PersonReference, { nullable: true, description: '审批人' })
  approver: PersonReference | null;
}

@ObjectType('RiskPointStep', { description: '风险点历史记录（复评、销号）' })
export class RiskPointStep {
  @Field(() => ID)
  id: string;

  @Field({ description: '操作：REVIEW 复评、STRIKE_OFF 销号' })
  action: string;

  @Field(() => String, { nullable: true, description: '说明（销号原因等）' })
  comment: string | null;

  @Field(() => ID, { description: '操作账号' })
  accountId: string;

  @Field(() => PersonReference, { nullable: true, description: '操作人' })
  person: PersonReference | null;

  @Field(() => Date)
  at: Date;
}

@ObjectType('RiskFactors', { description: '评价因子：矩阵法为 L、S；LEC 法为 L、E、C' })
export class RiskFactors {
  @Field(() => Float)
  likelihood: number;

  @Field(() => Float, { nullable: true, description: '严重性（矩阵法）' })
  severity: number | null;

  @Field(() => Float, { nullable: true, description: '暴露频率 E（LEC 法）' })
  exposure: number | null;

  @Field(() => Float, { nullable: true, description: '后果 C（LEC 法）' })
  consequence: number | null;
}

@ObjectType('RiskPoint', { description: '风险点（风险分级管控）' })
export class RiskPoint {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ID, { nullable: true })
  placeId: string | null;

  @Field({ description: '部位（文字）' })
  placeText: string;

  @Field(() => HazardCategory)
  category: HazardCategory;

  @Field(() => RiskMethod)
  method: RiskMethod;

  @Field(() => RiskFactors)
  factors: RiskFactors;

  @Field(() => Float, { description: '风险值 R 或 D' })
  score: number;

  @Field(() => RiskLevel)
  level: RiskLevel;

  @Field({ description: '管控措施' })
  controlMeasures: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '管控单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => PersonReference, { nullable: true, description: '管控责任人' })
  controller: PersonReference | null;

  @Field(() => CalendarDate, { description: '下次评审日期' })
  reviewDate: string;

  @Field(() => Date, { nullable: true })
  lastReviewedAt: Date | null;

  @Field({ description: '是否在管（销号后为否）' })
  active: boolean;

  @Field(() => RiskPointState, { description: '状态' })
  state: RiskPointState;

  @Field(() => RiskPointStrikeOff, { nullable: true, description: '销号记录（已销号时）' })
  strikeOff: RiskPointStrikeOff | null;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class RiskPointConnection extends ConnectionType('RiskPoint', RiskPoint) {}

@ObjectType()
export class RiskPointPayload {
  @Field(() => RiskPoint)
  riskPoint: RiskPoint;
}

export function toRiskPoint(entity: RiskPointEntity): RiskPoint {
  const factors = entity.factors;
  return {
    id: entity.id,
    name: entity.name,
    placeId: entity.placeId,
    placeText: entity.placeText,
    category: entity.category,
    method: entity.method,
    factors: {
      likelihood: factors.likelihood,
      severity: factors.severity ?? null,
      exposure: factors.exposure ?? null,
      consequence: factors.consequence ?? null,
    },
    score: Number(entity.score),
    level: entity.level,
    controlMeasures: entity.controlMeasures,
    orgUnit: orgUnitReference(entity.orgUnitId),
    controller: personReference(entity.controllerPersonId),
    reviewDate: entity.reviewDate,
    lastReviewedAt: entity.lastReviewedAt,
    active: entity.active,
    state: riskPointState(entity),
    strikeOff:
      entity.struckOffOn && entity.struckOffReason && entity.struckOffByAccountId
        ? {
            on: entity.struckOffOn,
            reason: entity.struckOffReason,
            approverAccountId: entity.struckOffByAccountId,
            approver: personReference(entity.struckOffByPersonId),
          }
        : null,
    version: entity.version,
  };
}

export function toRiskPointStep(step: RiskPointStepEntity): RiskPointStep {
  return { id: step.id, action: step.action, comment: step.comment, accountId: step.accountId, person: personReference(step.personId), at: step.at };
}
