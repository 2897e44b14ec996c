import { ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AppraisalPeriod, AppraisalSchemeStatus, IndicatorKind, IndicatorMetric } from './appraisal-enums';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from './appraisal-scheme.entity';

@ObjectType('AppraisalIndicator', { description: '考核指标' })
export class AppraisalIndicator {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Float, { description: '权重（全部指标合计 100）' })
  weight: number;

  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => IndicatorMetric, { nullable: true })
  metric: IndicatorMetric | null;

  @Field(() => String, { nullable: true })
  description: string | null;
}

@ObjectType('AppraisalScheme', { description: '考核方案' })
export class AppraisalScheme {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  year: number;

  @Field(() => AppraisalPeriod)
  period: AppraisalPeriod;

  @Field(() => AppraisalSchemeStatus)
  status: AppraisalSchemeStatus;

  @Field(() => OrgUnitReference, { nullable: true, description: '制定方案的单位（考核其下级）' })
  orgUnit: OrgUnitReference | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class AppraisalSchemeConnection extends ConnectionType('AppraisalScheme', AppraisalScheme) {}

@ObjectType()
export class AppraisalSchemePayload {
  @Field(() => AppraisalScheme)
  appraisalScheme: AppraisalScheme;
}

export function toAppraisalScheme(entity: AppraisalSchemeEntity): AppraisalScheme {
  return {
    id: entity.id,
    name: entity.name,
    year: entity.year,
    period: entity.period,
    status: entity.status,
    orgUnit: orgUnitReference(entity.orgUnitId),
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

export function toAppraisalIndicator(entity: AppraisalIndicatorEntity): AppraisalIndicator {
  return {
    id: entity.id,
    name: entity.name,
    weight: Number(entity.weight),
    kind: entity.kind,
    metric: entity.metric,
    description: entity.description,
  };
}
