import { TokenVerifier } from '@campus/auth';
import { callerOfRequest, contentDisposition, sendFileError } from '@campus/files';
import { BadUserInputError, Caller, calendarDateOf, FieldProblem, isCalendarDate, streamedWorkbook, XLSX_CONTENT_TYPE } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { Express, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import {
  ACCOUNTABILITY_EVIDENCE_LABELS,
  ACCOUNTABILITY_MEASURE_LABELS,
  ACCOUNTABILITY_REASON_LABELS,
  ACCOUNTABILITY_STATUS_LABELS,
  AccountabilityStatus,
  AccountabilityTargetKind,
} from './accountability-enums';
import { ACCOUNTABILITY_ACCESS, readableRecordsCondition } from './accountability.access';
import { AccountabilityRecordEntity } from './accountability.entity';
import { applyRecordFilter } from './accountability.service';
import { PersonNameLookup } from './person-names';

/** Rows read (and names asked for) per round trip: memory stays flat however long the list. */
const BATCH = 500;
const HEADERS = ['序号', '对象', '对象类别', '所属单位', '事由', '问责方式', '情况说明', '依据', '状态', '作出单位', '提出日期', '确认日期', '备注'];
const WIDTHS = [6, 20, 8, 22, 18, 16, 48, 36, 10, 20, 12, 12, 30];

export interface AccountabilityListRequest {
  orgUnitId: string;
  from?: string;
  to?: string;
  status?: AccountabilityStatus[];
}

/** The query string of GET /accountability-list: orgUnitId, optional from/to (YYYY-MM-DD) and status (comma-separated). */
export function listRequestOf(query: Request['query']): AccountabilityListRequest {
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? String(query[name]) : undefined);
  const problems: FieldProblem[] = [];
  const orgUnitId = text('orgUnitId');
  if (!orgUnitId) problems.push({ field: 'orgUnitId', message: '缺少单位（orgUnitId）' });
  for (const name of ['from', 'to']) if (text(name) && !isCalendarDate(text(name) as string)) problems.push({ field: name, message: '日期格式应为 YYYY-MM-DD' });
  const status = text('status')?.split(',').map((value) => value.trim()) ?? [];
  if (status.some((value) => !(value in AccountabilityStatus))) problems.push({ field: 'status', message: '状态应为 PROPOSED、CONFIRMED、DISMISSED、REVOKED，以逗号分隔' });
  if (problems.length) throw new BadUserInputError(problems);
  return { orgUnitId: orgUnitId as string, from: text('from'), to: text('to'), status: status as AccountabilityStatus[] };
}

/**
 * 问责通报清单: the records about the unit and the units below it that the caller may read, in the order they
 * were issued, streamed as an .xlsx (streamedWorkbook, 500 rows per read): the unit's leadership
 * (or those above it) only.
 */
