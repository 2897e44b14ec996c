import { chunks, newId } from '@campus/database';
import { auditedDelete } from '@campus/server';
import { calendarDateOf } from '@campus/graphql';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { previousDay } from '../grids/calendar-days';
import { GridAssignmentEntity } from '../grids/grid-assignment.entity';
import { GridRole } from '../grids/grid-role';
import { GridEntity } from '../grids/grid.entity';
import { recordGridAssignmentChanged } from '../grids/grid.events';
import { PersonEntity } from '../people/person.entity';
import { WorkGroupRole } from '../work-groups/work-group-enums';
import { WorkGroupEntity, WorkGroupMemberEntity } from '../work-groups/work-group.entity';
import { recordWorkGroupChanged } from '../work-groups/work-group.events';
import { MembershipRuleEntity, MembershipTargetKind } from './membership-rule.entity';

/** Who a target's rules place now: person → the first rule (in order) that places them. */
type Placement = Map<string, MembershipRuleEntity>;

/** The active people a rule places now: in its unit (or subtree), of its kind, holding a post of its kind there. */
export async function peopleMatching(manager: EntityManager, rule: MembershipRuleEntity, withinPath: string): Promise<string[]> {
  const query = manager
    .createQueryBuilder(PersonEntity, 'p')
    .select('p.id', 'id')
    .where('p.active = 1')
    .andWhere('LEFT(p.org_path, CHAR_LENGTH(:within)) = :within', { within: withinPath });
  const unitColumn = rule.postKind ? 's.org_path' : 'p.org_path';
  if (rule.postKind) query.innerJoin('post', 's', 's.holder_person_id = p.id AND s.kind = :postKind', { postKind: rule.postKind });
  if (rule.includeSubunits) query.andWhere(`LEFT(${unitColumn}, CHAR_LENGTH(:rulePath)) = :rulePath`, { rulePath: rule.orgPath });
  else query.andWhere(`${unitColumn} = :rulePath`, { rulePath: rule.orgPath });
  if (rule.personKind) query.andWhere('p.kind = :personKind', { personKind: rule.personKind });
  const rows = await query.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').getRawMany<{ id: string }>();
  return [...new Set(rows.map((row) => row.id))];
}

async function placementOf(manager: EntityManager, rules: MembershipRuleEntity[], withinPath: string, byHand: ReadonlySet<string>): Promise<Placement> {
  const placed: Placement = new Map();
  for (const rule of rules) {
    for (const personId of await peopleMatching(manager, rule, withinPath)) {
      if (!byHand.has(personId) && !placed.has(personId)) placed.set(personId, rule);
    }
  }
  return placed;
}

function rulesOf(manager: EntityManager, targetKind: MembershipTargetKind, targetId: string): Promise<MembershipRuleEntity[]> {
  return manager.find(MembershipRuleEntity, { where: { targetKind, targetId }, order: { position: 'ASC' } });
}

/**
 * A work group's rule-placed members brought in line with its rules, after the members named by hand (who
 * win over a rule). True when a row changed; the caller moves the group's version on.
 */
export async function syncWorkGroupRows(manager: EntityManager, group: WorkGroupEntity): Promise<boolean> {
  const members = await manager.find(WorkGroupMemberEntity, { where: { groupId: group.id }, order: { position: 'ASC' } });
  const byHand = new Set(members.filter((member) => !member.ruleId).map((member) => member.personId));
  const placed = await placementOf(manager, await rulesOf(manager, 'WORK_GROUP', group.id), group.orgPath, byHand);
  const current = members.filter((member) => member.ruleId);
  const holds = (member: WorkGroupMemberEntity) => placed.get(member.personId)?.id === member.ruleId && placed.get(member.personId)?.role === member.role;
  const stale = current.filter((member) => !holds(member));
  const kept = new Set(current.filter(holds).map((member) => member.personId));
  const added = [...placed].filter(([personId]) => !kept.has(personId));
  if (stale.length) await auditedDelete(manager, WorkGroupMemberEntity, { id: In(stale.map((member) => member.id)) });
  let position = Math.max(-1, ...members.map((member) => member.position));
  for (const [personId, rule] of added) {
    position += 1;
    await manager.insert(WorkGroupMemberEntity, { id: newId(), groupId: group.id, personId, role: rule.role as WorkGroupRole, duty: null, position, ruleId: rule.id });
  }
  return stale.length > 0 || added.length > 0;
}

