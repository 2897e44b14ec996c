import { isDuplicateKey, keysetPage, newId, recentFirstKey, recentFirstPage, SqlCondition, subtreeCondition } from '@campus/database';
import {
  BadUserInputError,
  calendarDateOf,
  Caller,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  FieldProblem,
  ForbiddenError,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, CreateRequest, lockTransition, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { PersonProjectionRow } from '../people/person-projection.entity';
import type { EducationSettings } from '../service';
import { logScreeningAccess } from './screening-access-log';
import { NOT_CLOSABLE_RISK_LEVELS, ScreeningAccessKind, ScreeningEntryKind, ScreeningRiskLevel, ScreeningStatus } from './screening-enums';
import { SCREENING_ACCESS, SCREENING_STUDENT_ACCESS, SCREENING_TRANSITIONS, ScreeningAction } from './screening.access';
import { ScreeningEntryEntity, ScreeningRecordEntity } from './screening.entity';
import {
  AddScreeningEntryInput,
  CloseScreeningRecordInput,
  CreateScreeningRecordInput,
  ReferScreeningRecordInput,
  ReopenScreeningRecordInput,
  ScreeningRecordFilter,
} from './screening.inputs';
import { ScreeningRecord, toScreeningRecord } from './screening.types';

const OPEN_DUPLICATE = '该学生已有未结案的排查记录，请在原记录中记录干预和随访';

/** High and crisis risk cases always have a next follow-up date. */
function followUpProblems(riskLevel: ScreeningRiskLevel, nextFollowUpDate: string | null | undefined, after: string): FieldProblem[] {
  if (!nextFollowUpDate) {
    return NOT_CLOSABLE_RISK_LEVELS.includes(riskLevel) ? [{ field: 'nextFollowUpDate', message: '风险等级为高或危机时必须约定下次随访日期' }] : [];
  }
  return nextFollowUpDate <= after ? [{ field: 'nextFollowUpDate', message: `下次随访日期应晚于 ${after}` }] : [];
}

function requireValid(problems: FieldProblem[]): void {
  if (problems.length) throw new BadUserInputError(problems);
}

/** 心理问题学生排查干预台账: every read of a record is logged in the same request before it is returned. */
export class ScreeningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  private today(): string {
    return calendarDateOf(this.settings.now());
  }

  private log(manager: EntityManager, caller: Caller, rows: ScreeningRecordEntity[], kind: ScreeningAccessKind): Promise<void> {
    return logScreeningAccess(manager, caller, rows, kind, this.settings.now());
  }

  /** One record; a refused attempt on an existing record in the caller's scope is logged too. */
  async get(caller: Caller, id: string): Promise<ScreeningRecord> {
    const manager = this.dataSource.manager;
    const row = await manager.findOne(ScreeningRecordEntity, { where: { id } });
    try {
      SCREENING_ACCESS.guard(caller, 'view', id, row);
    } catch (error) {
      if (row && error instanceof ForbiddenError) await this.log(manager, caller, [row], ScreeningAccessKind.DENIED);
      throw error;
    }
    await this.log(manager, caller, [row as ScreeningRecordEntity], ScreeningAccessKind.BY_ID);
    return toScreeningRecord(row as ScreeningRecordEntity);
  }

  /** The ledger, newest first; each record on the page is logged. */
  async list(caller: Caller, filter: ScreeningRecordFilter, first: number, after?: string | null): Promise<ConnectionShape<ScreeningRecord>> {
    const query = this.dataSource.getRepository(ScreeningRecordEntity).createQueryBuilder('r');
    for (const condition of await this.filterConditions(caller, filter)) query.andWhere(condition.sql, condition.params);
    const page = await recentFirstPage(query, 'r', first, decodeCursor(after, 2));
    await this.log(this.dataSource.manager, caller, page.rows.slice(0, first), ScreeningAccessKind.LIST);
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toScreeningRecord);
  }

  /** Open records whose next follow-up date has passed, the longest overdue first; each is logged. */
  async followUpsDue(caller: Caller, first: number, after?: string | null): Promise<ConnectionShape<ScreeningRecord>> {
    const query = this.dataSource.getRepository(ScreeningRecordEntity).createQueryBuilder('r');
    const scope = SCREENING_ACCESS.where(caller, 'view', 'r.org_path');
    query.andWhere(scope.sql, scope.params);
    query.andWhere('r.status IN (:...open)', { open: [ScreeningStatus.TRACKING, ScreeningStatus.REFERRED] });
    query.andWhere('r.next_follow_up_date < :today', { today: this.today() });
    const order = { column: 'next_follow_up_date', direction: 'ASC' as const, fromCursor: (value: string) => value };
    const page = await keysetPage(query, 'r', order, first, decodeCursor(after, 2));
    await this.log(this.dataSource.manager, caller, page.rows.slice(0, first), ScreeningAccessKind.FOLLOW_UPS_DUE);
    return toConnection(page.rows, first, page.totalCount, (row) => [row.nextFollowUpDate as string, row.id], toScreeningRecord);
  }

  async create(caller: Caller, input: CreateScreeningRecordInput): Promise<ScreeningRecord> {
    const today = this.today();
    const problems: FieldProblem[] = [];
    if (input.screeningDate > today) problems.push({ field: 'screeningDate', message: '筛查日期不能晚于今天' });
    if (input.instrument === 'OTHER' && !input.instrumentNote) problems.push({ field: 'instrumentNote', message: '选择“其他”工具时须写明工具名称' });
    problems.push(...followUpProblems(input.riskLevel, input.nextFollowUpDate, input.screeningDate));
    const outcome = await this.refuseSecondOpenRecord(() =>
      this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createScreeningRecord', input), async (manager) => {
        const student = await SCREENING_STUDENT_ACCESS.find(manager, caller, 'create', input.studentId);
        if (student.kind !== 'STUDENT') problems.push({ field: 'studentId', message: '该人员不是学生' });
        requireValid(problems);
        if (!student.active) throw new ConflictError('INACTIVE', '该学生已停用（毕业、退学或转出），不能新建排查记录', { id: student.id });
        const counselor = caller.viewer.personId ? await manager.findOne(PersonProjectionRow, { where: { id: caller.viewer.personId } }) : null;
        const record = manager.create(ScreeningRecordEntity, {
          id: newId(),
          orgUnitId: student.orgUnitId,
          orgPath: student.orgPath,
          studentId: student.id,
          screeningDate: input.screeningDate,
          instrument: input.instrument,
          instrumentNote: input.instrumentNote ?? null,
          riskLevel: input.riskLevel,
          finding: input.finding ?? null,
          counselorAccountId: caller.viewer.accountId,
          counselorPersonId: caller.viewer.personId,
          counselorName: counselor?.name ?? null,
          status: ScreeningStatus.TRACKING,
          openStudentId: student.id,
          nextFollowUpDate: input.nextFollowUpDate ?? null,
          referralInstitution: null,
          referralDate: null,
          referralNote: null,
          closedOn: null,
          closingNote: null,
        });
        await manager.save(record);
        return this.written(manager, caller, record);
      })),
    );
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** An intervention or follow-up; it sets (or clears) the next follow-up date and may reassess the risk level. */
  async addEntry(caller: Caller, input: AddScreeningEntryInput): Promise<ScreeningRecord> {
    const request = clientRequest(caller.viewer, 'addScreeningEntry', input);
    return this.transition(caller, 'RECORD_ENTRY', input, async (manager, record) => {
      const riskLevel = input.riskLevel ?? record.riskLevel;
      requireValid([
        ...this.dayProblems('occurredOn', input.occurredOn, record),
        ...followUpProblems(riskLevel, input.nextFollowUpDate, input.occurredOn),
      ]);
      await this.appendEntry(manager, caller, record, {
        kind: input.kind,
        occurredOn: input.occurredOn,
        action: input.action,
        performedBy: input.performedBy,
        nextFollowUpDate: input.nextFollowUpDate ?? null,
        riskLevelAfter: input.riskLevel ?? null,
      });
      record.riskLevel = riskLevel;
      record.nextFollowUpDate = input.nextFollowUpDate ?? null;
    }, request);
  }

  async refer(caller: Caller, input: ReferScreeningRecordInput): Promise<ScreeningRecord> {
    return this.transition(caller, 'REFER', input, async (_manager, record) => {
      requireValid(this.dayProblems('referredOn', input.referredOn, record));
      record.referralInstitution = input.institution;
      record.referralDate = input.referredOn;
      record.referralNote = input.note ?? null;
    });
  }

  async close(caller: Caller, input: CloseScreeningRecordInput): Promise<ScreeningRecord> {
    return this.transition(caller, 'CLOSE', input, async (_manager, record) => {
      if (NOT_CLOSABLE_RISK_LEVELS.includes(record.riskLevel)) {
        throw new ConflictError('ILLEGAL_TRANSITION', '风险等级为高或危机的学生不能结案，请先随访评估并调整风险等级', {
          id: record.id,
          riskLevel: record.riskLevel,
        });
      }
      requireValid(this.dayProblems('closedOn', input.closedOn, record));
      record.closedOn = input.closedOn;
      record.closingNote = input.note;
      record.nextFollowUpDate = null;
    });
  }

  /** A closed case opened again (relapse): the reason becomes an intervention entry of today. */
  async reopen(caller: Caller, input: ReopenScreeningRecordInput): Promise<ScreeningRecord> {
    const today = this.today();
    return this.refuseSecondOpenRecord(() =>
      this.transition(caller, 'REOPEN', input, async (manager, record) => {
        requireValid(followUpProblems(input.riskLevel, input.nextFollowUpDate, today));
        await this.appendEntry(manager, caller, record, {
          kind: ScreeningEntryKind.INTERVENTION,
          occurredOn: today,
          action: `重新开案：${input.reason}`,
          performedBy: record.counselorName ?? '心理健康中心',
          nextFollowUpDate: input.nextFollowUpDate ?? null,
          riskLevelAfter: input.riskLevel,
        });
        record.riskLevel = input.riskLevel;
        record.nextFollowUpDate = input.nextFollowUpDate ?? null;
        record.closedOn = null;
        record.closingNote = null;
      }),
    );
  }

  /** Locks the record for one transition of the table, applies the change, saves and logs the write. */
  private async transition(
    caller: Caller,
    action: ScreeningAction,
    ref: { id: string; version: number },
    change: (manager: EntityManager, record: ScreeningRecordEntity) => Promise<void>,
    /** Given, a retry with its clientRequestId answers the first result instead of failing on the version it moved past. */
    request?: CreateRequest,
  ): Promise<ScreeningRecord> {
    const work = async (manager: EntityManager) => {
      const { row: record, next } = await lockTransition(SCREENING_ACCESS, manager, caller, SCREENING_TRANSITIONS, action, ref);
      await change(manager, record);
      record.status = next;
      record.openStudentId = next === ScreeningStatus.CLOSED ? null : record.studentId;
      await manager.save(record);
      return this.written(manager, caller, record);
    };
    if (!request) return this.dataSource.transaction(work);
    const outcome = await this.dataSource.transaction(oncePerRequest(request, work));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  private async written(manager: EntityManager, caller: Caller, record: ScreeningRecordEntity): Promise<ScreeningRecord> {
    await this.log(manager, caller, [record], ScreeningAccessKind.WRITE);
    return toScreeningRecord(record);
  }

  private async appendEntry(
    manager: EntityManager,
    caller: Caller,
    record: ScreeningRecordEntity,
    entry: Pick<ScreeningEntryEntity, 'kind' | 'occurredOn' | 'action' | 'performedBy' | 'nextFollowUpDate' | 'riskLevelAfter'>,
  ): Promise<void> {
    await manager.insert(ScreeningEntryEntity, { id: newId(), recordId: record.id, recordedByAccountId: caller.viewer.accountId, ...entry });
  }

  /** A day of the case: not before the screening, not in the future. */
  private dayProblems(field: string, day: string, record: ScreeningRecordEntity): FieldProblem[] {
    if (day < record.screeningDate) return [{ field, message: `日期不能早于筛查日期 ${record.screeningDate}` }];
    if (day > this.today()) return [{ field, message: '日期不能晚于今天' }];
    return [];
  }

  private async refuseSecondOpenRecord<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', OPEN_DUPLICATE);
      throw error;
    }
  }

  private async filterConditions(caller: Caller, filter: ScreeningRecordFilter): Promise<SqlCondition[]> {
    const conditions = [SCREENING_ACCESS.where(caller, 'view', 'r.org_path')];
    if (filter.orgUnitId) conditions.push(subtreeCondition('r.org_path', await visibleUnitPath(this.directory, caller, filter.orgUnitId), 'unitPath'));
    if (filter.status?.length) conditions.push({ sql: 'r.status IN (:...status)', params: { status: filter.status } });
    if (filter.riskLevel?.length) conditions.push({ sql: 'r.risk_level IN (:...riskLevel)', params: { riskLevel: filter.riskLevel } });
    return conditions;
  }
}
