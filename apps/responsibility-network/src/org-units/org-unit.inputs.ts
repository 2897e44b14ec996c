import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OrgUnitKind } from './org-unit-kind';

const CODE = /^[A-Za-z0-9_-]+$/;

@InputType()
export class CreateOrgUnitInput {
  @Field(() => ID, { description: '上级单位' })
  parentId: string;

  @Field({ description: '单位代码，全局唯一' })
  @Length(1, 32, { message: '单位代码长度应为 1–32 个字符' })
  @Matches(CODE, { message: '单位代码只能包含字母、数字、下划线和连字符' })
  code: string;

  @Field()
  @Length(1, 100, { message: '名称长度应为 1–100 个字符' })
  name: string;

  @Field(() => OrgUnitKind)
  kind: OrgUnitKind;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class RenameOrgUnitInput extends VersionedInput {
  @Field()
  @Length(1, 100, { message: '名称长度应为 1–100 个字符' })
  name: string;
}

@InputType()
export class MoveOrgUnitInput extends VersionedInput {
  @Field(() => ID, { description: '新的上级单位' })
  newParentId: string;
}

@InputType()
export class OrgUnitFilter {
  @Field(() => ID, { nullable: true, description: '只看此单位及其下级；不填则为我的全部管辖范围' })
  @IsOptional()
  rootId?: string;

  @Field(() => OrgUnitKind, { nullable: true })
  @IsOptional()
  kind?: OrgUnitKind;
}
