import { newId } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, ExportFile, FieldProblem } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { auditedDelete, clientRequest, enclosingPaths, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { DayRange, daysBetween, NATIONAL_SAFETY_DAYS, NationalSafetyDay, nationalSafetyDay, ownDayRangeIn, rangesOverlapping } from './calendar';
import { icsCalendar } from './ics';
import { SAFETY_DAY_ACCESS } from './safety-day.access';
import { SafetyDayEntity } from './safety-day.entity';
import { CreateSafetyDayInput, RemoveSafetyDayInput, UpdateSafetyDayInput } from './safety-day.inputs';
import { SafetyDay, SafetyDayOccurrence, toNationalSafetyDay, toOwnSafetyDay } from './safety-day.types';

/** A safety day as the calendar works with it: what the client sees, whose it is, and its dates in a year. */
export interface DayDefinition {
  day: SafetyDay;
  /** The unit that set it (its days apply to that unit's subtree); null for a national day (everyone's). */
  orgPath: string | null;
  rangeIn(year: number): DayRange | null;
}

/** The longest own day: a safety week or month, not a season. */
const MAX_SPAN_DAYS = 30;

export function nationalDefinition(day: NationalSafetyDay): DayDefinition {
  return { day: toNationalSafetyDay(day), orgPath: null, rangeIn: (year) => (year >= day.since ? day.rangeIn(year) : null) };
}

export function ownDefinition(entity: SafetyDayEntity): DayDefinition {
  return { day: toOwnSafetyDay(entity), orgPath: entity.orgPath, rangeIn: (year) => ownDayRangeIn(entity, year) };
}

/** Does a day apply to the unit at this path? National days apply everywhere, a unit's own to its subtree. */
export function appliesTo(definition: DayDefinition, path: string): boolean {
  return definition.orgPath === null || path.startsWith(definition.orgPath);
}

/** The occurrences of the days overlapping [from, to], soonest first. */
export function occurrencesBetween(definitions: readonly DayDefinition[], from: string, to: string): SafetyDayOccurrence[] {
  return definitions
    .flatMap((definition) => rangesOverlapping((year) => definition.rangeIn(year), from, to).map((range) => ({ day: definition.day, ...range })))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.day.name.localeCompare(b.day.name, 'zh'));
}

