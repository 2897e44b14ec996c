import { newId, rowsByIds, subtreeCondition } from '@campus/database';
import { BadUserInputError, Caller, ConflictError, ConnectionShape, decodeCursor, NotFoundError, toConnection, VersionedInput } from '@campus/graphql';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnitService } from '../org-units/org-unit.service';
import { mayPlaceUnder, placementProblem, PlaceKind } from './place-kind';
import { PLACE_ACCESS, PLACE_TRANSITIONS, PlaceAction, PlaceState, placeState } from './place.access';
import { PlaceEntity } from './place.entity';
import { recordPlaceChanged } from './place.events';
import { CreatePlaceInput, PlaceFilter, UpdatePlaceInput } from './place.inputs';
import { Place, toPlace } from './place.types';

export class PlaceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly orgUnits: OrgUnitService,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(PlaceEntity);
  }

  /** One statement for all places asked for in a request (by id), limited to the caller's scope. */
  createLoader(caller: Caller): DataLoader<string, Place | null> {
    return new DataLoader((ids) => rowsByIds(this.scopedQuery(caller), 'p', ids, toPlace));
  }

  /** Places directly under many places in one statement. */
  createChildrenLoader(caller: Caller, includeInactive: boolean): DataLoader<string, Place[]> {
    return this.groupedLoader(caller, 'parent_id', (row) => row.parentId, includeInactive);
  }

  /** Active places covered by many grids in one statement. */
  createGridPlacesLoader(caller: Caller): DataLoader<string, Place[]> {
    return this.groupedLoader(caller, 'grid_id', (row) => row.gridId, false);
  }

  async list(caller: Caller, filter: PlaceFilter, first: number, after?: string | null): Promise<ConnectionShape<Place>> {
    const query = this.scopedQuery(caller);
    if (filter.orgUnitId) {
      const unit = await this.orgUnits.getVisible(caller, filter.orgUnitId);
      if (filter.includeSubtree) {
        const subtree = subtreeCondition('p.org_path', unit.path, 'unitPath');
        query.andWhere(subtree.sql, subtree.params);
      } else {
        query.andWhere('p.org_unit_id = :unitId', { unitId: unit.id });
      }
    }
    if (filter.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.function) query.andWhere('p.place_function = :placeFunction', { placeFunction: filter.function });
    if (isBoolean(filter.keyPlace)) query.andWhere('p.key_place = :keyPlace', { keyPlace: filter.keyPlace });
    if (filter.parentId) query.andWhere('p.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.gridId) query.andWhere('p.grid_id = :gridId', { gridId: filter.gridId });
    if (isBoolean(filter.active)) query.andWhere('p.active = :active', { active: filter.active });
    const totalCount = await query.getCount();
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere('(p.name > :name0 OR (p.name = :name0 AND p.id > :id0))', { name0: cursor[0], id0: cursor[1] });
    const rows = await query.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => [row.name, row.id], toPlace);
  }

  async create(caller: Caller, input: CreatePlaceInput): Promise<Place> {
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'createPlace', input), async (manager) => {
      const unit = await this.orgUnits.getVisible(caller, input.orgUnitId, manager);
      PLACE_ACCESS.checkRole(caller, 'create', unit.path);
      const parent = input.parentId ? await this.parentFor(caller, manager, input.parentId, unit.path) : null;
      requirePlacement(parent, input.kind);
      const place = manager.create(PlaceEntity, {
        id: newId(),
        orgUnitId: unit.id,
        orgPath: unit.path,
        name: input.name,
        kind: input.kind,
        placeFunction: input.function ?? null,
        keyPlace: input.keyPlace,
        parentId: parent?.id ?? null,
        gridId: null,
        active: true,
      });
      await manager.save(place);
      await recordPlaceChanged(manager, place);
      return toPlace(place);
    }));
    return outcome.created ?? toPlace(await this.dataSource.manager.findOneByOrFail(PlaceEntity, { id: outcome.id }));
  }

  async update(caller: Caller, input: UpdatePlaceInput): Promise<Place> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { place } = await this.lockFor(manager, caller, 'EDIT', input);
      if (input.parentId && input.clearParent) {
        throw new BadUserInputError([{ field: 'clearParent', message: '不能同时指定上级场所并移到顶层' }]);
      }
      if (input.parentId || input.clearParent) {
        const parent = input.parentId ? await this.parentFor(caller, manager, input.parentId, place.orgPath) : null;
        if (parent?.id === place.id) throw new BadUserInputError([{ field: 'parentId', message: '上级场所不能是它自己' }]);
        requirePlacement(parent, place.kind);
        place.parentId = parent?.id ?? null;
      }
      if (input.name) place.name = input.name;
      if (input.function) place.placeFunction = input.function;
      if (isBoolean(input.keyPlace)) place.keyPlace = input.keyPlace;
      await manager.save(place);
      await recordPlaceChanged(manager, place);
      return toPlace(place);
    });
  }

  /** A place no longer in use: kept (hazards and inspections point at it), out of its grid. */
  async deactivate(caller: Caller, input: VersionedInput): Promise<Place> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { place, state } = await this.lockFor(manager, caller, 'DEACTIVATE', input);
      const activeChildren = await manager.countBy(PlaceEntity, { parentId: place.id, active: true });
      if (activeChildren > 0) {
        throw new ConflictError('ILLEGAL_TRANSITION', `该场所下还有 ${activeChildren} 个在用的下级场所，请先停用它们`, { id: place.id, activeChildren });
      }
      place.active = state === 'ACTIVE';
      place.gridId = null;
      await manager.save(place);
      await recordPlaceChanged(manager, place);
      return toPlace(place);
    });
  }

  private scopedQuery(caller: Caller) {
    const scope = PLACE_ACCESS.where(caller, 'view', 'p.org_path');
    return this.repository.createQueryBuilder('p').where(scope.sql, scope.params);
  }

  private groupedLoader(
    caller: Caller,
    column: 'parent_id' | 'grid_id',
    keyOf: (row: PlaceEntity) => string | null,
    includeInactive: boolean,
  ): DataLoader<string, Place[]> {
    return new DataLoader(async (keys) => {
      const query = this.scopedQuery(caller).andWhere(`p.${column} IN (:...keys)`, { keys });
      if (!includeInactive) query.andWhere('p.active = 1');
      const rows = await query.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').getMany();
      return keys.map((key) => rows.filter((row) => keyOf(row) === key).map(toPlace));
    });
  }

  /** The place locked for the action (scope, role, version) and the state the table takes it to. */
  private async lockFor(
    manager: EntityManager,
    caller: Caller,
    action: PlaceAction,
    input: VersionedInput,
  ): Promise<{ place: PlaceEntity; state: PlaceState }> {
    const { row: place, next: state } = await lockTransition(PLACE_ACCESS, manager, caller, PLACE_TRANSITIONS, action, input, placeState);
    return { place, state };
  }

  /** The parent must be visible, in use, and lie within the owning unit's subtree. */
  private async parentFor(caller: Caller, manager: EntityManager, parentId: string, unitPath: string): Promise<PlaceEntity> {
    const parent = await manager.findOneBy(PlaceEntity, { id: parentId });
    if (!parent || !PLACE_ACCESS.allows(caller, 'view', parent.orgPath)) throw new NotFoundError('上级场所', parentId);
    if (!parent.orgPath.startsWith(unitPath)) {
      throw new BadUserInputError([{ field: 'parentId', message: '上级场所须属于本单位或其下级单位' }]);
    }
    if (!parent.active) throw new ConflictError('INACTIVE', '上级场所已停用', { parentId });
    return parent;
  }
}

function requirePlacement(parent: PlaceEntity | null, kind: PlaceKind): void {
  const parentKind = parent?.kind ?? null;
  if (!mayPlaceUnder(parentKind, kind)) {
    throw new BadUserInputError([{ field: parent ? 'parentId' : 'kind', message: placementProblem(parentKind, kind) }]);
  }
}

function isBoolean(value: boolean | null | undefined): value is boolean {
  return typeof value === 'boolean';
}
