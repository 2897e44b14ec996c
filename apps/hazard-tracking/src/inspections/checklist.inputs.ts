import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { HazardCategory, HazardGrade } from '../hazards/hazard-enums';

@InputType({ description: '检查表中的一项' })
export class ChecklistItemInput {
  @Field({ description: '检查内容（合格的标准），如 灭火器在有效期内且压力正常' })
  @Length(2, 200, { message: '检查内容长度应为 2–200 个字符' })
  text: string;

  @Field(() => String, { nullable: true, description: '检查方法或要点' })
  @IsOptional()
  @Length(1, 1000, { message: '检查要点长度应为 1–1000 个字符' })
  guidance?: string | null;

  @Field(() => HazardGrade, { defaultValue: HazardGrade.GENERAL, description: '不合格时登记隐患的默认等级' })
  defaultGrade: HazardGrade;
}

@InputType({ description: '新建本单位的检查表' })
export class CreateChecklistTemplateInput {
  @Field(() => ID, { description: '所属单位；本单位及下级单位的检查任务可以使用' })
  orgUnitId: string;

  @Field(() => HazardCategory)
  category: HazardCategory;

  @Field()
  @Length(2, 100, { message: '检查表名称长度应为 2–100 个字符' })
  name: string;

  @Field(() => [ChecklistItemInput], { description: '检查项，按顺序' })
  @ArrayMinSize(1, { message: '检查表至少要有一项' })
  @ArrayMaxSize(100, { message: '检查表最多 100 项' })
  @ValidateNested({ each: true })
  items: ChecklistItemInput[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '停用检查表：已有的检查任务照常使用，新任务不能再选' })
export class RetireChecklistTemplateInput extends VersionedInput {}

@InputType()
export class ChecklistTemplateFilter {
  @Field(() => HazardCategory, { nullable: true })
  @IsOptional()
  category?: HazardCategory | null;

  @Field(() => ID, { nullable: true, description: '只看该单位可用的检查表：内置的、本单位及上级单位的' })
  @IsOptional()
  orgUnitId?: string | null;

  @Field({ defaultValue: false, description: '包含已停用的' })
  includeRetired: boolean;
}
