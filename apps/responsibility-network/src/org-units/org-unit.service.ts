import { ADMIN_ROLES, Viewer } from '@campus/auth';
import { childPath, isDuplicateKey, newId, orgScopeCondition, rowsByIds, subtreeCondition } from '@campus/database';
import { BadUserInputError, ConflictError, ConnectionShape, decodeCursor, ForbiddenError, NotFoundError, toConnection } from '@campus/graphql';
import { OrgUnitMoved, OrgUnitRenamed, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { mayContain, ORG_UNIT_KIND_LABELS, OrgUnitKind } from './org-unit-kind';
import { OrgUnitEntity } from './org-unit.entity';
import { orgTreeKey, recordOrgUnitCreated } from './org-unit.events';
import { CreateOrgUnitInput, MoveOrgUnitInput, OrgUnitFilter, RenameOrgUnitInput } from './org-unit.inputs';
import { OrgUnit, toOrgUnit } from './org-unit.types';

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
  createLoader(viewer: Viewer): DataLoader<string, OrgUnit | null> {
    return new DataLoader((ids) => {
      const scope = orgScopeCondition('u.path', viewer.scopePaths);
      return rowsByIds(this.repository.createQueryBuilder('u').where(scope.sql, scope.params), 'u', ids, toOrgUnit);
    });
  }

  /** Children of many units in one statement. */
  createChildrenLoader(viewer: Viewer): DataLoader<string, OrgUnit[]> {
    return new DataLoader(async (parentIds) => {
      const scope = orgScopeCondition('u.path', viewer.scopePaths);
      const rows = await this.repository
        .createQueryBuilder('u')
        .where('u.parent_id IN (:...parentIds)', { parentIds })
        .andWhere(scope.sql, scope.params)
        .orderBy('u.code')
        .getMany();
      return parentIds.map((parentId) => rows.filter((row) => row.parentId === parentId).map(toOrgUnit));
    });
  }

  async getVisible(viewer: Viewer, id: string, manager: EntityManager = this.dataSource.manager): Promise<OrgUnitEntity> {
    const unit = await manager.findOneBy(OrgUnitEntity, { id });
    if (!unit || !viewer.covers(unit.path)) throw new NotFoundError('单位', id);
    return unit;
  }

  async list(viewer: Viewer, filter: OrgUnitFilter, first: number, after?: string | null): Promise<ConnectionShape<OrgUnit>> {
    const query = this.repository.createQueryBuilder('u');
    const scope = orgScopeCondition('u.path', viewer.scopePaths);
    query.where(scope.sql, scope.params);
    if (filter.rootId) {
      const root = await this.getVisible(viewer, filter.rootId);
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

  async create(viewer: Viewer, input: CreateOrgUnitInput): Promise<OrgUnit> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const parent = await this.lockVisible(viewer, input.parentId, manager);
      this.requireAdminAt(viewer, parent.path);
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
    });
  }

  async rename(viewer: Viewer, input: RenameOrgUnitInput): Promise<OrgUnit> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const unit = await this.lockVisible(viewer, input.id, manager);
      this.requireAdminAt(viewer, unit.path);
      this.requireVersion(unit, input.version);
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
  async move(viewer: Viewer, input: MoveOrgUnitInput): Promise<OrgUnit> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const unit = await this.lockVisible(viewer, input.id, manager);
      const newParent = await this.lockVisible(viewer, input.newParentId, manager);
      this.requireAdminAt(viewer, unit.path);
      this.requireAdminAt(viewer, newParent.path);
      this.requireVersion(unit, input.version);
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
      await recordEvent(manager, OrgUnitMoved, orgTreeKey(oldPath), { id: unit.id, parentId: newParent.id, oldPath, newPath });
      return toOrgUnit(unit);
    });
  }

  private async lockVisible(viewer: Viewer, id: string, manager: EntityManager): Promise<OrgUnitEntity> {
    const unit = await manager.findOne(OrgUnitEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!unit || !viewer.covers(unit.path)) throw new NotFoundError('单位', id);
    return unit;
  }

  private requireAdminAt(viewer: Viewer, path: string): void {
    if (!viewer.hasRoleAt(ADMIN_ROLES, path)) throw new ForbiddenError('只有教育局或学校安全保卫处可以调整组织架构');
  }

  private requireKindUnder(parentKind: OrgUnitKind, kind: OrgUnitKind): void {
    if (!mayContain(parentKind, kind)) {
      throw new BadUserInputError([
        { field: 'kind', message: `${ORG_UNIT_KIND_LABELS[parentKind]}下不能设立${ORG_UNIT_KIND_LABELS[kind]}` },
      ]);
    }
  }

  private requireVersion(unit: OrgUnitEntity, version: number): void {
    if (unit.version !== version) {
      throw new ConflictError('STALE_VERSION', '单位已被他人修改，请刷新后重试', { id: unit.id, currentVersion: unit.version });
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
