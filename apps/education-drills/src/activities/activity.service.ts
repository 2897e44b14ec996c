import { keysetPage, newId, SqlCondition, subtreeCondition, isDuplicateKey } from '@campus/database';
import { BadUserInputError, Caller, ConnectionShape, decodeCursor, LoaderRegistry, schoolDayEnd, schoolDayStart, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { auditedDelete, clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import DataLoader from 'dataloader';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AudienceKind } from '../people/audience-kind';
import { AttendanceMethod, EducationActivityStatus } from './activity-enums';
import { EDUCATION_ACTIVITY_ACCESS, EDUCATION_ACTIVITY_TRANSITIONS } from './activity.access';
import { EducationActivityAudienceRow, EducationActivityEntity } from './activity.entity';
import { CancelEducationActivityInput, CreateEducationActivityInput, EducationActivityFilter, UpdateEducationActivityInput } from './activity.inputs';
import { EducationActivity, EducationAttendee, toEducationActivity } from './activity.types';
import { recountCoverage, schoolDayOf } from './coverage-rollup';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const WINDOW_MARGIN_MS = 30 * 60 * 1000;

/** An 8-character check-in code without look-alike characters (0/O, 1/I/L). */
export function newCheckInCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

interface Schedule {
  startsAt: Date;
  endsAt: Date;
  checkInOpensAt: Date;
  checkInClosesAt: Date;
}

/** The end after the start, and a check-in window that closes after it opens. */
function checkSchedule(schedule: Schedule): void {
  const problems = [];
  if (schedule.endsAt.getTime() <= schedule.startsAt.getTime()) problems.push({ field: 'endsAt', message: '结束时间应晚于开始时间' });
  if (schedule.checkInClosesAt.getTime() <= schedule.checkInOpensAt.getTime()) {
    problems.push({ field: 'checkInClosesAt', message: '签到截止时间应晚于签到开始时间' });
  }
  if (problems.length) throw new BadUserInputError(problems);
}

interface AttendeeRow {
  person_id: string;
  person_org_unit_id: string;
  method: AttendanceMethod;
  recorded_at: Date;
  name: string | null;
  kind: AudienceKind | null;
}

export class EducationActivityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async get(caller: Caller, id: string): Promise<EducationActivity> {
    return toEducationActivity(await EDUCATION_ACTIVITY_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, filter: EducationActivityFilter, first: number, after?: string | null): Promise<ConnectionShape<EducationActivity>> {
    const query = this.dataSource.getRepository(EducationActivityEntity).createQueryBuilder('a');
    for (const condition of await this.filterConditions(caller, filter, 'a')) query.andWhere(condition.sql, condition.params);
    const order = { column: 'starts_at', direction: 'DESC' as const, fromCursor: (value: string) => new Date(value) };
    const page = await keysetPage(query, 'a', order, first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, (row) => [row.startsAt.toISOString(), row.id], toEducationActivity);
  }

  /** Activities in the caller's scope for the ledger, oldest first. */
  async ledgerRows(caller: Caller, filter: EducationActivityFilter, limit: number): Promise<EducationActivityEntity[]> {
    const query = this.dataSource.getRepository(EducationActivityEntity).createQueryBuilder('a');
    for (const condition of await this.filterConditions(caller, filter, 'a')) query.andWhere(condition.sql, condition.params);
    return query.orderBy('a.starts_at', 'ASC').addOrderBy('a.id', 'ASC').take(limit).getMany();
  }

  async create(caller: Caller, input: CreateEducationActivityInput): Promise<EducationActivity> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    EDUCATION_ACTIVITY_ACCESS.checkRole(caller, 'create', path);
    const audience = await this.audienceUnits(caller, path, input.audienceUnitIds ?? [input.orgUnitId]);
    const schedule = {
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      checkInOpensAt: input.checkInOpensAt ?? new Date(input.startsAt.getTime() - WINDOW_MARGIN_MS),
      checkInClosesAt: input.checkInClosesAt ?? new Date(input.endsAt.getTime() + WINDOW_MARGIN_MS),
    };
    checkSchedule(schedule);
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createEducationActivity', input), async (manager) => {
          const activity = manager.create(EducationActivityEntity, {
            id: newId(),
            orgUnitId: input.orgUnitId,
            orgPath: path,
            title: input.title,
            kind: input.kind,
            topics: [...new Set(input.topics)],
            audienceKinds: [...new Set(input.audienceKinds)],
            ...schedule,
            placeText: input.placeText ?? null,
            lecturer: input.lecturer ?? null,
            materials: input.materials ?? null,
            status: EducationActivityStatus.PLANNED,
            checkInCode: newCheckInCode(),
            cancelReason: null,
          });
          await manager.save(activity);
          await manager.insert(EducationActivityAudienceRow, audience.map((unit) => ({ activityId: activity.id, orgUnitId: unit.id, orgPath: unit.path })));
          return toEducationActivity(activity);
        }));
        return outcome.created ?? (await this.get(caller, outcome.id));
      } catch (error) {
        // A code already taken by another activity: draw again (31^8 codes make a second clash unheard of).
        if (!isDuplicateKey(error) || attempt >= 3) throw error;
      }
    }
  }

  async update(caller: Caller, input: UpdateEducationActivityInput): Promise<EducationActivity> {
    return this.dataSource.transaction(async (manager) => {
      const audienceChanges = Boolean(input.audienceUnitIds || input.audienceKinds);
      const { row: activity } = await lockTransition(EDUCATION_ACTIVITY_ACCESS, manager, caller, EDUCATION_ACTIVITY_TRANSITIONS, audienceChanges ? 'EDIT_AUDIENCE' : 'EDIT', input);
      if (input.audienceUnitIds) {
        const audience = await this.audienceUnits(caller, activity.orgPath, input.audienceUnitIds);
        await auditedDelete(manager, EducationActivityAudienceRow, { activityId: activity.id });
        await manager.insert(EducationActivityAudienceRow, audience.map((unit) => ({ activityId: activity.id, orgUnitId: unit.id, orgPath: unit.path })));
      }
      activity.audienceKinds = input.audienceKinds ? [...new Set(input.audienceKinds)] : activity.audienceKinds;
      const startsAt = input.startsAt ?? activity.startsAt;
      const countedAs = countedAsOf(activity);
      activity.title = input.title ?? activity.title;
      activity.kind = input.kind ?? activity.kind;
      activity.topics = input.topics ? [...new Set(input.topics)] : activity.topics;
      activity.placeText = input.placeText ?? activity.placeText;
      activity.lecturer = input.lecturer ?? activity.lecturer;
      activity.materials = input.materials ?? activity.materials;
      activity.startsAt = startsAt;
      activity.endsAt = input.endsAt ?? activity.endsAt;
      activity.checkInOpensAt = input.checkInOpensAt ?? activity.checkInOpensAt;
      activity.checkInClosesAt = input.checkInClosesAt ?? activity.checkInClosesAt;
      checkSchedule(activity);
      const save = async () => {
        await manager.save(activity);
        // Coverage counts attendance by the activity's start: moved activities move their attendance.
        await manager.query('UPDATE education_attendance SET held_at = ? WHERE activity_id = ?', [startsAt, activity.id]);
      };
      if (countedAsOf(activity) === countedAs) await save();
      else await recountCoverage(manager, await attendeeIds(manager, activity.id), save);
      return toEducationActivity(activity);
    });
  }

  async cancel(caller: Caller, input: CancelEducationActivityInput): Promise<EducationActivity> {
    return this.dataSource.transaction(async (manager) => {
      const { row: activity, next } = await lockTransition(EDUCATION_ACTIVITY_ACCESS, manager, caller, EDUCATION_ACTIVITY_TRANSITIONS, 'CANCEL', input);
      activity.status = next;
      activity.cancelReason = input.reason;
      await manager.save(activity);
      return toEducationActivity(activity);
    });
  }

  /** The code only for those who may record attendance (it is shown on the screen in the room, not to the audience's apps). */
  checkInCodeFor(caller: Caller, activity: EducationActivity): string | null {
    return EDUCATION_ACTIVITY_ACCESS.allows(caller, 'RECORD_ATTENDANCE', activity.orgPath) ? activity.code : null;
  }

  /** Audience unit ids of many activities: one statement per request. */
  audienceUnitIds(loaders: LoaderRegistry, activityId: string): Promise<string[]> {
    return loaders
      .get('EducationActivity.audienceUnits', () => new DataLoader<string, string[]>(async (ids) => {
        const rows: { activity_id: string; org_unit_id: string }[] = await this.dataSource.query(
          `SELECT activity_id, org_unit_id FROM education_activity_audience WHERE activity_id IN (${ids.map(() => '?').join(', ')}) ORDER BY org_path`,
          [...ids],
        );
        return ids.map((id) => rows.filter((row) => row.activity_id === id).map((row) => row.org_unit_id));
      }))
      .load(activityId);
  }

  /** Attendance counts of many activities: one statement per request. */
  attendeeCount(loaders: LoaderRegistry, activityId: string): Promise<number> {
    return loaders
      .get('EducationActivity.attendeeCount', () => new DataLoader<string, number>(async (ids) => {
        const counts = await attendanceCounts(this.dataSource.manager, ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }))
      .load(activityId);
  }

  /** Who attended one activity, in the order they were recorded. */
  async attendees(activityId: string, first: number, after?: string | null): Promise<ConnectionShape<EducationAttendee>> {
    const cursor = decodeCursor(after, 2);
    const params: unknown[] = [activityId];
    let keyset = '';
    if (cursor) {
      keyset = 'AND (e.recorded_at > ? OR (e.recorded_at = ? AND e.person_id > ?))';
      params.push(new Date(String(cursor[0])), new Date(String(cursor[0])), String(cursor[1]));
    }
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT e.person_id, e.person_org_unit_id, e.method, e.recorded_at, p.name, p.kind
         FROM education_attendance e LEFT JOIN person_projection p ON p.id = e.person_id
         WHERE e.activity_id = ? ${keyset} ORDER BY e.recorded_at, e.person_id LIMIT ${first + 1}`,
        params,
      ),
      this.dataSource.query('SELECT COUNT(*) AS total FROM education_attendance WHERE activity_id = ?', [activityId]),
    ]);
    return toConnection(rows as AttendeeRow[], first, Number(total), (row) => [new Date(row.recorded_at).toISOString(), row.person_id], (row) => ({
      personId: row.person_id,
      name: row.name ?? '',
      kind: row.kind ?? null,
      orgUnit: { id: row.person_org_unit_id },
      method: row.method,
      recordedAt: row.recorded_at,
    }));
  }

  /** The audience units: visible to the caller, and the organiser unit or below it. */
  private async audienceUnits(caller: Caller, organiserPath: string, unitIds: string[]): Promise<{ id: string; path: string }[]> {
    const units = [];
    for (const id of [...new Set(unitIds)]) {
      const path = await visibleUnitPath(this.directory, caller, id);
      if (!path.startsWith(organiserPath)) {
        throw new BadUserInputError([{ field: 'audienceUnitIds', message: `参加单位 ${id} 不是组织单位或其下级单位` }]);
      }
      units.push({ id, path });
    }
    return units;
  }

  private async filterConditions(caller: Caller, filter: EducationActivityFilter, alias: string): Promise<SqlCondition[]> {
    const conditions = [EDUCATION_ACTIVITY_ACCESS.where(caller, 'view', `${alias}.org_path`)];
    if (filter.orgUnitId) {
      conditions.push(subtreeCondition(`${alias}.org_path`, await visibleUnitPath(this.directory, caller, filter.orgUnitId), 'unitPath'));
    }
    if (filter.from) conditions.push({ sql: `${alias}.starts_at >= :from`, params: { from: schoolDayStart(filter.from) } });
    if (filter.to) conditions.push({ sql: `${alias}.starts_at < :to`, params: { to: schoolDayEnd(filter.to) } });
    if (filter.kinds?.length) conditions.push({ sql: `${alias}.kind IN (:...kinds)`, params: { kinds: filter.kinds } });
    if (filter.status?.length) conditions.push({ sql: `${alias}.status IN (:...status)`, params: { status: filter.status } });
    if (filter.topics?.length) {
      const parts = filter.topics.map((_, index) => `FIND_IN_SET(:topic${index}, ${alias}.topics) > 0`);
      conditions.push({ sql: `(${parts.join(' OR ')})`, params: Object.fromEntries(filter.topics.map((topic, index) => [`topic${index}`, topic])) });
    }
    return conditions;
  }
}

/** Attendance per activity, by method too (for the ledger). */
/** What the coverage rollup counts of an activity's attendance: its school day and topics. */
function countedAsOf(activity: EducationActivityEntity): string {
  return `${schoolDayOf(activity.startsAt)}:${[...activity.topics].sort().join(',')}`;
}

async function attendeeIds(manager: EntityManager, activityId: string): Promise<string[]> {
  const rows: { person_id: string }[] = await manager.query('SELECT person_id FROM education_attendance WHERE activity_id = ?', [activityId]);
  return rows.map((row) => row.person_id);
}

export async function attendanceCounts(manager: EntityManager, activityIds: readonly string[], method?: string): Promise<Map<string, number>> {
  if (!activityIds.length) return new Map();
  const rows: { activity_id: string; count: string }[] = await manager.query(
    `SELECT activity_id, COUNT(*) AS count FROM education_attendance WHERE activity_id IN (${activityIds.map(() => '?').join(', ')})
     ${method ? 'AND method = ?' : ''} GROUP BY activity_id`,
    method ? [...activityIds, method] : [...activityIds],
  );
  return new Map(rows.map((row) => [row.activity_id, Number(row.count)]));
}
