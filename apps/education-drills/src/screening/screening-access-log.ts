import { subtreeCondition, SqlCondition } from '@campus/database';
import { Caller, ConnectionShape, decodeCursor, orgUnitReference, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { DataSource, EntityManager } from 'typeorm';
import { ScreeningAccessKind } from './screening-enums';
import { SCREENING_ACCESS_LOG_ACCESS } from './screening.access';
import { ScreeningRecordEntity } from './screening.entity';
import { ScreeningAccessLogFilter } from './screening.inputs';
import { ScreeningAccessLogEntry } from './screening.types';

/**
 * Appends one log row per record read, in one statement, before the records leave the service: when it
 * fails the read fails. The table refuses updates and deletes (a trigger), so the log cannot be rewritten.
 */
export async function logScreeningAccess(
  manager: EntityManager,
  caller: Caller,
  records: readonly Pick<ScreeningRecordEntity, 'id' | 'orgUnitId' | 'orgPath'>[],
  kind: ScreeningAccessKind,
  at: Date,
): Promise<void> {
  if (records.length === 0) return;
  const values = records.flatMap((record) => [
    record.id,
    record.orgUnitId,
    record.orgPath,
    caller.viewer.accountId,
    caller.viewer.personId,
    kind,
    caller.requestId.slice(0, 64),
    at,
  ]);
  await manager.query(
    `INSERT INTO screening_access_log (record_id, org_unit_id, org_path, account_id, person_id, access_kind, request_id, accessed_at)
     VALUES ${records.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    values,
  );
}

function toLogEntry(row: Record<string, unknown>): ScreeningAccessLogEntry {
  return {
    id: String(row.id),
    recordId: row.record_id as string,
    orgUnit: orgUnitReference(row.org_unit_id as string),
    accountId: row.account_id as string,
    readerName: (row.reader_name as string | null) ?? null,
    accessKind: row.access_kind as ScreeningAccessKind,
    accessedAt: row.accessed_at as Date,
  };
}

/** Reads the access log: metadata only (who, when, how, which record), never the student. */
export class ScreeningAccessLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async list(caller: Caller, filter: ScreeningAccessLogFilter, first: number, after?: string | null): Promise<ConnectionShape<ScreeningAccessLogEntry>> {
    const conditions: SqlCondition[] = [SCREENING_ACCESS_LOG_ACCESS.where(caller, 'view', 'l.org_path')];
    if (filter.orgUnitId) conditions.push(subtreeCondition('l.org_path', await visibleUnitPath(this.directory, caller, filter.orgUnitId), 'unitPath'));
    if (filter.recordId) conditions.push({ sql: 'l.record_id = :recordId', params: { recordId: filter.recordId } });
    const where = conditions.map((condition) => condition.sql).join(' AND ');
    const params = Object.assign({}, ...conditions.map((condition) => condition.params));
    const [countRow] = await this.query(`SELECT COUNT(*) AS total FROM screening_access_log l WHERE ${where}`, params);
    const cursor = decodeCursor(after, 1);
    const afterId = cursor ? ' AND l.id < :afterId' : '';
    const rows = await this.query(
      `SELECT l.id, l.record_id, l.org_unit_id, l.account_id, l.access_kind, l.accessed_at, p.name AS reader_name
         FROM screening_access_log l LEFT JOIN person_projection p ON p.id = l.person_id
        WHERE ${where}${afterId}
        ORDER BY l.id DESC LIMIT :limit`,
      { ...params, afterId: cursor ? Number(cursor[0]) : 0, limit: first + 1 },
    );
    return toConnection(rows, first, Number(countRow.total), (row) => [Number(row.id)], toLogEntry);
  }

  private query(sql: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params, {});
    return this.dataSource.query(text, values);
  }
}
