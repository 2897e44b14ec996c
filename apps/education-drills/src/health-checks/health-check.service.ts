import { isDuplicateKey, keysetPage, newId, subtreeCondition } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, ConnectionShape, decodeCursor, FieldProblem, orgUnitReference, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { PersonProjectionRow } from '../people/person-projection.entity';
import type { EducationSettings } from '../service';
import { HEALTH_CHECK_SESSION_LABELS } from './health-check-enums';
import { isSchoolDay, timelinessOf } from './health-check-timing';
import { HEALTH_CHECK_ACCESS, HEALTH_CHECK_CLASS_ACCESS, HEALTH_CHECK_SCHEDULE_ACCESS } from './health-check.access';
import { HealthCheckEntity, HealthCheckFigures, HealthCheckRevisionEntity, HealthCheckScheduleEntity } from './health-check.entity';
import { CorrectHealthCheckInput, HealthCheckFiguresInput, HealthCheckFilter, RecordHealthCheckInput, SetHealthCheckSessionsInput } from './health-check.inputs';
import { HealthCheck, HealthCheckSchedule, toHealthCheck } from './health-check.types';
import { sessionsAt } from './health-check-schedule';

const CLASS_KIND = 'CLASS';
const SYMPTOM_FIELDS = ['fever', 'cough', 'diarrhoea', 'rash', 'otherSymptoms'] as const;
const MAX_LIST_DAYS = 366;
const DEFAULT_LIST_DAYS = 30;

/** Present within enrolled, illness absences within absences, each symptom count within those enrolled. */
export function figureProblems(figures: HealthCheckFiguresInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (figures.present > figures.enrolled) problems.push({ field: 'figures.present', message: `实到人数（${figures.present}）不能多于应到人数（${figures.enrolled}）` });
  else if (figures.absentForIllness > figures.enrolled - figures.present) {
    problems.push({ field: 'figures.absentForIllness', message: `因病缺勤人数不能多于缺勤人数（${figures.enrolled - figures.present}）` });
  }
  for (const field of SYMPTOM_FIELDS) {
    if (figures[field] > figures.enrolled) problems.push({ field: `figures.${field}`, message: '有症状的人数不能多于应到人数' });
  }
  return problems;
}

function figuresOf(input: HealthCheckFiguresInput): HealthCheckFigures {
  const { enrolled, present, absentForIllness, fever, cough, diarrhoea, rash, otherSymptoms } = input;
  return { enrolled, present, absentForIllness, fever, cough, diarrhoea, rash, otherSymptoms, notes: input.notes ?? null };
}

function requireValid(problems: FieldProblem[]): void {
  if (problems.length) throw new BadUserInputError(problems);
}

/** 晨午晚检: one record per class, school day and session, its entry time the server's; corrections keep the old figures. */
export class HealthCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  async get(caller: Caller, id: string): Promise<HealthCheck> {
    return toHealthCheck(await HEALTH_CHECK_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  /** Checks of a unit's classes over a period, the latest day first. */
  async list(caller: Caller, filter: HealthCheckFilter, first: number, after?: string | null): Promise<ConnectionShape<HealthCheck>> {
    const path = await visibleUnitPath(this.directory, caller, filter.orgUnitId);
    const to = filter.to ?? calendarDateOf(this.settings.now());
    const from = filter.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - DEFAULT_LIST_DAYS * 86_400_000).toISOString().slice(0, 10);
    requireValid(periodProblems(from, to));
    const query = this.dataSource.getRepository(HealthCheckEntity).createQueryBuilder('c');
    for (const condition of [HEALTH_CHECK_ACCESS.where(caller, 'view', 'c.org_path'), subtreeCondition('c.org_path', path, 'unitPath')]) {
      query.andWhere(condition.sql, condition.params);
    }
    query.andWhere('c.check_date BETWEEN :from AND :to', { from, to });
    const order = { column: 'check_date', direction: 'DESC' as const, fromCursor: (value: string) => value };
    const page = await keysetPage(query, 'c', order, first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, (row) => [row.checkDate, row.id], toHealthCheck);
  }

