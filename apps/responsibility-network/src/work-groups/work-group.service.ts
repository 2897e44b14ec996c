import { newId, recentFirstKey, recentFirstPage, rowsByIds, subtreeCondition } from '@campus/database';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { BadUserInputError, Caller, ConnectionShape, decodeCursor, FieldProblem, toConnection, VersionedInput } from '@campus/graphql';
import { auditedDelete, clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { syncWorkGroupRows } from '../membership-rules/membership-sync';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { PERSON_ACCESS } from '../people/person.access';
import { PersonEntity } from '../people/person.entity';
import { memberListProblems } from './work-group-members';
import { WORK_GROUP_ACCESS, WORK_GROUP_TRANSITIONS, WorkGroupAction, WorkGroupState, workGroupState } from './work-group.access';
import { WorkGroupEntity, WorkGroupMemberEntity } from './work-group.entity';
import { recordWorkGroupChanged } from './work-group.events';
import { CreateWorkGroupInput, SetWorkGroupMembersInput, UpdateWorkGroupInput, WorkGroupFilter, WorkGroupMemberInput } from './work-group.inputs';
import { toWorkGroup, toWorkGroupMember, WorkGroup, WorkGroupMember } from './work-group.types';

export class WorkGroupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(WorkGroupEntity);
  }

  createLoader(caller: Caller): DataLoader<string, WorkGroup | null> {
    return new DataLoader((ids) => {
      const scope = WORK_GROUP_ACCESS.where(caller, 'view', 'g.org_path');
      return rowsByIds(this.repository.createQueryBuilder('g').where(scope.sql, scope.params), 'g', ids, toWorkGroup);
    });
  }

  /** Members of many (already visible) groups in one statement, in the order they were listed. */
  createMembersLoader(): DataLoader<string, WorkGroupMember[]> {
    return new DataLoader(async (groupIds) => {
      const rows = await this.dataSource
        .getRepository(WorkGroupMemberEntity)
        .find({ where: { groupId: In([...groupIds]) }, order: { position: 'ASC' } });
      return groupIds.map((groupId) => rows.filter((row) => row.groupId === groupId).map(toWorkGroupMember));
    });
  }

  /** Groups of a unit (and below), newest first. */
  async list(caller: Caller, filter: WorkGroupFilter, first: number, after?: string | null): Promise<ConnectionShape<WorkGroup>> {
    const unit = await ORG_UNIT_ACCESS.find(this.dataSource.manager, caller, 'view', filter.orgUnitId);
    const query = this.repository.createQueryBuilder('g');
    const scope = WORK_GROUP_ACCESS.where(caller, 'view', 'g.org_path');
    query.where(scope.sql, scope.params);
    if (filter.includeSubtree) {
      const subtree = subtreeCondition('g.org_path', unit.path, 'unitPath');
      query.andWhere(subtree.sql, subtree.params);
    } else {
      query.andWhere('g.org_unit_id = :unitId', { unitId: unit.id });
    }
    if (filter.kind) query.andWhere('g.kind = :kind', { kind: filter.kind });
    if (filter.active === true || filter.active === false) query.andWhere('g.active = :active', { active: filter.active });
    const page = await recentFirstPage(query, 'g', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toWorkGroup);
  }

  async create(caller: Caller, input: CreateWorkGroupInput): Promise<WorkGroup> {
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'createWorkGroup', input), async (manager) => {
      const unit = await ORG_UNIT_ACCESS.find(manager, caller, 'view', input.orgUnitId);
      WORK_GROUP_ACCESS.checkRole(caller, 'create', unit.path);
      const officeHost = input.officeHostUnitId ? await this.officeHostIn(manager, unit.path, input.officeHostUnitId) : null;
      await this.requireValidMembers(manager, caller, unit.path, input.members);
      const group = manager.create(WorkGroupEntity, {
        id: newId(),
        orgUnitId: unit.id,
        orgPath: unit.path,
        kind: input.kind,
        name: input.name.trim(),
        officeHostUnitId: officeHost?.id ?? null,
        responsibilities: input.responsibilities?.trim() || null,
        active: true,
      });
      await manager.save(group);
      await this.saveMembers(manager, group.id, input.members);
      await recordWorkGroupChanged(manager, group);
      return toWorkGroup(group);
    }));
    return outcome.created ?? toWorkGroup(await this.dataSource.manager.findOneByOrFail(WorkGroupEntity, { id: outcome.id }));
  }

  async update(caller: Caller, input: UpdateWorkGroupInput): Promise<WorkGroup> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { group } = await this.lockFor(manager, caller, 'EDIT', input);
      if (input.name) group.name = input.name.trim();
      if (input.responsibilities !== undefined && input.responsibilities !== null) {
        group.responsibilities = input.responsibilities.trim() || null;
      }
      if (input.officeHostUnitId !== undefined && input.officeHostUnitId !== null) {
        group.officeHostUnitId = input.officeHostUnitId ? (await this.officeHostIn(manager, group.orgPath, input.officeHostUnitId)).id : null;
      }
      await manager.save(group);
      await recordWorkGroupChanged(manager, group);
      return toWorkGroup(group);
    });
  }

  /** Replaces the members named by hand; those placed by the group's rules follow the rules. */
  async setMembers(caller: Caller, input: SetWorkGroupMembersInput): Promise<WorkGroup> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { group } = await this.lockFor(manager, caller, 'SET_MEMBERS', input);
      await this.requireValidMembers(manager, caller, group.orgPath, input.members);
      await auditedDelete(manager, WorkGroupMemberEntity, { groupId: group.id });
      await this.saveMembers(manager, group.id, input.members);
      // The group's rules place the others again, after those named by hand (who win over a rule).
      await syncWorkGroupRows(manager, group);
      // The member list is part of the group: changing it moves the group's version on.
      group.updatedAt = new Date();
      await manager.save(group);
      await recordWorkGroupChanged(manager, group);
      return toWorkGroup(group);
    });
  }

  /** 撤销: kept with its members for the record, no longer active. */
  async dissolve(caller: Caller, input: VersionedInput): Promise<WorkGroup> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { group, state } = await this.lockFor(manager, caller, 'DISSOLVE', input);
      group.active = state === 'ACTIVE';
      await manager.save(group);
      await recordWorkGroupChanged(manager, group);
      return toWorkGroup(group);
    });
  }

  /** The group locked for the action (scope, role, version) and the state the table takes it to. */
  private async lockFor(
    manager: EntityManager,
    caller: Caller,
    action: WorkGroupAction,
    input: VersionedInput,
  ): Promise<{ group: WorkGroupEntity; state: WorkGroupState }> {
    const { row: group, next: state } = await lockTransition(WORK_GROUP_ACCESS, manager, caller, WORK_GROUP_TRANSITIONS, action, input, workGroupState);
    return { group, state };
  }

  /** The office of a group sits in the owning unit or a unit below it (e.g. 办公室挂靠安全保卫处). */
  private async officeHostIn(manager: EntityManager, ownerPath: string, unitId: string): Promise<OrgUnitEntity> {
    const unit = await manager.findOneBy(OrgUnitEntity, { id: unitId });
    if (!unit || !unit.path.startsWith(ownerPath)) {
      throw new BadUserInputError([{ field: 'officeHostUnitId', message: '办公室挂靠单位须为成立单位或其下级单位' }]);
    }
    return unit;
  }

  private async requireValidMembers(manager: EntityManager, caller: Caller, ownerPath: string, members: WorkGroupMemberInput[]): Promise<void> {
    const problems = memberListProblems(members);
    const ids = [...new Set(members.map((member) => member.personId))];
    const people = ids.length ? await manager.find(PersonEntity, { where: { id: In(ids) } }) : [];
    const byId = new Map(people.map((person) => [person.id, person]));
    members.forEach((member, index) => {
      const problem = memberProblem(caller, ownerPath, byId.get(member.personId));
      if (problem) problems.push({ field: `members[${index}].personId`, message: problem });
    });
    if (problems.length) throw new BadUserInputError(sortByField(problems));
  }

  private async saveMembers(manager: EntityManager, groupId: string, members: WorkGroupMemberInput[]): Promise<void> {
    if (members.length === 0) return;
    await manager.save(
      members.map((member, position) =>
        manager.create(WorkGroupMemberEntity, {
          id: newId(),
          groupId,
          personId: member.personId,
          role: member.role,
          duty: member.duty?.trim() || null,
          position,
        }),
      ),
    );
  }
}

function memberProblem(caller: Caller, ownerPath: string, person: PersonEntity | undefined): string | null {
  if (!person || !PERSON_ACCESS.allows(caller, 'view', person.orgPath)) return '人员不存在或不在您的管辖范围内';
  if (!person.orgPath.startsWith(ownerPath)) return '成员须为成立单位或其下级单位的人员';
  if (!person.active) return '该人员已停用';
  return null;
}

function sortByField(problems: FieldProblem[]): FieldProblem[] {
  return [...problems].sort((a, b) => a.field.localeCompare(b.field, 'en', { numeric: true }));
}
