import { clientRequest, oncePerRequest } from '@campus/server';
import { childPath, isDuplicateKey, newId, rowsByIds, subtreeCondition } from '@campus/database';
import { BadUserInputError, Caller, ConflictError, ConnectionShape, decodeCursor, toConnection } from '@campus/graphql';
import { OrgUnitMoved, OrgUnitRenamed, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { createFirstResponsiblePersonLoader } from './first-responsible-person';
import { ORG_UNIT_ACCESS } from './org-unit.access';
import { mayContain, ORG_UNIT_KIND_LABELS, OrgUnitKind } from './org-unit-kind';
import { OrgUnitEntity } from './org-unit.entity';
import { orgTreeKey, recordOrgUnitCreated } from './org-unit.events';
import { CreateOrgUnitInput, MoveOrgUnitInput, OrgUnitFilter, RenameOrgUnitInput } from './org-unit.inputs';
import { OrgUnit, toOrgUnit } from './org-unit.types';
import { syncMembershipUnder } from '../membership-rules/membership-sync';

export class OrgUnitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    /** Every other column holding a materialised path: it follows a moved unit in the same transaction. */
    private readonly orgPathColumns: readonly { table: string; column: string }[] = [{ table: 'person', column: 'org_path' }],
  ) {}

  private get repository() {
    return this.dataSource.getRepository(OrgUnitEntity);
  }

  /** One statement for all ids asked in a request, limited to the viewer's scope. */
  createLoader(caller: Caller): DataLoader<string, OrgUnit | null> {
    return new DataLoader((ids) => {
      const scope = ORG_UNIT_ACCESS.where(caller, 'view', 'u.path');
      return rowsByIds(this.repository.createQueryBuilder('u').where(scope.sql, scope.params), 'u', ids, toOrgUnit);
    });
  }

  /** Children of many units in one statement. */
  createChildrenLoader(caller: Caller): DataLoader<string, OrgUnit[]> {
    return new DataLoader(async (parentIds) => {
      const scope = ORG_UNIT_ACCESS.where(caller, 'view', 'u.path');
      const rows = await this.repository
        .createQueryBuilder('u')
        .where('u.parent_id IN (:...parentIds)', { parentIds })
        .andWhere(scope.sql, scope.params)
        .orderBy('u.code')
        .getMany();
      return parentIds.map((parentId) => rows.filter((row) => row.parentId === parentId).map(toOrgUnit));
    });
  }

  /** Each unit's first responsible person (person id), for all units of a request in one statement. */
  createFirstResponsiblePersonLoader(): DataLoader<string, string | null> {
    return createFirstResponsiblePersonLoader(this.dataSource.manager);
  }

  /** A unit the caller may see, or NOT_FOUND: other areas check the unit they create in with it. */
  getVisible(caller: Caller, id: string, manager: EntityManager = this.dataSource.manager): Promise<OrgUnitEntity> {
    return ORG_UNIT_ACCESS.find(manager, caller, 'view', id);
  }

  async list(caller: Caller, filter: OrgUnitFilter, first: number, after?: string | null): Promise<ConnectionShape<OrgUnit>> {
    const query = this.repository.createQueryBuilder('u');
    const scope = ORG_UNIT_ACCESS.where(caller, 'view', 'u.path');
    query.where(scope.sql, scope.params);
    if (filter.rootId) {
      const root = await this.getVisible(caller, filter.rootId);
      const subtree = subtreeCondition('u.path', root.path, 'root');
      query.andWhere(subtree.sql, subtree.params);
    }
    if (filter.kind) query.andWhere('u.kind = :kind', { kind: filter.kind });
    const totalCount = await query.getCount();
    const cursor = decodeCursor(after, 2);
    if (cursor) {
      query.andWhere('(u.depth > :depth OR (u.depth = :depth AND u.code > :code))', { depth: cursor[0], code: cursor[1] });
    }
    const rows = await query.orderBy('u.depth', 'ASC').addOrderBy('u.code', 'ASC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => [row.depth, row.code], toOrgUnit);
  }

  async create(caller: Caller, input: CreateOrgUnitInput): Promise<OrgUnit> {
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'createOrgUnit', input), async (manager) => {
      const parent = await ORG_UNIT_ACCESS.lock(manager, caller, 'create', { id: input.parentId });
      this.requireKindUnder(parent.kind, input.kind);
      const id = newId();
      const unit = manager.create(OrgUnitEntity, {
        id,
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent.id,
        path: childPath(parent.path, id),
        depth: parent.depth + 1,
      });
      await this.saveUnique(manager, unit);
      await recordOrgUnitCreated(manager, unit);
      return toOrgUnit(unit);
    }));
    return outcome.created ?? toOrgUnit(await this.dataSource.manager.findOneByOrFail(OrgUnitEntity, { id: outcome.id }));
  }

  async rename(caller: Caller, input: RenameOrgUnitInput): Promise<OrgUnit> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const unit = await ORG_UNIT_ACCESS.lock(manager, caller, 'rename', input);
      unit.name = input.name;
      await manager.save(unit);
      await recordEvent(manager, OrgUnitRenamed, orgTreeKey(unit.path), { id: unit.id, name: unit.name, path: unit.path });
      return toOrgUnit(unit);
    });
  }

  /**
   * Moves a unit with its whole subtree under a new parent. Paths of descendants and of the people in
   * them are rewritten in the same transaction.
   */
  async move(caller: Caller, input: MoveOrgUnitInput): Promise<OrgUnit> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      // Both units must be in scope before either's role is judged, and the version after that.
      const unit = await ORG_UNIT_ACCESS.lock(manager, caller, 'view', { id: input.id });
      const newParent = await ORG_UNIT_ACCESS.lock(manager, caller, 'view', { id: input.newParentId });
      ORG_UNIT_ACCESS.checkRole(caller, 'move', unit.path);
      ORG_UNIT_ACCESS.checkRole(caller, 'move', newParent.path);
      ORG_UNIT_ACCESS.checkVersion(unit, input);
      if (newParent.path.startsWith(unit.path)) {
        throw new ConflictError('MOVE_CYCLE', '不能把单位移动到它自己或它的下级单位之下', { id: unit.id, newParentId: newParent.id });
      }
      this.requireKindUnder(newParent.kind, unit.kind);
      const oldPath = unit.path;
      const newPath = childPath(newParent.path, unit.id);
      const depthShift = newParent.depth + 1 - unit.depth;
      await manager.query(
        'UPDATE org_unit SET path = CONCAT(?, SUBSTRING(path, ?)), depth = depth + ? WHERE path LIKE ? AND id <> ?',
        [newPath, oldPath.length + 1, depthShift, `${oldPath}%`, unit.id],
      );
      for (const { table, column } of this.orgPathColumns) {
        await manager.query(`UPDATE ${table} SET ${column} = CONCAT(?, SUBSTRING(${column}, ?)) WHERE ${column} LIKE ?`, [
          newPath,
          oldPath.length + 1,
          `${oldPath}%`,
        ]);
      }
      unit.parentId = newParent.id;
      unit.path = newPath;
      unit.depth += depthShift;
      await manager.save(unit);
      await syncMembershipUnder(manager, newPath);
      await recordEvent(manager, OrgUnitMoved, orgTreeKey(oldPath), { id: unit.id, parentId: newParent.id, oldPath, newPath });
      return toOrgUnit(unit);
    });
  }

  private requireKindUnder(parentKind: OrgUnitKind, kind: OrgUnitKind): void {
    if (!mayContain(parentKind, kind)) {
      throw new BadUserInputError([
        { field: 'kind', message: `${ORG_UNIT_KIND_LABELS[parentKind]}下不能设立${ORG_UNIT_KIND_LABELS[kind]}` },
      ]);
    }
  }

  private async saveUnique(manager: EntityManager, unit: OrgUnitEntity): Promise<void> {
    try {
      await manager.save(unit);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', `单位代码已存在：${unit.code}`, { unitCode: unit.code });
      throw error;
    }
  }
}
