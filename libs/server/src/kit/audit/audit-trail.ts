import { Asker } from '../scoped-access';
import { ConnectionArgs, decodeCursor, NotFoundError, toConnection } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { auditAccessOf } from './audit-access';
import { FieldChange, isAuditedTable, objectTypeOf } from './audit-diff';
import { AuditEntry, AuditEntryConnection } from './audit-trail.types';

interface AuditLogRow {
  id: string;
  at: Date;
  accountId: string | null;
  personId: string | null;
  operation: string | null;
  requestId: string | null;
  objectType: string;
  objectId: string;
  action: string;
  changes: string;
}

export interface AuditFilter {
  /** Only entries of these mutations (e.g. updateHazard for a hazard's file). */
  operations?: readonly string[];
}

/** Reads the audit trail of one object (and of the rows it owns), newest first; who may read it is decided by the object's own access. */
export class AuditTrail {
  constructor(private readonly dataSource: DataSource) {}

  /** The trail of an object the viewer may view: NOT_FOUND when it is out of scope, absent, or its type has no access the kit can decide with. */
  async read(asker: Asker, objectType: string, objectId: string, args: ConnectionArgs): Promise<AuditEntryConnection> {
    await this.checkReadable(asker, objectType, objectId);
    return this.page(objectType, objectId, args);
  }

  async checkReadable(asker: Asker, objectType: string, objectId: string): Promise<void> {
    const metadata = this.dataSource.entityMetadatas.find((entity) => objectTypeOf(entity.targetName) === objectType && isAuditedTable(entity.tableName));
    const access = metadata ? auditAccessOf(metadata.target, objectType) : null;
    if (!access) throw new NotFoundError('对象', objectId);
    await access.find(this.dataSource.manager, asker, 'view', objectId);
  }

  /** One page of an object's entries, with no access check: the caller has checked the object. */
  async page(objectType: string, objectId: string, args: ConnectionArgs, filter: AuditFilter = {}): Promise<AuditEntryConnection> {
    const cursor = decodeCursor(args.after, 1);
    const where = this.whereOf(objectType, objectId, filter);
    const keyset = cursor ? { sql: ' AND id < ?', params: [String(cursor[0])] } : { sql: '', params: [] };
    const [rows, [{ total }]]: [AuditLogRow[], { total: string | number }[]] = await Promise.all([
      this.dataSource.query(`${SELECT} WHERE ${where.sql}${keyset.sql} ORDER BY id DESC LIMIT ?`, [...where.params, ...keyset.params, args.first + 1]),
      this.dataSource.query(`SELECT COUNT(*) AS total FROM audit_log WHERE ${where.sql}`, where.params),
    ]);
    return toConnection(rows, args.first, Number(total), (row) => [Number(row.id)], toAuditEntry);
  }

  /** All entries of an object (for a file), oldest first, bounded. */
  async all(objectType: string, objectId: string, filter: AuditFilter = {}, limit = 500): Promise<AuditEntry[]> {
    const where = this.whereOf(objectType, objectId, filter);
    const rows: AuditLogRow[] = await this.dataSource.query(`${SELECT} WHERE ${where.sql} ORDER BY id ASC LIMIT ?`, [...where.params, limit]);
    return rows.map(toAuditEntry);
  }

  private whereOf(objectType: string, objectId: string, filter: AuditFilter): { sql: string; params: unknown[] } {
    const own = '((object_type = ? AND object_id = ?) OR (parent_type = ? AND parent_id = ?))';
    const params: unknown[] = [objectType, objectId, objectType, objectId];
    if (!filter.operations) return { sql: own, params };
    if (!filter.operations.length) return { sql: '1 = 0', params: [] };
    return { sql: `${own} AND operation IN (${filter.operations.map(() => '?').join(', ')})`, params: [...params, ...filter.operations] };
  }
}

const SELECT = `SELECT id, at, account_id AS accountId, person_id AS personId, operation, request_id AS requestId,
  object_type AS objectType, object_id AS objectId, action, changes FROM audit_log`;

function toAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at,
    actorAccountId: row.accountId,
    actorPersonId: row.personId,
    operation: row.operation,
    requestId: row.requestId,
    objectType: row.objectType,
    objectId: row.objectId,
    action: row.action,
    changes: JSON.parse(row.changes) as FieldChange[],
  };
}
