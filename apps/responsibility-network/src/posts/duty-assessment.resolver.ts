import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import { ReviewDutyAssessmentInput, SubmitDutySelfAssessmentInput } from './duty-assessment.inputs';
import { DutyAssessmentService } from './duty-assessment.service';
import { DutyAssessment, DutyAssessmentPayload } from './duty-assessment.types';
import { loadPost } from './post.resolver';
import { PostService } from './post.service';
import { Post } from './post.types';

@Authorized()
@Resolver(() => DutyAssessment)
export class DutyAssessmentResolver {
  constructor(
    private readonly assessments: DutyAssessmentService,
    private readonly posts: PostService,
    private readonly people: PersonService,
  ) {}

  @Query(() => DutyAssessment, { nullable: true, description: '按 ID 查询履职评价（限我的管辖范围）' })
  dutyAssessment(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<DutyAssessment | null> {
    return this.assessments.get(callerOf(context), id);
  }

  @FieldResolver(() => Post, { nullable: true })
  post(@Root() assessment: DutyAssessment, @Ctx() context: RequestContext): Promise<Post | null> {
    return loadPost(this.posts, context, assessment.postId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '自评时的任职人员' })
  holder(@Root() assessment: DutyAssessment, @Ctx() context: RequestContext): Promise<Person | null> {
    return loadPerson(this.people, context, assessment.holderId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '复评人' })
  reviewer(@Root() assessment: DutyAssessment, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return assessment.reviewerId ? loadPerson(this.people, context, assessment.reviewerId) : null;
  }

  @Mutation(() => DutyAssessmentPayload, { description: '任职人员按考核期逐项自评履职情况（每岗每期一次）' })
  async submitDutySelfAssessment(
    @Arg('input') input: SubmitDutySelfAssessmentInput,
    @Ctx() context: RequestContext,
  ): Promise<DutyAssessmentPayload> {
    return { assessment: await this.assessments.submitSelfAssessment(callerOf(context), input) };
  }

  @Mutation(() => DutyAssessmentPayload, { description: '单位负责人或安全管理部门逐项复评（不能复评本人岗位）' })
  async reviewDutyAssessment(@Arg('input') input: ReviewDutyAssessmentInput, @Ctx() context: RequestContext): Promise<DutyAssessmentPayload> {
    return { assessment: await this.assessments.review(callerOf(context), input) };
  }
}
