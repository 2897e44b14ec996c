import { Viewer } from '@campus/auth';
import { isDuplicateKey, newId, orgScopeCondition, rowsByIds, subtreeCondition } from '@campus/database';
import { BadUserInputError, ConflictError, ConnectionShape, decodeCursor, NotFoundError, toConnection } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrgUnitService } from '../org-units/org-unit.service';
import { PlaceEntity } from '../places/place.entity';
import { requirePlaceWriter } from '../places/place.service';
import { levelUnder, MAX_GRID_LEVEL } from './grid-level';
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

  /** One statement for all grids asked for in a request, limited to the viewer's scope. */
  createLoader(viewer: Viewer): DataLoader<string, Grid | null> {
    return new DataLoader((ids) => rowsByIds(this.scopedQuery(viewer), 'g', ids, toGrid));
  }

  createChildrenLoader(viewer: Viewer): DataLoader<string, Grid[]> {
    return new DataLoader(async (parentIds) => {
      const rows = await this.scopedQuery(viewer)
        .andWhere('g.parent_id IN (:...parentIds)', { parentIds })
        .orderBy('g.name', 'ASC')
        .addOrderBy('g.id', 'ASC')
        .getMany();
      return parentIds.map((parentId) => rows.filter((row) => row.parentId === parentId).map(toGrid));
    });
  }

  async list(viewer: Viewer, filter: GridFilter, first: number, after?: string | null): Promise<ConnectionShape<Grid>> {
    const query = this.scopedQuery(viewer);
    if (filter.orgUnitId) {
      const unit = await this.orgUnits.getVisible(viewer, filter.orgUnitId);
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

  async create(viewer: Viewer, input: CreateGridInput): Promise<Grid> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.orgUnits.getVisible(viewer, input.orgUnitId, manager);
      requirePlaceWriter(viewer, unit.path);
      const parent = input.parentId ? await this.visibleGrid(viewer, manager, input.parentId, '上级网格') : null;
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
    });
  }

  async rename(viewer: Viewer, input: RenameGridInput): Promise<Grid> {
    return this.dataSource.transaction(async (manager) => {
      const grid = await this.lockForWrite(viewer, manager, input.id);
      if (grid.version !== input.version) {
        throw new ConflictError('STALE_VERSION', '网格信息已被他人修改，请刷新后重试', { id: grid.id, currentVersion: grid.version });
      }
      grid.name = input.name;
      await saveUnique(manager, grid);
      return toGrid(grid);
    });
  }

  /**
   * Replaces the places a grid covers. A place belongs to at most one grid and must lie in the grid's
   * unit subtree; the refused places are named, and nothing changes.
   */
  async setPlaces(viewer: Viewer, input: SetGridPlacesInput): Promise<Grid> {
    return this.dataSource.transaction(async (manager) => {
      const grid = await this.lockForWrite(viewer, manager, input.gridId);
      const placeIds = [...new Set(input.placeIds)];
      const places = placeIds.length
        ? await manager.find(PlaceEntity, { where: { id: In(placeIds) }, lock: { mode: 'pessimistic_write' } })
        : [];
      const missing = placeIds.find((id) => !places.some((place) => place.id === id && viewer.covers(place.orgPath)));
      if (missing) throw new NotFoundError('场所', missing);
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

  /** The grid locked for a change by someone who maintains its unit. */
  async lockForWrite(viewer: Viewer, manager: EntityManager, id: string): Promise<GridEntity> {
    const grid = await manager.findOne(GridEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!grid || !viewer.covers(grid.orgPath)) throw new NotFoundError('网格', id);
    requirePlaceWriter(viewer, grid.orgPath);
    return grid;
  }

  async visibleGrid(viewer: Viewer, manager: EntityManager, id: string, what = '网格'): Promise<GridEntity> {
    const grid = await manager.findOneBy(GridEntity, { id });
    if (!grid || !viewer.covers(grid.orgPath)) throw new NotFoundError(what, id);
    return grid;
  }

  private scopedQuery(viewer: Viewer) {
    const scope = orgScopeCondition('g.org_path', viewer.scopePaths);
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