  async record(caller: Caller, input: RecordHealthCheckInput): Promise<HealthCheck> {
    const enteredAt = this.settings.now();
    const problems = figureProblems(input.figures);
    if (input.checkDate > calendarDateOf(enteredAt)) problems.push({ field: 'checkDate', message: '检查日期不能晚于今天' });
    else if (!isSchoolDay(input.checkDate)) problems.push({ field: 'checkDate', message: '周六、周日不是上课日，不填报晨午晚检' });
    const outcome = await this.refuseDuplicate(input, () =>
      this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'recordHealthCheck', input), async (manager) => {
        const unit = await HEALTH_CHECK_CLASS_ACCESS.find(manager, caller, 'record', input.orgUnitId);
        if (unit.kind !== CLASS_KIND) problems.push({ field: 'orgUnitId', message: '晨午晚检按班级填报，所选单位不是班级' });
        else if (!(await sessionsAt(manager, unit.path)).sessions.includes(input.session)) {
          problems.push({ field: 'session', message: `本班未设置${HEALTH_CHECK_SESSION_LABELS[input.session]}（寄宿学校可由学校设置晚检）` });
        }
        requireValid(problems);
        const row = manager.create(HealthCheckEntity, {
          id: newId(),
          orgUnitId: unit.id,
          orgPath: unit.path,
          checkDate: input.checkDate,
          session: input.session,
          ...figuresOf(input.figures),
          enteredAt,
          timeliness: timelinessOf(input.checkDate, input.session, enteredAt),
          recordedByAccountId: caller.viewer.accountId,
          recordedByName: await this.nameOf(manager, caller),
          correctedAt: null,
        });
        await manager.save(row);
        return toHealthCheck(row);
      })),
    );
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** New figures for a check; the replaced ones are kept with who, when and why. The entry time (and so timeliness) stays. */
  async correct(caller: Caller, input: CorrectHealthCheckInput): Promise<HealthCheck> {
    return this.dataSource.transaction(async (manager) => {
      const row = await HEALTH_CHECK_ACCESS.lock(manager, caller, 'correct', input);
      requireValid(figureProblems(input.figures));
      const correctedAt = this.settings.now();
      const previous = figuresOf({ ...row, notes: row.notes ?? undefined });
      await manager.insert(HealthCheckRevisionEntity, {
        id: newId(),
        healthCheckId: row.id,
        version: row.version,
        previousFigures: previous,
        reason: input.reason,
        correctedByAccountId: caller.viewer.accountId,
        correctedByName: await this.nameOf(manager, caller),
        correctedAt,
      });
      Object.assign(row, figuresOf(input.figures), { correctedAt });
      await manager.save(row);
      return toHealthCheck(row);
    });
  }

  /** The sessions the classes under a unit check: its own setting, else the nearest one above, else 晨检 and 午检. */
  async schedule(caller: Caller, orgUnitId: string): Promise<HealthCheckSchedule> {
    const unit = await HEALTH_CHECK_SCHEDULE_ACCESS.find(this.dataSource.manager, caller, 'view', orgUnitId);
    return { orgUnit: orgUnitReference(unit.id), ...(await sessionsAt(this.dataSource.manager, unit.path)) };
  }

  async setSchedule(caller: Caller, input: SetHealthCheckSessionsInput): Promise<HealthCheckSchedule> {
    await this.dataSource.transaction(async (manager) => {
      const unit = await HEALTH_CHECK_SCHEDULE_ACCESS.find(manager, caller, 'set', input.orgUnitId);
      const sessions = [...new Set(input.sessions)].join(',');
      const existing = await manager.findOne(HealthCheckScheduleEntity, { where: { orgUnitId: unit.id }, lock: { mode: 'pessimistic_write' } });
      if (existing) await manager.save(Object.assign(existing, { sessions, orgPath: unit.path, updatedByAccountId: caller.viewer.accountId }));
      else {
        await manager.insert(HealthCheckScheduleEntity, { id: newId(), orgUnitId: unit.id, orgPath: unit.path, sessions, updatedByAccountId: caller.viewer.accountId, version: 1 });
      }
    });
    return this.schedule(caller, input.orgUnitId);
  }

  private async nameOf(manager: EntityManager, caller: Caller): Promise<string | null> {
    if (!caller.viewer.personId) return null;
    return (await manager.findOne(PersonProjectionRow, { where: { id: caller.viewer.personId } }))?.name ?? null;
  }

  private async refuseDuplicate<T>(input: RecordHealthCheckInput, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new ConflictError('DUPLICATE', `该班级 ${input.checkDate} 的${HEALTH_CHECK_SESSION_LABELS[input.session]}已填报，如有错误请更正原记录`, {
        orgUnitId: input.orgUnitId,
        checkDate: input.checkDate,
        session: input.session,
      });
    }
  }
}

/** A period: from not after to, at most a year. */
export function periodProblems(from: string, to: string): FieldProblem[] {
  if (from > to) return [{ field: 'to', message: '截止日期不能早于起始日期' }];
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_LIST_DAYS) return [{ field: 'to', message: '期间最长一年' }];
  return [];
}

