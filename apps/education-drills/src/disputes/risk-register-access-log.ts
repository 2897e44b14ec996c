import { subtreeCondition, SqlCondition } from '@campus/database';
import { Caller, ConnectionShape, ConnectionType, decodeCursor, OrgUnitReference, orgUnitReference, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { scopedAccess } from '@campus/server';
import { IsOptional } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DataSource, EntityManager } from 'typeorm';
import { RiskRegister, RiskRegisterAccessKind } from './dispute-enums';
import { RISK_REGISTER_ACCESS_LOG_POLICY } from './dispute.access';
import { DisputeEntity } from './dispute.entity';

/** Scopes the log by the logged record's unit (the entity is only the policy's anchor; the log is read in SQL). */
const RISK_REGISTER_ACCESS_LOG_ACCESS = scopedAccess(RISK_REGISTER_ACCESS_LOG_POLICY, DisputeEntity);

/** What a logged record is: its id and where it is. */
export type LoggedRecord = { id: string; orgUnitId: string; orgPath: string };

/**
 * Appends one log row per record read, in one statement, before the records leave the service: when it fails
 * the read fails. The table refuses updates and deletes (a trigger), so the log cannot be rewritten.
 */
export async function logRiskRegisterAccess(
  manager: EntityManager,
  caller: Caller,
  register: RiskRegister,
  records: readonly LoggedRecord[],
  kind: RiskRegisterAccessKind,
  at: Date,
): Promise<void> {
  if (records.length === 0) return;
  const values = records.flatMap((record) => [
    register,
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
    `INSERT INTO risk_register_access_log (register, record_id, org_unit_id, org_path, account_id, person_id, access_kind, request_id, accessed_at)
     VALUES ${records.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    values,
  );
}

@ObjectType('RiskRegisterAccessLogEntry', { description: '重点人员台账记录的一次访问（谁、何时、以何种方式、哪条记录；不含当事人姓名）' })
export class RiskRegisterAccessLogEntry {
  @Field(() => ID)
  id: string;

  @Field(() => RiskRegister, { description: '哪个台账' })
  register: RiskRegister;

  @Field(() => ID, { description: '被访问的记录（纠纷或重点关注学生）' })
  recordId: string;

  @Field(() => OrgUnitReference, { description: '记录所属单位' })
  orgUnit: OrgUnitReference;

  @Field(() => ID, { description: '访问者账号' })
  accountId: string;

  @Field(() => String, { nullable: true, description: '访问者姓名' })
  readerName: string | null;

  @Field(() => RiskRegisterAccessKind)
  accessKind: RiskRegisterAccessKind;

  @Field({ description: '访问时间' })
  accessedAt: Date;
}

@ObjectType()
export class RiskRegisterAccessLogConnection extends ConnectionType('RiskRegisterAccessLogEntry', RiskRegisterAccessLogEntry) {}

@InputType()
export class RiskRegisterAccessLogFilter {
  @Field(() => RiskRegister, { nullable: true, description: '只看某个台账' })
  @IsOptional()
  register?: RiskRegister;

  @Field(() => ID, { nullable: true, description: '单位（含下级）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: '某一条记录' })
  @IsOptional()
  recordId?: string;
}

function toLogEntry(row: Record<string, unknown>): RiskRegisterAccessLogEntry {
  return {
    id: String(row.id),
    register: row.register as RiskRegister,
    recordId: row.record_id as string,
    orgUnit: orgUnitReference(row.org_unit_id as string),
    accountId: row.account_id as string,
    readerName: (row.reader_name as string | null) ?? null,
    accessKind: row.access_kind as RiskRegisterAccessKind,
    accessedAt: row.accessed_at as Date,
  };
}

/** Reads the access log: metadata only (who, when, how, which record), never the people in the record. */
export class RiskRegisterAccessLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async list(caller: Caller, filter: RiskRegisterAccessLogFilter, first: number, after?: string | null): Promise<ConnectionShape<RiskRegisterAccessLogEntry>> {
    const conditions: SqlCondition[] = [RISK_REGISTER_ACCESS_LOG_ACCESS.where(caller, 'view', 'l.org_path')];
    if (filter.orgUnitId) conditions.push(subtreeCondition('l.org_path', await visibleUnitPath(this.directory, caller, filter.orgUnitId), 'unitPath'));
    if (filter.recordId) conditions.push({ sql: 'l.record_id = :recordId', params: { recordId: filter.recordId } });
    if (filter.register) conditions.push({ sql: 'l.register = :register', params: { register: filter.register } });
    const where = conditions.map((condition) => condition.sql).join(' AND ');
    const params = Object.assign({}, ...conditions.map((condition) => condition.params));
    const [countRow] = await this.query(`SELECT COUNT(*) AS total FROM risk_register_access_log l WHERE ${where}`, params);
    const cursor = decodeCursor(after, 1);
    const afterId = cursor ? ' AND l.id < :afterId' : '';
    const rows = await this.query(
      `SELECT l.id, l.register, l.record_id, l.org_unit_id, l.account_id, l.access_kind, l.accessed_at, p.name AS reader_name
         FROM risk_register_access_log l LEFT JOIN person_projection p ON p.id = l.person_id
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
