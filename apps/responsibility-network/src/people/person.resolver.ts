import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrgUnitService } from '../org-units/org-unit.service';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnit } from '../org-units/org-unit.types';
import { CreatePersonInput, DeactivatePersonInput, UpdatePersonInput } from './person.inputs';
import { PersonService } from './person.service';
import { RosterImportService } from './roster-import.service';
import { ImportRosterInput, RosterImportReport } from './roster-import.types';
import { maskPhone, Person, PersonPayload } from './person.types';

@Authorized()
@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly people: PersonService,
    private readonly orgUnits: OrgUnitService,
    private readonly rosterImport: RosterImportService,
  ) {}

  @Query(() => Person, { nullable: true, description: '按 ID 查询人员（限我的管辖范围）' })
  person(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Person | null> {
    return loadPerson(this.people, context, id);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  orgUnit(@Root() person: Person, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, person.orgUnitId);
  }

  @FieldResolver(() => String, { nullable: true, description: '联系电话；非本单位管理者看到的是打码号码' })
  phone(@Root() person: Person, @Ctx() context: RequestContext): string | null {
    if (!person.rawPhone) return null;
    return this.people.mayReadPhone(callerOf(context), person) ? person.rawPhone : maskPhone(person.rawPhone);
  }

  @Mutation(() => PersonPayload, { description: '新增人员' })
  async createPerson(@Arg('input') input: CreatePersonInput, @Ctx() context: RequestContext): Promise<PersonPayload> {
    return { person: await this.people.create(callerOf(context), input) };
  }

  @Mutation(() => RosterImportReport, { description: '从 Excel 或 CSV 花名册批量导入人员：逐行校验，有错则整批不导入' })
  importRoster(@Arg('input') input: ImportRosterInput, @Ctx() context: RequestContext): Promise<RosterImportReport> {
    return this.rosterImport.import(callerOf(context), input);
  }

  @Mutation(() => PersonPayload, { description: '停用人员（离职、毕业）；不删除，历史记录仍指向此人' })
  async deactivatePerson(@Arg('input') input: DeactivatePersonInput, @Ctx() context: RequestContext): Promise<PersonPayload> {
    return { person: await this.people.deactivate(callerOf(context), input) };
  }

  @Mutation(() => PersonPayload, { description: '修改人员信息或调动单位' })
  async updatePerson(@Arg('input') input: UpdatePersonInput, @Ctx() context: RequestContext): Promise<PersonPayload> {
    return { person: await this.people.update(callerOf(context), input) };
  }
}

export function loadPerson(people: PersonService, context: RequestContext, id: string): Promise<Person | null> {
  const caller = callerOf(context);
  return context.loaders.get('Person', () => people.createLoader(caller)).load(id);
}