/** An active group re-synced; a change moves its version on and announces it, as a change by hand does. */
async function syncWorkGroup(manager: EntityManager, groupId: string): Promise<void> {
  const group = await manager.findOne(WorkGroupEntity, { where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
  if (!group?.active || !(await syncWorkGroupRows(manager, group))) return;
  group.updatedAt = new Date();
  await manager.save(group);
  await recordWorkGroupChanged(manager, group);
}

/**
 * A grid's rule-placed safety officers brought in line with its rules: a newly placed person's term starts
 * today, and the term of one no longer placed ends yesterday (today, if it began today: the history stays
 * true). Someone holding a term by hand today is left to it.
 */
async function syncGrid(manager: EntityManager, gridId: string): Promise<void> {
  const grid = await manager.findOne(GridEntity, { where: { id: gridId }, lock: { mode: 'pessimistic_write' } });
  if (!grid) return;
  const today = calendarDateOf(new Date());
  const terms = await manager.find(GridAssignmentEntity, { where: { gridId } });
  const byHand = terms.filter((term) => term.ruleId === null && term.from <= today && (term.to === null || term.to >= today));
  const placed = await placementOf(manager, await rulesOf(manager, 'GRID', gridId), grid.orgPath, new Set(byHand.map((term) => term.personId)));
  const open = terms.filter((term) => term.ruleId !== null && term.to === null);
  for (const term of open.filter((candidate) => placed.get(candidate.personId)?.id !== candidate.ruleId)) {
    term.to = term.from >= today ? term.from : previousDay(today);
    await manager.save(term);
    await recordGridAssignmentChanged(manager, grid, term);
  }
  const holding = new Set(open.filter((term) => placed.get(term.personId)?.id === term.ruleId).map((term) => term.personId));
  for (const [personId, rule] of placed) {
    if (holding.has(personId)) continue;
    const term = manager.create(GridAssignmentEntity, { id: newId(), gridId, personId, role: GridRole.SAFETY_OFFICER, from: today, to: null, ruleId: rule.id });
    await manager.save(term);
    await recordGridAssignmentChanged(manager, grid, term);
  }
}

/** Brings one target's rule-placed members in line with its rules, in the caller's transaction. */
export function syncTarget(manager: EntityManager, targetKind: MembershipTargetKind, targetId: string): Promise<void> {
  return targetKind === 'WORK_GROUP' ? syncWorkGroup(manager, targetId) : syncGrid(manager, targetId);
}

/**
 * Keeps rule-placed membership current as people change (a move, a new post, leaving): re-syncs every
 * target whose rules cover these people's units now or that holds them by a rule. Call it in the
 * transaction of the change.
 */
export async function syncMembershipOf(manager: EntityManager, personIds: readonly string[]): Promise<void> {
  // Rules are few (a handful per group or grid); with none there are no rule-placed rows to keep either.
  const rules = await manager.find(MembershipRuleEntity, { select: { targetId: true, targetKind: true, orgPath: true } });
  if (!personIds.length || !rules.length) return;
  const targets = new Map<string, MembershipTargetKind>();
  for (const ids of chunks(personIds)) {
    const people = await manager.find(PersonEntity, { select: { id: true, orgPath: true }, where: { id: In(ids) } });
    for (const rule of rules) {
      if (people.some((person) => person.orgPath.startsWith(rule.orgPath))) targets.set(rule.targetId, rule.targetKind);
    }
    const held = { personId: In(ids), ruleId: Not(IsNull()) };
    for (const member of await manager.find(WorkGroupMemberEntity, { where: held })) targets.set(member.groupId, 'WORK_GROUP');
    for (const term of await manager.find(GridAssignmentEntity, { where: { ...held, to: IsNull() } })) targets.set(term.gridId, 'GRID');
  }
  for (const [targetId, targetKind] of [...targets].sort(([a], [b]) => a.localeCompare(b))) await syncTarget(manager, targetKind, targetId);
}

/** The people of a unit's subtree (after it moved, say): their membership re-synced. */
export async function syncMembershipUnder(manager: EntityManager, path: string): Promise<void> {
  const rows = await manager.query('SELECT id FROM person WHERE LEFT(org_path, CHAR_LENGTH(?)) = ?', [path, path]);
  await syncMembershipOf(manager, rows.map((row: { id: string }) => row.id));
}
