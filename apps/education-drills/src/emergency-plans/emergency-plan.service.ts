import { ADMIN_ROLES, Role, Viewer } from '@campus/auth';
import { newId, orgScopeCondition, recentFirstKey, recentFirstPage, SqlCondition } from '@campus/database';
import { Caller, ConflictError, ConnectionShape, decodeCursor, ForbiddenError, loadUnitConnection, NotFoundError, RequestContext, requireViewer, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { EmergencyPlanStatus, mayChangeStatus } from './emergency-plan-enums';
import { EmergencyPlanEntity, emergencyPlanFromRow } from './emergency-plan.entity';
import { CreateEmergencyPlanInput, EmergencyPlanFilter, UpdateEmergencyPlanInput } from './emergency-plan.inputs';
import { EmergencyPlan, toEmergencyPlan } from './emergency-plan.types';

/** Who writes and maintains a unit's emergency plans. */
const PLAN_EDITOR_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER, Role.UNIT_SAFETY_OFFICER];

export class EmergencyPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async get(viewer: Viewer, id: string): Promise<EmergencyPlan> {
    const plan = await this.dataSource.getRepository(EmergencyPlanEntity).findOneBy({ id });
    if (!plan || !viewer.covers(plan.orgPath)) throw new NotFoundError('应急预案', id);
    return toEmergencyPlan(plan);
  }

  async list(viewer: Viewer, filter: EmergencyPlanFilter, first: number, after?: string | null): Promise<ConnectionShape<EmergencyPlan>> {
    const query = this.dataSource.getRepository(EmergencyPlanEntity).createQueryBuilder('p');
    for (const condition of this.filterConditions(viewer, filter, 'p')) query.andWhere(condition.sql, condition.params);
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
      conditions: this.filterConditions(requireViewer(context), filter, 't'),
      args: filter,
      first,
      after,
      fromRow: emergencyPlanFromRow,
      toNode: toEmergencyPlan,
    });
  }

  async create(caller: Caller, input: CreateEmergencyPlanInput): Promise<EmergencyPlan> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    this.requireEditor(caller.viewer, path);
    const plan = this.dataSource.getRepository(EmergencyPlanEntity).create({
      id: newId(),
      title: input.title,
      planType: input.type,
      scenario: input.scenario ?? null,
      versionLabel: input.versionLabel,
      status: EmergencyPlanStatus.DRAFT,
      reviewDate: input.reviewDate,
      approvedAt: null,
      orgUnitId: input.orgUnitId,
      orgPath: path,
    });
    await this.dataSource.getRepository(EmergencyPlanEntity).save(plan);
    return toEmergencyPlan(plan);
  }

  async update(viewer: Viewer, input: UpdateEmergencyPlanInput): Promise<EmergencyPlan> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOne(EmergencyPlanEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!plan || !viewer.covers(plan.orgPath)) throw new NotFoundError('应急预案', input.id);
      this.requireEditor(viewer, plan.orgPath);
      if (plan.version !== input.version) {
        throw new ConflictError('预案已被他人修改，请刷新后重试', { id: plan.id, currentVersion: plan.version });
      }
      if (plan.status === EmergencyPlanStatus.RETIRED) throw new ConflictError('预案已废止，不能再修改', { id: plan.id });
      if (input.status && !mayChangeStatus(plan.status, input.status)) {
        throw new ConflictError(`预案状态不能从 ${plan.status} 改为 ${input.status}`, { id: plan.id, status: plan.status });
      }
      if (input.status === EmergencyPlanStatus.APPROVED && plan.status !== EmergencyPlanStatus.APPROVED) {
        plan.approvedAt = new Date();
      }
      plan.status = input.status ?? plan.status;
      plan.title = input.title ?? plan.title;
      plan.versionLabel = input.versionLabel ?? plan.versionLabel;
      plan.reviewDate = input.reviewDate ?? plan.reviewDate;
      await manager.save(plan);
      return toEmergencyPlan(plan);
    });
  }

  private filterConditions(viewer: Viewer, filter: EmergencyPlanFilter, alias: string): SqlCondition[] {
    const conditions = [orgScopeCondition(`${alias}.org_path`, viewer.scopePaths)];
    if (filter.status?.length) conditions.push({ sql: `${alias}.status IN (:...status)`, params: { status: filter.status } });
    if (filter.type?.length) conditions.push({ sql: `${alias}.plan_type IN (:...planType)`, params: { planType: filter.type } });
    if (filter.reviewDueBy) conditions.push({ sql: `${alias}.review_date <= :reviewDueBy`, params: { reviewDueBy: filter.reviewDueBy } });
    return conditions;
  }

  private requireEditor(viewer: Viewer, path: string): void {
    if (!viewer.hasRoleAt(PLAN_EDITOR_ROLES, path)) throw new ForbiddenError('只有本单位负责人、安全员或安全管理部门可以维护应急预案');
  }
}
