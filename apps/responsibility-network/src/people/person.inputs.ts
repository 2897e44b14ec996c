import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PersonKind } from './person-kind';

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const PHONE_MESSAGE = '电话号码格式不正确（手机 11 位或座机 区号-号码）';

@InputType()
export class CreatePersonInput {
  @Field(() => ID, { description: '所属单位' })
  orgUnitId: string;

  @Field()
  @Length(1, 50, { message: '姓名长度应为 1–50 个字符' })
  name: string;

  @Field(() => PersonKind)
  kind: PersonKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 32, { message: '工号/学号长度应为 1–32 个字符' })
  employeeNo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50, { message: '职务长度应为 1–50 个字符' })
  position?: string | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class UpdatePersonInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50, { message: '姓名长度应为 1–50 个字符' })
  name?: string;

  @Field(() => String, { nullable: true, description: '传空字符串清除' })
  @IsOptional()
  @Matches(new RegExp(`^$|${PHONE.source}`), { message: PHONE_MESSAGE })
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 32, { message: '工号/学号最长 32 个字符' })
  employeeNo?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 50, { message: '职务最长 50 个字符' })
  position?: string;

  @Field(() => ID, { nullable: true, description: '调往的单位' })
  @IsOptional()
  orgUnitId?: string;
}

@InputType()
export class DeactivatePersonInput extends VersionedInput {}

@InputType()
export class PeopleFilter {
  @Field({ defaultValue: false, description: '包含下级单位人员' })
  includeSubtree: boolean;

  @Field({ defaultValue: false, description: '包含已停用人员' })
  includeInactive: boolean;

  @Field(() => PersonKind, { nullable: true })
  @IsOptional()
  kind?: PersonKind;

  @Field(() => String, { nullable: true, description: '姓名包含' })
  @IsOptional()
  @Length(1, 50, { message: '搜索词长度应为 1–50 个字符' })
  nameContains?: string;
}
