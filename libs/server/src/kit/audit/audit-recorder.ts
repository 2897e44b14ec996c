import {
  DataSource,
  DeleteResult,
  EntityManager,
  EntityMetadata,
  EntitySubscriberInterface,
  EntityTarget,
  FindOptionsWhere,
  InsertEvent,
  ObjectLiteral,
  QueryRunner,
  RemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
  UpdateEvent,
  UpdateResult,
} from 'typeorm';
import { currentAuditActor } from './audit-context';
import { AuditAction, diffColumns, FieldChange, isAuditedTable, objectIdOf, objectTypeOf, parentOf } from './audit-diff';

/** One row of audit_log, before it is written. */
export interface AuditRow {
  at: Date;
  accountId: string | null;
  personId: string | null;
  operation: string | null;
  requestId: string | null;
  objectType: string;
  objectId: string;
  parentType: string | null;
  parentId: string | null;
  table: string;
  action: AuditAction;
  changes: FieldChange[];
}

/** Rows per INSERT statement when a transaction's entries are written (a bulk import is a few statements). */
const ROWS_PER_STATEMENT = 500;
const AUDIT_MIGRATION = 'AuditLog1765000001300';

/** A row's columns by database name (a related entity as its referenced id). */
export function columnsOf(metadata: EntityMetadata, entity: ObjectLiteral | undefined | null): Record<string, unknown> | null {
  if (!entity) return null;
  const columns: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    let value = column.getEntityValue(entity);
    if (value !== undefined && value !== null && typeof value === 'object' && !(value instanceof Date) && column.referencedColumn) {
      value = column.referencedColumn.getEntityValue(value);
    }
    if (value !== undefined) columns[column.databaseName] = value;
  }
  return columns;
}

/** The audit row of one change of a row of `metadata`; null for an excluded table or a change of nothing. */
export function auditRowOf(
  metadata: EntityMetadata,
  action: AuditAction,
  before: ObjectLiteral | null | undefined,
  after: ObjectLiteral | null | undefined,
): AuditRow | null {
  if (!isAuditedTable(metadata.tableName)) return null;
  const primary = metadata.getEntityIdMap(after ?? before ?? undefined);
  if (!primary) return null;
  const [was, is] = [columnsOf(metadata, before), columnsOf(metadata, after)];
  const changes = diffColumns(was, is);
  if (action === 'update' && !changes.length) return null;
  const parent = parentOf(metadata.tableName, is ?? was);
  const actor = currentAuditActor();
  return {
    at: new Date(),
    accountId: actor?.accountId ?? null,
    personId: actor?.personId ?? null,
    operation: actor?.operation ?? null,
    requestId: actor?.requestId ?? null,
    objectType: objectTypeOf(metadata.targetName),
    objectId: objectIdOf(primary),
    parentType: parent?.type ?? null,
    parentId: parent?.id ?? null,
    table: metadata.tableName,
    action,
    changes,
  };
}

