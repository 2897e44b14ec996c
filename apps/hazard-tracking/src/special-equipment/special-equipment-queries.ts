import { keysetPage, KeysetOrder, recentFirstKey, recentFirstPage, SqlCondition, subtreeCondition } from '@campus/database';
import { calendarDateOf, Caller, ConnectionShape, decodeCursor, LoaderRegistry, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { daysAfter } from './special-equipment-dates';
import { SpecialEquipmentStatus } from './special-equipment-enums';
import { SPECIAL_EQUIPMENT_ACCESS } from './special-equipment.access';
import { EquipmentInspectionEntity, OperatorCertificateEntity, SpecialEquipmentEntity } from './special-equipment.entity';
import { SpecialEquipmentFilter } from './special-equipment.inputs';
import {
  OperatorCertificate,
  SpecialEquipment,
  SpecialEquipmentInspection,
  toOperatorCertificate,
  toSpecialEquipment,
  toSpecialEquipmentInspection,
} from './special-equipment.types';

const SOONEST_DUE_FIRST: KeysetOrder = { column: 'next_inspection_due', direction: 'ASC', fromCursor: (value) => value };
const SOONEST_EXPIRY_FIRST: KeysetOrder = { column: 'expires_on', direction: 'ASC', fromCursor: (value) => value };

/** Reads of the register: the viewer's scope always, then the filter. */
export class SpecialEquipmentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async get(caller: Caller, id: string): Promise<SpecialEquipment> {
    return toSpecialEquipment(await SPECIAL_EQUIPMENT_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  /** The register (台账), newest first. */
  async list(caller: Caller, filter: SpecialEquipmentFilter, first: number, after?: string | null): Promise<ConnectionShape<SpecialEquipment>> {
    const query = await this.filtered(caller, filter);
    const page = await recentFirstPage(query, 'e', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toSpecialEquipment);
  }

  /** The register's rows for a download, newest first, at most `limit`. */
  async rows(caller: Caller, filter: SpecialEquipmentFilter, limit: number): Promise<SpecialEquipmentEntity[]> {
    const query = await this.filtered(caller, filter);
    return query.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').take(limit).getMany();
  }

  /** Periodic inspections due within `withinDays` and those overdue, the soonest (longest overdue) first. */
  async inspectionsDue(
    caller: Caller,
    orgUnitId: string | null | undefined,
    withinDays: number,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<SpecialEquipment>> {
    const query = await this.filtered(caller, { orgUnitId: orgUnitId ?? undefined, inspectionDueWithinDays: withinDays, inspectionOverdue: false });
    const page = await keysetPage(query, 'e', SOONEST_DUE_FIRST, first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, (row) => [row.nextInspectionDue as string, row.id], toSpecialEquipment);
  }

  /** Operator certificates of equipment in use that expire within `withinDays` or have expired, the soonest first. */
  async expiringCertificates(
    caller: Caller,
    orgUnitId: string | null | undefined,
    withinDays: number,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<OperatorCertificate>> {
    const query = this.dataSource
      .getRepository(OperatorCertificateEntity)
      .createQueryBuilder('c')
      .where('c.expires_on <= :until', { until: daysAfter(calendarDateOf(new Date()), withinDays) });
    const equipment = [{ sql: 'e.status <> :retired', params: { retired: SpecialEquipmentStatus.RETIRED } }, ...(await this.scope(caller, orgUnitId))];
    query.andWhere(
      `c.equipment_id IN (SELECT e.id FROM special_equipment e WHERE ${equipment.map((condition) => `(${condition.sql})`).join(' AND ')})`,
      Object.assign({}, ...equipment.map((condition) => condition.params)),
    );
    const page = await keysetPage(query, 'c', SOONEST_EXPIRY_FIRST, first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, (row) => [row.expiresOn, row.id], (row) => toOperatorCertificate(row));
  }

  /** The certificates of the equipment asked for in one request, in one statement. */
  certificates(loaders: LoaderRegistry, equipmentId: string): Promise<OperatorCertificate[]> {
    return this.byEquipment(loaders, 'SpecialEquipment.certificates', OperatorCertificateEntity, 'expires_on', equipmentId, (row) => toOperatorCertificate(row));
  }

  /** The inspection records of the equipment asked for in one request, newest first, in one statement. */
  inspections(loaders: LoaderRegistry, equipmentId: string): Promise<SpecialEquipmentInspection[]> {
    return this.byEquipment(loaders, 'SpecialEquipment.inspections', EquipmentInspectionEntity, 'inspected_on', equipmentId, toSpecialEquipmentInspection, 'DESC');
  }

  private byEquipment<E extends ObjectLiteral & { id: string; equipmentId: string }, T>(
    loaders: LoaderRegistry,
    name: string,
    entity: new () => E,
    orderColumn: string,
    equipmentId: string,
    toNode: (row: E) => T,
    direction: 'ASC' | 'DESC' = 'ASC',
  ): Promise<T[]> {
    const loader = loaders.get(name, () => new DataLoader<string, T[]>(async (ids) => {
      const rows = await this.dataSource
        .getRepository(entity)
        .createQueryBuilder('x')
        .where('x.equipment_id IN (:...ids)', { ids: [...ids] })
        .orderBy(`x.${orderColumn}`, direction)
        .addOrderBy('x.id', direction)
        .getMany();
      return ids.map((id) => rows.filter((row) => row.equipmentId === id).map(toNode));
    }));
    return loader.load(equipmentId);
  }

  private async filtered(caller: Caller, filter: SpecialEquipmentFilter): Promise<SelectQueryBuilder<SpecialEquipmentEntity>> {
    const query = this.dataSource.getRepository(SpecialEquipmentEntity).createQueryBuilder('e');
    for (const condition of await this.scope(caller, filter.orgUnitId)) query.andWhere(condition.sql, condition.params);
    if (filter.kinds?.length) query.andWhere('e.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.statuses?.length) query.andWhere('e.status IN (:...statuses)', { statuses: filter.statuses });
    const today = calendarDateOf(new Date());
    if (filter.inspectionOverdue || (filter.inspectionDueWithinDays !== undefined && filter.inspectionDueWithinDays !== null)) {
      const until = filter.inspectionOverdue ? today : daysAfter(today, filter.inspectionDueWithinDays as number);
      const comparison = filter.inspectionOverdue ? '<' : '<=';
      query.andWhere('e.status <> :retired', { retired: SpecialEquipmentStatus.RETIRED });
      query.andWhere(`e.next_inspection_due ${comparison} :dueUntil`, { dueUntil: until });
    }
    return query;
  }

  private async scope(caller: Caller, orgUnitId: string | null | undefined): Promise<SqlCondition[]> {
    const conditions = [SPECIAL_EQUIPMENT_ACCESS.where(caller, 'view', 'e.org_path')];
    if (orgUnitId) conditions.push(subtreeCondition('e.org_path', await visibleUnitPath(this.directory, caller, orgUnitId), 'unitPath'));
    return conditions;
  }
}

