import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit, OrgUnitConnection } from '../org-units/org-unit.types';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import { activePairingsLoader } from './section-pairing.names';
import { SectionPairingService } from './section-pairing.service';
import {
  CreateSectionPairingInput,
  EditSectionPairingInput,
  EndSectionPairingInput,
  SectionPairing,
  SectionPairingChange,
  SectionPairingConnection,
  SectionPairingFilter,
  SectionPairingPayload,
} from './section-pairing.types';

@Authorized()
@Resolver(() => SectionPairing)
export class SectionPairingResolver {
  constructor(
    private readonly pairings: SectionPairingService,
    private readonly orgUnits: OrgUnitService,
    private readonly people: PersonService,
  ) {}

  @Query(() => SectionPairing, { nullable: true, description: '按 ID 查询股室联校包抓（限我的管辖范围内的股室）' })
  sectionPairing(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<SectionPairing> {
    return this.pairings.find(callerOf(context), id);
  }

  @Query(() => SectionPairingConnection, { description: '股室联校包抓名单（我的管辖范围内的股室），新安排的在前；默认只含未结束的' })
  sectionPairings(
    @Arg('filter', () => SectionPairingFilter, { defaultValue: {} }) filter: SectionPairingFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<SectionPairingConnection> {
    return this.pairings.list(callerOf(context), filter, first, after);
  }

  @Query(() => OrgUnitConnection, { description: '教育局下属学校中尚无股室包抓的学校（限我的管辖范围）' })
  unpairedSchools(
    @Arg('bureauId', () => ID) bureauId: string,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<OrgUnitConnection> {
    return this.pairings.unpairedSchools(callerOf(context), bureauId, first, after);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '包抓股室（不在我的管辖范围内时为空）' })
  section(@Root() pairing: SectionPairing, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, pairing.sectionId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '包抓学校（不在我的管辖范围内时为空）' })
  school(@Root() pairing: SectionPairing, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, pairing.schoolId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '包抓领导（不在我的人员管辖范围内时为空，姓名见 leadPersonName）' })
  leadPerson(@Root() pairing: SectionPairing, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return pairing.leadPersonId ? loadPerson(this.people, context, pairing.leadPersonId) : null;
  }

  @FieldResolver(() => [SectionPairingChange], { description: '变更记录，先发生的在前' })
  history(@Root() pairing: SectionPairing): Promise<SectionPairingChange[]> {
    return this.pairings.history(pairing.id);
  }

  @Mutation(() => SectionPairingPayload, { description: '安排股室联校包抓（教育局安全管理员）：股室人员重新登录后获得该校的督导组成员权限' })
  async createSectionPairing(@Arg('input') input: CreateSectionPairingInput, @Ctx() context: RequestContext): Promise<SectionPairingPayload> {
    return { sectionPairing: await this.pairings.create(callerOf(context), input) };
  }

  @Mutation(() => SectionPairingPayload, { description: '修改股室联校包抓的包抓领导、起始日期或备注' })
  async editSectionPairing(@Arg('input') input: EditSectionPairingInput, @Ctx() context: RequestContext): Promise<SectionPairingPayload> {
    return { sectionPairing: await this.pairings.edit(callerOf(context), input) };
  }

  @Mutation(() => SectionPairingPayload, { description: '结束股室联校包抓：股室人员对该校的权限随即失效，已登录的会话作废' })
  async endSectionPairing(@Arg('input') input: EndSectionPairingInput, @Ctx() context: RequestContext): Promise<SectionPairingPayload> {
    return { sectionPairing: await this.pairings.end(callerOf(context), input) };
  }
}

/** 包抓股室 on a school's reports and 包抓学校 on a section's: through per-request loaders, for units the viewer sees. */
@Authorized()
@Resolver(() => OrgUnit)
export class PairedUnitsResolver {
  constructor(private readonly pairings: SectionPairingService) {}

  @FieldResolver(() => [SectionPairing], { description: '包抓本校的股室及包抓领导（股室联校包抓，未结束的）' })
  pairedSections(@Root() unit: OrgUnit, @Ctx() context: RequestContext): Promise<SectionPairing[]> | SectionPairing[] {
    if (!ORG_UNIT_ACCESS.allows(callerOf(context), 'view', unit.path)) return [];
    return context.loaders.get('OrgUnit.pairedSections', () => activePairingsLoader(this.pairings.manager, 'school')).load(unit.id);
  }

  @FieldResolver(() => [SectionPairing], { description: '本股室包抓的学校（股室联校包抓，未结束的）' })
  pairedSchools(@Root() unit: OrgUnit, @Ctx() context: RequestContext): Promise<SectionPairing[]> | SectionPairing[] {
    if (!ORG_UNIT_ACCESS.allows(callerOf(context), 'view', unit.path)) return [];
    return context.loaders.get('OrgUnit.pairedSchools', () => activePairingsLoader(this.pairings.manager, 'section')).load(unit.id);
  }
}
