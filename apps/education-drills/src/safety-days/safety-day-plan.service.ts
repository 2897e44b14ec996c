import { auditedDelete, clientRequest, CreateOutcome, oncePerRequest } from '@campus/server';
import { escapeLike, isDuplicateKey, newId } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, orgUnitReference } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { DataSource, In } from 'typeorm';
import { EducationActivityStatus } from '../activities/activity-enums';
import { EDUCATION_ACTIVITY_ACCESS } from '../activities/activity.access';
import { addDays, daysBetween } from './calendar';
import { SAFETY_DAY_ACCESS, SAFETY_DAY_PLAN_ACCESS } from './safety-day.access';
import { SafetyDayActivityLinkEntity, SafetyDayEntity, SafetyDayPlanEntity } from './safety-day.entity';
import { CancelSafetyDayPlanInput, LinkActivityToSafetyDayInput, PlanSafetyDayInput } from './safety-day.inputs';
import { occurrenceContaining, occurrencesBetween, SafetyDayService } from './safety-day.service';
import {
  SafetyDayActivityLink,
  SafetyDayKind,
  SafetyDayOccurrence,
  safetyDayOf,
  SafetyDayPlan,
  SafetyDayReadiness,
  toSafetyDayActivityLink,
  toSafetyDayPlan,
} from './safety-day.types';

/** Kinds of org unit (responsibility-network's OrgUnitKind) a readiness list may be drawn for. */
export const UNIT_KINDS = ['BUREAU', 'SCHOOL', 'COLLEGE', 'DEPARTMENT', 'OFFICE'];

const MAX_DAYS_AHEAD = 366;

interface ReadinessRow {
  occurrence: number;
  unit_id: string;
  planned: number | string;
}

