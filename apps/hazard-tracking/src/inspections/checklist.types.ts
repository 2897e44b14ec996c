import { ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HazardCategory, HazardGrade } from '../hazards/hazard-enums';
import { ChecklistItemEntity, ChecklistTemplateEntity } from './checklist.entity';

@ObjectType('ChecklistItem', { description: '检查项' })
export class ChecklistItem {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '序号' })
  seq: number;

  @Field({ description: '检查内容（合格的标准）' })
  text: string;

  @Field(() => String, { nullable: true, description: '检查方法或要点' })
  guidance: string | null;

  @Field(() => HazardGrade, { description: '不合格时登记隐患的默认等级' })
  defaultGrade: HazardGrade;
}

@ObjectType('ChecklistTemplate', { description: '检查表：内置的（全部单位可用）或某单位自定的（本单位及下级单位可用）' })
export class ChecklistTemplate {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => HazardCategory)
  category: HazardCategory;

  @Field({ description: '内置检查表' })
  builtIn: boolean;

  @Field(() => OrgUnitReference, { nullable: true, description: '所属单位（内置的为空）' })
  orgUnit: OrgUnitReference | null;

  @Field({ description: '在用；停用后新任务不能再选' })
  active: boolean;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class ChecklistTemplateConnection extends ConnectionType('ChecklistTemplate', ChecklistTemplate) {}

@ObjectType()
export class ChecklistTemplatePayload {
  @Field(() => ChecklistTemplate)
  checklistTemplate: ChecklistTemplate;
}

export function toChecklistTemplate(entity: ChecklistTemplateEntity): ChecklistTemplate {
  return {
    id: entity.id,
    name: entity.name,
    category: entity.category,
    builtIn: entity.orgUnitId === null,
    orgUnit: entity.orgUnitId ? orgUnitReference(entity.orgUnitId) : null,
    active: entity.active,
    version: entity.version,
    createdAt: entity.createdAt,
  };
}

export function toChecklistItem(entity: ChecklistItemEntity): ChecklistItem {
  return { id: entity.id, seq: entity.seq, text: entity.text, guidance: entity.guidance, defaultGrade: entity.defaultGrade };
}
