import { CalendarDate, callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit } from '../org-units/org-unit.types';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import { DutyRosterService } from './duty-roster.service';
import { CreateDutyRosterInput, DutyRosterFilter, SetDutySlotInput, UpdateDutyRosterInput } from './duty.inputs';
import {
  DutyGap,
  DutyGapCheckPayload,
  DutyRoster,
  DutyRosterConnection,
  DutyRosterPayload,
  DutySlot,
  DutySlotPayload,
  OnDuty,
} from './duty.types';

@Authorized()
@Resolver(() => DutyRoster)
export class DutyRosterResolver {
  constructor(
    private readonly rosters: DutyRosterService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  @Query(() => DutyRoster, { nullable: true, description: '按 ID 查询值班表（限我的管辖范围）' })
  dutyRoster(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<DutyRoster | null> {
    return this.rosters.get(callerOf(context), id);
  }

  @Query(() => DutyRosterConnection, { description: '我的管辖范围内的值班表，开始日期最近的在前' })
  dutyRosters(
    @Arg('filter', () => DutyRosterFilter, { defaultValue: {} }) filter: DutyRosterFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<DutyRosterConnection> {
    return this.rosters.list(callerOf(context), filter, first, after);
  }

  @Query(() => [DutyGap], { description: '值班表的缺岗：节假日和敏感时期每班须有带班领导和值班人员，日常每班须有值班人员' })
  dutyGaps(@Arg('rosterId', () => ID) rosterId: string, @Ctx() context: RequestContext): Promise<DutyGap[]> {
    return this.rosters.gaps(callerOf(context), rosterId);
  }

  @Query(() => OnDuty, {
    nullable: true,
    description: '此刻（或指定时刻）在岗的班次：本单位值班表中的，本单位此时无班次则取最近的上级单位的；都没有时为空',
  })
  onDutyNow(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('at', () => Date, { nullable: true, description: '时刻，默认为现在' }) at: Date | null,
    @Ctx() context: RequestContext,
  ): Promise<OnDuty | null> {
    return this.rosters.onDutyAt(callerOf(context), orgUnitId, at ?? new Date());
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '值班单位' })
  orgUnit(@Root() roster: DutyRoster, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, roster.orgUnitId);
  }

  @FieldResolver(() => [DutySlot], { description: '排班，按日期和班次顺序；可限定日期范围' })
  async slots(
    @Root() roster: DutyRoster,
    @Arg('fromDate', () => CalendarDate, { nullable: true }) fromDate: string | null,
    @Arg('toDate', () => CalendarDate, { nullable: true }) toDate: string | null,
    @Ctx() context: RequestContext,
  ): Promise<DutySlot[]> {
    const loader = context.loaders.get(`DutyRoster.slots:${fromDate ?? ''}:${toDate ?? ''}`, () =>
      this.rosters.createSlotsLoader(fromDate ?? null, toDate ?? null),
    );
    const shiftOrder = roster.shifts.map((shift) => shift.name);
    const slots = await loader.load(roster.id);
    return [...slots].sort((a, b) => a.date.localeCompare(b.date) || shiftOrder.indexOf(a.shiftName) - shiftOrder.indexOf(b.shiftName));
  }

  @Mutation(() => DutyRosterPayload, { description: '新建值班表' })
  async createDutyRoster(@Arg('input') input: CreateDutyRosterInput, @Ctx() context: RequestContext): Promise<DutyRosterPayload> {
    return { dutyRoster: await this.rosters.create(callerOf(context), input) };
  }

  @Mutation(() => DutyRosterPayload, { description: '修改值班表名称、时段类型或班次' })
  async updateDutyRoster(@Arg('input') input: UpdateDutyRosterInput, @Ctx() context: RequestContext): Promise<DutyRosterPayload> {
    return { dutyRoster: await this.rosters.update(callerOf(context), input) };
  }

  @Mutation(() => DutySlotPayload, { description: '排班：设置某天某班次的带班领导和值班人员（整体替换）' })
  async setDutySlot(@Arg('input') input: SetDutySlotInput, @Ctx() context: RequestContext): Promise<DutySlotPayload> {
    const change = await this.rosters.setSlot(callerOf(context), input);
    return { dutyRoster: change.roster, slot: change.slot };
  }

  @Mutation(() => DutyGapCheckPayload, { description: '检查缺岗并上报新发现的缺岗（已上报的不重复上报）' })
  checkDutyGaps(@Arg('rosterId', () => ID) rosterId: string, @Ctx() context: RequestContext): Promise<DutyGapCheckPayload> {
    return this.rosters.checkGaps(callerOf(context), rosterId);
  }
}

@Authorized()
@Resolver(() => DutySlot)
export class DutySlotResolver {
  constructor(private readonly people: PersonService) {}

  @FieldResolver(() => Person, { nullable: true, description: '带班领导' })
  leader(@Root() slot: DutySlot, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return slot.leaderPersonId ? loadPerson(this.people, context, slot.leaderPersonId) : null;
  }

  @FieldResolver(() => [Person], { description: '值班人员（不在我的管辖范围内的不显示）' })
  officers(@Root() slot: DutySlot, @Ctx() context: RequestContext): Promise<Person[]> {
    return loadPeople(this.people, context, slot.officerPersonIds);
  }
}

@Authorized()
@Resolver(() => OnDuty)
export class OnDutyResolver {
  constructor(private readonly people: PersonService) {}

  @FieldResolver(() => Person, { nullable: true, description: '带班领导；未排班时为空' })
  leader(@Root() onDuty: OnDuty, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return onDuty.leaderPersonId ? loadPerson(this.people, context, onDuty.leaderPersonId) : null;
  }

  @FieldResolver(() => [Person], { description: '值班人员；未排班时为空列表' })
  officers(@Root() onDuty: OnDuty, @Ctx() context: RequestContext): Promise<Person[]> {
    return loadPeople(this.people, context, onDuty.officerPersonIds);
  }
}

/** People in the order given, leaving out those outside the viewer's scope. */
export async function loadPeople(people: PersonService, context: RequestContext, ids: string[]): Promise<Person[]> {
  const found = await Promise.all(ids.map((id) => loadPerson(people, context, id)));
  return found.filter((person): person is Person => person !== null);
}
