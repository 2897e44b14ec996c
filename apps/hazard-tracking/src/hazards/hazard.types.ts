import { ConnectionType, OrgUnitReference, orgUnitReference, PersonReference, personReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HazardCategory, HazardGrade, HazardSource, HazardStatus } from './hazard-enums';
import { HazardEntity } from './hazard.entity';

@ObjectType('Hazard', { description: '隐患（台账中的一条）' })
export class Hazard {
  @Field(() => ID)
  id: string;

  @Field({ description: '隐患编号' })
  code: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => HazardCategory)
  category: HazardCategory;

  @Field(() => HazardGrade)
  grade: HazardGrade;

  @Field(() => HazardSource)
  source: HazardSource;

  @Field(() => HazardStatus)
  status: HazardStatus;

  @Field({ description: '隐患部位（文字描述）' })
  placeText: string;

  @Field({ description: '发现时间' })
  discoveredAt: Date;

  @Field(() => PersonReference, { nullable: true, description: '发现人' })
  discoveredBy: PersonReference | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '责任单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => String, { nullable: true, description: '作废原因（重复或误报）' })
  voidReason: string | null;

  @Field(() => Int, { description: '验收不通过（退回整改）的次数' })
  failedAcceptances: number;

  @Field({ description: '登记时间' })
  createdAt: Date;

  @Field({ description: '最后修改时间' })
  updatedAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class HazardConnection extends ConnectionType('Hazard', Hazard) {}

@ObjectType()
export class HazardPayload {
  @Field(() => Hazard)
  hazard: Hazard;
}

export function toHazard(entity: HazardEntity): Hazard {
  return {
    id: entity.id,
    code: entity.code,
    title: entity.title,
    description: entity.description,
    category: entity.category,
    grade: entity.grade,
    source: entity.source,
    status: entity.status,
    placeText: entity.placeText,
    discoveredAt: entity.discoveredAt,
    discoveredBy: personReference(entity.discoveredByPersonId),
    orgUnit: orgUnitReference(entity.orgUnitId),
    voidReason: entity.voidReason,
    failedAcceptances: entity.failedAcceptances ?? 0,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
  };
}