export class SafetyDayService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly now: () => Date,
  ) {}

  /** Today in the school's time zone. */
  today(): string {
    return calendarDateOf(this.now());
  }

  /** A day by id: a national code, or a unit's own day the caller sees (else NOT_FOUND). */
  async definition(manager: EntityManager, caller: Caller, id: string): Promise<DayDefinition> {
    const national = nationalSafetyDay(id);
    if (national) return nationalDefinition(national);
    return ownDefinition(await SAFETY_DAY_ACCESS.find(manager, caller, id));
  }

  async get(caller: Caller, id: string): Promise<SafetyDay> {
    return (await this.definition(this.dataSource.manager, caller, id)).day;
  }

  /**
   * The days that concern a unit, as the caller sees them: the national days, the own days of the unit and
   * the units above it, and (with `below`) those of the units below it. One statement.
   */
  async definitionsAround(caller: Caller, path: string, below = false): Promise<DayDefinition[]> {
    const query = this.dataSource.getRepository(SafetyDayEntity).createQueryBuilder('d');
    const visible = SAFETY_DAY_ACCESS.where(caller, 'd');
    query.where(visible.sql, visible.params);
    const owners = below ? '(d.org_path IN (:...owners) OR d.org_path LIKE :below)' : 'd.org_path IN (:...owners)';
    query.andWhere(owners, { owners: [...enclosingPaths(path), path], below: `${path}%` });
    const own = await query.orderBy('d.start_date').addOrderBy('d.id').getMany();
    return [...NATIONAL_SAFETY_DAYS.map(nationalDefinition), ...own.map(ownDefinition)];
  }

  /** The calendar of a unit for a year: the national days and the own days that apply to it. */
  async calendar(caller: Caller, orgUnitId: string, year: number): Promise<SafetyDayOccurrence[]> {
    checkYear(year);
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    return occurrencesBetween(await this.definitionsAround(caller, path), `${year}-01-01`, `${year}-12-31`);
  }

  /** The calendar as an .ics file: the given year, or this year and the next. */
  async calendarFile(caller: Caller, orgUnitId: string, year?: number | null): Promise<ExportFile> {
    if (year !== undefined && year !== null) checkYear(year);
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    const first = year ?? Number(this.today().slice(0, 4));
    const last = year ?? first + 1;
    const occurrences = occurrencesBetween(await this.definitionsAround(caller, path), `${first}-01-01`, `${last}-12-31`);
    const events = occurrences.map((occurrence) => ({
      uid: `${occurrence.day.id}-${occurrence.startDate}@safety-days.campus`,
      startDate: occurrence.startDate,
      endDate: occurrence.endDate,
      summary: occurrence.day.name,
      description: [occurrence.day.rule, occurrence.day.description].filter(Boolean).join('。'),
    }));
    const text = icsCalendar('安全主题日', events, this.now());
    const span = year ?? `${first}-${last}`;
    return { filename: `安全主题日-${span}.ics`, contentType: 'text/calendar; charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64') };
  }

  async create(caller: Caller, input: CreateSafetyDayInput): Promise<SafetyDay> {
    const endDate = input.endDate ?? input.startDate;
    const problems = dateProblems(input.startDate, endDate, input.annual);
    if (problems.length) throw new BadUserInputError(problems);
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    SAFETY_DAY_ACCESS.checkRole(caller, 'create', path);
    const repository = this.dataSource.getRepository(SafetyDayEntity);
    const day = repository.create({
      id: newId(),
      name: input.name.trim(),
      description: input.description?.trim() || null,
      startDate: input.startDate,
      endDate,
      annual: input.annual,
      orgUnitId: input.orgUnitId,
      orgPath: path,
    });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createSafetyDay', input), async (manager) => {
      await manager.save(day);
      return toOwnSafetyDay(day);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  async update(caller: Caller, input: UpdateSafetyDayInput): Promise<SafetyDay> {
    return this.dataSource.transaction(async (manager) => {
      const day = await SAFETY_DAY_ACCESS.lock(manager, caller, 'edit', input);
      const dates = { startDate: input.startDate ?? day.startDate, endDate: input.endDate ?? input.startDate ?? day.endDate, annual: input.annual ?? day.annual };
      const datesChange = dates.startDate !== day.startDate || dates.endDate !== day.endDate || dates.annual !== day.annual;
      if (datesChange) {
        const problems = dateProblems(dates.startDate, dates.endDate, dates.annual);
        if (problems.length) throw new BadUserInputError(problems);
        await refuseWhileInUse(manager, day, '已有单位为该安全主题日制定活动计划或关联活动，不能再改日期');
      }
      Object.assign(day, dates);
      day.name = input.name?.trim() ?? day.name;
      if (input.description !== undefined) day.description = input.description?.trim() || null;
      await manager.save(day);
      return toOwnSafetyDay(day);
    });
  }

  /** Removes a day nobody has planned or linked an activity to; answers its id. */
  async remove(caller: Caller, input: RemoveSafetyDayInput): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const day = await SAFETY_DAY_ACCESS.lock(manager, caller, 'remove', input);
      await refuseWhileInUse(manager, day, '已有单位为该安全主题日制定活动计划或关联活动，不能删除');
      await auditedDelete(manager, SafetyDayEntity, { id: day.id });
      return day.id;
    });
  }
}

/** CONFLICT (IN_USE) while a plan or an activity link of any unit refers to the day. */
async function refuseWhileInUse(manager: EntityManager, day: SafetyDayEntity, message: string): Promise<void> {
  const [uses]: { plans: string; links: string }[] = await manager.query(
    `SELECT (SELECT COUNT(*) FROM safety_day_plan WHERE day_id = ?) AS plans, (SELECT COUNT(*) FROM safety_day_activity_link WHERE day_id = ?) AS links`,
    [day.id, day.id],
  );
  if (Number(uses.plans) + Number(uses.links) > 0) throw new ConflictError('IN_USE', message, { id: day.id, plans: Number(uses.plans), links: Number(uses.links) });
}

/** The occurrence of a day (applying to the unit at `path`) that contains `date`: CONFLICT otherwise. */
export function occurrenceContaining(definition: DayDefinition, path: string, date: string): DayRange {
  if (!appliesTo(definition, path)) {
    throw new ConflictError('OUTSIDE_RANGE', `“${definition.day.name}”是其他单位设立的安全主题日，不适用于本单位`, { dayId: definition.day.id });
  }
  const [range] = rangesOverlapping((year) => definition.rangeIn(year), date, date);
  if (!range) {
    throw new ConflictError('OUTSIDE_RANGE', `${date} 不在“${definition.day.name}”的日期内（${definition.day.rule}）`, { dayId: definition.day.id, date });
  }
  return range;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadUserInputError([{ field: 'year', message: '年份应在 2000–2100 之间' }]);
}

function dateProblems(startDate: string, endDate: string, annual: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const span = daysBetween(startDate, endDate);
  if (span < 0) problems.push({ field: 'endDate', message: '结束日期不能早于开始日期' });
  if (span > MAX_SPAN_DAYS) problems.push({ field: 'endDate', message: `安全主题日最长 ${MAX_SPAN_DAYS + 1} 天` });
  if (annual && [startDate, endDate].some((day) => day.slice(5) === '02-29')) {
    problems.push({ field: 'startDate', message: '每年重复的安全主题日不能包含 2 月 29 日' });
  }
  return problems;
}
