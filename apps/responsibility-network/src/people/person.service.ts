import { ADMIN_ROLES, Role, Viewer } from '@campus/auth';
import { escapeLike, newId, orgScopeCondition, rowsByIds, subtreeCondition } from '@campus/database';
import { ConflictError, ConnectionShape, decodeCursor, ForbiddenError, NotFoundError, toConnection, VersionedInput } from '@campus/graphql';
import { OutboxSignal, PersonCreated, PersonDeactivated, PersonUpdated, recordEvent, transactionWithEvents } from '@campus/events';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { OrgUnit } from '../org-units/org-unit.types';
import { PersonEntity } from './person.entity';
import { CreatePersonInput, PeopleFilter, UpdatePersonInput } from './person.inputs';
import { Person, toPerson } from './person.types';

/** Who manages people (and sees their phone numbers) in a unit. */
export const PEOPLE_MANAGER_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER];

export class PersonService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(PersonEntity);
  }

  createLoader(viewer: Viewer): DataLoader<string, Person | null> {
    return new DataLoader((ids) => {
      const scope = orgScopeCondition('p.org_path', viewer.scopePaths);
      return rowsByIds(this.repository.createQueryBuilder('p').where(scope.sql, scope.params), 'p', ids, toPerson);
    });
  }

  async listInUnit(
    viewer: Viewer,
    unit: OrgUnit,
    filter: PeopleFilter,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<Person>> {
    const query = this.repository.createQueryBuilder('p');
    const scope = orgScopeCondition('p.org_path', viewer.scopePaths);
    query.where(scope.sql, scope.params);
    if (filter.includeSubtree) {
      const subtree = subtreeCondition('p.org_path', unit.path, 'unitPath');
      query.andWhere(subtree.sql, subtree.params);
    } else {
      query.andWhere('p.org_unit_id = :unitId', { unitId: unit.id });
    }
    if (!filter.includeInactive) query.andWhere('p.active = 1');
    if (filter.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.nameContains) query.andWhere('p.name LIKE :name', { name: `%${escapeLike(filter.nameContains)}%` });
    const totalCount = await query.getCount();
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere('(p.name > :name0 OR (p.name = :name0 AND p.id > :id0))', { name0: cursor[0], id0: cursor[1] });
    const rows = await query.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => [row.name, row.id], toPerson);
  }

  async create(viewer: Viewer, input: CreatePersonInput): Promise<Person> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const unit = await this.managedUnit(viewer, input.orgUnitId, manager);
      const person = manager.create(PersonEntity, {
        id: newId(),
        name: input.name,
        kind: input.kind,
        orgUnitId: unit.id,
        orgPath: unit.path,
        phone: input.phone ?? null,
        employeeNo: input.employeeNo ?? null,
        position: input.position ?? null,
        active: true,
      });
      await manager.save(person);
      await recordEvent(manager, PersonCreated, person.id, personFacts(person));
      return toPerson(person);
    });
  }

  async update(viewer: Viewer, input: UpdatePersonInput): Promise<Person> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const person = await this.lockForChange(manager, viewer, input);
      if (input.orgUnitId && input.orgUnitId !== person.orgUnitId) {
        const unit = await this.managedUnit(viewer, input.orgUnitId, manager);
        person.orgUnitId = unit.id;
        person.orgPath = unit.path;
      }
      if (input.name !== undefined && input.name !== null) person.name = input.name;
      if (input.phone !== undefined && input.phone !== null) person.phone = input.phone || null;
      if (input.employeeNo !== undefined && input.employeeNo !== null) person.employeeNo = input.employeeNo || null;
      if (input.position !== undefined && input.position !== null) person.position = input.position || null;
      await manager.save(person);
      await recordEvent(manager, PersonUpdated, person.id, personFacts(person));
      return toPerson(person);
    });
  }

  /** Someone who left: kept (history and hazards point at them) but no longer active. */
  async deactivate(viewer: Viewer, input: VersionedInput): Promise<Person> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const person = await this.lockForChange(manager, viewer, input);
      if (!person.active) throw new ConflictError('INACTIVE', '该人员已停用', { id: person.id });
      person.active = false;
      await manager.save(person);
      await recordEvent(manager, PersonDeactivated, person.id, { id: person.id, orgUnitId: person.orgUnitId, orgPath: person.orgPath });
      return toPerson(person);
    });
  }

  mayManage(viewer: Viewer, person: Person): boolean {
    return viewer.personId === person.id || viewer.hasRoleAt(PEOPLE_MANAGER_ROLES, person.orgPath);
  }

  private async lockForChange(manager: EntityManager, viewer: Viewer, input: VersionedInput): Promise<PersonEntity> {
    const person = await manager.findOne(PersonEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
    if (!person || !viewer.covers(person.orgPath)) throw new NotFoundError('人员', input.id);
    this.requireManager(viewer, person.orgPath);
    if (person.version !== input.version) {
      throw new ConflictError('STALE_VERSION', '人员信息已被他人修改，请刷新后重试', { id: person.id, currentVersion: person.version });
    }
    return person;
  }

  private async managedUnit(viewer: Viewer, unitId: string, manager: EntityManager): Promise<OrgUnitEntity> {
    const unit = await manager.findOneBy(OrgUnitEntity, { id: unitId });
    if (!unit || !viewer.covers(unit.path)) throw new NotFoundError('单位', unitId);
    this.requireManager(viewer, unit.path);
    return unit;
  }

  private requireManager(viewer: Viewer, path: string): void {
    if (!viewer.hasRoleAt(PEOPLE_MANAGER_ROLES, path)) throw new ForbiddenError('只有本单位负责人或安全管理部门可以维护人员信息');
  }
}

function personFacts(person: PersonEntity) {
  return { id: person.id, name: person.name, kind: person.kind, orgUnitId: person.orgUnitId, orgPath: person.orgPath, active: person.active };
}
