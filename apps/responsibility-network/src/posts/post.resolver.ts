import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit } from '../org-units/org-unit.types';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import { DutyAssessmentService } from './duty-assessment.service';
import { DutyAssessment } from './duty-assessment.types';
import { dutyTemplateOf } from './duty-templates';
import { PostKind } from './post-enums';
import {
  AddPostDutyInput,
  AssignPostHolderInput,
  CreatePostInput,
  PostFilter,
  RemovePostDutyInput,
  UpdatePostInput,
  VacatePostInput,
} from './post.inputs';
import { PostService } from './post.service';
import { DutyTemplateItem, Post, PostConnection, PostDuty, PostPayload } from './post.types';

@Authorized()
@Resolver(() => Post)
export class PostResolver {
  constructor(
    private readonly postService: PostService,
    private readonly assessmentService: DutyAssessmentService,
    private readonly orgUnits: OrgUnitService,
    private readonly people: PersonService,
  ) {}

  @Query(() => Post, { nullable: true, description: '按 ID 查询岗位（限我的管辖范围）' })
  post(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Post | null> {
    return loadPost(this.postService, context, id);
  }

  @Query(() => PostConnection, { description: '单位（可含下级）的岗位，按岗位名称排序' })
  posts(
    @Arg('filter', () => PostFilter) filter: PostFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<PostConnection> {
    return this.postService.list(callerOf(context), filter, first, after);
  }

  @Query(() => [Post], { description: '某人的责任清单：其任职的岗位及各岗位的安全责任' })
  dutyListOf(@Arg('personId', () => ID) personId: string, @Ctx() context: RequestContext): Promise<Post[]> {
    return this.postService.heldBy(callerOf(context), personId);
  }

  @Query(() => [DutyTemplateItem], { description: '岗位类别的责任清单模板（新设岗位时自动带入）' })
  dutyTemplates(@Arg('kind', () => PostKind) kind: PostKind): DutyTemplateItem[] {
    return dutyTemplateOf(kind).map((content, index) => ({ position: index + 1, content }));
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '设岗单位' })
  orgUnit(@Root() post: Post, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, post.orgUnitId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '任职人员' })
  holder(@Root() post: Post, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return post.holderId ? loadPerson(this.people, context, post.holderId) : null;
  }

  @FieldResolver(() => [PostDuty], { description: '责任清单，按序号' })
  duties(@Root() post: Post, @Ctx() context: RequestContext): Promise<PostDuty[]> {
    return context.loaders.get('Post.duties', () => this.postService.createDutiesLoader()).load(post.id);
  }

  @FieldResolver(() => [DutyAssessment], { description: '各考核期的履职评价，最近的在前' })
  assessments(@Root() post: Post, @Ctx() context: RequestContext): Promise<DutyAssessment[]> {
    const caller = callerOf(context);
    return context.loaders.get('Post.assessments', () => this.assessmentService.createByPostLoader(caller)).load(post.id);
  }

  @Mutation(() => PostPayload, { description: '设立岗位，带入该类别的责任清单模板' })
  async createPost(@Arg('input') input: CreatePostInput, @Ctx() context: RequestContext): Promise<PostPayload> {
    return { post: await this.postService.create(callerOf(context), input) };
  }

  @Mutation(() => PostPayload, { description: '修改岗位名称或任职人员' })
  async updatePost(@Arg('input') input: UpdatePostInput, @Ctx() context: RequestContext): Promise<PostPayload> {
    return { post: await this.postService.update(callerOf(context), input) };
  }

  @Mutation(() => PostPayload, { description: '安排人员任职（替换原任职人员）' })
  async assignPostHolder(@Arg('input') input: AssignPostHolderInput, @Ctx() context: RequestContext): Promise<PostPayload> {
    return { post: await this.postService.assignHolder(callerOf(context), input) };
  }

  @Mutation(() => PostPayload, { description: '腾空岗位（任职人员离岗）' })
  async vacatePost(@Arg('input') input: VacatePostInput, @Ctx() context: RequestContext): Promise<PostPayload> {
    return { post: await this.postService.vacate(callerOf(context), input) };
  }

  @Mutation(() => PostPayload, { description: '在岗位责任清单中增补一项' })
  async addPostDuty(@Arg('input') input: AddPostDutyInput, @Ctx() context: RequestContext): Promise<PostPayload> {
    return { post: await this.postService.addDuty(callerOf(context), input) };
  }

  @Mutation(() => PostPayload, { description: '从岗位责任清单中删除一项' })
  async removePostDuty(@Arg('input') input: RemovePostDutyInput, @Ctx() context: RequestContext): Promise<PostPayload> {
    return { post: await this.postService.removeDuty(callerOf(context), input) };
  }
}

export function loadPost(posts: PostService, context: RequestContext, id: string): Promise<Post | null> {
  const caller = callerOf(context);
  return context.loaders.get('Post', () => posts.createLoader(caller)).load(id);
}
