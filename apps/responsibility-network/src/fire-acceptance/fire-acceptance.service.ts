import { newId, subtreeCondition } from '@campus/database';
import { BadUserInputError, Caller, calendarDateOf, ConflictError, decodeCursor, toConnection } from '@campus/graphql';
import { requireTransition } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrgUnitService } from '../org-units/org-unit.service';
import { PlaceKind } from '../places/place-kind';
import { PLACE_ACCESS } from '../places/place.access';
import { PlaceEntity } from '../places/place.entity';
import { toPlace } from '../places/place.types';
import { FIRE_ACCEPTANCE_ACCESS, FIRE_ACCEPTANCE_TRANSITIONS } from './fire-acceptance.access';
import { FireAcceptanceChangeEntity, FireAcceptanceEntity } from './fire-acceptance.entity';
import { fireAcceptanceProblems, FireAcceptanceStatus, UNACCEPTED_STATUSES } from './fire-acceptance-status';
import {
  FireAcceptance,
  FireAcceptanceChange,
  FireAcceptancePayload,
  SetFireAcceptanceInput,
  toFireAcceptance,
  toFireAcceptanceChange,
  UnacceptedBuildingConnection,
  UnacceptedBuildingFilter,
  UnacceptedBuildingsByUnit,
} from './fire-acceptance.types';

const NO_RECORD = { version: 0 } as FireAcceptanceEntity;

