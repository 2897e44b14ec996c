import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference, PersonReference, personReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { HazardCategory } from '../hazards/hazard-enums';
import { RiskLevel, RiskMethod } from './risk-level';
import { RiskPointEntity } from './risk-point.entity';

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

  @Field()
  active: boolean;

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
    version: entity.version,
  };
}