export class SafetyDayPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly days: SafetyDayService,
  ) {}

  /** A unit's plan for one occurrence of a day: on a date within it, not in the past, one per unit and occurrence. */
  async plan(caller: Caller, input: PlanSafetyDayInput): Promise<SafetyDayPlan> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    SAFETY_DAY_PLAN_ACCESS.checkRole(caller, 'plan', path);
    const definition = await this.days.definition(this.dataSource.manager, caller, input.dayId);
    const occurrence = occurrenceContaining(definition, path, input.date);
    if (input.date < this.days.today()) throw new ConflictError('OUTSIDE_RANGE', `不能为已经过去的日期（${input.date}）制定计划`, { date: input.date });
    const repository = this.dataSource.getRepository(SafetyDayPlanEntity);
    const plan = repository.create({
      id: newId(),
      dayId: definition.day.id,
      occurrenceDate: occurrence.startDate,
      plannedDate: input.date,
      theme: input.theme.trim(),
      note: input.note?.trim() || null,
      orgUnitId: input.orgUnitId,
      orgPath: path,
      plannedByAccountId: caller.viewer.accountId,
    });
    const request = clientRequest(caller.viewer, 'planSafetyDay', input);
    let outcome: CreateOutcome<SafetyDayPlan>;
    try {
      outcome = await this.dataSource.transaction(
        oncePerRequest(request, async (manager) => {
          await manager.save(plan);
          return toSafetyDayPlan(plan, definition.day);
        }),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new ConflictError('DUPLICATE', `本单位已为${occurrence.startDate.slice(0, 4)}年的“${definition.day.name}”制定了计划，如需调整请先撤销`, {
        dayId: definition.day.id,
        occurrenceDate: occurrence.startDate,
      });
    }
    return outcome.created ?? toSafetyDayPlan(await repository.findOneByOrFail({ id: outcome.id }), definition.day);
  }

  async cancel(caller: Caller, input: CancelSafetyDayPlanInput): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await SAFETY_DAY_PLAN_ACCESS.lock(manager, caller, 'cancel', input);
      await auditedDelete(manager, SafetyDayPlanEntity, { id: plan.id });
      return plan.id;
    });
  }

  /**
   * Records that an education activity was held for an occurrence of a day: the activity (of the activities
   * area, as the caller sees it) must fall within the occurrence, be its unit's to link, and not be cancelled.
   */
  async link(caller: Caller, input: LinkActivityToSafetyDayInput): Promise<SafetyDayActivityLink> {
    const manager = this.dataSource.manager;
    const activity = await EDUCATION_ACTIVITY_ACCESS.find(manager, caller, 'view', input.activityId);
    SAFETY_DAY_PLAN_ACCESS.checkRole(caller, 'link', activity.orgPath);
    if (activity.status === EducationActivityStatus.CANCELLED) {
      throw new ConflictError('INACTIVE', `教育活动“${activity.title}”已取消，不能关联到安全主题日`, { activityId: activity.id });
    }
    const definition = await this.days.definition(manager, caller, input.dayId);
    const occurrence = occurrenceContaining(definition, activity.orgPath, calendarDateOf(activity.startsAt));
    const repository = this.dataSource.getRepository(SafetyDayActivityLinkEntity);
    const link = repository.create({
      id: newId(),
      dayId: definition.day.id,
      occurrenceDate: occurrence.startDate,
      activityId: activity.id,
      orgUnitId: activity.orgUnitId,
      orgPath: activity.orgPath,
      linkedByAccountId: caller.viewer.accountId,
    });
    try {
      await repository.save(link);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new ConflictError('DUPLICATE', `该教育活动已关联到${occurrence.startDate.slice(0, 4)}年的“${definition.day.name}”`, { activityId: activity.id });
    }
    return toSafetyDayActivityLink(link, definition.day);
  }

  /**
   * The occurrences of the next `days` days (one under way included) and, for each, the units below
   * `fromUnitId` — its direct children, or all its units of `unitKind` — to which the day applies and in
   * whose subtree nothing is planned or linked for it. Two statements: the own days, then every
   * (occurrence, unit) pair with whether anything is planned.
   */
  async upcoming(caller: Caller, fromUnitId: string, days: number, unitKind?: string | null): Promise<SafetyDayReadiness[]> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS_AHEAD) throw new BadUserInputError([{ field: 'days', message: `天数应为 1–${MAX_DAYS_AHEAD}` }]);
    if (unitKind && !UNIT_KINDS.includes(unitKind)) throw new BadUserInputError([{ field: 'unitKind', message: `单位类型应为 ${UNIT_KINDS.join('、')} 之一` }]);
    const path = await visibleUnitPath(this.directory, caller, fromUnitId);
    const today = this.days.today();
    const definitions = await this.days.definitionsAround(caller, path, true);
    const occurrences = occurrencesBetween(definitions, today, addDays(today, days));
    if (!occurrences.length) return [];
    const owners = new Map(definitions.map((definition) => [definition.day.id, definition.orgPath ?? '/']));
    const rows = await this.readiness(occurrences, owners, path, unitKind ?? null);
    const readiness = occurrences.map((occurrence, index) => {
      const units = rows.filter((row) => Number(row.occurrence) === index);
      return {
        occurrence,
        daysUntil: Math.max(0, daysBetween(today, occurrence.startDate)),
        unitCount: units.length,
        unplannedUnits: units.filter((row) => !Number(row.planned)).map((row) => orgUnitReference(row.unit_id)),
      };
    });
    // A unit's own day set deeper than the units listed concerns none of them.
    return readiness.filter((entry) => entry.unitCount > 0 || entry.occurrence.day.kind === SafetyDayKind.NATIONAL);
  }

  private readiness(occurrences: SafetyDayOccurrence[], owners: Map<string, string>, path: string, unitKind: string | null): Promise<ReadinessRow[]> {
    const derived = occurrences.map((_, index) => (index === 0 ? 'SELECT ? AS idx, ? AS day_id, ? AS occurrence_date, ? AS owner_like' : 'SELECT ?, ?, ?, ?'));
    const params: unknown[] = occurrences.flatMap((occurrence, index) => [
      index,
      occurrence.day.id,
      occurrence.startDate,
      `${escapeLike(owners.get(occurrence.day.id) ?? '/')}%`,
    ]);
    // Direct children: below the unit, with no '/' after their own id; or every unit of the kind below it.
    const below = unitKind ? 'u.kind = ?' : 'LOCATE(\'/\', u.path, ?) = CHAR_LENGTH(u.path)';
    params.push(`${escapeLike(path)}%`, path, unitKind ?? path.length + 1);
    const occurrenceOf = (alias: string) =>
      `${alias}.day_id = o.day_id AND ${alias}.occurrence_date = o.occurrence_date AND ${alias}.org_path LIKE CONCAT(u.path, '%')`;
    // A cancelled activity no longer counts as something done for the day.
    const planned = `EXISTS (SELECT 1 FROM safety_day_plan p WHERE ${occurrenceOf('p')})
      OR EXISTS (SELECT 1 FROM safety_day_activity_link l JOIN education_activity a ON a.id = l.activity_id AND a.status <> 'CANCELLED'
                 WHERE ${occurrenceOf('l')})`;
    return this.dataSource.query(
      `SELECT o.idx AS occurrence, u.id AS unit_id, (${planned}) AS planned
       FROM (${derived.join(' UNION ALL ')}) o
       JOIN org_unit_projection u ON u.path LIKE o.owner_like
       WHERE u.path LIKE ? AND u.path <> ? AND ${below}
       ORDER BY o.idx, u.code, u.name, u.id`,
      params,
    );
  }

  /** The plans made in a unit's subtree for the occurrences of a year. Two statements (the plans, their own days). */
  async plans(caller: Caller, orgUnitId: string, year: number): Promise<SafetyDayPlan[]> {
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    const scope = SAFETY_DAY_PLAN_ACCESS.where(caller, 'view', 'p.org_path');
    const plans = await this.dataSource
      .getRepository(SafetyDayPlanEntity)
      .createQueryBuilder('p')
      .where(scope.sql, scope.params)
      .andWhere('p.org_path LIKE :subtree', { subtree: `${escapeLike(path)}%` })
      .andWhere('p.occurrence_date BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .orderBy('p.planned_date')
      .addOrderBy('p.id')
      .getMany();
    const ownIds = [...new Set(plans.map((plan) => plan.dayId).filter((id) => id.length === 32))];
    const own = ownIds.length ? await this.dataSource.getRepository(SafetyDayEntity).findBy({ id: In(ownIds) }) : [];
    const ownDays = new Map(own.filter((day) => SAFETY_DAY_ACCESS.sees(caller, day)).map((day) => [day.id, day]));
    return plans.flatMap((plan) => {
      const day = safetyDayOf(plan.dayId, ownDays);
      return day ? [toSafetyDayPlan(plan, day)] : [];
    });
  }
}
