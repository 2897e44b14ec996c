import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PlaceFunction, PlaceKind } from './place-kind';

@InputType()
export class CreatePlaceInput {
  @Field(() => ID, { description: '所属单位' })
  orgUnitId: string;

  @Field()
  @Length(1, 100, { message: '名称长度应为 1–100 个字符' })
  name: string;

  @Field(() => PlaceKind)
  kind: PlaceKind;

  @Field(() => PlaceFunction, { nullable: true })
  @IsOptional()
  function?: PlaceFunction | null;

  @Field({ defaultValue: false, description: '重点部位' })
  keyPlace: boolean;

  @Field(() => ID, { nullable: true, description: '上级场所（须在所属单位范围内）；楼栋不填' })
  @IsOptional()
  parentId?: string | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class UpdatePlaceInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: '名称长度应为 1–100 个字符' })
  name?: string | null;

  @Field(() => PlaceFunction, { nullable: true })
  @IsOptional()
  function?: PlaceFunction | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  keyPlace?: boolean | null;

  @Field(() => ID, { nullable: true, description: '新的上级场所；不填则不变' })
  @IsOptional()
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '移到顶层（去掉上级场所），仅楼栋和室外区域可以' })
  @IsOptional()
  clearParent?: boolean | null;
}

@InputType()
export class DeactivatePlaceInput extends VersionedInput {}

@InputType()
export class PlaceFilter {
  @Field(() => ID, { nullable: true, description: '只看此单位的场所；不填则为我的全部管辖范围' })
  @IsOptional()
  orgUnitId?: string | null;

  @Field({ defaultValue: false, description: '与 orgUnitId 一起使用：包含下级单位的场所' })
  includeSubtree: boolean;

  @Field(() => PlaceKind, { nullable: true })
  @IsOptional()
  kind?: PlaceKind | null;

  @Field(() => PlaceFunction, { nullable: true })
  @IsOptional()
  function?: PlaceFunction | null;

  @Field(() => Boolean, { nullable: true, description: '只看重点部位（true）或非重点部位（false）' })
  @IsOptional()
  keyPlace?: boolean | null;

  @Field(() => ID, { nullable: true, description: '直属上级场所' })
  @IsOptional()
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: '所属网格' })
  @IsOptional()
  gridId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: '在用（默认）；传 null 包含已停用的' })
  @IsOptional()
  active?: boolean | null;
}
