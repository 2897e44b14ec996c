import { escapeLike, newId, rowsByIds, subtreeCondition } from '@campus/database';
import { Caller, ConnectionShape, decodeCursor, toConnection, VersionedInput } from '@campus/graphql';
import { OutboxSignal, PersonCreated, PersonDeactivated, PersonUpdated, recordEvent, transactionWithEvents } from '@campus/events';
import { clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { OrgUnit } from '../org-units/org-unit.types';
import { PERSON_ACCESS, PERSON_TRANSITIONS, personState } from './person.access';
import { PersonEntity } from './person.entity';
import { CreatePersonInput, PeopleFilter, UpdatePersonInput } from './person.inputs';
import { Person, toPerson } from './person.types';
import { syncMembershipOf } from '../membership-rules/membership-sync';

export class PersonService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(PersonEntity);
  }

  createLoader(caller: Caller): DataLoader<string, Person | null> {
    return new DataLoader((ids) => {
      const scope = PERSON_ACCESS.where(caller, 'view', 'p.org_path');
      return rowsByIds(this.repository.createQueryBuilder('p').where(scope.sql, scope.params), 'p', ids, toPerson);
    });
  }

  async listInUnit(
    caller: Caller,
    unit: OrgUnit,
    filter: PeopleFilter,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<Person>> {
    const query = this.repository.createQueryBuilder('p');
    const scope = PERSON_ACCESS.where(caller, 'view', 'p.org_path');
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

  async create(caller: Caller, input: CreatePersonInput): Promise<Person> {
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'createPerson', input), async (manager) => {
      const unit = await this.unitFor(manager, caller, 'create', input.orgUnitId);
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
      await syncMembershipOf(manager, [person.id]);
      return toPerson(person);
    }));
    return outcome.created ?? toPerson(await this.dataSource.manager.findOneByOrFail(PersonEntity, { id: outcome.id }));
  }

  async update(caller: Caller, input: UpdatePersonInput): Promise<Person> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const person = await PERSON_ACCESS.lock(manager, caller, 'edit', input);
      if (input.orgUnitId && input.orgUnitId !== person.orgUnitId) {
        const unit = await this.unitFor(manager, caller, 'edit', input.orgUnitId);
        person.orgUnitId = unit.id;
        person.orgPath = unit.path;
      }
      if (input.name !== undefined && input.name !== null) person.name = input.name;
      if (input.phone !== undefined && input.phone !== null) person.phone = input.phone || null;
      if (input.employeeNo !== undefined && input.employeeNo !== null) person.employeeNo = input.employeeNo || null;
      if (input.position !== undefined && input.position !== null) person.position = input.position || null;
      await manager.save(person);
      await recordEvent(manager, PersonUpdated, person.id, personFacts(person));
      await syncMembershipOf(manager, [person.id]);
      return toPerson(person);
    });
  }

  /** Someone who left: kept (history and hazards point at them) but no longer active. */
  async deactivate(caller: Caller, input: VersionedInput): Promise<Person> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { row: person, next: state } = await lockTransition(PERSON_ACCESS, manager, caller, PERSON_TRANSITIONS, 'DEACTIVATE', input, personState);
      person.active = state === 'ACTIVE';
      await manager.save(person);
      await recordEvent(manager, PersonDeactivated, person.id, { id: person.id, orgUnitId: person.orgUnitId, orgPath: person.orgPath });
      await syncMembershipOf(manager, [person.id]);
      return toPerson(person);
    });
  }

  /** Whether the caller sees the person's full phone number: themself, or whoever keeps the person's unit. */
  mayReadPhone(caller: Caller, person: Person): boolean {
    return caller.viewer.personId === person.id || PERSON_ACCESS.allows(caller, 'viewPhone', person.orgPath);
  }

  /** The unit a person is put in: visible to the caller (else NOT_FOUND), who keeps people there (else FORBIDDEN). */
  private async unitFor(manager: EntityManager, caller: Caller, action: 'create' | 'edit', unitId: string): Promise<OrgUnitEntity> {
    const unit = await ORG_UNIT_ACCESS.find(manager, caller, 'view', unitId);
    PERSON_ACCESS.checkRole(caller, action, unit.path);
    return unit;
  }
}

function personFacts(person: PersonEntity) {
  return { id: person.id, name: person.name, kind: person.kind, orgUnitId: person.orgUnitId, orgPath: person.orgPath, active: person.active };
}
