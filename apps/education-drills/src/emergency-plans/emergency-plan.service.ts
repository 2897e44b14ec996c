import { newId, recentFirstKey, recentFirstPage, SqlCondition } from '@campus/database';
import {
  BadUserInputError,
  Caller,
  calendarDateOf,
  ConnectionShape,
  decodeCursor,
  loadUnitConnection,
  RequestContext,
  callerOf,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { Asker, clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import type { EducationSettings } from '../service';
import { ACTION_FOR_STATUS, EMERGENCY_PLAN_ACCESS, EMERGENCY_PLAN_TRANSITIONS } from './emergency-plan.access';
import { EmergencyPlanStatus } from './emergency-plan-enums';
import { addMonths, EmergencyPlanEntity, emergencyPlanFromRow } from './emergency-plan.entity';
import { CreateEmergencyPlanInput, EmergencyPlanFilter, UpdateEmergencyPlanInput } from './emergency-plan.inputs';
import { EmergencyPlan, toEmergencyPlan } from './emergency-plan.types';
import { EmergencyPlanRevisionEntity } from './plan-revision.entity';

export class EmergencyPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  async get(caller: Caller, id: string): Promise<EmergencyPlan> {
    return toEmergencyPlan(await EMERGENCY_PLAN_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, filter: EmergencyPlanFilter, first: number, after?: string | null): Promise<ConnectionShape<EmergencyPlan>> {
    const query = this.dataSource.getRepository(EmergencyPlanEntity).createQueryBuilder('p');
    for (const condition of this.filterConditions(caller, filter, 'p')) query.andWhere(condition.sql, condition.params);
    const page = await recentFirstPage(query, 'p', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toEmergencyPlan);
  }

  /** OrgUnit.emergencyPlans for many units at once: one statement per request. */
  unitConnection(
    context: RequestContext,
    unitId: string,
    filter: EmergencyPlanFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<ConnectionShape<EmergencyPlan>> {
    return loadUnitConnection(context, unitId, {
      field: 'OrgUnit.emergencyPlans',
      manager: this.dataSource.manager,
      table: 'emergency_plan',
      conditions: this.filterConditions(callerOf(context), filter, 't'),
      args: filter,
      first,
      after,
      fromRow: emergencyPlanFromRow,
      toNode: toEmergencyPlan,
    });
  }

  async create(caller: Caller, input: CreateEmergencyPlanInput): Promise<EmergencyPlan> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    EMERGENCY_PLAN_ACCESS.checkRole(caller, 'create', path);
    const plan = this.dataSource.getRepository(EmergencyPlanEntity).create({
      id: newId(),
      title: input.title,
      planType: input.type,
      scenario: input.scenario ?? null,
      scenarioTypes: [...new Set(input.scenarioTypes ?? [])],
      versionLabel: input.versionLabel,
      status: EmergencyPlanStatus.DRAFT,
      reviewDate: input.reviewDate,
      approvedAt: null,
      reviewCycleMonths: input.reviewCycleMonths ?? 12,
      nextReviewDue: null,
      orgUnitId: input.orgUnitId,
      orgPath: path,
    });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createEmergencyPlan', input), async (manager) => {
      await manager.save(plan);
      return toEmergencyPlan(plan);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /**
   * Edits a plan and, when a status is given, approves, retires or keeps it a draft: one transition of the table.
   * Every approval records a revision (number, version label, approver, date, change note: required after the
   * first) and restarts the review cycle: the next review is due the cycle's months after the approval.
   */
  async update(caller: Caller, input: UpdateEmergencyPlanInput): Promise<EmergencyPlan> {
    const action = input.status ? ACTION_FOR_STATUS[input.status] : 'EDIT';
    return this.dataSource.transaction(async (manager) => {
      const { row: plan, next: status } = await lockTransition(EMERGENCY_PLAN_ACCESS, manager, caller, EMERGENCY_PLAN_TRANSITIONS, action, input);
      plan.status = status;
      plan.title = input.title ?? plan.title;
      plan.versionLabel = input.versionLabel ?? plan.versionLabel;
      plan.reviewDate = input.reviewDate ?? plan.reviewDate;
      plan.scenarioTypes = input.scenarioTypes ? [...new Set(input.scenarioTypes)] : plan.scenarioTypes;
      plan.reviewCycleMonths = input.reviewCycleMonths ?? plan.reviewCycleMonths;
      if (action === 'APPROVE') await this.recordRevision(manager, caller, plan, input.changeNote?.trim() || null);
      if (plan.approvedAt) plan.nextReviewDue = addMonths(calendarDateOf(plan.approvedAt), plan.reviewCycleMonths);
      await manager.save(plan);
      return toEmergencyPlan(plan);
    });
  }

  /** The next revision of a locked plan, approved now by the caller. */
  private async recordRevision(manager: EntityManager, caller: Caller, plan: EmergencyPlanEntity, changeNote: string | null): Promise<void> {
    const [{ last }] = await manager.query('SELECT COALESCE(MAX(number), 0) AS last FROM emergency_plan_revision WHERE plan_id = ?', [plan.id]);
    const number = Number(last) + 1;
    if (number > 1 && !changeNote) throw new BadUserInputError([{ field: 'changeNote', message: '再次批准（修订）须填写修订说明' }]);
    plan.approvedAt = this.settings.now();
    await manager.getRepository(EmergencyPlanRevisionEntity).insert({
      id: newId(),
      planId: plan.id,
      number,
      versionLabel: plan.versionLabel,
      approvedByPersonId: caller.viewer.personId,
      approvedByAccountId: caller.viewer.accountId,
      approvedAt: plan.approvedAt,
      changeNote,
    });
  }

  private filterConditions(asker: Asker, filter: EmergencyPlanFilter, alias: string): SqlCondition[] {
    const conditions = [EMERGENCY_PLAN_ACCESS.where(asker, 'view', `${alias}.org_path`)];
    if (filter.status?.length) conditions.push({ sql: `${alias}.status IN (:...status)`, params: { status: filter.status } });
    if (filter.type?.length) conditions.push({ sql: `${alias}.plan_type IN (:...planType)`, params: { planType: filter.type } });
    if (filter.scenarioTypes?.length) {
      const matches = filter.scenarioTypes.map((_, index) => `FIND_IN_SET(:scenarioType${index}, ${alias}.scenario_types) > 0`);
      const params = Object.fromEntries(filter.scenarioTypes.map((type, index) => [`scenarioType${index}`, type]));
      conditions.push({ sql: `(${matches.join(' OR ')})`, params });
    }
    if (filter.reviewDueBy) conditions.push({ sql: `${alias}.review_date <= :reviewDueBy`, params: { reviewDueBy: filter.reviewDueBy } });
    return conditions;
  }
}
