import { newId, subtreeCondition } from '@campus/database';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, ConnectionShape, decodeCursor, toConnection } from '@campus/graphql';
import { clientRequest, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { TokenSettings } from '../accounts/account.service';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { OrgUnit, toOrgUnit } from '../org-units/org-unit.types';
import { PERSON_ACCESS } from '../people/person.access';
import { PersonEntity } from '../people/person.entity';
import { revokeSectionTokens } from './section-pairing-grants';
import { checkEndDate, checkLeadPerson, checkSectionAndSchool } from './section-pairing-rules';
import { SECTION_PAIRING_ACCESS } from './section-pairing.access';
import { SectionPairingAction, SectionPairingEntity, SectionPairingLogEntity } from './section-pairing.entity';
import { describePairings } from './section-pairing.names';
import { CreateSectionPairingInput, EditSectionPairingInput, EndSectionPairingInput, SectionPairing, SectionPairingFilter } from './section-pairing.types';

/** 股室联校包抓: the register, managed by the bureau's admins, versioned, every change logged. */
export class SectionPairingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly tokens: TokenSettings,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async find(caller: Caller, id: string): Promise<SectionPairing> {
    const row = await SECTION_PAIRING_ACCESS.find(this.dataSource.manager, caller, 'view', id);
    return (await describePairings(this.dataSource.manager, [row]))[0];
  }

  /** Pairings of sections in the caller's scope, newest first. */
  async list(caller: Caller, filter: SectionPairingFilter, first: number, after?: string | null): Promise<ConnectionShape<SectionPairing>> {
    const query = this.dataSource.manager.createQueryBuilder(SectionPairingEntity, 'p');
    const scope = SECTION_PAIRING_ACCESS.where(caller, 'view', 'p.org_path');
    query.where(scope.sql, scope.params);
    if (filter.sectionUnitId) {
      const root = await ORG_UNIT_ACCESS.find(this.dataSource.manager, caller, 'view', filter.sectionUnitId);
      const subtree = subtreeCondition('p.org_path', root.path, 'root');
      query.andWhere(subtree.sql, subtree.params);
    }
    if (filter.schoolId) query.andWhere('p.school_id = :schoolId', { schoolId: filter.schoolId });
    if (!filter.includeEnded) query.andWhere('p.ended_on IS NULL');
    const totalCount = await query.getCount();
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere('(p.created_at < :at OR (p.created_at = :at AND p.id < :id))', { at: new Date(String(cursor[0])), id: cursor[1] });
    const rows = await query.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').take(first + 1).getMany();
    const described = new Map((await describePairings(this.dataSource.manager, rows)).map((pairing) => [pairing.id, pairing]));
    return toConnection(rows, first, totalCount, (row) => [row.createdAt.toISOString(), row.id], (row) => described.get(row.id) as SectionPairing);
  }

  async create(caller: Caller, input: CreateSectionPairingInput): Promise<SectionPairing> {
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createSectionPairing', input), async (manager) => {
      // Locking the section serialises its pairings, so the same school cannot be paired twice at once.
      const section = await ORG_UNIT_ACCESS.lock(manager, caller, 'view', { id: input.sectionId });
      SECTION_PAIRING_ACCESS.checkRole(caller, 'create', section.path);
      const school = await ORG_UNIT_ACCESS.find(manager, caller, 'view', input.schoolId);
      const bureau = section.parentId ? await manager.findOneBy(OrgUnitEntity, { id: section.parentId }) : null;
      checkSectionAndSchool(section, bureau, school);
      const leadPersonId = input.leadPersonId ? await this.checkedLead(manager, caller, input.leadPersonId, bureau as OrgUnitEntity) : null;
      const existing = await manager.findOneBy(SectionPairingEntity, { orgUnitId: section.id, schoolId: school.id, endedOn: IsNull() });
      if (existing) throw new ConflictError('DUPLICATE', `${section.name}已在包抓${school.name}`, { sectionPairingId: existing.id });
      const pairing = manager.create(SectionPairingEntity, {
        id: newId(),
        orgUnitId: section.id,
        orgPath: section.path,
        bureauId: section.parentId as string,
        schoolId: school.id,
        leadPersonId,
        startedOn: input.startedOn ?? calendarDateOf(new Date()),
        endedOn: null,
        note: input.note ?? '',
        createdByAccountId: caller.viewer.accountId,
      });
      await manager.save(pairing);
      await this.log(manager, SectionPairingAction.CREATED, pairing, caller);
      return pairing;
    }));
    return this.find(caller, outcome.id);
  }

  /** Changes the lead person, start date or note of an active pairing; a new start date revokes the section's tokens. */
  async edit(caller: Caller, input: EditSectionPairingInput): Promise<SectionPairing> {
    await transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const pairing = await this.lockActive(manager, caller, 'edit', input);
      const bureau = await manager.findOneByOrFail(OrgUnitEntity, { id: pairing.bureauId });
      if (input.leadPersonId !== undefined) {
        pairing.leadPersonId = input.leadPersonId ? await this.checkedLead(manager, caller, input.leadPersonId, bureau) : null;
      }
      if (input.note !== undefined && input.note !== null) pairing.note = input.note;
      const newStart = input.startedOn && input.startedOn !== pairing.startedOn ? input.startedOn : null;
      if (newStart) pairing.startedOn = newStart;
      await manager.save(pairing);
      await this.log(manager, SectionPairingAction.EDITED, pairing, caller);
      if (newStart) await revokeSectionTokens(manager, pairing.orgUnitId, this.tokens.ttlSeconds);
    });
    return this.find(caller, input.id);
  }

  /** Ends the pairing: the section's people lose the school at once (their tokens are revoked everywhere). */
  async end(caller: Caller, input: EndSectionPairingInput): Promise<SectionPairing> {
    await transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const pairing = await this.lockActive(manager, caller, 'end', input);
      const endedOn = input.endedOn ?? calendarDateOf(new Date());
      checkEndDate(pairing.startedOn, endedOn, calendarDateOf(new Date()));
      pairing.endedOn = endedOn;
      await manager.save(pairing);
      await this.log(manager, SectionPairingAction.ENDED, pairing, caller);
      await revokeSectionTokens(manager, pairing.orgUnitId, this.tokens.ttlSeconds);
    });
    return this.find(caller, input.id);
  }

  /** Schools under the bureau (in the caller's scope) that no section is pairing now, by level and code. */
  async unpairedSchools(caller: Caller, bureauId: string, first: number, after?: string | null): Promise<ConnectionShape<OrgUnit>> {
    const bureau = await ORG_UNIT_ACCESS.find(this.dataSource.manager, caller, 'view', bureauId);
    SECTION_PAIRING_ACCESS.checkRole(caller, 'view', bureau.path);
    const query = this.dataSource.manager.createQueryBuilder(OrgUnitEntity, 'u');
    const scope = ORG_UNIT_ACCESS.where(caller, 'view', 'u.path');
    const subtree = subtreeCondition('u.path', bureau.path, 'bureau');
    query
      .where(scope.sql, scope.params)
      .andWhere(subtree.sql, subtree.params)
      .andWhere('u.kind = :kind', { kind: OrgUnitKind.SCHOOL })
      .andWhere('NOT EXISTS (SELECT 1 FROM section_pairing p WHERE p.school_id = u.id AND p.ended_on IS NULL)');
    const totalCount = await query.getCount();
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere('(u.depth > :depth OR (u.depth = :depth AND u.code > :code))', { depth: cursor[0], code: cursor[1] });
    const rows = await query.orderBy('u.depth', 'ASC').addOrderBy('u.code', 'ASC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => [row.depth, row.code], toOrgUnit);
  }

  /** The pairing's changes, oldest first (the caller sees the pairing: the resolver's root). */
  async history(pairingId: string): Promise<SectionPairingLogEntity[]> {
    return this.dataSource.manager.find(SectionPairingLogEntity, { where: { pairingId }, order: { id: 'ASC' }, take: 200 });
  }

  private async lockActive(manager: EntityManager, caller: Caller, action: 'edit' | 'end', ref: { id: string; version: number }): Promise<SectionPairingEntity> {
    const pairing = await SECTION_PAIRING_ACCESS.lock(manager, caller, action, ref);
    if (pairing.endedOn) throw new ConflictError('INACTIVE', `该包抓已于${pairing.endedOn}结束`, { id: pairing.id });
    return pairing;
  }

  private async checkedLead(manager: EntityManager, caller: Caller, personId: string, bureau: OrgUnitEntity): Promise<string> {
    const person = await manager.findOneBy(PersonEntity, { id: personId });
    if (!person || !PERSON_ACCESS.allows(caller, 'view', person.orgPath)) {
      throw new BadUserInputError([{ field: 'leadPersonId', message: `人员不存在或不在您的管辖范围内：${personId}` }]);
    }
    checkLeadPerson(person, await manager.findOneByOrFail(OrgUnitEntity, { id: person.orgUnitId }), bureau);
    return person.id;
  }

  private async log(manager: EntityManager, action: SectionPairingAction, pairing: SectionPairingEntity, caller: Caller): Promise<void> {
    await manager.insert(SectionPairingLogEntity, {
      pairingId: pairing.id,
      action,
      actorAccountId: caller.viewer.accountId,
      at: new Date(),
      leadPersonId: pairing.leadPersonId,
      startedOn: pairing.startedOn,
      endedOn: pairing.endedOn,
      note: pairing.note,
    });
  }
}
