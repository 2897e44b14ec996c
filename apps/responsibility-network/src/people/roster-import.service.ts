import { newId } from '@campus/database';
import { OutboxSignal, PersonCreated, PersonUpdated, recordEvents, transactionWithEvents } from '@campus/events';
import { BadUserInputError, Caller } from '@campus/graphql';
import { DataSource, EntityManager, In } from 'typeorm';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { PERSON_ACCESS } from './person.access';
import { PersonEntity } from './person.entity';
import { readRosterFile, RosterFileError } from './roster-file';
import { MAX_ROSTER_ROWS, RosterPerson, RosterUnit, validateRoster } from './roster-import';
import { ImportRosterInput, RosterImportReport } from './roster-import.types';
import { syncMembershipOf } from '../membership-rules/membership-sync';

/**
 * Imports a roster (花名册) from Excel or CSV: every row is validated first; if any row is rejected,
 * nothing is imported and the report names each rejected row with its reasons. People are matched by
 * 工号/学号 within the caller's scope: known ones are updated, new ones created, all in one transaction.
 */
export class RosterImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  async import(caller: Caller, input: ImportRosterInput): Promise<RosterImportReport> {
    const started = Date.now();
    const rows = await this.read(input);
    const units = await this.unitsInScope(caller);
    const { people, problems } = validateRoster(rows, units, (unit) => PERSON_ACCESS.allows(caller, 'importRoster', unit.path));
    const report = (imported: boolean, created = 0, updated = 0): RosterImportReport => ({
      imported,
      totalRows: rows.length,
      created,
      updated,
      rejectedRows: problems,
      durationMs: Date.now() - started,
    });
    if (problems.length || input.dryRun) return report(false);
    const { created, updated } = await transactionWithEvents(this.dataSource, this.outbox, (manager) =>
      this.write(manager, caller, people),
    );
    return report(true, created, updated);
  }

  private async read(input: ImportRosterInput) {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) throw new BadUserInputError([{ field: 'contentBase64', message: '文件内容为空' }]);
    let rows;
    try {
      rows = await readRosterFile(input.format, content);
    } catch (error) {
      if (error instanceof RosterFileError) throw new BadUserInputError([{ field: 'contentBase64', message: error.message }]);
      throw error;
    }
    if (rows.length === 0) throw new BadUserInputError([{ field: 'contentBase64', message: '文件中没有数据行' }]);
    if (rows.length > MAX_ROSTER_ROWS) {
      throw new BadUserInputError([{ field: 'contentBase64', message: `一次最多导入 ${MAX_ROSTER_ROWS} 行，文件有 ${rows.length} 行` }]);
    }
    return rows;
  }

  private async unitsInScope(caller: Caller): Promise<Map<string, RosterUnit>> {
    const scope = ORG_UNIT_ACCESS.where(caller, 'view', 'u.path');
    const units = await this.dataSource.getRepository(OrgUnitEntity).createQueryBuilder('u').where(scope.sql, scope.params).getMany();
    return new Map(units.map((unit) => [unit.code, { id: unit.id, path: unit.path }]));
  }

  private async write(manager: EntityManager, caller: Caller, people: RosterPerson[]): Promise<{ created: number; updated: number }> {
    const existing = await this.existingByNumber(manager, caller, people);
    const toCreate: PersonEntity[] = [];
    const toUpdate: PersonEntity[] = [];
    for (const person of people) {
      const known = person.employeeNo ? existing.get(person.employeeNo) : undefined;
      const entity = known ?? manager.create(PersonEntity, { id: newId(), active: true, version: 1 });
      Object.assign(entity, {
        name: person.name,
        kind: person.kind,
        orgUnitId: person.unit.id,
        orgPath: person.unit.path,
        employeeNo: person.employeeNo,
        position: person.position,
        phone: person.phone,
      });
      (known ? toUpdate : toCreate).push(entity);
    }
    for (let start = 0; start < toCreate.length; start += 1000) {
      await manager.insert(PersonEntity, toCreate.slice(start, start + 1000));
    }
    if (toUpdate.length) await manager.save(toUpdate, { chunk: 500 });
    const facts = (person: PersonEntity) => ({
      aggregateId: person.id,
      payload: { id: person.id, name: person.name, kind: person.kind, orgUnitId: person.orgUnitId, orgPath: person.orgPath, active: person.active },
    });
    await recordEvents(manager, PersonCreated, toCreate.map(facts));
    await recordEvents(manager, PersonUpdated, toUpdate.map(facts));
    await syncMembershipOf(manager, [...toCreate, ...toUpdate].map((person) => person.id));
    return { created: toCreate.length, updated: toUpdate.length };
  }

  /** People already on file with the roster's numbers, within the caller's scope. */
  private async existingByNumber(manager: EntityManager, caller: Caller, people: RosterPerson[]): Promise<Map<string, PersonEntity>> {
    const numbers = people.map((person) => person.employeeNo).filter((number): number is string => number !== null);
    const found = new Map<string, PersonEntity>();
    const scope = PERSON_ACCESS.where(caller, 'view', 'p.org_path');
    for (let start = 0; start < numbers.length; start += 1000) {
      const rows = await manager
        .getRepository(PersonEntity)
        .createQueryBuilder('p')
        .where({ employeeNo: In(numbers.slice(start, start + 1000)) })
        .andWhere(scope.sql, scope.params)
        .setLock('pessimistic_write')
        .getMany();
      for (const row of rows) if (row.employeeNo) found.set(row.employeeNo, row);
    }
    return found;
  }
}
