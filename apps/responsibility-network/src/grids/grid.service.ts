import { clientRequest, oncePerRequest } from '@campus/server';
import { isDuplicateKey, newId, rowsByIds, subtreeCondition } from '@campus/database';
import { BadUserInputError, Caller, ConflictError, ConnectionShape, decodeCursor, NotFoundError, toConnection } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrgUnitService } from '../org-units/org-unit.service';
import { PLACE_ACCESS } from '../places/place.access';
import { PlaceEntity } from '../places/place.entity';
import { levelUnder, MAX_GRID_LEVEL } from './grid-level';
import { GRID_ACCESS } from './grid.access';
import { GridEntity } from './grid.entity';
import { CreateGridInput, GridFilter, RenameGridInput, SetGridPlacesInput } from './grid.inputs';
import { Grid, toGrid } from './grid.types';

export class GridService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnitService,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(GridEntity);
  }

  /** One statement for all grids asked for in a request, limited to the caller's scope. */
  createLoader(caller: Caller): DataLoader<string, Grid | null> {
    return new DataLoader((ids) => rowsByIds(this.scopedQuery(caller), 'g', ids, toGrid));
  }

  createChildrenLoader(caller: Caller): DataLoader<string, Grid[]> {
    return new DataLoader(async (parentIds) => {
      const rows = await this.scopedQuery(caller)
        .andWhere('g.parent_id IN (:...parentIds)', { parentIds })
        .orderBy('g.name', 'ASC')
        .addOrderBy('g.id', 'ASC')
        .getMany();
      return parentIds.map((parentId) => rows.filter((row) => row.parentId === parentId).map(toGrid));
    });
  }

  async list(caller: Caller, filter: GridFilter, first: number, after?: string | null): Promise<ConnectionShape<Grid>> {
    const query = this.scopedQuery(caller);
    if (filter.orgUnitId) {
      const unit = await this.orgUnits.getVisible(caller, filter.orgUnitId);
      if (filter.includeSubtree) {
        const subtree = subtreeCondition('g.org_path', unit.path, 'unitPath');
        query.andWhere(subtree.sql, subtree.params);
      } else {
        query.andWhere('g.org_unit_id = :unitId', { unitId: unit.id });
      }
    }
    if (filter.level) query.andWhere('g.level = :level', { level: filter.level });
    const totalCount = await query.getCount();
    const cursor = decodeCursor(after, 3);
    if (cursor) {
      query.andWhere('(g.level > :level0 OR (g.level = :level0 AND (g.name > :name0 OR (g.name = :name0 AND g.id > :id0))))', {
        level0: cursor[0],
        name0: cursor[1],
        id0: cursor[2],
      });
    }
    const rows = await query.orderBy('g.level', 'ASC').addOrderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => [row.level, row.name, row.id], toGrid);
  }

  async create(caller: Caller, input: CreateGridInput): Promise<Grid> {
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createGrid', input), async (manager) => {
      const unit = await this.orgUnits.getVisible(caller, input.orgUnitId, manager);
      GRID_ACCESS.checkRole(caller, 'create', unit.path);
      const parent = input.parentId ? await this.parentGrid(manager, caller, input.parentId) : null;
      if (parent && !unit.path.startsWith(parent.orgPath)) {
        throw new BadUserInputError([{ field: 'parentId', message: '上级网格须属于本单位或上级单位' }]);
      }
      const level = levelUnder(parent?.level ?? null);
      if (level === null) {
        throw new BadUserInputError([{ field: 'parentId', message: `网格最多 ${MAX_GRID_LEVEL} 级，不能在${MAX_GRID_LEVEL}级网格下再设网格` }]);
      }
      const grid = manager.create(GridEntity, {
        id: newId(),
        orgUnitId: unit.id,
        orgPath: unit.path,
        name: input.name,
        level,
        parentId: parent?.id ?? null,
      });
      await saveUnique(manager, grid);
      return toGrid(grid);
    }));
    return outcome.created ?? toGrid(await this.dataSource.manager.findOneByOrFail(GridEntity, { id: outcome.id }));
  }

  async rename(caller: Caller, input: RenameGridInput): Promise<Grid> {
    return this.dataSource.transaction(async (manager) => {
      const grid = await GRID_ACCESS.lock(manager, caller, 'rename', input);
      grid.name = input.name;
      await saveUnique(manager, grid);
      return toGrid(grid);
    });
  }

  /**
   * Replaces the places a grid covers. A place belongs to at most one grid and must lie in the grid's
   * unit subtree; the refused places are named, and nothing changes.
   */
  async setPlaces(caller: Caller, input: SetGridPlacesInput): Promise<Grid> {
    return this.dataSource.transaction(async (manager) => {
      const grid = await GRID_ACCESS.lock(manager, caller, 'setPlaces', { id: input.gridId });
      const placeIds = [...new Set(input.placeIds)];
      const places = placeIds.length
        ? await manager.find(PlaceEntity, { where: { id: In(placeIds) }, lock: { mode: 'pessimistic_write' } })
        : [];
      for (const id of placeIds) PLACE_ACCESS.guard(caller, 'view', id, places.find((place) => place.id === id));
      await this.refuseUnfitPlaces(manager, grid, places);
      await manager
        .createQueryBuilder()
        .update(PlaceEntity)
        .set({ gridId: null })
        .where('grid_id = :gridId', { gridId: grid.id })
        .andWhere(placeIds.length ? 'id NOT IN (:...placeIds)' : '1 = 1', { placeIds })
        .execute();
      if (placeIds.length) {
        await manager
          .createQueryBuilder()
          .update(PlaceEntity)
          .set({ gridId: grid.id })
          .where('id IN (:...placeIds)', { placeIds })
          .andWhere('(grid_id IS NULL OR grid_id <> :gridId)', { gridId: grid.id })
          .execute();
      }
      return toGrid(grid);
    });
  }

  /** The parent named for a new grid: NOT_FOUND (as 上级网格) unless the caller sees it. */
  private async parentGrid(manager: EntityManager, caller: Caller, id: string): Promise<GridEntity> {
    const grid = await manager.findOneBy(GridEntity, { id });
    if (!grid || !GRID_ACCESS.allows(caller, 'view', grid.orgPath)) throw new NotFoundError('上级网格', id);
    return grid;
  }

  private scopedQuery(caller: Caller) {
    const scope = GRID_ACCESS.where(caller, 'view', 'g.org_path');
    return this.repository.createQueryBuilder('g').where(scope.sql, scope.params);
  }

  private async refuseUnfitPlaces(manager: EntityManager, grid: GridEntity, places: PlaceEntity[]): Promise<void> {
    const outside = places.filter((place) => !place.orgPath.startsWith(grid.orgPath));
    const inactive = places.filter((place) => !place.active);
    const taken = places.filter((place) => place.gridId !== null && place.gridId !== grid.id);
    if (!outside.length && !inactive.length && !taken.length) return;
    const otherGrids = taken.length ? await manager.findBy(GridEntity, { id: In(taken.map((place) => place.gridId)) }) : [];
    const gridName = (id: string | null) => otherGrids.find((other) => other.id === id)?.name ?? id;
    const problems = [
      ...outside.map((place) => `「${place.name}」不属于网格所属单位`),
      ...inactive.map((place) => `「${place.name}」已停用`),
      ...taken.map((place) => `「${place.name}」已属于网格「${gridName(place.gridId)}」`),
    ];
    throw new ConflictError('OUTSIDE_RANGE', `以下场所不能划入本网格：${problems.join('；')}`, {
      outsideUnit: outside.map((place) => place.id),
      inactive: inactive.map((place) => place.id),
      coveredByOtherGrid: taken.map((place) => ({ placeId: place.id, gridId: place.gridId })),
    });
  }
}

async function saveUnique(manager: EntityManager, grid: GridEntity): Promise<void> {
  try {
    await manager.save(grid);
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', `本单位已有同名网格：${grid.name}`, { gridName: grid.name });
    throw error;
  }
}