export class AccountabilityList {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly people: PersonNameLookup,
  ) {}

  async send(caller: Caller, request: AccountabilityListRequest, res: Response): Promise<void> {
    const unitPath = await visibleUnitPath(this.directory, caller, request.orgUnitId);
    ACCOUNTABILITY_ACCESS.checkRole(caller, 'download', unitPath);
    const unitName = (await this.unitNames([request.orgUnitId])).get(request.orgUnitId) ?? request.orgUnitId;
    const period = request.from || request.to ? `${request.from ?? '起'}至${request.to ?? calendarDateOf(new Date())}` : calendarDateOf(new Date());
    res.setHeader('content-type', XLSX_CONTENT_TYPE);
    res.setHeader('content-disposition', contentDisposition(`问责通报清单-${unitName}-${period}.xlsx`));
    const workbook = streamedWorkbook(res);
    const sheet = workbook.addWorksheet('问责通报清单');
    sheet.columns = WIDTHS.map((width) => ({ width }));
    sheet.addRow([`${unitName} 问责通报清单（${period}）`]).commit();
    sheet.addRow([`导出日期：${calendarDateOf(new Date())}`]).commit();
    const header = sheet.addRow(HEADERS);
    header.font = { bold: true };
    header.commit();
    let seq = 0;
    for await (const batch of this.batches(caller, request)) {
      const rows = await this.rowsOf(caller, batch);
      for (const row of rows) await workbook.commitRow(sheet, [++seq, ...row]);
    }
    sheet.commit();
    await workbook.commit();
  }

  /** The readable records of the unit's subtree in issue order, a batch at a time (keyset on issued_at, id). */
  private async *batches(caller: Caller, request: AccountabilityListRequest): AsyncGenerator<AccountabilityRecordEntity[]> {
    let after: { issuedAt: Date; id: string } | null = null;
    for (;;) {
      const query = this.dataSource.getRepository(AccountabilityRecordEntity).createQueryBuilder('r');
      const readable = readableRecordsCondition(caller, 'r', 'download');
      query.where(readable.sql, readable.params);
      await applyRecordFilter(query, 'r', this.directory, caller, { orgUnitId: request.orgUnitId, from: request.from, to: request.to, status: request.status });
      if (after) query.andWhere('(r.issued_at > :afterAt OR (r.issued_at = :afterAt AND r.id > :afterId))', { afterAt: after.issuedAt, afterId: after.id });
      const batch = await query.orderBy('r.issued_at', 'ASC').addOrderBy('r.id', 'ASC').take(BATCH).getMany();
      if (batch.length) yield batch;
      if (batch.length < BATCH) return;
      const last = batch[batch.length - 1];
      after = { issuedAt: last.issuedAt, id: last.id };
    }
  }

  private async rowsOf(caller: Caller, records: AccountabilityRecordEntity[]): Promise<(string | null)[][]> {
    const parentIds = records.map((record) => parentIdOf(record.orgPath)).filter((id): id is string => id !== null);
    const [units, people] = await Promise.all([
      this.unitNames([...records.flatMap((record) => [record.orgUnitId, record.issuingUnitId]), ...parentIds]),
      this.people.names(caller, records.map((record) => record.personId).filter((id): id is string => id !== null)),
    ]);
    const unit = (id: string | null) => (id ? (units.get(id) ?? id) : '—');
    return records.map((record) => {
      const person = record.targetKind === AccountabilityTargetKind.PERSON;
      return [
        person ? (people.get(record.personId as string) ?? `人员 ${record.personId}`) : unit(record.orgUnitId),
        person ? '个人' : '单位',
        person ? unit(record.orgUnitId) : unit(parentIdOf(record.orgPath)),
        ACCOUNTABILITY_REASON_LABELS[record.reason],
        ACCOUNTABILITY_MEASURE_LABELS[record.measure],
        record.description,
        record.evidence.map((item) => `${ACCOUNTABILITY_EVIDENCE_LABELS[item.kind]} ${item.label ?? item.refId}`).join('；') || '—',
        ACCOUNTABILITY_STATUS_LABELS[record.status],
        unit(record.issuingUnitId),
        calendarDateOf(record.issuedAt),
        record.status === AccountabilityStatus.PROPOSED || record.status === AccountabilityStatus.DISMISSED || !record.decidedAt ? null : calendarDateOf(record.decidedAt),
        record.revokeReason ? `撤销：${record.revokeReason}` : record.decisionNote,
      ];
    });
  }

  private async unitNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id, name FROM org_unit_projection WHERE id IN (${unique.map(() => '?').join(', ')})`, unique);
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

function parentIdOf(path: string): string | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length > 1 ? ids[ids.length - 2] : null;
}

/** GET /accountability-list?orgUnitId=…&from=…&to=…[&status=CONFIRMED,REVOKED], reached through the gateway's /exports/accountability-list. */
export function mountAccountabilityList(app: Express, list: AccountabilityList, verifyToken: TokenVerifier): void {
  app.get('/accountability-list', async (req: Request, res: Response) => {
    try {
      await list.send(await callerOfRequest(req, verifyToken), listRequestOf(req.query), res);
    } catch (error) {
      sendFileError(res, error, req.log);
    }
  });
}
