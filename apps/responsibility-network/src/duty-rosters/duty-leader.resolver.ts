import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit } from '../org-units/org-unit.types';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import { DutyLeaderService } from './duty-leader.service';
import { DesignateDutyLeaderInput, DutyLeader, DutyLeaderPayload, WithdrawDutyLeaderInput } from './duty-leader.types';

@Authorized()
@Resolver(() => DutyLeader)
export class DutyLeaderResolver {
  constructor(
    private readonly leaders: DutyLeaderService,
    private readonly people: PersonService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  @Query(() => [DutyLeader], { description: '单位指定的带班领导名单，先指定的在前（限我的管辖范围）' })
  dutyLeaders(@Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() context: RequestContext): Promise<DutyLeader[]> {
    return this.leaders.list(callerOf(context), orgUnitId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '指定带班领导的单位' })
  orgUnit(@Root() leader: DutyLeader, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, leader.orgUnitId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '人员（不在我的管辖范围内时为空）' })
  person(@Root() leader: DutyLeader, @Ctx() context: RequestContext): Promise<Person | null> {
    return loadPerson(this.people, context, leader.personId);
  }

  @Mutation(() => DutyLeaderPayload, { description: '指定带班领导：本单位或其下级单位的在职人员（学校领导、中层干部）' })
  async designateDutyLeader(@Arg('input') input: DesignateDutyLeaderInput, @Ctx() context: RequestContext): Promise<DutyLeaderPayload> {
    return { dutyLeader: await this.leaders.designate(callerOf(context), input) };
  }

  @Mutation(() => DutyLeaderPayload, { description: '撤销带班领导：已排的班次保留，但缺岗检查不再算作有带班领导' })
  async withdrawDutyLeader(@Arg('input') input: WithdrawDutyLeaderInput, @Ctx() context: RequestContext): Promise<DutyLeaderPayload> {
    return { dutyLeader: await this.leaders.withdraw(callerOf(context), input) };
  }
}