/** Writes audit rows through the given runner or manager (in its transaction, if any), a few statements for many rows. */
export async function writeAuditRows(runner: { query(sql: string, params?: unknown[]): Promise<unknown> }, rows: readonly AuditRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params = chunk.flatMap((row) => [
      row.at,
      row.accountId,
      row.personId,
      row.operation,
      row.requestId,
      row.objectType,
      row.objectId,
      row.parentType,
      row.parentId,
      row.table,
      row.action,
      JSON.stringify(row.changes),
    ]);
    await runner.query(
      `INSERT INTO audit_log (at, account_id, person_id, operation, request_id, object_type, object_id, parent_type, parent_id, table_name, action, changes)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params,
    );
  }
}

/**
 * Records every insert, update and remove TypeORM sees (save, insert, remove, their query builders with
 * entities) of every audited table, in the transaction of the change: the rows wait on the query runner
 * and are written just before it commits (or released savepoint), or dropped when it rolls back. A write
 * outside a transaction is recorded at once. UpdateEvent.databaseEntity (what `save` of a loaded entity
 * gives) is the before; a query-builder update or delete carries no row, see auditedUpdate/auditedDelete.
 */
export class AuditSubscriber implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, AuditRow[]>();

  afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    return this.capture(event.queryRunner, event.manager, auditRowOf(event.metadata, 'create', null, event.entity));
  }

  afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!event.entity || !event.databaseEntity) return Promise.resolve();
    const after = { ...event.databaseEntity, ...event.entity };
    return this.capture(event.queryRunner, event.manager, auditRowOf(event.metadata, 'update', event.databaseEntity, after));
  }

  afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const before = event.databaseEntity ?? (event.entity ? { ...event.entity, ...(event.entityId ?? {}) } : null);
    return this.capture(event.queryRunner, event.manager, auditRowOf(event.metadata, 'delete', before, null));
  }

  /** A savepoint starts: what is pending belongs to the outer transaction and is written now. */
  beforeTransactionStart(event: TransactionStartEvent): Promise<void> {
    return this.flush(event.queryRunner);
  }

  beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    return this.flush(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }

  /** Explicitly recorded changes (writes the subscriber cannot see), in the manager's transaction. */
  record(manager: EntityManager, rows: readonly (AuditRow | null)[]): Promise<void> {
    const kept = rows.filter((row): row is AuditRow => row !== null);
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      this.queue(runner, kept);
      return Promise.resolve();
    }
    return writeAuditRows(manager, kept);
  }

  private capture(runner: QueryRunner, manager: EntityManager, row: AuditRow | null): Promise<void> {
    if (!row) return Promise.resolve();
    if (runner.isTransactionActive) {
      this.queue(runner, [row]);
      return Promise.resolve();
    }
    return writeAuditRows(manager, [row]);
  }

  private queue(runner: QueryRunner, rows: readonly AuditRow[]): void {
    const list = this.pending.get(runner) ?? [];
    list.push(...rows);
    this.pending.set(runner, list);
  }

  private async flush(runner: QueryRunner): Promise<void> {
    const rows = this.pending.get(runner);
    if (!rows?.length) return;
    this.pending.delete(runner);
    await writeAuditRows(runner, rows);
  }
}

const subscribers = new WeakMap<DataSource, AuditSubscriber>();

/**
 * Records the data source's writes in its audit_log, once per data source; a database without the kit's
 * audit migration (a test of some tables alone) is left alone.
 */
export function recordAuditTrail(dataSource: DataSource): void {
  if (subscribers.has(dataSource) || !dataSource.isInitialized) return;
  if (!dataSource.migrations.some((migration) => migration.name === AUDIT_MIGRATION || migration.constructor.name === AUDIT_MIGRATION)) return;
  const subscriber = new AuditSubscriber();
  subscribers.set(dataSource, subscriber);
  (dataSource.subscribers as EntitySubscriberInterface[]).push(subscriber);
}

function subscriberOf(manager: EntityManager): AuditSubscriber | undefined {
  return subscribers.get(manager.connection);
}

/**
 * A delete by criteria that the trail sees: the rows are read first, deleted as `manager.delete` would, and
 * each recorded with its values before. For child rows an aggregate replaces (members, slots, indicators).
 */
export async function auditedDelete<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, where: FindOptionsWhere<E>): Promise<DeleteResult> {
  const subscriber = subscriberOf(manager);
  const metadata = manager.connection.getMetadata(target);
  const before = subscriber && isAuditedTable(metadata.tableName) ? await manager.find(target, { where }) : [];
  const result = await manager.delete(target, where);
  await subscriber?.record(manager, before.map((row) => auditRowOf(metadata, 'delete', row, null)));
  return result;
}

/** An update by criteria that the trail sees: the rows before and after are read around `manager.update`. */
export async function auditedUpdate<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  where: FindOptionsWhere<E>,
  values: Parameters<EntityManager['update']>[2],
): Promise<UpdateResult> {
  const subscriber = subscriberOf(manager);
  const metadata = manager.connection.getMetadata(target);
  if (!subscriber || !isAuditedTable(metadata.tableName)) return manager.update(target, where, values);
  const before = await manager.find(target, { where });
  const result = await manager.update(target, where, values);
  if (!before.length) return result;
  const after = await manager.find(target, { where: before.map((row) => metadata.getEntityIdMap(row)) as FindOptionsWhere<E>[] });
  const afterById = new Map(after.map((row) => [objectIdOf(metadata.getEntityIdMap(row) ?? {}), row]));
  await subscriber.record(
    manager,
    before.map((row) => auditRowOf(metadata, 'update', row, afterById.get(objectIdOf(metadata.getEntityIdMap(row) ?? {})) ?? null)),
  );
  return result;
}
