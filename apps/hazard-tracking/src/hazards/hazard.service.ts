import { escapeLike, ledgerCount, ledgerCountsByGroup, ledgerPage, SqlCondition, subtreeCondition } from '@campus/database';
import DataLoader from 'dataloader';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import {
  BadUserInputError,
  calendarDateOf,
  Caller,
  callerOf,
  ConflictError,
  decodeCursor,
  loadUnitConnection,
  RequestContext,
  schoolDayEnd,
  schoolDayStart,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { Asker, clientRequest, oncePerRequest } from '@campus/server';
import { DataSource } from 'typeorm';
import { gridInScope, placeInScope } from '../directory/directory-checks';
import { providedNamesAlongside, providedNamesOf } from '../directory/provided-names';
import { HazardAction, OPEN_AFTER_REPORT } from './hazard-enums';
import { insertHazard } from './hazard-creation';
import { HazardExtensions } from './hazard-extensions';
import { recordHazardChange } from './hazard-rollup';
import { applyHazardTransition } from './hazard-transition';
import { BEFORE_RECTIFICATION, HAZARD_ACCESS, HazardCreation } from './hazard.access';
import { HazardEntity, hazardFromRow } from './hazard.entity';
import { HazardFilter, HazardLedgerFilter, HazardOrder, RegisterHazardInput, UpdateHazardInput, VoidHazardInput } from './hazard.inputs';
import { Hazard, HazardConnection, toHazard } from './hazard.types';

/** The ledger page reads each hazard's unit and responsible person names in its own statement (Hazard.orgUnit provides them). */
const NAMES_ALONGSIDE = providedNamesAlongside({ OrgUnit: 'org_unit_id', Person: 'responsible_person_id' });

export class HazardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly outbox: OutboxSignal,
    private readonly extensions: HazardExtensions,
  ) {}

  async get(caller: Caller, id: string): Promise<Hazard> {
    return toHazard(await HAZARD_ACCESS.find(this.dataSource.manager, caller, 'view', id));
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
  ): Promise<HazardConnection> {
    const sort = HAZARD_ORDERS[order];
    const cursor = decodeCursor(after, 2);
    const conditions = await this.ledgerConditions(caller, filter);
    const page = await ledgerPage(this.dataSource.manager, {
      table: 'hazard',
      conditions: (alias) => conditions(alias, 'visible'),
      sortExpression: sort.expression,
      direction: sort.direction,
      after: cursor ? { key: sort.fromCursor(String(cursor[0])), id: String(cursor[1]) } : null,
      first,
      withTotal,
      alongside: NAMES_ALONGSIDE,
    });
    const rows = page.rows.map((row) => ({ entity: hazardFromRow(row), names: providedNamesOf(row) }));
    const connection = toConnection(
      rows,
      first,
      page.totalCount,
      ({ entity }) => [sort.cursorOf(entity), entity.id],
      ({ entity, names }) => ({ ...toHazard(entity), providedNames: names }),
    );
    return { ...connection, countRestricted: () => ledgerCount(this.dataSource.manager, 'hazard', conditions('c', 'restricted')) };
  }

  /** Every hazard of the filtered ledger, in order, for the Excel download; refused beyond `limit` rows. */
  async ledgerRows(caller: Caller, filter: HazardLedgerFilter, order: HazardOrder, limit: number): Promise<HazardEntity[]> {
    const query = this.dataSource.getRepository(HazardEntity).createQueryBuilder('t');
    for (const condition of (await this.ledgerConditions(caller, filter))('t', 'visible')) query.andWhere(condition.sql, condition.params);
    const sort = HAZARD_ORDERS[order];
    const rows = await query
      .addSelect(sort.expression, 'ledger_sort')
      .orderBy('ledger_sort', sort.direction)
      .addOrderBy('t.id', sort.direction)
      .limit(limit + 1)
      .getMany();
    if (rows.length > limit) {
      throw new BadUserInputError([{ field: 'filter', message: `符合条件的隐患超过 ${limit} 条，请缩小筛选范围后再导出` }]);
    }
    return rows;
  }

  /** The ledger filter as conditions on a table alias, for the rows shown or hidden; the unit's path is looked up once. */
  private async ledgerConditions(caller: Caller, filter: HazardLedgerFilter): Promise<(alias: string, rows: LedgerRows) => SqlCondition[]> {
    const path = filter.orgUnitId ? await visibleUnitPath(this.directory, caller, filter.orgUnitId) : null;
    return (alias, rows) => {
      const conditions = this.filterConditions(caller, filter, alias, rows);
      if (path && filter.includeSubtree) conditions.push(subtreeCondition(`${alias}.org_path`, path, 'unitPath'));
      if (path && !filter.includeSubtree) conditions.push({ sql: `${alias}.org_unit_id = :unitId`, params: { unitId: filter.orgUnitId } });
      return conditions;
    };
  }

  /** OrgUnit.hazards for many units at once: one statement per request. */
  async unitConnection(
    context: RequestContext,
    unitId: string,
    filter: HazardFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<HazardConnection> {
    const caller = callerOf(context);
    const connection = await loadUnitConnection(context, unitId, {
      field: 'OrgUnit.hazards',
      manager: this.dataSource.manager,
      table: 'hazard',
      conditions: this.filterConditions(caller, filter, 't', 'visible'),
      args: filter,
      first,
      after,
      fromRow: hazardFromRow,
      toNode: toHazard,
    });
    return { ...connection, countRestricted: () => this.restrictedCounts(context, filter).load(unitId) };
  }

  /** OrgUnit.hazards' restrictedCount for every unit of the request with the same filter: one statement. */
  private restrictedCounts(context: RequestContext, filter: HazardFilter): DataLoader<string, number> {
    return context.loaders.get(`OrgUnit.hazards.restrictedCount:${JSON.stringify(filter)}`, () => {
      const conditions = this.filterConditions(callerOf(context), filter, 'c', 'restricted');
      return new DataLoader<string, number>(async (unitIds) => {
        const counts = await ledgerCountsByGroup(this.dataSource.manager, { table: 'hazard', groupColumn: 'org_unit_id', groupIds: unitIds, conditions });
        return unitIds.map((id) => counts.get(id) ?? 0);
      });
    });
  }

  /** Registers a hazard, or with DISCOVER records a discovery for the unit's managers to assess (随手拍). */
  async register(caller: Caller, input: RegisterHazardInput, action: HazardCreation = HazardAction.REGISTER): Promise<Hazard> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    HAZARD_ACCESS.checkRole(caller, action, path);
    const request = clientRequest(caller.viewer, action === HazardAction.DISCOVER ? 'reportHazardDiscovery' : 'registerHazard', input);
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(request, async (manager) => {
      const place = input.placeId ? await placeInScope(manager, caller, input.placeId) : null;
      if (input.gridId) await gridInScope(manager, caller, input.gridId);
      if (input.campaignId) await this.extensions.checkCampaignLink(manager, input.campaignId, path);
      const placeText = input.placeText ?? place?.name;
      if (!placeText) throw new BadUserInputError([{ field: 'placeText', message: '请填写隐患部位或选择场所' }]);
      const hazard = await insertHazard(manager, { ...input, placeText, orgPath: path, action }, caller.viewer);
      return toHazard(hazard);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** Corrects the hazard's facts before rectification starts; no step is recorded. */
  async update(caller: Caller, input: UpdateHazardInput): Promise<Hazard> {
    return this.dataSource.transaction(async (manager) => {
      const hazard = await HAZARD_ACCESS.lock(manager, caller, 'edit', input);
      if (!BEFORE_RECTIFICATION.includes(hazard.status)) {
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
  async void(caller: Caller, input: VoidHazardInput): Promise<Hazard> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const request = { id: input.id, version: input.version, comment: input.reason };
      const hazard = await applyHazardTransition(manager, caller, HazardAction.VOID, request, this.extensions, (_manager, locked) => {
        locked.voidReason = input.reason;
      });
      return toHazard(hazard);
    });
  }

  /** The filter's conditions on the rows the viewer sees, or on those hidden from them for a sensitive category. */
  private filterConditions(asker: Asker, filter: HazardFilter, alias: string, rows: LedgerRows): SqlCondition[] {
    const access = rows === 'visible' ? HAZARD_ACCESS.where(asker, 'view', `${alias}.org_path`) : HAZARD_ACCESS.restrictedWhere(asker, 'view', `${alias}.org_path`);
    const conditions = [access];
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

/** The rows a list shows, or those it only counts (restrictedCount). */
type LedgerRows = 'visible' | 'restricted';

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
    expression: 't.created_at',
    direction: 'DESC',
    cursorOf: (hazard) => hazard.createdAt.toISOString(),
    fromCursor: (value) => new Date(value),
  },
  DISCOVERED_LATEST_FIRST: {
    expression: 't.discovered_at',
    direction: 'DESC',
    cursorOf: (hazard) => hazard.discoveredAt.toISOString(),
    fromCursor: (value) => new Date(value),
  },
  DEADLINE_SOONEST_FIRST: {
    expression: `COALESCE(t.deadline, '${NO_DEADLINE}')`,
    direction: 'ASC',
    cursorOf: (hazard) => hazard.deadline ?? NO_DEADLINE,
    fromCursor: (value) => value,
  },
};

