import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import { loadPlace } from '../places/place.resolver';
import { PlaceService } from '../places/place.service';
import { PlaceFunction } from '../places/place-kind';
import { Place } from '../places/place.types';
import { LabAccessService } from './lab-access.service';
import {
  AdmitToLabInput,
  LabAccessCheck,
  LabAccessEntry,
  LabAccessEntryConnection,
  LabAccessEntryPayload,
  LabAccessRefusal,
  LabAccessRefusalConnection,
  LabAccessStatus,
  LabRequirements,
  LabRequirementsPayload,
  RevokeLabAccessInput,
  SetLabRequirementsInput,
} from './lab-access.types';

@Authorized()
@Resolver(() => LabAccessEntry)
export class LabAccessResolver {
  constructor(
    private readonly labAccess: LabAccessService,
    private readonly people: PersonService,
    private readonly places: PlaceService,
  ) {}

  @Query(() => LabAccessCheck, { description: '对照实验室准入条件检查某人：是否满足、缺少哪些（限我的管辖范围）' })
  labAccessCheck(@Arg('labId', () => ID) labId: string, @Arg('personId', () => ID) personId: string, @Ctx() context: RequestContext): Promise<LabAccessCheck> {
    return this.labAccess.check(callerOf(context), labId, personId);
  }

  @Query(() => LabAccessEntryConnection, { description: '实验室准入名单，最近准入的在前；到期的显示为已过期（限我的管辖范围；不是实验实训室的场所没有准入，为空）' })
  labAccessEntries(
    @Arg('labId', () => ID) labId: string,
    @Arg('status', () => LabAccessStatus, { nullable: true, description: '只看某状态' }) status: LabAccessStatus | null,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<LabAccessEntryConnection> {
    return this.labAccess.entries(callerOf(context), labId, status, first, after);
  }

  @Query(() => LabAccessRefusalConnection, { description: '实验室被拒绝的准入申请及所缺条件，最近的在前（限我的管辖范围；不是实验实训室的场所为空）' })
  labAccessRefusals(@Arg('labId', () => ID) labId: string, @Args() { first, after }: ConnectionArgs, @Ctx() context: RequestContext): Promise<LabAccessRefusalConnection> {
    return this.labAccess.refusals(callerOf(context), labId, first, after);
  }

  @Mutation(() => LabRequirementsPayload, { description: '设定实验室准入条件（安全培训、安全测试及有效期），整体替换' })
  setLabRequirements(@Arg('input') input: SetLabRequirementsInput, @Ctx() context: RequestContext): Promise<LabRequirementsPayload> {
    return this.labAccess.setRequirements(callerOf(context), input);
  }

  @Mutation(() => LabAccessEntryPayload, {
    description: '准入实验室：满足准入条件时办理；不满足时拒绝（CONFLICT LAB_REQUIREMENTS_NOT_MET，extensions.missing 列出所缺条件）并记录',
  })
  async admitToLab(@Arg('input') input: AdmitToLabInput, @Ctx() context: RequestContext): Promise<LabAccessEntryPayload> {
    return { entry: await this.labAccess.admit(callerOf(context), input) };
  }

  @Mutation(() => LabAccessEntryPayload, { description: '撤销实验室准入' })
  async revokeLabAccess(@Arg('input') input: RevokeLabAccessInput, @Ctx() context: RequestContext): Promise<LabAccessEntryPayload> {
    return { entry: await this.labAccess.revoke(callerOf(context), input) };
  }

  @FieldResolver(() => Person, { nullable: true, description: '准入人员（不在我的管辖范围内时为空）' })
  person(@Root() entry: LabAccessEntry, @Ctx() context: RequestContext): Promise<Person | null> {
    return loadPerson(this.people, context, entry.personId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '办理人' })
  admittedBy(@Root() entry: LabAccessEntry, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return entry.admittedByPersonId ? loadPerson(this.people, context, entry.admittedByPersonId) : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: '实验室' })
  lab(@Root() entry: LabAccessEntry, @Ctx() context: RequestContext): Promise<Place | null> {
    return loadPlace(this.places, context, entry.labId);
  }
}

@Authorized()
@Resolver(() => LabAccessRefusal)
export class LabAccessRefusalResolver {
  constructor(private readonly people: PersonService) {}

  @FieldResolver(() => Person, { nullable: true, description: '申请准入的人员' })
  person(@Root() refusal: LabAccessRefusal, @Ctx() context: RequestContext): Promise<Person | null> {
    return loadPerson(this.people, context, refusal.personId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '办理人' })
  attemptedBy(@Root() refusal: LabAccessRefusal, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return refusal.attemptedByPersonId ? loadPerson(this.people, context, refusal.attemptedByPersonId) : null;
  }
}

/** Place.labRequirements: one statement per request for all labs on the page. */
@Authorized()
@Resolver(() => Place)
export class PlaceLabRequirementsResolver {
  constructor(private readonly labAccess: LabAccessService) {}

  @FieldResolver(() => LabRequirements, { nullable: true, description: '实验室准入条件（仅实验实训室；尚未设定时为空）' })
  labRequirements(@Root() place: Place, @Ctx() context: RequestContext): Promise<LabRequirements | null> | null {
    if (place.function !== PlaceFunction.LAB) return null;
    const caller = callerOf(context);
    return context.loaders.get('Place.labRequirements', () => this.labAccess.createRequirementsLoader(caller)).load(place.id);
  }
}
