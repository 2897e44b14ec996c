import { newId } from '@campus/database';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { BadUserInputError, Caller, FieldProblem, NotFoundError } from '@campus/graphql';
import { auditedDelete, lockTransition } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { GRID_ASSIGNMENT_ACCESS } from '../grids/grid-assignment.access';
import { GRID_ACCESS } from '../grids/grid.access';
import { GridEntity } from '../grids/grid.entity';
import { Grid, toGrid } from '../grids/grid.types';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { WorkGroupRole } from '../work-groups/work-group-enums';
import { WORK_GROUP_ACCESS, WORK_GROUP_TRANSITIONS, workGroupState } from '../work-groups/work-group.access';
import { WorkGroupEntity } from '../work-groups/work-group.entity';
import { recordWorkGroupChanged } from '../work-groups/work-group.events';
import { toWorkGroup, WorkGroup } from '../work-groups/work-group.types';
import { MembershipRuleEntity, MembershipTargetKind } from './membership-rule.entity';
import { MembershipRuleInput, SetGridOfficerRulesInput, SetWorkGroupMemberRulesInput } from './membership-rule.inputs';
import { MembershipRule, toMembershipRule, WorkGroupMemberRule } from './membership-rule.types';
import { syncTarget, syncWorkGroupRows } from './membership-sync';

/** Rules that place a work group's members or a grid's safety officers by their attributes. */
export class MembershipRuleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  /** Rules of many (already visible) targets in one statement, in order. */
  createRulesLoader(targetKind: MembershipTargetKind): DataLoader<string, WorkGroupMemberRule[]> {
    return new DataLoader(async (targetIds) => {
      const rows = await this.dataSource.manager.find(MembershipRuleEntity, { where: { targetKind, targetId: In([...targetIds]) }, order: { position: 'ASC' } });
      return targetIds.map((targetId) => rows.filter((row) => row.targetId === targetId).map(toMembershipRule));
    });
  }

  /** Replaces a group's rules (as changing its members, SET_MEMBERS) and re-places its members at once. */
  async setWorkGroupRules(caller: Caller, input: SetWorkGroupMemberRulesInput): Promise<WorkGroup> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { row: group } = await lockTransition(WORK_GROUP_ACCESS, manager, caller, WORK_GROUP_TRANSITIONS, 'SET_MEMBERS', input, workGroupState);
      const problems = input.rules.flatMap((rule, index) =>
        rule.role === WorkGroupRole.LEADER ? [{ field: `rules[${index}].role`, message: '组长须逐一指定，不能按规则纳入' }] : [],
      );
      await this.replaceRules(manager, caller, 'WORK_GROUP', group, input.rules, problems);
      await syncWorkGroupRows(manager, group);
      group.updatedAt = new Date();
      await manager.save(group);
      await recordWorkGroupChanged(manager, group);
      return toWorkGroup(group);
    });
  }

  /** Replaces a grid's safety-officer rules (as assigning its roles) and re-places its officers at once. */
  async setGridRules(caller: Caller, input: SetGridOfficerRulesInput): Promise<{ grid: Grid; rules: MembershipRule[] }> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const grid = await GRID_ACCESS.lock(manager, caller, 'view', { id: input.gridId });
      GRID_ASSIGNMENT_ACCESS.checkRole(caller, 'assign', grid.orgPath);
      const rules = await this.replaceRules(manager, caller, 'GRID', grid, input.rules, []);
      await syncTarget(manager, 'GRID', grid.id);
      return { grid: toGrid(grid), rules: rules.map(toMembershipRule) };
    });
  }

  /** Each rule's unit must be one the caller sees, in the target's unit or below (BAD_USER_INPUT on the rule otherwise). */
  private async replaceRules(
    manager: EntityManager,
    caller: Caller,
    targetKind: MembershipTargetKind,
    target: WorkGroupEntity | GridEntity,
    rules: (MembershipRuleInput & { role?: WorkGroupRole })[],
    problems: FieldProblem[],
  ): Promise<MembershipRuleEntity[]> {
    const units = await Promise.all(rules.map((rule) => ORG_UNIT_ACCESS.find(manager, caller, 'view', rule.orgUnitId).catch(unlessNotFound)));
    units.forEach((unit, index) => {
      if (!unit?.path.startsWith(target.orgPath)) problems.push({ field: `rules[${index}].orgUnitId`, message: '规则的单位须为所属单位或其下级单位' });
    });
    if (problems.length) throw new BadUserInputError(problems);
    await auditedDelete(manager, MembershipRuleEntity, { targetKind, targetId: target.id });
    const rows = rules.map((rule, position) =>
      manager.create(MembershipRuleEntity, {
        id: newId(),
        targetKind,
        targetId: target.id,
        position,
        role: rule.role ?? 'SAFETY_OFFICER',
        orgUnitId: rule.orgUnitId,
        orgPath: units[position]!.path,
        includeSubunits: rule.includeSubunits,
        personKind: rule.personKind ?? null,
        postKind: rule.postKind ?? null,
        createdByAccountId: caller.viewer.accountId,
      }),
    );
    if (rows.length) await manager.save(rows);
    return rows;
  }
}

/** A unit the caller cannot see is a problem with the rule, not a reason to stop: null, reported with the others. */
function unlessNotFound(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}
