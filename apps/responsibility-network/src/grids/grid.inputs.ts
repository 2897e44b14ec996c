import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GridRole } from './grid-role';

@InputType()
export class CreateGridInput {
  @Field(() => ID, { description: '所属单位' })
  orgUnitId: string;

  @Field()
  @Length(1, 100, { message: '名称长度应为 1–100 个字符' })
  name: string;

  @Field(() => ID, { nullable: true, description: '上级网格（其单位须为本单位或上级单位）；不填为一级网格' })
  @IsOptional()
  parentId?: string | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class RenameGridInput extends VersionedInput {
  @Field()
  @Length(1, 100, { message: '名称长度应为 1–100 个字符' })
  name: string;
}

@InputType()
export class SetGridPlacesInput {
  @Field(() => ID)
  gridId: string;

  @Field(() => [ID], { description: '网格覆盖的全部场所（替换原有范围）' })
  @ArrayMaxSize(1000, { message: '一个网格最多覆盖 1000 个场所' })
  placeIds: string[];
}

@InputType()
export class AssignGridRoleInput {
  @Field(() => ID)
  gridId: string;

  @Field(() => ID, { description: '在职人员，须属于网格所属单位或其下级单位' })
  personId: string;

  @Field(() => GridRole)
  role: GridRole;

  @Field(() => CalendarDate, { description: '起始日期；新责任人上任时，前任责任人于前一天卸任' })
  from: string;
}

@InputType()
export class EndGridRoleInput {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => CalendarDate, { description: '结束日期（含）' })
  to: string;
}

@InputType()
export class GridFilter {
  @Field(() => ID, { nullable: true, description: '只看此单位的网格；不填则为我的全部管辖范围' })
  @IsOptional()
  orgUnitId?: string | null;

  @Field({ defaultValue: false, description: '与 orgUnitId 一起使用：包含下级单位的网格' })
  includeSubtree: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: '网格级别为 1–3' })
  @Max(3, { message: '网格级别为 1–3' })
  level?: number | null;
}
