import { ClientRequestIdField } from '@campus/server';
import { callerOf, RequestContext } from '@campus/graphql';
import { IsOptional, Length, Min } from 'class-validator';
import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { AppraisalWorkflowService } from './appraisal-workflow.service';
import { AppraisalObjection, toAppraisalObjection } from './appraisal.types';

@InputType({ description: '人工指标评分' })
export class ScoreAppraisalInput {
  @Field(() => ID)
  appraisalId: string;

  @Field(() => ID, { description: '人工指标' })
  indicatorId: string;

  @Field(() => Float, { description: '得分（0 至该指标权重）' })
  @Min(0, { message: '得分不能为负' })
  score: number;

  @Field(() => String, { nullable: true, description: '评分说明与依据' })
  @IsOptional()
  @Length(0, 500, { message: '评分说明最长 500 个字符' })
  comment?: string;
}

@InputType({ description: '认定一票否决（方案规定的其他情形）' })
export class VetoAppraisalInput {
  @Field(() => ID)
  appraisalId: string;

  @Field({ description: '事由' })
  @Length(5, 500, { message: '事由长度应为 5–500 个字符' })
  reason: string;

  @Field({ description: '依据记录类型，如 INCIDENT、HAZARD、SUPERVISION_FINDING、DOCUMENT' })
  @Length(2, 32, { message: '依据类型长度应为 2–32 个字符' })
  evidenceKind: string;

  @Field({ description: '依据记录的编号' })
  @Length(1, 64, { message: '依据编号长度应为 1–64 个字符' })
  evidenceId: string;
}

@InputType({ description: '对公示中的考核结果提出申诉' })
export class FileAppraisalObjectionInput {
  @Field(() => ID)
  appraisalId: string;

  @Field()
  @Length(5, 1000, { message: '申诉理由长度应为 5–1000 个字符' })
  reason: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '处理申诉：受理则退回重新评分，驳回则维持结果' })
export class AnswerAppraisalObjectionInput {
  @Field(() => ID)
  objectionId: string;

  @Field({ description: '是否受理' })
  accept: boolean;

  @Field()
  @Length(2, 1000, { message: '处理意见长度应为 2–1000 个字符' })
  answer: string;
}

@Authorized()
@Resolver()
export class AppraisalWorkflowResolver {
  constructor(private readonly workflow: AppraisalWorkflowService) {}

  @Mutation(() => Boolean, { description: '为人工指标评分（不能给本单位评分；结果审核后不能再评分）' })
  async scoreAppraisal(@Arg('input') input: ScoreAppraisalInput, @Ctx() context: RequestContext): Promise<boolean> {
    await this.workflow.score(callerOf(context), input);
    return true;
  }

  @Mutation(() => Boolean, { description: '认定一票否决（方案须列有其他情形；不能认定本单位；审核前）' })
  async vetoAppraisal(@Arg('input') input: VetoAppraisalInput, @Ctx() context: RequestContext): Promise<boolean> {
    await this.workflow.veto(callerOf(context), input);
    return true;
  }

  @Mutation(() => Int, { description: '审核方案的年终考核结果（人工指标须均已评分）；返回审核的单位数' })
  reviewAppraisals(@Arg('schemeId', () => ID) schemeId: string, @Ctx() context: RequestContext): Promise<number> {
    return this.workflow.review(callerOf(context), schemeId);
  }

  @Mutation(() => Int, { description: '公示已审核的年终考核结果，开始申诉期；返回公示的单位数' })
  publishAppraisals(@Arg('schemeId', () => ID) schemeId: string, @Ctx() context: RequestContext): Promise<number> {
    return this.workflow.publish(callerOf(context), schemeId);
  }

  @Mutation(() => AppraisalObjection, { description: '被考核单位负责人在申诉期内提出申诉' })
  async fileAppraisalObjection(@Arg('input') input: FileAppraisalObjectionInput, @Ctx() context: RequestContext): Promise<AppraisalObjection> {
    return toAppraisalObjection(await this.workflow.object(callerOf(context), input));
  }

  @Mutation(() => AppraisalObjection, { description: '处理申诉' })
  async answerAppraisalObjection(@Arg('input') input: AnswerAppraisalObjectionInput, @Ctx() context: RequestContext): Promise<AppraisalObjection> {
    return toAppraisalObjection(await this.workflow.answer(callerOf(context), input));
  }
}
