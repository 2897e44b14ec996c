import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit } from '../org-units/org-unit.types';
import { CreatePlaceInput, DeactivatePlaceInput, PlaceFilter, UpdatePlaceInput } from './place.inputs';
import { PlaceService } from './place.service';
import { Place, PlaceConnection, PlacePayload } from './place.types';

@Authorized()
@Resolver(() => Place)
export class PlaceResolver {
  constructor(
    private readonly placeService: PlaceService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  @Query(() => Place, { nullable: true, description: '按 ID 查询场所（限我的管辖范围）' })
  place(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Place | null> {
    return loadPlace(this.placeService, context, id);
  }

  @Query(() => PlaceConnection, { description: '我的管辖范围内的场所，按名称排序' })
  places(
    @Arg('filter', () => PlaceFilter, { defaultValue: {} }) filter: PlaceFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<PlaceConnection> {
    return this.placeService.list(callerOf(context), filter, first, after);
  }

  @FieldResolver(() => Place, { nullable: true, description: '上级场所（不在管辖范围内时为空）' })
  parent(@Root() place: Place, @Ctx() context: RequestContext): Promise<Place | null> | null {
    return place.parentId ? loadPlace(this.placeService, context, place.parentId) : null;
  }

  @FieldResolver(() => [Place], { description: '直属下级场所' })
  children(
    @Root() place: Place,
    @Arg('includeInactive', { defaultValue: false, description: '包含已停用的' }) includeInactive: boolean,
    @Ctx() context: RequestContext,
  ): Promise<Place[]> {
    const caller = callerOf(context);
    return context.loaders
      .get(`Place.children:${includeInactive}`, () => this.placeService.createChildrenLoader(caller, includeInactive))
      .load(place.id);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '所属单位' })
  orgUnit(@Root() place: Place, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, place.orgUnitId);
  }

  @Mutation(() => PlacePayload, { description: '登记场所/部位' })
  async createPlace(@Arg('input') input: CreatePlaceInput, @Ctx() context: RequestContext): Promise<PlacePayload> {
    return { place: await this.placeService.create(callerOf(context), input) };
  }

  @Mutation(() => PlacePayload, { description: '修改场所名称、功能、重点部位标记或上级场所' })
  async updatePlace(@Arg('input') input: UpdatePlaceInput, @Ctx() context: RequestContext): Promise<PlacePayload> {
    return { place: await this.placeService.update(callerOf(context), input) };
  }

  @Mutation(() => PlacePayload, { description: '停用场所（拆除、不再使用）；不删除，并移出所在网格' })
  async deactivatePlace(@Arg('input') input: DeactivatePlaceInput, @Ctx() context: RequestContext): Promise<PlacePayload> {
    return { place: await this.placeService.deactivate(callerOf(context), input) };
  }
}

export function loadPlace(places: PlaceService, context: RequestContext, id: string): Promise<Place | null> {
  const caller = callerOf(context);
  return context.loaders.get('Place', () => places.createLoader(caller)).load(id);
}
