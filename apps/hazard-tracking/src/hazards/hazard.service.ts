import { HAZARD_REPORTER_ROLES, Role, Viewer } from '@campus/auth';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { escapeLike, orgScopeCondition, recentFirstKey, recentFirstPage, SqlCondition, subtreeCondition } from '@campus/database';
import {
  calendarDateOf,
  Caller,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  ForbiddenError,
  loadUnitConnection,
  NotFoundError,
  RequestContext,
  requireViewer,
  toConnection,
  VersionedInput,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { DataSource, EntityManager } from 'typeorm';
import { HazardStatus } from './hazard-enums';
import { insertHazard } from './hazard-creation';
import { appendStep } from './hazard-steps';
import { HAZARD_TRANSITIONS, HazardAction } from './hazard-transitions';
import { HazardEntity, hazardFromRow } from './hazard.entity';
import { HazardFilter, HazardLedgerFilter, RegisterHazardInput, UpdateHazardInput, VoidHazardInput } from './hazard.inputs';
import { Hazard, toHazard } from './hazard.types';

/** Statuses in which a passed deadline makes a hazard overdue (reported, not yet accepted). */
export const OPEN_AFTER_REPORT = [HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.PENDING_ACCEPTANCE];

/** Facts may be corrected only before rectification starts. */
const EDITABLE_STATUSES = [HazardStatus.DISCOVERED, HazardStatus.REGISTERED];

export class HazardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly outbox: OutboxSignal,
  ) {}

  async get(viewer: Viewer, id: string): Promise<Hazard> {
    const hazard = await this.dataSource.getRepository(HazardEntity).findOneBy({ id });
    if (!hazard || !viewer.covers(hazard.orgPath)) throw new NotFoundError('隐患', id);
    return toHazard(hazard);
  }

  async ledger(caller: Caller, filter: HazardLedgerFilter, first: number, after?: string | null): Promise<ConnectionShape<Hazard>> {
    const query = this.dataSource.getRepository(HazardEntity).createQueryBuilder('h');
    for (const condition of this.filterConditions(caller.viewer, filter)) query.andWhere(condition.sql, condition.params);
    if (filter.orgUnitId) {
      const path = await visibleUnitPath(this.directory, caller, filter.orgUnitId);
      const unit = filter.includeSubtree
        ? subtreeCondition('h.org_path', path, 'unitPath')
        : { sql: 'h.org_unit_id = :unitId', params: { unitId: filter.orgUnitId } };
      query.andWhere(unit.sql, unit.params);
    }
    const page = await recentFirstPage(query, 'h', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toHazard);
  }

  /** OrgUnit.hazards for many units at once: one statement per request. */
  unitConnection(
    context: RequestContext,
    unitId: string,
    filter: HazardFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<ConnectionShape<Hazard>> {
    return loadUnitConnection(context, unitId, {
      field: 'OrgUnit.hazards',
      manager: this.dataSource.manager,
      table: 'hazard',
      conditions: this.filterConditions(requireViewer(context), filter, 't'),
      args: filter,
      first,
      after,
      fromRow: hazardFromRow,
      toNode: toHazard,
    });
  }

  async register(caller: Caller, input: RegisterHazardInput): Promise<Hazard> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    if (!caller.viewer.hasRoleAt(HAZARD_REPORTER_ROLES, path)) throw new ForbiddenError('您无权在该单位登记隐患');
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const hazard = await insertHazard(manager, { ...input, orgPath: path }, caller.viewer);
      return toHazard(hazard);
    });
  }

  async update(viewer: Viewer, input: UpdateHazardInput): Promise<Hazard> {
    return this.dataSource.transaction(async (manager) => {
      const hazard = await this.lockForChange(manager, viewer, input, HAZARD_REPORTER_ROLES);
      if (!EDITABLE_STATUSES.includes(hazard.status)) {
        throw new ConflictError('隐患已进入治理流程，不能再修改基本信息', { id: hazard.id, status: hazard.status });
      }
      if (input.title) hazard.title = input.title;
      if (input.description) hazard.description = input.description;
      if (input.category) hazard.category = input.category;
      if (input.grade) hazard.grade = input.grade;
      if (input.placeText) hazard.placeText = input.placeText;
      await manager.save(hazard);
      return toHazard(hazard);
    });
  }

  /** 作废: a duplicate or false report leaves the ledger, with its reason, before rectification starts. */
  async void(viewer: Viewer, input: VoidHazardInput): Promise<Hazard> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const hazard = await this.lockForChange(manager, viewer, input, HAZARD_TRANSITIONS.VOID.roles);
      if (!EDITABLE_STATUSES.includes(hazard.status)) {
        throw new ConflictError('只有发现或登记状态的隐患可以作废', { id: hazard.id, status: hazard.status });
      }
      const from = hazard.status;
      hazard.status = HazardStatus.VOIDED;
      hazard.voidReason = input.reason;
      await manager.save(hazard);
      await appendStep(manager, hazard, viewer, { action: HazardAction.VOID, from, to: hazard.status, comment: input.reason, at: hazard.updatedAt });
      return toHazard(hazard);
    });
  }

  /** The hazard, locked, if the viewer may change it and read the current version. */
  private async lockForChange(manager: EntityManager, viewer: Viewer, input: VersionedInput, roles: readonly Role[]): Promise<HazardEntity> {
    const hazard = await manager.findOne(HazardEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
    if (!hazard || !viewer.covers(hazard.orgPath)) throw new NotFoundError('隐患', input.id);
    if (!viewer.hasRoleAt(roles, hazard.orgPath)) throw new ForbiddenError('您无权修改该隐患');
    if (hazard.version !== input.version) {
      throw new ConflictError('隐患已被他人修改，请刷新后重试', { id: hazard.id, currentVersion: hazard.version });
    }
    return hazard;
  }

  private filterConditions(viewer: Viewer, filter: HazardFilter, alias = 'h'): SqlCondition[] {
    const conditions = [orgScopeCondition(`${alias}.org_path`, viewer.scopePaths)];
    if (filter.status?.length) conditions.push({ sql: `${alias}.status IN (:...status)`, params: { status: filter.status } });
    if (filter.category?.length) {
      conditions.push({ sql: `${alias}.category IN (:...category)`, params: { category: filter.category } });
    }
    if (filter.grade?.length) conditions.push({ sql: `${alias}.grade IN (:...grade)`, params: { grade: filter.grade } });
    if (filter.source?.length) conditions.push({ sql: `${alias}.source IN (:...source)`, params: { source: filter.source } });
    if (filter.discoveredFrom) {
      conditions.push({ sql: `${alias}.discovered_at >= :discoveredFrom`, params: { discoveredFrom: startOfSchoolDay(filter.discoveredFrom) } });
    }
    if (filter.discoveredTo) {
      conditions.push({ sql: `${alias}.discovered_at < :discoveredTo`, params: { discoveredTo: startOfSchoolDay(filter.discoveredTo, 1) } });
    }
    if (filter.search) {
      const text = `%${escapeLike(filter.search)}%`;
      conditions.push({
        sql: `(${alias}.code LIKE :search OR ${alias}.title LIKE :search OR ${alias}.description LIKE :search)`,
        params: { search: text },
      });
    }
    if (filter.overdue !== undefined && filter.overdue !== null) {
      const overdue = `(${alias}.status IN (:...openStatuses) AND EXISTS (SELECT 1 FROM hazard_plan op WHERE op.hazard_id = ${alias}.id AND op.deadline < :today))`;
      conditions.push({
        sql: filter.overdue ? overdue : `NOT ${overdue}`,
        params: { openStatuses: OPEN_AFTER_REPORT, today: calendarDateOf(new Date()) },
      });
    }
    return conditions;
  }
}

/** The instant a school day (YYYY-MM-DD in Asia/Shanghai, UTC+8 all year) begins, optionally days later. */
function startOfSchoolDay(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 24 * 3600 * 1000);
}
