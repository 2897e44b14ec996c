import {
  CalendarDate,
  calendarDateOf,
  ConnectionType,
  GridReference,
  OrgUnitReference,
  orgUnitReference,
  PersonReference,
  personReference,
  PlaceReference,
  referenceTo,
} from '@campus/graphql';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { ProvidedNames } from '../directory/provided-names';
import { HazardCategory, HazardGrade, HazardSource, HazardStatus, OPEN_AFTER_REPORT } from './hazard-enums';
import { HazardEntity } from './hazard.entity';

@ObjectType({ description: '隐患的来源记录（检查、演练问题、督导发现）' })
export class HazardSourceRef {
  @Field({ description: 'INSPECTION 检查 | DRILL_PROBLEM 演练发现的问题 | SUPERVISION_FINDING 督导发现的问题' })
  type: string;

  @Field(() => ID)
  id: string;
}

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

  @Directive('@provides(fields: "name")')
  @Field(() => OrgUnitReference, { nullable: true, description: '责任单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => PlaceReference, { nullable: true, description: '场所' })
  place: PlaceReference | null;

  @Field(() => GridReference, { nullable: true, description: '网格' })
  grid: GridReference | null;

  @Directive('@provides(fields: "name")')
  @Field(() => PersonReference, { nullable: true, description: '整改责任人（整改方案中）' })
  responsiblePerson: PersonReference | null;

  @Field(() => CalendarDate, { nullable: true, description: '整改期限（整改方案中）' })
  deadline: string | null;

  @Field({ description: '是否逾期（整改期限已过仍未验收）' })
  overdue: boolean;

  @Field(() => ID, { nullable: true, description: '所属专项整治' })
  campaignId: string | null;

  @Field(() => HazardSourceRef, { nullable: true, description: '来源记录' })
  sourceRef: HazardSourceRef | null;

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

  /** The unit's and responsible person's names, where the statement that read the hazard brought them along (the ledger's page). */
  providedNames?: ProvidedNames;
}

@ObjectType()
export class HazardConnection extends ConnectionType('Hazard', Hazard) {
  /** Counts, under the same filter, the hazards hidden from the viewer for their sensitive category (restrictedCount). */
  countRestricted?: () => Promise<number>;
}

@ObjectType()
export class HazardPayload {
  @Field(() => Hazard)
  hazard: Hazard;
}

export function isOverdue(hazard: Pick<HazardEntity, 'status' | 'deadline'>, today: string): boolean {
  return OPEN_AFTER_REPORT.includes(hazard.status) && hazard.deadline !== null && hazard.deadline < today;
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
    place: referenceTo(entity.placeId),
    grid: referenceTo(entity.gridId),
    responsiblePerson: personReference(entity.responsiblePersonId),
    deadline: entity.deadline,
    overdue: isOverdue(entity, calendarDateOf(new Date())),
    campaignId: entity.campaignId,
    sourceRef: entity.sourceRefType && entity.sourceRefId ? { type: entity.sourceRefType, id: entity.sourceRefId } : null,
    voidReason: entity.voidReason,
    failedAcceptances: entity.failedAcceptances ?? 0,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
  };
}
