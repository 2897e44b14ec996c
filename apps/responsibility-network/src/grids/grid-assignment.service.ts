import { newId, subtreeCondition } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, NotFoundError } from '@campus/graphql';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnitService } from '../org-units/org-unit.service';
import { PERSON_ACCESS } from '../people/person.access';
import { PersonEntity } from '../people/person.entity';
import { termIncludes } from './calendar-days';
import { GRID_ASSIGNMENT_ACCESS, GRID_ASSIGNMENT_POLICY } from './grid-assignment.access';
import { GridAssignmentEntity } from './grid-assignment.entity';
import { checkEnding, planAssignment } from './grid-assignment-rules';
import { GridRole, ReassignmentReason } from './grid-role';
import { GRID_ACCESS } from './grid.access';
import { GridEntity } from './grid.entity';
import { recordGridAssignmentChanged } from './grid.events';
import { AssignGridRoleInput, EndGridRoleInput } from './grid.inputs';
import { GridAssignment, GridAssignmentPayload, GridResponsibility, GridRoleNeedingReassignment, toGridAssignment } from './grid.types';

export function today(): string {
  return calendarDateOf(new Date());
}

export class GridAssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly orgUnits: OrgUnitService,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(GridAssignmentEntity);
  }

  /** Terms of many grids in one statement; without ended terms, those that ended before today are left out. */
  createGridAssignmentsLoader(caller: Caller, includeEnded: boolean): DataLoader<string, GridAssignment[]> {
    return new DataLoader(async (gridIds) => {
      const query = this.scopedQuery(caller).andWhere('a.grid_id IN (:...gridIds)', { gridIds });
      if (!includeEnded) query.andWhere('(a.to_date IS NULL OR a.to_date >= :today)', { today: today() });
      const rows = await query.orderBy('a.role', 'ASC').addOrderBy('a.from_date', 'ASC').addOrderBy('a.id', 'ASC').getMany();
      return gridIds.map((gridId) => rows.filter((row) => row.gridId === gridId).map(toGridAssignment));
    });
  }

  async assign(caller: Caller, input: AssignGridRoleInput): Promise<GridAssignmentPayload> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const grid = await GRID_ACCESS.lock(manager, caller, 'view', { id: input.gridId });
      GRID_ASSIGNMENT_ACCESS.checkRole(caller, 'assign', grid.orgPath);
      await this.requireEligiblePerson(caller, manager, grid, input.personId);
      const terms = await manager.findBy(GridAssignmentEntity, { gridId: grid.id });
      const plan = planAssignment(terms, input);
      let closed: GridAssignmentEntity | null = null;
      if (plan.close) {
        closed = terms.find((term) => term.id === plan.close?.id) ?? null;
        if (closed) {
          closed.to = plan.close.to;
          await manager.save(closed);
          await recordGridAssignmentChanged(manager, grid, closed);
        }
      }
      const assignment = manager.create(GridAssignmentEntity, {
        id: newId(),
        gridId: grid.id,
        personId: input.personId,
        role: input.role,
        from: input.from,
        to: null,
      });
      await manager.save(assignment);
      await recordGridAssignmentChanged(manager, grid, assignment);
      return { assignment: toGridAssignment(assignment), closed: closed ? toGridAssignment(closed) : null };
    });
  }

  async end(caller: Caller, input: EndGridRoleInput): Promise<GridAssignment> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const found = await manager.findOneBy(GridAssignmentEntity, { id: input.assignmentId });
      if (!found) throw new NotFoundError(GRID_ASSIGNMENT_POLICY.label, input.assignmentId);
      const grid = await this.lockGridOf(manager, caller, found);
      // Re-read under the grid lock: a concurrent end or leader change is serialised by it.
      const assignment = await manager.findOneByOrFail(GridAssignmentEntity, { id: found.id });
      checkEnding(assignment, input.to);
      assignment.to = input.to;
      await manager.save(assignment);
      await recordGridAssignmentChanged(manager, grid, assignment);
      return toGridAssignment(assignment);
    });
  }

  /** Who answered for the grid on a day: its leader and safety officers whose terms include the day. */
  async responsibleOn(caller: Caller, gridId: string, date: string): Promise<GridResponsibility> {
    const grid = await GRID_ACCESS.find(this.dataSource.manager, caller, 'view', gridId);
    const terms = await this.repository.find({ where: { gridId: grid.id }, order: { from: 'ASC', id: 'ASC' } });
    const onDay = terms.filter((term) => termIncludes(term, date)).map(toGridAssignment);
    return {
      gridId: grid.id,
      date,
      leader: onDay.find((term) => term.role === GridRole.LEADER) ?? null,
      safetyOfficers: onDay.filter((term) => term.role === GridRole.SAFETY_OFFICER),
    };
  }

  /**
   * Open terms (no end date) on grids of the unit's subtree whose person has left (inactive) or moved
   * out of the grid's unit subtree. Ending or handing over the term takes it off the list.
   */
  async needingReassignment(caller: Caller, orgUnitId: string): Promise<GridRoleNeedingReassignment[]> {
    const unit = await this.orgUnits.getVisible(caller, orgUnitId);
    const subtree = subtreeCondition('g.org_path', unit.path, 'unitPath');
    const rows = await this.scopedQuery(caller)
      .innerJoin(PersonEntity, 'p', 'p.id = a.person_id')
      .addSelect('p.active')
      .andWhere(subtree.sql, subtree.params)
      .andWhere('a.to_date IS NULL')
      .andWhere('(p.active = 0 OR LEFT(p.org_path, CHAR_LENGTH(g.org_path)) <> g.org_path)')
      .orderBy('g.level', 'ASC')
      .addOrderBy('g.name', 'ASC')
      .addOrderBy('a.role', 'ASC')
      .addOrderBy('a.from_date', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      assignment: {
        id: String(row.a_id),
        gridId: String(row.a_grid_id),
        personId: String(row.a_person_id),
        role: row.a_role as GridRole,
        from: String(row.a_from_date),
        to: row.a_to_date === null ? null : String(row.a_to_date),
        placedByRule: Boolean(row.a_rule_id),
      },
      reason: Number(row.p_active) === 1 ? ReassignmentReason.PERSON_MOVED : ReassignmentReason.PERSON_INACTIVE,
    }));
  }

  /** Assignments are scoped through their grid. */
  private scopedQuery(caller: Caller) {
    const scope = GRID_ASSIGNMENT_ACCESS.where(caller, 'view', 'g.org_path');
    return this.repository.createQueryBuilder('a').innerJoin(GridEntity, 'g', 'g.id = a.grid_id').where(scope.sql, scope.params);
  }

  /** The term's grid, locked for ending the term: NOT_FOUND (as the term) out of scope, FORBIDDEN without a role. */
  private async lockGridOf(manager: EntityManager, caller: Caller, assignment: GridAssignmentEntity): Promise<GridEntity> {
    const grid = await manager.findOne(GridEntity, { where: { id: assignment.gridId }, lock: { mode: 'pessimistic_write' } });
    return GRID_ASSIGNMENT_ACCESS.guard(caller, 'end', assignment.id, grid);
  }

  /** An active person of the grid's unit subtree. */
  private async requireEligiblePerson(caller: Caller, manager: EntityManager, grid: GridEntity, personId: string): Promise<void> {
    const person = PERSON_ACCESS.guard(caller, 'view', personId, await manager.findOneBy(PersonEntity, { id: personId }));
    if (!person.orgPath.startsWith(grid.orgPath)) {
      throw new BadUserInputError([{ field: 'personId', message: `${person.name}不属于网格所属单位或其下级单位` }]);
    }
    if (!person.active) throw new ConflictError('INACTIVE', `${person.name}已停用，不能担任网格职责`, { personId });
  }
}
