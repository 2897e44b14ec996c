import { HAZARD_REPORTER_ROLES, Role, Viewer } from '@campus/auth';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { escapeLike, orgScopeCondition, SqlCondition, subtreeCondition } from '@campus/database';
import {
  BadUserInputError,
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
  schoolDayEnd,
  schoolDayStart,
  toConnection,
  VersionedInput,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { DataSource, EntityManager } from 'typeorm';
import { HazardStatus, OPEN_AFTER_REPORT } from './hazard-enums';
import { assertCampaignAcceptsHazard } from '../campaigns/campaign-link';
import { gridInScope, placeInScope } from '../directory/directory-checks';
import { EntryStatus, insertHazard } from './hazard-creation';
import { recordHazardChange } from './hazard-rollup';
import { appendStep } from './hazard-steps';
import { HAZARD_TRANSITIONS, HazardAction } from './hazard-transitions';
import { HazardEntity, hazardFromRow } from './hazard.entity';
import { HazardFilter, HazardLedgerFilter, HazardOrder, RegisterHazardInput, UpdateHazardInput, VoidHazardInput } from './hazard.inputs';
import { Hazard, toHazard } from './hazard.types';


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

  /**
   * The ledger (台账): one statement for the page and its total (a scalar count subquery). Counting a
   * bureau's whole subtree is most of the cost at scale, so the total is left out (0) when not asked for.
   */
  async ledger(
    caller: Caller,
    filter: HazardLedgerFilter,
    order: HazardOrder,
    first: number,
    after?: string | null,
    withTotal = true,
  ): Promise<ConnectionShape<Hazard>> {
    const conditions = await this.ledgerConditions(caller, filter);
    const repository = this.dataSource.getRepository(HazardEntity);
    const count = repository.createQueryBuilder('c').select('COUNT(*)');
    for (const condition of conditions('c')) count.andWhere(condition.sql, condition.params);
    const page = repository.createQueryBuilder('h');
    for (const condition of conditions('h')) page.andWhere(condition.sql, condition.params);
    const sort = HAZARD_ORDERS[order];
    const cursor = decodeCursor(after, 2);
    if (cursor) {
      const comparison = sort.direction === 'DESC' ? '<' : '>';
      page.andWhere(`(${sort.expression} ${comparison} :afterKey OR (${sort.expression} = :afterKey AND h.id ${comparison} :afterId))`, {
        afterKey: sort.fromCursor(String(cursor[0])),
        afterId: String(cursor[1]),
      });
    }
    if (withTotal) page.addSelect(`(${count.getQuery()})`, 'ledger_total');
    page
      .addSelect(sort.expression, 'ledger_sort')
      .orderBy('ledger_sort', sort.direction)
      .addOrderBy('h.id', sort.direction)
      .limit(first + 1);
    const { entities, raw } = await page.getRawAndEntities();
    let totalCount = 0;
    if (withTotal) totalCount = raw.length ? Number(raw[0].ledger_total) : cursor ? await count.getCount() : 0;
    return toConnection(entities, first, totalCount, (hazard) => [sort.cursorOf(hazard), hazard.id], toHazard);
  }

  /** Every hazard of the filtered ledger, in order, for the Excel download; refused beyond `limit` rows. */
  async ledgerRows(caller: Caller, filter: HazardLedgerFilter, order: HazardOrder, limit: number): Promise<HazardEntity[]> {
    const query = this.dataSource.getRepository(HazardEntity).createQueryBuilder('h');
    for (const condition of (await this.ledgerConditions(caller, filter))('h')) query.andWhere(condition.sql, condition.params);
    const sort = HAZARD_ORDERS[order];
    const rows = await query
      .addSelect(sort.expression, 'ledger_sort')
      .orderBy('ledger_sort', sort.direction)
      .addOrderBy('h.id', sort.direction)
      .limit(limit + 1)
      .getMany();
    if (rows.length > limit) {
      throw new BadUserInputError([{ field: 'filter', message: `符合条件的隐患超过 ${limit} 条，请缩小筛选范围后再导出` }]);
    }
    return rows;
  }

  /** The ledger filter as conditions on a table alias; the unit's path is looked up once. */
  private async ledgerConditions(caller: Caller, filter: HazardLedgerFilter): Promise<(alias: string) => SqlCondition[]> {
    const path = filter.orgUnitId ? await visibleUnitPath(this.directory, caller, filter.orgUnitId) : null;
    return (alias) => {
      const conditions = this.filterConditions(caller.viewer, filter, alias);
      if (path && filter.includeSubtree) conditions.push(subtreeCondition(`${alias}.org_path`, path, 'unitPath'));
      if (path && !filter.includeSubtree) conditions.push({ sql: `${alias}.org_unit_id = :unitId`, params: { unitId: filter.orgUnitId } });
      return conditions;
    };
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

  /** Registers a hazard, or with DISCOVERED records a discovery for the unit's managers to assess (随手拍). */
  async register(caller: Caller, input: RegisterHazardInput, status: EntryStatus = HazardStatus.REGISTERED): Promise<Hazard> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    if (!caller.viewer.hasRoleAt(HAZARD_REPORTER_ROLES, path)) throw new ForbiddenError('您无权在该单位登记隐患');
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const place = input.placeId ? await placeInScope(manager, caller.viewer, input.placeId) : null;
      if (input.gridId) await gridInScope(manager, caller.viewer, input.gridId);
      if (input.campaignId) await assertCampaignAcceptsHazard(manager, input.campaignId, path);
      const placeText = input.placeText ?? place?.name;
      if (!placeText) throw new BadUserInputError([{ field: 'placeText', message: '请填写隐患部位或选择场所' }]);
      const hazard = await insertHazard(manager, { ...input, placeText, orgPath: path, status }, caller.viewer);
      return toHazard(hazard);
    });
  }

  async update(viewer: Viewer, input: UpdateHazardInput): Promise<Hazard> {
    return this.dataSource.transaction(async (manager) => {
      const hazard = await this.lockForChange(manager, viewer, input, HAZARD_REPORTER_ROLES);
      if (!EDITABLE_STATUSES.includes(hazard.status)) {
        throw new ConflictError('ILLEGAL_TRANSITION', '隐患已进入治理流程，不能再修改基本信息', { id: hazard.id, status: hazard.status });
      }
      if (input.title) hazard.title = input.title;
      if (input.description) hazard.description = input.description;
      if (input.category) hazard.category = input.category;
      if (input.grade) hazard.grade = input.grade;
      if (input.placeText) hazard.placeText = input.placeText;
      await manager.save(hazard);
      await recordHazardChange(manager, hazard);
      return toHazard(hazard);
    });
  }

  /** 作废: a duplicate or false report leaves the ledger, with its reason, before rectification starts. */
  async void(viewer: Viewer, input: VoidHazardInput): Promise<Hazard> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const hazard = await this.lockForChange(manager, viewer, input, HAZARD_TRANSITIONS.VOID.roles);
      if (!EDITABLE_STATUSES.includes(hazard.status)) {
        throw new ConflictError('ILLEGAL_TRANSITION', '只有发现或登记状态的隐患可以作废', { id: hazard.id, status: hazard.status });
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
      throw new ConflictError('STALE_VERSION', '隐患已被他人修改，请刷新后重试', { id: hazard.id, currentVersion: hazard.version });
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
      conditions.push({ sql: `${alias}.discovered_at >= :discoveredFrom`, params: { discoveredFrom: schoolDayStart(filter.discoveredFrom) } });
    }
    if (filter.discoveredTo) {
      conditions.push({ sql: `${alias}.discovered_at < :discoveredTo`, params: { discoveredTo: schoolDayEnd(filter.discoveredTo) } });
    }
    for (const [key, column] of LINK_FILTERS) {
      if (filter[key]) conditions.push({ sql: `${alias}.${column} = :${key}`, params: { [key]: filter[key] } });
    }
    if (filter.search) {
      const text = `%${escapeLike(filter.search)}%`;
      conditions.push({
        sql: `(${alias}.code LIKE :search OR ${alias}.title LIKE :search OR ${alias}.description LIKE :search OR ${alias}.place_text LIKE :search)`,
        params: { search: text },
      });
    }
    if (filter.overdue !== undefined && filter.overdue !== null) {
      const overdue = `(${alias}.status IN (:...openStatuses) AND ${alias}.deadline < :today)`;
      conditions.push({
        sql: filter.overdue ? overdue : `NOT ${overdue}`,
        params: { openStatuses: OPEN_AFTER_REPORT, today: calendarDateOf(new Date()) },
      });
    }
    return conditions;
  }
}

