import { newId, recentFirstKey, recentFirstPage, SqlCondition } from '@campus/database';
import { DrillHeld, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import {
  BadUserInputError,
  Caller,
  callerOf,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  FieldProblem,
  loadUnitConnection,
  RequestContext,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { Asker, auditedDelete, clientRequest, lockTransition, oncePerRequest, requireTransition } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { EMERGENCY_PLAN_ACCESS } from '../emergency-plans/emergency-plan.access';
import { EmergencyPlanStatus } from '../emergency-plans/emergency-plan-enums';
import type { EducationSettings } from '../service';
import { DRILL_ACCESS, DRILL_TRANSITIONS } from './drill.access';
import { DrillEntity, drillFromRow, DrillUnitEntity } from './drill.entity';
import { CancelDrillInput, DrillFilter, HoldDrillInput, PlanDrillInput, UpdateDrillInput } from './drill.inputs';
import { Drill, toDrill } from './drill.types';
import { EVACUATING_DRILL_TYPES } from './drill-enums';

const LONGEST_DRILL_MS = 24 * 3600 * 1000;

/** Drills from plan to execution (evaluation is DrillEvaluation's), their lists and OrgUnit.drills. */
export class DrillService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly outbox: OutboxSignal,
    private readonly settings: EducationSettings,
  ) {}

  async get(caller: Caller, id: string): Promise<Drill> {
    return toDrill(await DRILL_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, filter: DrillFilter, first: number, after?: string | null): Promise<ConnectionShape<Drill>> {
    const query = this.dataSource.getRepository(DrillEntity).createQueryBuilder('d');
    for (const condition of this.filterConditions(caller, filter, 'd')) query.andWhere(condition.sql, condition.params);
    const page = await recentFirstPage(query, 'd', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toDrill);
  }

  /** OrgUnit.drills for many units at once: one statement per request. */
  unitConnection(context: RequestContext, unitId: string, filter: DrillFilter, first: number, after: string | null | undefined): Promise<ConnectionShape<Drill>> {
    return loadUnitConnection(context, unitId, {
      field: 'OrgUnit.drills',
      manager: this.dataSource.manager,
      table: 'drill',
      conditions: this.filterConditions(callerOf(context), filter, 't'),
      args: filter,
      first,
      after,
      fromRow: drillFromRow,
      toNode: toDrill,
    });
  }

  async plan(caller: Caller, input: PlanDrillInput): Promise<Drill> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    DRILL_ACCESS.checkRole(caller, 'PLAN', path);
    const status = requireTransition(DRILL_TRANSITIONS, 'PLAN', null, null);
    const unitIds = await this.participatingUnits(caller, input.orgUnitId, path, input.participatingUnitIds ?? []);
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'planDrill', input), async (manager) => {
      if (input.emergencyPlanId) await this.checkPlan(manager, caller, input.emergencyPlanId, path);
      const drill = manager.create(DrillEntity, {
        id: newId(),
        title: input.title,
        drillType: input.type,
        scenario: input.scenario,
        emergencyPlanId: input.emergencyPlanId ?? null,
        placeText: input.placeText,
        plannedDate: input.plannedDate,
        expectedParticipants: input.expectedParticipants,
        status,
        actualParticipants: null,
        startedAt: null,
        endedAt: null,
        evacuationSeconds: null,
        score: null,
        strengths: null,
        evaluatedAt: null,
        cancelReason: null,
        orgUnitId: input.orgUnitId,
        orgPath: path,
      });
      await manager.save(drill);
      await manager.insert(DrillUnitEntity, unitIds.map((orgUnitId) => ({ drillId: drill.id, orgUnitId })));
      return toDrill(drill);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  async update(caller: Caller, input: UpdateDrillInput): Promise<Drill> {
    return this.dataSource.transaction(async (manager) => {
      const { row: drill } = await lockTransition(DRILL_ACCESS, manager, caller, DRILL_TRANSITIONS, 'EDIT', input);
      if (input.emergencyPlanId && input.clearEmergencyPlan) {
        throw new BadUserInputError([{ field: 'clearEmergencyPlan', message: '不能同时更换和取消关联的应急预案' }]);
      }
      if (input.emergencyPlanId) await this.checkPlan(manager, caller, input.emergencyPlanId, drill.orgPath);
      if (input.emergencyPlanId || input.clearEmergencyPlan) drill.emergencyPlanId = input.emergencyPlanId ?? null;
      if (input.participatingUnitIds) {
        const unitIds = await this.participatingUnits(caller, drill.orgUnitId, drill.orgPath, input.participatingUnitIds);
        await auditedDelete(manager, DrillUnitEntity, { drillId: drill.id });
        await manager.insert(DrillUnitEntity, unitIds.map((orgUnitId) => ({ drillId: drill.id, orgUnitId })));
        // The units live in their own table: touching the row makes the drill's version count this change too.
        drill.updatedAt = new Date();
      }
      drill.title = input.title ?? drill.title;
      drill.scenario = input.scenario ?? drill.scenario;
      drill.placeText = input.placeText ?? drill.placeText;
      drill.expectedParticipants = input.expectedParticipants ?? drill.expectedParticipants;
      drill.plannedDate = input.plannedDate ?? drill.plannedDate;
      await manager.save(drill);
      return toDrill(drill);
    });
  }

  /** Records how the drill went (who took part, when, how long the evacuation took): drill.held. */
  async hold(caller: Caller, input: HoldDrillInput): Promise<Drill> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { row: drill, next } = await lockTransition(DRILL_ACCESS, manager, caller, DRILL_TRANSITIONS, 'HOLD', input);
      this.checkExecution(drill, input);
      Object.assign(drill, {
        status: next,
        startedAt: input.startedAt,
        endedAt: input.endedAt,
        actualParticipants: input.actualParticipants,
        evacuationSeconds: input.evacuationSeconds ?? null,
      });
      await manager.save(drill);
      await recordEvent(manager, DrillHeld, drill.id, {
        id: drill.id,
        orgUnitId: drill.orgUnitId,
        orgPath: drill.orgPath,
        drillType: drill.drillType,
        scenario: drill.scenario,
        startedAt: input.startedAt.toISOString(),
        endedAt: input.endedAt.toISOString(),
        participants: input.actualParticipants,
        evacuationSeconds: drill.evacuationSeconds,
      });
      return toDrill(drill);
    });
  }

  async cancel(caller: Caller, input: CancelDrillInput): Promise<Drill> {
    return this.dataSource.transaction(async (manager) => {
      const { row: drill, next } = await lockTransition(DRILL_ACCESS, manager, caller, DRILL_TRANSITIONS, 'CANCEL', input);
      drill.status = next;
      drill.cancelReason = input.reason;
      await manager.save(drill);
      return toDrill(drill);
    });
  }

  filterConditions(asker: Asker, filter: DrillFilter, alias: string): SqlCondition[] {
    const conditions = [DRILL_ACCESS.where(asker, 'view', `${alias}.org_path`)];
    if (filter.status?.length) conditions.push({ sql: `${alias}.status IN (:...drillStatus)`, params: { drillStatus: filter.status } });
    if (filter.type?.length) conditions.push({ sql: `${alias}.drill_type IN (:...drillType)`, params: { drillType: filter.type } });
    if (filter.plannedFrom) conditions.push({ sql: `${alias}.planned_date >= :plannedFrom`, params: { plannedFrom: filter.plannedFrom } });
    if (filter.plannedTo) conditions.push({ sql: `${alias}.planned_date <= :plannedTo`, params: { plannedTo: filter.plannedTo } });
    return conditions;
  }

  /** The organiser and the units named, each visible to the caller and the organiser or below it. */
  private async participatingUnits(caller: Caller, organiserId: string, organiserPath: string, unitIds: string[]): Promise<string[]> {
    const others = [...new Set(unitIds)].filter((id) => id !== organiserId);
    for (const unitId of others) {
      const path = await visibleUnitPath(this.directory, caller, unitId);
      if (!path.startsWith(organiserPath)) {
        throw new ConflictError('OUTSIDE_RANGE', '参演单位应为组织单位本身或其下级单位', { orgUnitId: unitId });
      }
    }
    return [organiserId, ...others];
  }

  /** The plan a drill exercises: one the caller sees, in force, of the organiser or a unit above it. */
  private async checkPlan(manager: EntityManager, caller: Caller, planId: string, organiserPath: string): Promise<void> {
    const plan = await EMERGENCY_PLAN_ACCESS.find(manager, caller, 'view', planId);
    if (plan.status === EmergencyPlanStatus.RETIRED) throw new ConflictError('INACTIVE', '该应急预案已废止，不能作为演练依据', { emergencyPlanId: planId });
    if (!organiserPath.startsWith(plan.orgPath)) {
      throw new ConflictError('OUTSIDE_RANGE', '所选应急预案不适用于组织单位（应为本单位或上级单位的预案）', { emergencyPlanId: planId });
    }
  }

  private checkExecution(drill: DrillEntity, input: HoldDrillInput): void {
    const problems: FieldProblem[] = [];
    const duration = input.endedAt.getTime() - input.startedAt.getTime();
    if (duration <= 0) problems.push({ field: 'endedAt', message: '结束时间应晚于开始时间' });
    else if (duration > LONGEST_DRILL_MS) problems.push({ field: 'endedAt', message: '一次演练不应超过 24 小时' });
    if (input.endedAt.getTime() > this.settings.now().getTime()) problems.push({ field: 'endedAt', message: '结束时间不能晚于当前时间：演练结束后再记录' });
    if (EVACUATING_DRILL_TYPES.includes(drill.drillType) && input.evacuationSeconds == null) {
      problems.push({ field: 'evacuationSeconds', message: '疏散类演练须记录疏散用时' });
    }
    if (input.evacuationSeconds != null && duration > 0 && input.evacuationSeconds * 1000 > duration) {
      problems.push({ field: 'evacuationSeconds', message: '疏散用时不能超过演练时长' });
    }
    if (problems.length) throw new BadUserInputError(problems);
  }
}
