import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PersonService } from '../people/person.service';
import { PeopleFilter } from '../people/person.inputs';
import { Person, PersonConnection } from '../people/person.types';
import { CreateOrgUnitInput, MoveOrgUnitInput, OrgUnitFilter, RenameOrgUnitInput } from './org-unit.inputs';
import { OrgUnitService } from './org-unit.service';
import { OrgUnit, OrgUnitConnection, OrgUnitPayload } from './org-unit.types';

@Authorized()
@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  constructor(
    private readonly orgUnitService: OrgUnitService,
    private readonly personService: PersonService,
  ) {}

  @Query(() => OrgUnit, { nullable: true, description: '按 ID 查询单位（限我的管辖范围）' })
  orgUnit(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnitService, context, id);
  }

  @Query(() => OrgUnitConnection, { description: '我的管辖范围内的单位（可限定子树与类型），按层级与代码排序' })
  orgUnits(
    @Arg('filter', () => OrgUnitFilter, { defaultValue: {} }) filter: OrgUnitFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<OrgUnitConnection> {
    return this.orgUnitService.list(callerOf(context), filter, first, after);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '上级单位（不在管辖范围内时为空）' })
  parent(@Root() unit: OrgUnit, @Ctx() context: RequestContext): Promise<OrgUnit | null> | null {
    return unit.parentId ? loadOrgUnit(this.orgUnitService, context, unit.parentId) : null;
  }

  @FieldResolver(() => [OrgUnit], { description: '直属下级单位' })
  children(@Root() unit: OrgUnit, @Ctx() context: RequestContext): Promise<OrgUnit[]> {
    const caller = callerOf(context);
    return context.loaders.get('OrgUnit.children', () => this.orgUnitService.createChildrenLoader(caller)).load(unit.id);
  }

  @FieldResolver(() => PersonConnection, { description: '本单位（可含下级）人员' })
  people(
    @Root() unit: OrgUnit,
    @Arg('filter', () => PeopleFilter, { defaultValue: {} }) filter: PeopleFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<PersonConnection> {
    return this.personService.listInUnit(callerOf(context), unit, filter, first, after);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: '第一责任人：持有本单位“单位负责人”授权的人员（责任书的签署人）；未授权或不在我的人员管辖范围内时为空',
  })
  async firstResponsiblePerson(@Root() unit: OrgUnit, @Ctx() context: RequestContext): Promise<Person | null> {
    const loader = context.loaders.get('OrgUnit.firstResponsiblePerson', () => this.orgUnitService.createFirstResponsiblePersonLoader());
    const personId = await loader.load(unit.id);
    if (!personId) return null;
    // The same per-request loader as people's loadPerson (same key), so the person's own scope applies.
    const caller = callerOf(context);
    return context.loaders.get('Person', () => this.personService.createLoader(caller)).load(personId);
  }

  @Mutation(() => OrgUnitPayload, { description: '新建下级单位' })
  async createOrgUnit(@Arg('input') input: CreateOrgUnitInput, @Ctx() context: RequestContext): Promise<OrgUnitPayload> {
    return { orgUnit: await this.orgUnitService.create(callerOf(context), input) };
  }

  @Mutation(() => OrgUnitPayload, { description: '单位更名' })
  async renameOrgUnit(@Arg('input') input: RenameOrgUnitInput, @Ctx() context: RequestContext): Promise<OrgUnitPayload> {
    return { orgUnit: await this.orgUnitService.rename(callerOf(context), input) };
  }

  @Mutation(() => OrgUnitPayload, { description: '调整隶属关系（连同下级单位一起移动）' })
  async moveOrgUnit(@Arg('input') input: MoveOrgUnitInput, @Ctx() context: RequestContext): Promise<OrgUnitPayload> {
    return { orgUnit: await this.orgUnitService.move(callerOf(context), input) };
  }
}

export function loadOrgUnit(orgUnits: OrgUnitService, context: RequestContext, id: string): Promise<OrgUnit | null> {
  const caller = callerOf(context);
  return context.loaders.get('OrgUnit', () => orgUnits.createLoader(caller)).load(id);
}