/** Buildings' 消防验收 records, their history, and the buildings in use without acceptance. */
export class FireAcceptanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnitService,
  ) {}

  /** Records a building's standing (the first entry with version 0), keeping the change in its history. */
  async set(caller: Caller, input: SetFireAcceptanceInput): Promise<FireAcceptancePayload> {
    return this.dataSource.transaction(async (manager) => {
      // Locking the building serialises the first entry of its record.
      const place = await PLACE_ACCESS.lock(manager, caller, 'view', { id: input.placeId });
      const record = await manager.findOne(FireAcceptanceEntity, { where: { placeId: place.id }, lock: { mode: 'pessimistic_write' } });
      FIRE_ACCEPTANCE_ACCESS.check(caller, 'RECORD', { id: record?.id ?? place.id, path: place.orgPath });
      if (place.kind !== PlaceKind.BUILDING) throw new BadUserInputError([{ field: 'placeId', message: '只有楼栋登记消防验收情况' }]);
      // Checked after scope and role, so a building out of scope reads as NOT_FOUND whatever the input.
      const problems = fireAcceptanceProblems(input, calendarDateOf(new Date()));
      if (problems.length) throw new BadUserInputError(problems);
      if (!place.active) throw new ConflictError('INACTIVE', '该楼栋已停用', { placeId: place.id });
      // A building without a record is at version 0.
      FIRE_ACCEPTANCE_ACCESS.checkVersion(record ?? NO_RECORD, { id: record?.id ?? place.id, version: input.version });
      requireTransition(FIRE_ACCEPTANCE_TRANSITIONS, 'RECORD', record?.status ?? 'NONE', record?.id ?? null);
      const saved = await manager.save(this.applyInput(manager, caller, record, place, input));
      await manager.insert(FireAcceptanceChangeEntity, { ...historyOf(saved), id: newId() });
      return { fireAcceptance: toFireAcceptance(saved), place: toPlace(place) };
    });
  }

  /** The in-use buildings in scope with no acceptance (no record, 未验收 or 验收中), by name, with counts per unit. */
  async unaccepted(caller: Caller, filter: UnacceptedBuildingFilter, first: number, after?: string | null): Promise<UnacceptedBuildingConnection> {
    const unitPath = filter.orgUnitId ? (await this.orgUnits.getVisible(caller, filter.orgUnitId)).path : null;
    const byUnit = await this.unacceptedQuery(caller, unitPath)
      .select('p.org_unit_id', 'orgUnitId')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(f.id IS NULL)', 'noRecord')
      .addSelect("SUM(f.status = 'NOT_ACCEPTED')", 'notAccepted')
      .addSelect("SUM(f.status = 'IN_PROGRESS')", 'inProgress')
      .groupBy('p.org_unit_id')
      .orderBy('total', 'DESC')
      .addOrderBy('p.org_unit_id', 'ASC')
      .getRawMany<Record<keyof UnacceptedBuildingsByUnit, string>>();
    const counts = byUnit.map((row) => ({
      orgUnitId: row.orgUnitId,
      total: Number(row.total),
      noRecord: Number(row.noRecord ?? 0),
      notAccepted: Number(row.notAccepted ?? 0),
      inProgress: Number(row.inProgress ?? 0),
    }));
    const query = this.unacceptedQuery(caller, unitPath);
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere('(p.name > :name0 OR (p.name = :name0 AND p.id > :id0))', { name0: cursor[0], id0: cursor[1] });
    const rows = await query.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').take(first + 1).getMany();
    const totalCount = counts.reduce((sum, unit) => sum + unit.total, 0);
    return { ...toConnection(rows, first, totalCount, (row) => [row.name, row.id], toPlace), byUnit: counts };
  }

  /** The records of many buildings in one statement (Place.fireAcceptance). */
  createLoader(caller: Caller): DataLoader<string, FireAcceptance | null> {
    return new DataLoader(async (placeIds) => {
      const scope = FIRE_ACCEPTANCE_ACCESS.where(caller, 'view', 'f.org_path');
      const rows = await this.dataSource
        .getRepository(FireAcceptanceEntity)
        .createQueryBuilder('f')
        .where(scope.sql, scope.params)
        .andWhere('f.place_id IN (:...placeIds)', { placeIds: [...placeIds] })
        .getMany();
      const byPlace = new Map(rows.map((row) => [row.placeId, toFireAcceptance(row)]));
      return placeIds.map((id) => byPlace.get(id) ?? null);
    });
  }

  /** The histories of many records in one statement, newest first (the records were read in scope). */
  createHistoryLoader(): DataLoader<string, FireAcceptanceChange[]> {
    return new DataLoader(async (recordIds) => {
      const rows = await this.dataSource.manager.find(FireAcceptanceChangeEntity, {
        where: { fireAcceptanceId: In([...recordIds]) },
        order: { version: 'DESC' },
      });
      return recordIds.map((id) => rows.filter((row) => row.fireAcceptanceId === id).map(toFireAcceptanceChange));
    });
  }

  private unacceptedQuery(caller: Caller, unitPath: string | null) {
    const scope = FIRE_ACCEPTANCE_ACCESS.where(caller, 'view', 'p.org_path');
    const query = this.dataSource
      .getRepository(PlaceEntity)
      .createQueryBuilder('p')
      .leftJoin(FireAcceptanceEntity, 'f', 'f.place_id = p.id')
      .where(scope.sql, scope.params)
      .andWhere('p.kind = :building AND p.active = 1', { building: PlaceKind.BUILDING })
      .andWhere('(f.id IS NULL OR f.status IN (:...open))', { open: UNACCEPTED_STATUSES });
    if (unitPath) {
      const subtree = subtreeCondition('p.org_path', unitPath, 'unitPath');
      query.andWhere(subtree.sql, subtree.params);
    }
    return query;
  }

  private applyInput(
    manager: EntityManager,
    caller: Caller,
    record: FireAcceptanceEntity | null,
    place: PlaceEntity,
    input: SetFireAcceptanceInput,
  ): FireAcceptanceEntity {
    const target = record ?? manager.create(FireAcceptanceEntity, { id: newId(), placeId: place.id, orgUnitId: place.orgUnitId, orgPath: place.orgPath });
    target.status = input.status;
    target.documentNumber = input.documentNumber?.trim() || null;
    target.acceptedOn = input.acceptedOn ?? null;
    target.authority = input.authority?.trim() || null;
    target.exemptReason = input.status === FireAcceptanceStatus.EXEMPT ? input.exemptReason?.trim() || null : null;
    target.note = input.note?.trim() || null;
    target.changedByAccountId = caller.viewer.accountId;
    target.changedByPersonId = caller.viewer.personId;
    return target;
  }
}

function historyOf(record: FireAcceptanceEntity): Omit<FireAcceptanceChangeEntity, 'id' | 'changedAt'> {
  return {
    fireAcceptanceId: record.id,
    version: record.version,
    status: record.status,
    documentNumber: record.documentNumber,
    acceptedOn: record.acceptedOn,
    authority: record.authority,
    exemptReason: record.exemptReason,
    note: record.note,
    changedByAccountId: record.changedByAccountId,
    changedByPersonId: record.changedByPersonId,
  };
}
