import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit } from '../org-units/org-unit.types';
import { PlaceService } from '../places/place.service';
import { Place } from '../places/place.types';
import { GridAssignmentService } from './grid-assignment.service';
import { CreateGridInput, GridFilter, RenameGridInput, SetGridPlacesInput } from './grid.inputs';
import { GridService } from './grid.service';
import { Grid, GridAssignment, GridConnection, GridPayload } from './grid.types';

@Authorized()
@Resolver(() => Grid)
export class GridResolver {
  constructor(
    private readonly gridService: GridService,
    private readonly assignmentService: GridAssignmentService,
    private readonly placeService: PlaceService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  @Query(() => Grid, { nullable: true, description: '按 ID 查询网格（限我的管辖范围）' })
  grid(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Grid | null> {
    return loadGrid(this.gridService, context, id);
  }

  @Query(() => GridConnection, { description: '我的管辖范围内的网格，按级别、名称排序' })
  grids(
    @Arg('filter', () => GridFilter, { defaultValue: {} }) filter: GridFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<GridConnection> {
    return this.gridService.list(callerOf(context), filter, first, after);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '上级网格（不在管辖范围内时为空）' })
  parent(@Root() grid: Grid, @Ctx() context: RequestContext): Promise<Grid | null> | null {
    return grid.parentId ? loadGrid(this.gridService, context, grid.parentId) : null;
  }

  @FieldResolver(() => [Grid], { description: '下级网格' })
  children(@Root() grid: Grid, @Ctx() context: RequestContext): Promise<Grid[]> {
    const caller = callerOf(context);
    return context.loaders.get('Grid.children', () => this.gridService.createChildrenLoader(caller)).load(grid.id);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '所属单位' })
  orgUnit(@Root() grid: Grid, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, grid.orgUnitId);
  }

  @FieldResolver(() => [Place], { description: '网格覆盖的在用场所（分页查询用 places(filter: { gridId })）' })
  places(@Root() grid: Grid, @Ctx() context: RequestContext): Promise<Place[]> {
    const caller = callerOf(context);
    return context.loaders.get('Grid.places', () => this.placeService.createGridPlacesLoader(caller)).load(grid.id);
  }

  @FieldResolver(() => [GridAssignment], { description: '网格任职，按职责与起始日期排序' })
  assignments(
    @Root() grid: Grid,
    @Arg('includeEnded', { defaultValue: false, description: '包含今天以前已结束的任职' }) includeEnded: boolean,
    @Ctx() context: RequestContext,
  ): Promise<GridAssignment[]> {
    const caller = callerOf(context);
    return context.loaders
      .get(`Grid.assignments:${includeEnded}`, () => this.assignmentService.createGridAssignmentsLoader(caller, includeEnded))
      .load(grid.id);
  }

  @Mutation(() => GridPayload, { description: '新建网格；不指定上级网格为一级网格' })
  async createGrid(@Arg('input') input: CreateGridInput, @Ctx() context: RequestContext): Promise<GridPayload> {
    return { grid: await this.gridService.create(callerOf(context), input) };
  }

  @Mutation(() => GridPayload, { description: '网格更名' })
  async renameGrid(@Arg('input') input: RenameGridInput, @Ctx() context: RequestContext): Promise<GridPayload> {
    return { grid: await this.gridService.rename(callerOf(context), input) };
  }

  @Mutation(() => GridPayload, { description: '设定网格覆盖的场所（替换原有范围）；一个场所只能属于一个网格' })
  async setGridPlaces(@Arg('input') input: SetGridPlacesInput, @Ctx() context: RequestContext): Promise<GridPayload> {
    return { grid: await this.gridService.setPlaces(callerOf(context), input) };
  }
}

export function loadGrid(grids: GridService, context: RequestContext, id: string): Promise<Grid | null> {
  const caller = callerOf(context);
  return context.loaders.get('Grid', () => grids.createLoader(caller)).load(id);
}