const LINK_FILTERS = [
  ['gridId', 'grid_id'],
  ['placeId', 'place_id'],
  ['campaignId', 'campaign_id'],
  ['responsiblePersonId', 'responsible_person_id'],
] as const;

interface LedgerSort {
  expression: string;
  direction: 'ASC' | 'DESC';
  cursorOf(hazard: HazardEntity): string;
  fromCursor(value: string): Date | string;
}

const NO_DEADLINE = '9999-12-31';
const HAZARD_ORDERS: Record<HazardOrder, LedgerSort> = {
  NEWEST_FIRST: {
    expression: 'h.created_at',
    direction: 'DESC',
    cursorOf: (hazard) => hazard.createdAt.toISOString(),
    fromCursor: (value) => new Date(value),
  },
  DISCOVERED_LATEST_FIRST: {
    expression: 'h.discovered_at',
    direction: 'DESC',
    cursorOf: (hazard) => hazard.discoveredAt.toISOString(),
    fromCursor: (value) => new Date(value),
  },
  DEADLINE_SOONEST_FIRST: {
    expression: `COALESCE(h.deadline, '${NO_DEADLINE}')`,
    direction: 'ASC',
    cursorOf: (hazard) => hazard.deadline ?? NO_DEADLINE,
    fromCursor: (value) => value,
  },
};

