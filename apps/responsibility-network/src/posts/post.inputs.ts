import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { IsOptional, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PostKind } from './post-enums';

const TITLE_MESSAGE = '岗位名称长度应为 1–100 个字符';
const DUTY_MESSAGE = '责任内容长度应为 2–500 个字符';

@InputType()
export class CreatePostInput {
  @Field(() => ID, { description: '设岗单位' })
  orgUnitId: string;

  @Field({ description: '岗位名称，如"化学实验室主任"' })
  @Length(1, 100, { message: TITLE_MESSAGE })
  title: string;

  @Field(() => PostKind, { description: '岗位类别：新岗位带上该类别的责任清单模板' })
  kind: PostKind;

  @Field(() => ID, { nullable: true, description: '任职人员（本单位或下级单位的在职人员）；不填则岗位空缺' })
  @IsOptional()
  holderId?: string | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class UpdatePostInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: TITLE_MESSAGE })
  title?: string | null;

  @Field(() => ID, { nullable: true, description: '改由此人任职；腾空岗位请用 vacatePost' })
  @IsOptional()
  holderId?: string | null;
}

@InputType()
export class AssignPostHolderInput extends VersionedInput {
  @Field(() => ID, { description: '任职人员（本单位或下级单位的在职人员）' })
  holderId: string;
}

@InputType()
export class VacatePostInput extends VersionedInput {}

@InputType()
export class AddPostDutyInput extends VersionedInput {
  @Field({ description: '增补的责任内容' })
  @Length(2, 500, { message: DUTY_MESSAGE })
  content: string;

  @Field(() => Int, { nullable: true, description: '插入到第几项（从 1 开始）；不填则追加在末尾' })
  @IsOptional()
  @Min(1, { message: '序号从 1 开始' })
  position?: number | null;
}

@InputType()
export class RemovePostDutyInput extends VersionedInput {
  @Field(() => ID, { description: '要删除的责任事项' })
  dutyId: string;
}

@InputType()
export class PostFilter {
  @Field(() => ID, { description: '设岗单位' })
  orgUnitId: string;

  @Field({ defaultValue: false, description: '包含下级单位的岗位' })
  includeSubtree: boolean;

  @Field(() => PostKind, { nullable: true })
  @IsOptional()
  kind?: PostKind | null;

  @Field(() => Boolean, { nullable: true, description: 'true 只看空缺岗位，false 只看已任职岗位' })
  @IsOptional()
  vacant?: boolean | null;
}
