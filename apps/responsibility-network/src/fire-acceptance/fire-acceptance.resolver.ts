import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit } from '../org-units/org-unit.types';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import { Place } from '../places/place.types';
import { PlaceKind } from '../places/place-kind';
import { FireAcceptanceService } from './fire-acceptance.service';
import {
  FireAcceptance,
  FireAcceptanceChange,
  FireAcceptancePayload,
  SetFireAcceptanceInput,
  UnacceptedBuildingConnection,
  UnacceptedBuildingFilter,
  UnacceptedBuildingsByUnit,
} from './fire-acceptance.types';

@Authorized()
@Resolver(() => FireAcceptance)
export class FireAcceptanceResolver {
  constructor(private readonly service: FireAcceptanceService) {}

  @Query(() => UnacceptedBuildingConnection, {
    description: '未完成消防验收的在用楼栋（无验收记录、未验收或验收中），按名称排序，附按单位汇总（限我的管辖范围）',
  })
  buildingsWithoutFireAcceptance(
    @Arg('filter', () => UnacceptedBuildingFilter, { defaultValue: {} }) filter: UnacceptedBuildingFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<UnacceptedBuildingConnection> {
    return this.service.unaccepted(callerOf(context), filter, first, after);
  }

  @FieldResolver(() => [FireAcceptanceChange], { description: '变更历史，最新的在前' })
  history(@Root() record: FireAcceptance, @Ctx() context: RequestContext): Promise<FireAcceptanceChange[]> {
    return context.loaders.get('FireAcceptance.history', () => this.service.createHistoryLoader()).load(record.id);
  }

  @Mutation(() => FireAcceptancePayload, { description: '登记或变更楼栋的消防验收情况（保留变更历史）' })
  setFireAcceptance(@Arg('input') input: SetFireAcceptanceInput, @Ctx() context: RequestContext): Promise<FireAcceptancePayload> {
    return this.service.set(callerOf(context), input);
  }
}

@Authorized()
@Resolver(() => FireAcceptanceChange)
export class FireAcceptanceChangeResolver {
  constructor(private readonly people: PersonService) {}

  @FieldResolver(() => Person, { nullable: true, description: '变更人（不在我的管辖范围内时为空）' })
  changedBy(@Root() change: FireAcceptanceChange, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return change.changedByPersonId ? loadPerson(this.people, context, change.changedByPersonId) : null;
  }
}

/** Place.fireAcceptance: through one statement per request for all buildings on the page. */
@Authorized()
@Resolver(() => Place)
export class PlaceFireAcceptanceResolver {
  constructor(private readonly service: FireAcceptanceService) {}

  @FieldResolver(() => FireAcceptance, { nullable: true, description: '消防验收情况（仅楼栋；尚未登记时为空）' })
  fireAcceptance(@Root() place: Place, @Ctx() context: RequestContext): Promise<FireAcceptance | null> | null {
    if (place.kind !== PlaceKind.BUILDING) return null;
    const caller = callerOf(context);
    return context.loaders.get('Place.fireAcceptance', () => this.service.createLoader(caller)).load(place.id);
  }
}

@Authorized()
@Resolver(() => UnacceptedBuildingsByUnit)
export class UnacceptedBuildingsByUnitResolver {
  constructor(private readonly orgUnits: OrgUnitService) {}

  @FieldResolver(() => OrgUnit, { nullable: true, description: '单位' })
  orgUnit(@Root() row: UnacceptedBuildingsByUnit, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, row.orgUnitId);
  }
}
