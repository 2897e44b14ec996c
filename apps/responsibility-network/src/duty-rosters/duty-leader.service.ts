import { newId } from '@campus/database';
import { BadUserInputError, Caller, ConflictError } from '@campus/graphql';
import { auditedDelete, clientRequest, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitService } from '../org-units/org-unit.service';
import { PERSON_ACCESS } from '../people/person.access';
import { PersonEntity } from '../people/person.entity';
import { DUTY_LEADER_ACCESS } from './duty-leader.access';
import { DutyLeaderEntity } from './duty-leader.entity';
import { DesignateDutyLeaderInput, DutyLeader, toDutyLeader, WithdrawDutyLeaderInput } from './duty-leader.types';

/** The people each unit designates to lead duty (带班领导). */
export class DutyLeaderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnitService,
  ) {}

  /** The unit's designated duty leaders, earliest designated first. */
  async list(caller: Caller, orgUnitId: string): Promise<DutyLeader[]> {
    const unit = await this.orgUnits.getVisible(caller, orgUnitId);
    DUTY_LEADER_ACCESS.checkRole(caller, 'view', unit.path);
    const rows = await this.dataSource.manager.find(DutyLeaderEntity, { where: { orgUnitId: unit.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toDutyLeader);
  }

  async designate(caller: Caller, input: DesignateDutyLeaderInput): Promise<DutyLeader> {
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'designateDutyLeader', input), async (manager) => {
      // Locking the unit serialises designations per unit, so the same person cannot be designated twice at once.
      const unit = await ORG_UNIT_ACCESS.lock(manager, caller, 'view', { id: input.orgUnitId });
      DUTY_LEADER_ACCESS.checkRole(caller, 'designate', unit.path);
      const person = await manager.findOneBy(PersonEntity, { id: input.personId });
      if (!person || !PERSON_ACCESS.allows(caller, 'view', person.orgPath)) {
        throw new BadUserInputError([{ field: 'personId', message: `人员不存在或不在您的管辖范围内：${input.personId}` }]);
      }
      if (!person.active) throw new BadUserInputError([{ field: 'personId', message: `${person.name}已停用` }]);
      if (!person.orgPath.startsWith(unit.path)) {
        throw new BadUserInputError([{ field: 'personId', message: `${person.name}不属于${unit.name}及其下级单位` }]);
      }
      const existing = await manager.findOneBy(DutyLeaderEntity, { orgUnitId: unit.id, personId: person.id });
      if (existing) throw new ConflictError('DUPLICATE', `${person.name}已是${unit.name}的带班领导`, { dutyLeaderId: existing.id });
      const leader = manager.create(DutyLeaderEntity, {
        id: newId(),
        orgUnitId: unit.id,
        orgPath: unit.path,
        personId: person.id,
        designatedByAccountId: caller.viewer.accountId,
      });
      await manager.save(leader);
      return toDutyLeader(leader);
    }));
    return outcome.created ?? toDutyLeader(await this.dataSource.manager.findOneByOrFail(DutyLeaderEntity, { id: outcome.id }));
  }

  /** Removes the person from the list; shifts they lead stay as planned but count as having no leader. */
  async withdraw(caller: Caller, input: WithdrawDutyLeaderInput): Promise<DutyLeader> {
    return this.dataSource.transaction(async (manager) => {
      const leader = await DUTY_LEADER_ACCESS.lock(manager, caller, 'withdraw', input);
      await auditedDelete(manager, DutyLeaderEntity, { id: leader.id });
      return toDutyLeader(leader);
    });
  }
}

/** The designated duty leaders of a unit among these people. */
export async function designatedLeaderIds(manager: EntityManager, orgUnitId: string, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows: { personId: string }[] = await manager
    .createQueryBuilder(DutyLeaderEntity, 'l')
    .select('l.person_id', 'personId')
    .where('l.org_unit_id = :orgUnitId AND l.person_id IN (:...personIds)', { orgUnitId, personIds: [...new Set(personIds)] })
    .getRawMany();
  return new Set(rows.map((row) => row.personId));
}
