import { isDuplicateKey, keysetPage, newId, SqlCondition, subtreeCondition } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, ConnectionShape, decodeCursor, FieldProblem, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { PersonProjectionRow } from '../people/person-projection.entity';
import type { EducationSettings } from '../service';
import { IllnessAbsenceStatus } from './health-check-enums';
import { nextDay } from './health-check-timing';
import { ILLNESS_ABSENCE_ACCESS, ILLNESS_ABSENCE_STUDENT_ACCESS, ILLNESS_ABSENCE_TRANSITIONS, IllnessAbsenceAction } from './health-check.access';
import { IllnessAbsenceEntity } from './health-check.entity';
import {
  ContactIllnessAbsenceParentsInput,
  IllnessAbsenceFilter,
  RecordIllnessAbsenceCauseInput,
  RecordIllnessAbsenceInput,
  RecordIllnessAbsenceReturnInput,
} from './health-check.inputs';
import { IllnessAbsence, toIllnessAbsence } from './health-check.types';

function requireValid(problems: FieldProblem[]): void {
  if (problems.length) throw new BadUserInputError(problems);
}

/** 因病缺课追踪: an absence followed to its cause (within a day) and the student's return. */
export class IllnessAbsenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  private today(): string {
    return calendarDateOf(this.settings.now());
  }

  async get(caller: Caller, id: string): Promise<IllnessAbsence> {
    return toIllnessAbsence(await ILLNESS_ABSENCE_ACCESS.find(this.dataSource.manager, caller, 'view', id), this.today());
  }

  /** Absences newest first; `overdue` keeps those whose cause is still unknown after the day following the absence. */
  async list(caller: Caller, filter: IllnessAbsenceFilter, first: number, after?: string | null): Promise<ConnectionShape<IllnessAbsence>> {
    const query = this.dataSource.getRepository(IllnessAbsenceEntity).createQueryBuilder('a');
    for (const condition of await this.conditions(caller, filter)) query.andWhere(condition.sql, condition.params);
    const order = { column: 'absent_on', direction: 'DESC' as const, fromCursor: (value: string) => value };
    const page = await keysetPage(query, 'a', order, first, decodeCursor(after, 2));
    const today = this.today();
    return toConnection(page.rows, first, page.totalCount, (row) => [row.absentOn, row.id], (row) => toIllnessAbsence(row, today));
  }

  async record(caller: Caller, input: RecordIllnessAbsenceInput): Promise<IllnessAbsence> {
    const now = this.settings.now();
    const problems: FieldProblem[] = [];
    if (input.absentOn > calendarDateOf(now)) problems.push({ field: 'absentOn', message: '缺课日期不能晚于今天' });
    if (input.expectedReturnOn && input.expectedReturnOn < input.absentOn) problems.push({ field: 'expectedReturnOn', message: '预计返校日期不能早于缺课日期' });
    const outcome = await this.refuseDuplicate(() =>
      this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'recordIllnessAbsence', input), async (manager) => {
        const student = await ILLNESS_ABSENCE_STUDENT_ACCESS.find(manager, caller, 'create', input.studentId);
        if (student.kind !== 'STUDENT') problems.push({ field: 'studentId', message: '该人员不是学生' });
        requireValid(problems);
        if (!student.active) throw new ConflictError('INACTIVE', '该学生已停用（毕业、退学或转出）', { id: student.id });
        const row = manager.create(IllnessAbsenceEntity, {
          id: newId(),
          orgUnitId: student.orgUnitId,
          orgPath: student.orgPath,
          studentId: student.id,
          absentOn: input.absentOn,
          symptoms: [...new Set(input.symptoms)].join(','),
          symptomNote: input.symptomNote ?? null,
          parentsContactedAt: null,
          contactNote: null,
          causeDueOn: nextDay(input.absentOn),
          cause: null,
          diagnosis: null,
          infectiousSuspected: false,
          causeFoundAt: null,
          expectedReturnOn: input.expectedReturnOn ?? null,
          returnedOn: null,
          status: IllnessAbsenceStatus.OPEN,
          enteredAt: now,
          recordedByAccountId: caller.viewer.accountId,
          recordedByName: await this.nameOf(manager, caller),
        });
        await manager.save(row);
        return toIllnessAbsence(row, calendarDateOf(now));
      })),
    );
    return outcome.created ?? this.get(caller, outcome.id);
  }

  async contactParents(caller: Caller, input: ContactIllnessAbsenceParentsInput): Promise<IllnessAbsence> {
    return this.transition(caller, 'CONTACT_PARENTS', input, (row) => {
      const problems: FieldProblem[] = [];
      if (input.contactedAt.getTime() > this.settings.now().getTime()) problems.push({ field: 'contactedAt', message: '联系时间不能晚于现在' });
      if (calendarDateOf(input.contactedAt) < row.absentOn) problems.push({ field: 'contactedAt', message: `联系时间不能早于缺课日期 ${row.absentOn}` });
      requireValid(problems);
      row.parentsContactedAt = input.contactedAt;
      row.contactNote = input.note;
    });
  }

  async recordCause(caller: Caller, input: RecordIllnessAbsenceCauseInput): Promise<IllnessAbsence> {
    return this.transition(caller, 'RECORD_CAUSE', input, (row) => {
      if (input.expectedReturnOn && input.expectedReturnOn < row.absentOn) {
        requireValid([{ field: 'expectedReturnOn', message: '预计返校日期不能早于缺课日期' }]);
      }
      row.cause = input.cause;
      row.diagnosis = input.diagnosis ?? null;
      row.infectiousSuspected = input.infectiousSuspected;
      row.causeFoundAt = this.settings.now();
      if (input.expectedReturnOn) row.expectedReturnOn = input.expectedReturnOn;
    });
  }

  async recordReturn(caller: Caller, input: RecordIllnessAbsenceReturnInput): Promise<IllnessAbsence> {
    return this.transition(caller, 'RECORD_RETURN', input, (row) => {
      if (input.returnedOn <= row.absentOn) requireValid([{ field: 'returnedOn', message: `返校日期应晚于缺课日期 ${row.absentOn}` }]);
      if (input.returnedOn > this.today()) requireValid([{ field: 'returnedOn', message: '返校日期不能晚于今天' }]);
      row.returnedOn = input.returnedOn;
    });
  }

  /** Locks the absence for one transition of the table (NOT_FOUND, FORBIDDEN, STALE_VERSION, ILLEGAL_TRANSITION), applies and saves. */
  private async transition(
    caller: Caller,
    action: IllnessAbsenceAction,
    ref: { id: string; version: number },
    change: (row: IllnessAbsenceEntity) => void,
  ): Promise<IllnessAbsence> {
    return this.dataSource.transaction(async (manager) => {
      const { row, next } = await lockTransition(ILLNESS_ABSENCE_ACCESS, manager, caller, ILLNESS_ABSENCE_TRANSITIONS, action, ref);
      change(row);
      row.status = next;
      await manager.save(row);
      return toIllnessAbsence(row, this.today());
    });
  }

  private async conditions(caller: Caller, filter: IllnessAbsenceFilter): Promise<SqlCondition[]> {
    const conditions = [ILLNESS_ABSENCE_ACCESS.where(caller, 'view', 'a.org_path')];
    if (filter.orgUnitId) conditions.push(subtreeCondition('a.org_path', await visibleUnitPath(this.directory, caller, filter.orgUnitId), 'unitPath'));
    if (filter.status?.length) conditions.push({ sql: 'a.status IN (:...status)', params: { status: filter.status } });
    if (filter.overdue) conditions.push({ sql: 'a.status = :open AND a.cause_due_on < :today', params: { open: IllnessAbsenceStatus.OPEN, today: this.today() } });
    if (filter.infectiousSuspected !== undefined && filter.infectiousSuspected !== null) {
      conditions.push({ sql: 'a.infectious_suspected = :infectious', params: { infectious: filter.infectiousSuspected } });
    }
    return conditions;
  }

  private async nameOf(manager: EntityManager, caller: Caller): Promise<string | null> {
    if (!caller.viewer.personId) return null;
    return (await manager.findOne(PersonProjectionRow, { where: { id: caller.viewer.personId } }))?.name ?? null;
  }

  private async refuseDuplicate<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', '该学生当天的因病缺课已登记，请在原记录中追踪');
      throw error;
    }
  }
}
