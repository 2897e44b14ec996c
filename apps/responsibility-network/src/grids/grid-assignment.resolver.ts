import { CalendarDate, callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import { GridAssignmentService } from './grid-assignment.service';
import { loadGrid } from './grid.resolver';
import { AssignGridRoleInput, EndGridRoleInput } from './grid.inputs';
import { GridService } from './grid.service';
import { Grid, GridAssignment, GridAssignmentPayload, GridResponsibility, GridRoleNeedingReassignment } from './grid.types';

@Authorized()
@Resolver(() => GridAssignment)
export class GridAssignmentResolver {
  constructor(
    private readonly assignmentService: GridAssignmentService,
    private readonly gridService: GridService,
    private readonly people: PersonService,
  ) {}

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() assignment: GridAssignment, @Ctx() context: RequestContext): Promise<Grid | null> {
    return loadGrid(this.gridService, context, assignment.gridId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '任职人员（不在管辖范围内时为空）' })
  person(@Root() assignment: GridAssignment, @Ctx() context: RequestContext): Promise<Person | null> {
    return loadPerson(this.people, context, assignment.personId);
  }

  @Query(() => GridResponsibility, { description: '某一天谁对网格负责：当天的网格责任人和网格安全员' })
  gridResponsibleOn(
    @Arg('gridId', () => ID) gridId: string,
    @Arg('date', () => CalendarDate) date: string,
    @Ctx() context: RequestContext,
  ): Promise<GridResponsibility> {
    return this.assignmentService.responsibleOn(callerOf(context), gridId, date);
  }

  @Query(() => [GridRoleNeedingReassignment], { description: '单位（含下级）网格中，人员已离职或调离、需要重新指派的任职' })
  gridRolesNeedingReassignment(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Ctx() context: RequestContext,
  ): Promise<GridRoleNeedingReassignment[]> {
    return this.assignmentService.needingReassignment(callerOf(context), orgUnitId);
  }

  @Mutation(() => GridAssignmentPayload, { description: '指派网格责任人或网格安全员；新责任人上任时前任于前一天卸任' })
  assignGridRole(@Arg('input') input: AssignGridRoleInput, @Ctx() context: RequestContext): Promise<GridAssignmentPayload> {
    return this.assignmentService.assign(callerOf(context), input);
  }

  @Mutation(() => GridAssignmentPayload, { description: '结束一项网格任职' })
  async endGridRole(@Arg('input') input: EndGridRoleInput, @Ctx() context: RequestContext): Promise<GridAssignmentPayload> {
    return { assignment: await this.assignmentService.end(callerOf(context), input), closed: null };
  }
}
