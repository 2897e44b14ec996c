import { chunks, isDuplicateKey } from '@campus/database';
import { AttendanceRecorded, EducationActivityHeld, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import { BadUserInputError, Caller, ConflictError, ForbiddenError, NotFoundError } from '@campus/graphql';
import { clientRequest, lockTransition, oncePerRequest, requireTransition } from '@campus/server';
import { DataSource, EntityManager, In } from 'typeorm';
import type { EducationSettings } from '../service';
import { AttendanceMethod, EducationActivityStatus } from './activity-enums';
import { EDUCATION_ACTIVITY_ACCESS, EDUCATION_ACTIVITY_TRANSITIONS } from './activity.access';
import { EducationActivityAudienceRow, EducationActivityEntity, EducationAttendanceRow } from './activity.entity';
import { CheckInEducationActivityInput, ImportEducationAttendanceInput, MarkEducationAttendanceInput } from './activity.inputs';
import { recountCoverage } from './coverage-rollup';
import { EducationActivity, EducationAttendanceImportReport, EducationCheckInPayload, toEducationActivity } from './activity.types';
import { KnownPerson, MAX_SIGN_IN_ROWS, readSignInSheet, SignInLookups, SignInRow, SignInSheetError, validateSignInRows } from './sign-in-sheet';

function placeholders(items: readonly unknown[]): string {
  return items.map(() => '?').join(', ');
}

function personFromRow(row: { id: string; name: string; kind: string; org_unit_id: string; org_path: string; active: number | boolean }): KnownPerson {
  return { id: row.id, name: row.name, kind: row.kind, orgUnitId: row.org_unit_id, orgPath: row.org_path, active: Boolean(Number(row.active)) };
}

/**
 * Attendance at safety education activities, three ways: an imported sign-in sheet and the organiser's
 * marks (organisers, all or nothing) and a person's own check-in by code. Every way locks the activity
 * row, so two recordings of one activity never interleave, and records AttendanceRecorded (and, the first
 * time, EducationActivityHeld) in the same transaction.
 */
export class EducationAttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly settings: EducationSettings,
  ) {}

  async importSheet(caller: Caller, input: ImportEducationAttendanceInput): Promise<EducationAttendanceImportReport> {
    const started = Date.now();
    const rows = await this.read(input.contentBase64);
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { row: activity } = await lockTransition(EDUCATION_ACTIVITY_ACCESS, manager, caller, EDUCATION_ACTIVITY_TRANSITIONS, 'RECORD_ATTENDANCE', { id: input.activityId });
      const inAudience = await this.audienceTest(manager, activity);
      const { people, problems } = validateSignInRows(rows, await this.lookups(manager, rows), inAudience);
      const report = (imported: boolean, recorded = 0, alreadyRecorded = 0): EducationAttendanceImportReport => ({
        imported,
        totalRows: rows.length,
        recorded,
        alreadyRecorded,
        rejectedRows: problems,
        durationMs: Date.now() - started,
      });
      if (problems.length || input.dryRun) return report(false);
      const recorded = await this.record(manager, caller, activity, people, AttendanceMethod.IMPORT);
      return report(true, recorded, people.length - recorded);
    });
  }

  async mark(caller: Caller, input: MarkEducationAttendanceInput): Promise<{ activity: EducationActivity; recorded: number; alreadyRecorded: number }> {
    const ids = [...new Set(input.personIds)];
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { row: activity } = await lockTransition(EDUCATION_ACTIVITY_ACCESS, manager, caller, EDUCATION_ACTIVITY_TRANSITIONS, 'RECORD_ATTENDANCE', { id: input.activityId });
      const inAudience = await this.audienceTest(manager, activity);
      const known = await this.peopleById(manager, ids);
      const problems = ids.flatMap((id) => {
        const person = known.get(id);
        if (!person) return [{ field: 'personIds', message: `人员 ${id} 不存在` }];
        if (!person.active) return [{ field: 'personIds', message: `"${person.name}"已停用` }];
        return inAudience(person) ? [] : [{ field: 'personIds', message: `"${person.name}"不在本次活动的参加对象范围内` }];
      });
      if (problems.length) throw new BadUserInputError(problems);
      const people = ids.map((id) => known.get(id)!);
      const recorded = await this.record(manager, caller, activity, people, AttendanceMethod.MARKED);
      return { activity: toEducationActivity(activity), recorded, alreadyRecorded: people.length - recorded };
    });
  }

  /** The caller checks themself in: the person is the account's own, never one named in the request. */
  async checkIn(caller: Caller, input: CheckInEducationActivityInput): Promise<EducationCheckInPayload> {
    const personId = caller.viewer.personId;
    if (!personId) throw new ForbiddenError('您的账号未关联人员，不能签到', 'NO_LINKED_PERSON');
    const code = input.code.toUpperCase();
    const request = clientRequest(caller.viewer, 'checkInEducationActivity', input);
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(request, async (manager) => {
      // By code, not by scope: the audience may lie outside the organiser's subtree of grants (a student has none).
      const activity = await manager.findOne(EducationActivityEntity, { where: { checkInCode: code }, lock: { mode: 'pessimistic_write' } });
      if (!activity) throw new NotFoundError('签到码对应的安全教育活动', code);
      requireTransition(EDUCATION_ACTIVITY_TRANSITIONS, 'CHECK_IN', activity.status, activity.id);
      const now = this.settings.now();
      if (now < activity.checkInOpensAt) {
        throw new ConflictError('NOT_YET_DUE', `签到尚未开始，开始时间 ${activity.checkInOpensAt.toISOString()}`, { id: activity.id, opensAt: activity.checkInOpensAt.toISOString() });
      }
      if (now > activity.checkInClosesAt) {
        throw new ConflictError('CHECK_IN_CLOSED', `签到已于 ${activity.checkInClosesAt.toISOString()} 截止`, { id: activity.id, closedAt: activity.checkInClosesAt.toISOString() });
      }
      const person = (await this.peopleById(manager, [personId])).get(personId);
      const inAudience = await this.audienceTest(manager, activity);
      if (!person || !person.active || !inAudience(person)) {
        throw new ForbiddenError('您不在本次活动的参加对象范围内（单位或人员类别不符）', 'NOT_IN_AUDIENCE');
      }
      const existing = await manager.findOne(EducationAttendanceRow, { where: { activityId: activity.id, personId } });
      if (existing) throw new ConflictError('DUPLICATE', '您已签到，不能重复签到', { id: activity.id, recordedAt: existing.recordedAt.toISOString() });
      try {
        await this.record(manager, caller, activity, [person], AttendanceMethod.CHECK_IN, now);
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', '您已签到，不能重复签到', { id: activity.id });
        throw error;
      }
      return { activityId: activity.id, activityTitle: activity.title, personId, recordedAt: now };
    }, (checkIn) => checkIn.activityId));
    return outcome.created ?? this.ownCheckIn(outcome.id, personId);
  }

  /** The caller's own check-in to an activity, as checkIn answered it. */
  private async ownCheckIn(activityId: string, personId: string): Promise<EducationCheckInPayload> {
    const activity = await this.dataSource.manager.findOneByOrFail(EducationActivityEntity, { id: activityId });
    const attendance = await this.dataSource.manager.findOneByOrFail(EducationAttendanceRow, { activityId, personId });
    return { activityId, activityTitle: activity.title, personId, recordedAt: attendance.recordedAt };
  }

  /**
   * Inserts the attendance of those not yet recorded (the activity row is locked, so the check holds), marks
   * the activity held, and records the events. Answers how many were new.
   */
  private async record(
    manager: EntityManager,
    caller: Caller,
    activity: EducationActivityEntity,
    people: KnownPerson[],
    method: AttendanceMethod,
    at: Date = this.settings.now(),
  ): Promise<number> {
    const already = new Set<string>();
    for (const part of chunks(people.map((person) => person.id))) {
      const rows = await manager.find(EducationAttendanceRow, { select: { personId: true }, where: { activityId: activity.id, personId: In(part) } });
      for (const row of rows) already.add(row.personId);
    }
    const fresh = people.filter((person) => !already.has(person.id));
    await recountCoverage(manager, fresh.map((person) => person.id), async () => {
      for (const part of chunks(fresh)) {
        await manager.insert(
          EducationAttendanceRow,
          part.map((person) => ({
            activityId: activity.id,
            personId: person.id,
            personOrgUnitId: person.orgUnitId,
            personOrgPath: person.orgPath,
            heldAt: activity.startsAt,
            method,
            recordedAt: at,
            recordedBy: caller.viewer.accountId,
          })),
        );
      }
    });
    if (activity.status === EducationActivityStatus.PLANNED && fresh.length) {
      activity.status = requireTransition(EDUCATION_ACTIVITY_TRANSITIONS, 'RECORD_ATTENDANCE', activity.status, activity.id);
      await manager.save(activity);
      await recordEvent(manager, EducationActivityHeld, activity.id, {
        id: activity.id,
        orgUnitId: activity.orgUnitId,
        orgPath: activity.orgPath,
        kind: activity.kind,
        topics: activity.topics,
        startsAt: activity.startsAt.toISOString(),
        endsAt: activity.endsAt.toISOString(),
      });
    }
    // One event per 1,000 attendees keeps each message well under Kafka's default 1 MB limit.
    for (const part of chunks(fresh)) {
      await recordEvent(manager, AttendanceRecorded, activity.id, {
        activityId: activity.id,
        orgUnitId: activity.orgUnitId,
        orgPath: activity.orgPath,
        topics: activity.topics,
        heldAt: activity.startsAt.toISOString(),
        method,
        attendees: part.map((person) => ({ personId: person.id, orgUnitId: person.orgUnitId, orgPath: person.orgPath })),
      });
    }
    return fresh.length;
  }

  /** Is a person of the audience: of its kinds, in one of its units' subtrees. */
  private async audienceTest(manager: EntityManager, activity: EducationActivityEntity): Promise<(person: KnownPerson) => boolean> {
    const units = await manager.find(EducationActivityAudienceRow, { where: { activityId: activity.id } });
    const kinds = new Set<string>(activity.audienceKinds);
    return (person) => kinds.has(person.kind) && units.some((unit) => person.orgPath.startsWith(unit.orgPath));
  }

  private async read(contentBase64: string): Promise<SignInRow[]> {
    const content = Buffer.from(contentBase64, 'base64');
    if (content.length === 0) throw new BadUserInputError([{ field: 'contentBase64', message: '文件内容为空' }]);
    let rows: SignInRow[];
    try {
      rows = await readSignInSheet(content);
    } catch (error) {
      if (error instanceof SignInSheetError) throw new BadUserInputError([{ field: 'contentBase64', message: error.message }]);
      throw error;
    }
    if (rows.length === 0) throw new BadUserInputError([{ field: 'contentBase64', message: '文件中没有数据行' }]);
    if (rows.length > MAX_SIGN_IN_ROWS) {
      throw new BadUserInputError([{ field: 'contentBase64', message: `一次最多导入 ${MAX_SIGN_IN_ROWS} 行，文件有 ${rows.length} 行` }]);
    }
    return rows;
  }

  private async peopleById(manager: EntityManager, ids: readonly string[]): Promise<Map<string, KnownPerson>> {
    const found = new Map<string, KnownPerson>();
    for (const part of chunks(ids)) {
      const rows = await manager.query(`SELECT id, name, kind, org_unit_id, org_path, active FROM person_projection WHERE id IN (${placeholders(part)})`, part);
      for (const row of rows) found.set(row.id, personFromRow(row));
    }
    return found;
  }

  /** Everything the sheet's rows refer to, a few statements per thousand rows. */
  private async lookups(manager: EntityManager, rows: SignInRow[]): Promise<SignInLookups> {
    const peopleById = await this.peopleById(manager, [...new Set(rows.map((row) => row.personId).filter(Boolean))]);
    const byName = rows.filter((row) => !row.personId && row.name && row.unitCode);
    const unitsByCode = new Map<string, string>();
    for (const part of chunks([...new Set(byName.map((row) => row.unitCode))])) {
      const units: { id: string; code: string }[] = await manager.query(`SELECT id, code FROM org_unit_projection WHERE code IN (${placeholders(part)})`, part);
      for (const unit of units) unitsByCode.set(unit.code, unit.id);
    }
    const peopleByUnitAndName = new Map<string, KnownPerson[]>();
    const unitIds = [...new Set(unitsByCode.values())];
    const names = [...new Set(byName.map((row) => row.name))];
    if (unitIds.length) {
      for (const part of chunks(names)) {
        const people = await manager.query(
          `SELECT id, name, kind, org_unit_id, org_path, active FROM person_projection WHERE org_unit_id IN (${placeholders(unitIds)}) AND name IN (${placeholders(part)})`,
          [...unitIds, ...part],
        );
        for (const person of people.map(personFromRow)) {
          const key = `${person.orgUnitId}/${person.name}`;
          peopleByUnitAndName.set(key, [...(peopleByUnitAndName.get(key) ?? []), person]);
        }
      }
    }
    return { peopleById, unitsByCode, peopleByUnitAndName };
  }
}
