import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit } from '../org-units/org-unit.types';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import {
  CreateWorkGroupInput,
  DissolveWorkGroupInput,
  SetWorkGroupMembersInput,
  UpdateWorkGroupInput,
  WorkGroupFilter,
} from './work-group.inputs';
import { WorkGroupService } from './work-group.service';
import { WorkGroup, WorkGroupConnection, WorkGroupMember, WorkGroupPayload } from './work-group.types';

@Authorized()
@Resolver(() => WorkGroup)
export class WorkGroupResolver {
  constructor(
    private readonly workGroupService: WorkGroupService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  @Query(() => WorkGroup, { nullable: true, description: '按 ID 查询工作机构（限我的管辖范围）' })
  workGroup(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<WorkGroup | null> {
    const caller = callerOf(context);
    return context.loaders.get('WorkGroup', () => this.workGroupService.createLoader(caller)).load(id);
  }

  @Query(() => WorkGroupConnection, { description: '单位（可含下级）成立的领导小组、工作专班、督导组，最新成立的在前' })
  workGroups(
    @Arg('filter', () => WorkGroupFilter) filter: WorkGroupFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<WorkGroupConnection> {
    return this.workGroupService.list(callerOf(context), filter, first, after);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '成立单位' })
  orgUnit(@Root() group: WorkGroup, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, group.orgUnitId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '办公室挂靠单位' })
  officeHost(@Root() group: WorkGroup, @Ctx() context: RequestContext): Promise<OrgUnit | null> | null {
    return group.officeHostUnitId ? loadOrgUnit(this.orgUnits, context, group.officeHostUnitId) : null;
  }

  @FieldResolver(() => [WorkGroupMember], { description: '成员，按名单顺序' })
  members(@Root() group: WorkGroup, @Ctx() context: RequestContext): Promise<WorkGroupMember[]> {
    return context.loaders.get('WorkGroup.members', () => this.workGroupService.createMembersLoader()).load(group.id);
  }

  @Mutation(() => WorkGroupPayload, { description: '成立领导小组、工作专班或督导组' })
  async createWorkGroup(@Arg('input') input: CreateWorkGroupInput, @Ctx() context: RequestContext): Promise<WorkGroupPayload> {
    return { workGroup: await this.workGroupService.create(callerOf(context), input) };
  }

  @Mutation(() => WorkGroupPayload, { description: '修改工作机构名称、办公室挂靠单位或工作职责' })
  async updateWorkGroup(@Arg('input') input: UpdateWorkGroupInput, @Ctx() context: RequestContext): Promise<WorkGroupPayload> {
    return { workGroup: await this.workGroupService.update(callerOf(context), input) };
  }

  @Mutation(() => WorkGroupPayload, { description: '调整成员：以新名单整体替换' })
  async setWorkGroupMembers(@Arg('input') input: SetWorkGroupMembersInput, @Ctx() context: RequestContext): Promise<WorkGroupPayload> {
    return { workGroup: await this.workGroupService.setMembers(callerOf(context), input) };
  }

  @Mutation(() => WorkGroupPayload, { description: '撤销工作机构（保留记录）' })
  async dissolveWorkGroup(@Arg('input') input: DissolveWorkGroupInput, @Ctx() context: RequestContext): Promise<WorkGroupPayload> {
    return { workGroup: await this.workGroupService.dissolve(callerOf(context), input) };
  }
}

@Authorized()
@Resolver(() => WorkGroupMember)
export class WorkGroupMemberResolver {
  constructor(private readonly people: PersonService) {}

  @FieldResolver(() => Person, { nullable: true, description: '成员（不在我的管辖范围内时为空）' })
  person(@Root() member: WorkGroupMember, @Ctx() context: RequestContext): Promise<Person | null> {
    return loadPerson(this.people, context, member.personId);
  }
}
