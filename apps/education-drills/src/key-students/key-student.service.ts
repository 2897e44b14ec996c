import { isDuplicateKey, keysetPage, newId, Page, recentFirstKey, recentFirstPage, SqlCondition, subtreeCondition } from '@campus/database';
import {
  BadUserInputError,
  calendarDateOf,
  Caller,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  FieldProblem,
  NotFoundError,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, CreateRequest, lockTransition, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { RiskRegister, RiskRegisterAccessKind } from '../disputes/dispute-enums';
import { logRiskRegisterAccess } from '../disputes/risk-register-access-log';
import type { EducationSettings } from '../service';
import { KeyStudentStatus } from './key-student-enums';
import { KEY_STUDENT_ACCESS, KEY_STUDENT_PERSON_ACCESS, KEY_STUDENT_TRANSITIONS, KeyStudentAction } from './key-student.access';
import { KeyStudentEntity, KeyStudentFollowUpEntity } from './key-student.entity';
import { AddKeyStudentFollowUpInput, AddKeyStudentInput, KeyStudentFilter, KeyStudentFollowUpsDueFilter, ReleaseKeyStudentInput } from './key-student.inputs';
import { KeyStudent, toKeyStudent } from './key-student.types';

const DAY_MS = 24 * 3600 * 1000;
const ALREADY_FOLLOWED = '该学生已在重点关注中，请在原记录中记录跟进';

function requireValid(problems: FieldProblem[]): void {
  if (problems.length) throw new BadUserInputError(problems);
}

type KeyStudentPage = ConnectionShape<KeyStudent> & { restrictedCount: number };

/** 重点关注学生台账: restricted to its handlers; every read of an entry is logged in the same request before it is returned. */
export class KeyStudentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  private today(): string {
    return calendarDateOf(this.settings.now());
  }

  private log(manager: EntityManager, caller: Caller, rows: KeyStudentEntity[], kind: RiskRegisterAccessKind): Promise<void> {
    return logRiskRegisterAccess(manager, caller, RiskRegister.KEY_STUDENT, rows, kind, this.settings.now());
  }

  private toNode = (row: KeyStudentEntity): KeyStudent => toKeyStudent(row, this.today());

  /** One entry; a refused attempt on one in the caller's scope is logged too (as DENIED), and reads as NOT_FOUND. */
  async get(caller: Caller, id: string): Promise<KeyStudent> {
    const manager = this.dataSource.manager;
    const row = await manager.findOne(KeyStudentEntity, { where: { id } });
    try {
      KEY_STUDENT_ACCESS.guard(caller, 'view', id, row);
    } catch (error) {
      if (row && error instanceof NotFoundError && KEY_STUDENT_ACCESS.allows(caller, 'view', row.orgPath)) await this.log(manager, caller, [row], RiskRegisterAccessKind.DENIED);
      throw error;
    }
    await this.log(manager, caller, [row as KeyStudentEntity], RiskRegisterAccessKind.BY_ID);
    return this.toNode(row as KeyStudentEntity);
  }

  /** The register, newest first; each entry on the page is logged. Others in scope get only restrictedCount. */
  async list(caller: Caller, filter: KeyStudentFilter, first: number, after?: string | null): Promise<KeyStudentPage> {
    const filters = await this.unitCondition(caller, filter.orgUnitId);
    if (filter.status?.length) filters.push({ sql: 'k.status IN (:...status)', params: { status: filter.status } });
    if (filter.reasonCategory?.length) filters.push({ sql: 'k.reason_category IN (:...reasons)', params: { reasons: filter.reasonCategory } });
    const page = await recentFirstPage(this.visible(caller, filters), 'k', first, decodeCursor(after, 2));
    return this.answer(caller, filters, page, first, recentFirstKey, RiskRegisterAccessKind.LIST);
  }

  /** Followed students whose next follow-up is due by today (+ withinDays), the longest overdue first; each is logged. */
  async followUpsDue(caller: Caller, filter: KeyStudentFollowUpsDueFilter, first: number, after?: string | null): Promise<KeyStudentPage> {
    const until = calendarDateOf(new Date(this.settings.now().getTime() + filter.withinDays * DAY_MS));
    const filters = await this.unitCondition(caller, filter.orgUnitId);
    filters.push({ sql: 'k.status = :active AND k.next_follow_up_date <= :until', params: { active: KeyStudentStatus.ACTIVE, until } });
    const order = { column: 'next_follow_up_date', direction: 'ASC' as const, fromCursor: (value: string) => value };
    const page = await keysetPage(this.visible(caller, filters), 'k', order, first, decodeCursor(after, 2));
    return this.answer(caller, filters, page, first, (row) => [row.nextFollowUpDate as string, row.id], RiskRegisterAccessKind.FOLLOW_UPS_DUE);
  }

  async add(caller: Caller, input: AddKeyStudentInput): Promise<KeyStudent> {
    const problems: FieldProblem[] = [];
    if (input.since > this.today()) problems.push({ field: 'since', message: '开始关注日期不能晚于今天' });
    if (input.nextFollowUpDate && input.nextFollowUpDate < input.since) problems.push({ field: 'nextFollowUpDate', message: '跟进日期不能早于开始关注日期' });
    const outcome = await this.refuseSecondActive(() =>
      this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'addKeyStudent', input), async (manager) => {
        const student = await KEY_STUDENT_PERSON_ACCESS.find(manager, caller, 'create', input.studentId);
        const teacher = await KEY_STUDENT_PERSON_ACCESS.find(manager, caller, 'create', input.responsibleTeacherId);
        if (student.kind !== 'STUDENT') problems.push({ field: 'studentId', message: '该人员不是学生' });
        if (teacher.kind !== 'STAFF') problems.push({ field: 'responsibleTeacherId', message: '责任教师须为教职工' });
        requireValid(problems);
        if (!student.active) throw new ConflictError('INACTIVE', '该学生已停用（毕业、退学或转出），不能列入重点关注', { id: student.id });
        const entry = manager.create(KeyStudentEntity, {
          id: newId(),
          orgUnitId: student.orgUnitId,
          orgPath: student.orgPath,
          studentId: student.id,
          reasonCategory: input.reasonCategory,
          description: input.description,
          responsibleTeacherId: teacher.id,
          responsibleTeacherName: teacher.name,
          since: input.since,
          nextFollowUpDate: input.nextFollowUpDate ?? null,
          status: KeyStudentStatus.ACTIVE,
          activeStudentId: student.id,
          releasedOn: null,
          releaseReason: null,
          registeredByAccountId: caller.viewer.accountId,
        });
        await manager.save(entry);
        return this.written(manager, caller, entry);
      })),
    );
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** A follow-up; it sets (or clears) the next follow-up date. */
  async followUp(caller: Caller, input: AddKeyStudentFollowUpInput): Promise<KeyStudent> {
    const request = clientRequest(caller.viewer, 'addKeyStudentFollowUp', input);
    return this.transition(caller, 'FOLLOW_UP', input, async (manager, entry) => {
      const problems = this.dayProblems('occurredOn', input.occurredOn, entry);
      if (input.nextFollowUpDate && input.nextFollowUpDate <= input.occurredOn) {
        problems.push({ field: 'nextFollowUpDate', message: `下次跟进日期应晚于 ${input.occurredOn}` });
      }
      requireValid(problems);
      await manager.insert(KeyStudentFollowUpEntity, {
        id: newId(),
        keyStudentId: entry.id,
        occurredOn: input.occurredOn,
        performedBy: input.performedBy,
        content: input.content,
        nextFollowUpDate: input.nextFollowUpDate ?? null,
        recordedByAccountId: caller.viewer.accountId,
      });
      entry.nextFollowUpDate = input.nextFollowUpDate ?? null;
    }, request);
  }

  async release(caller: Caller, input: ReleaseKeyStudentInput): Promise<KeyStudent> {
    return this.transition(caller, 'RELEASE', input, async (_manager, entry) => {
      requireValid(this.dayProblems('releasedOn', input.releasedOn, entry));
      entry.releasedOn = input.releasedOn;
      entry.releaseReason = input.reason;
      entry.nextFollowUpDate = null;
    });
  }

  private async transition(
    caller: Caller,
    action: KeyStudentAction,
    ref: { id: string; version: number },
    change: (manager: EntityManager, entry: KeyStudentEntity) => Promise<void>,
    request?: CreateRequest,
  ): Promise<KeyStudent> {
    const work = async (manager: EntityManager) => {
      const { row: entry, next } = await lockTransition(KEY_STUDENT_ACCESS, manager, caller, KEY_STUDENT_TRANSITIONS, action, ref);
      await change(manager, entry);
      entry.status = next;
      entry.activeStudentId = next === KeyStudentStatus.ACTIVE ? entry.studentId : null;
      await manager.save(entry);
      return this.written(manager, caller, entry);
    };
    if (!request) return this.dataSource.transaction(work);
    const outcome = await this.dataSource.transaction(oncePerRequest(request, work));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  private async written(manager: EntityManager, caller: Caller, entry: KeyStudentEntity): Promise<KeyStudent> {
    await this.log(manager, caller, [entry], RiskRegisterAccessKind.WRITE);
    return this.toNode(entry);
  }

  /** The entries the viewer sees under the filters. */
  private visible(caller: Caller, filters: SqlCondition[]): SelectQueryBuilder<KeyStudentEntity> {
    const query = this.dataSource.getRepository(KeyStudentEntity).createQueryBuilder('k');
    for (const condition of [KEY_STUDENT_ACCESS.where(caller, 'view', 'k.org_path'), ...filters]) query.andWhere(condition.sql, condition.params);
    return query;
  }

  /** Logs the page's entries, counts those hidden from the viewer under the same filters, and answers the connection. */
  private async answer(
    caller: Caller,
    filters: SqlCondition[],
    page: Page<KeyStudentEntity>,
    first: number,
    cursorOf: (row: KeyStudentEntity) => (string | number)[],
    kind: RiskRegisterAccessKind,
  ): Promise<KeyStudentPage> {
    await this.log(this.dataSource.manager, caller, page.rows.slice(0, first), kind);
    const hidden = this.dataSource.getRepository(KeyStudentEntity).createQueryBuilder('k');
    for (const condition of [KEY_STUDENT_ACCESS.restrictedWhere(caller, 'view', 'k.org_path'), ...filters]) hidden.andWhere(condition.sql, condition.params);
    return { ...toConnection(page.rows, first, page.totalCount, cursorOf, this.toNode), restrictedCount: await hidden.getCount() };
  }

  private async unitCondition(caller: Caller, orgUnitId: string | undefined): Promise<SqlCondition[]> {
    return orgUnitId ? [subtreeCondition('k.org_path', await visibleUnitPath(this.directory, caller, orgUnitId), 'unitPath')] : [];
  }

  /** A day of the entry: not before it started, not in the future. */
  private dayProblems(field: string, day: string, entry: KeyStudentEntity): FieldProblem[] {
    if (day < entry.since) return [{ field, message: `日期不能早于开始关注日期 ${entry.since}` }];
    if (day > this.today()) return [{ field, message: '日期不能晚于今天' }];
    return [];
  }

  private async refuseSecondActive<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', ALREADY_FOLLOWED);
      throw error;
    }
  }
}
