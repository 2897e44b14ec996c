import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit } from '../org-units/org-unit.types';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import {
  CreateResponsibilityLetterInput,
  DeleteResponsibilityLetterInput,
  ExpireResponsibilityLettersInput,
  IssueResponsibilityLetterInput,
  RenewResponsibilityLettersInput,
  ResponsibilityLetterFilter,
  RevokeResponsibilityLetterInput,
  SignResponsibilityLetterInput,
  UpdateResponsibilityLetterInput,
} from './letter.inputs';
import { LetterService } from './letter.service';
import {
  DeleteResponsibilityLetterPayload,
  ExpireResponsibilityLettersPayload,
  LetterSigningCoverage,
  ResponsibilityLetter,
  ResponsibilityLetterConnection,
  ResponsibilityLetterItem,
  ResponsibilityLetterPayload,
  RenewResponsibilityLettersPayload,
} from './letter.types';

@Authorized()
@Resolver(() => ResponsibilityLetter)
export class ResponsibilityLetterResolver {
  constructor(
    private readonly letters: LetterService,
    private readonly orgUnits: OrgUnitService,
    private readonly people: PersonService,
  ) {}

  @Query(() => ResponsibilityLetter, { nullable: true, description: '按 ID 查询责任书（发文方或受领方管辖范围内）' })
  responsibilityLetter(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ResponsibilityLetter> {
    return this.letters.get(callerOf(context), id);
  }

  @Query(() => ResponsibilityLetterConnection, { description: '责任书列表，最新创建的在前' })
  responsibilityLetters(
    @Arg('filter', () => ResponsibilityLetterFilter, { defaultValue: {} }) filter: ResponsibilityLetterFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<ResponsibilityLetterConnection> {
    return this.letters.list(callerOf(context), filter, first, after);
  }

  @Query(() => LetterSigningCoverage, { description: '发文单位某年度各直属下级单位的责任书签订情况（哪些单位尚未签署）' })
  letterSigningCoverage(
    @Arg('issuerUnitId', () => ID) issuerUnitId: string,
    @Arg('year', () => Int) year: number,
    @Ctx() context: RequestContext,
  ): Promise<LetterSigningCoverage> {
    return this.letters.coverage(callerOf(context), issuerUnitId, year);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '发文单位（不在管辖范围内时为空，见 issuerName）' })
  issuer(@Root() letter: ResponsibilityLetter, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, letter.issuerUnitId);
  }

  @FieldResolver(() => String, { nullable: true, description: '发文单位名称' })
  issuerName(@Root() letter: ResponsibilityLetter, @Ctx() context: RequestContext): Promise<string | null> {
    return context.loaders.get('ResponsibilityLetter.issuerName', () => this.letters.createUnitNameLoader()).load(letter.issuerUnitId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: '受领单位' })
  recipient(@Root() letter: ResponsibilityLetter, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
    return loadOrgUnit(this.orgUnits, context, letter.recipientUnitId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '签署人（受领单位第一责任人）' })
  recipientPerson(@Root() letter: ResponsibilityLetter, @Ctx() context: RequestContext): Promise<Person | null> {
    return loadPerson(this.people, context, letter.recipientPersonId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '实际签署人' })
  signedBy(@Root() letter: ResponsibilityLetter, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return letter.signedByPersonId ? loadPerson(this.people, context, letter.signedByPersonId) : null;
  }

  @FieldResolver(() => [ResponsibilityLetterItem], { description: '目标责任内容，按顺序' })
  items(@Root() letter: ResponsibilityLetter, @Ctx() context: RequestContext): Promise<ResponsibilityLetterItem[]> {
    return context.loaders.get('ResponsibilityLetter.items', () => this.letters.createItemsLoader()).load(letter.id);
  }

  @Mutation(() => ResponsibilityLetterPayload, { description: '起草目标责任书（草稿）；签署人为受领单位第一责任人' })
  async createResponsibilityLetter(
    @Arg('input') input: CreateResponsibilityLetterInput,
    @Ctx() context: RequestContext,
  ): Promise<ResponsibilityLetterPayload> {
    return { responsibilityLetter: await this.letters.create(callerOf(context), input) };
  }

  @Mutation(() => ResponsibilityLetterPayload, { description: '修改草稿（目标内容整体替换）' })
  async updateResponsibilityLetter(
    @Arg('input') input: UpdateResponsibilityLetterInput,
    @Ctx() context: RequestContext,
  ): Promise<ResponsibilityLetterPayload> {
    return { responsibilityLetter: await this.letters.update(callerOf(context), input) };
  }

  @Mutation(() => DeleteResponsibilityLetterPayload, { description: '删除责任书草稿（只限草稿；已下达的请撤销），该单位的签订情况如同未起草' })
  async deleteResponsibilityLetter(
    @Arg('input') input: DeleteResponsibilityLetterInput,
    @Ctx() context: RequestContext,
  ): Promise<DeleteResponsibilityLetterPayload> {
    return { id: await this.letters.delete(callerOf(context), input) };
  }

  @Mutation(() => ResponsibilityLetterPayload, { description: '下达责任书，签署人按受领单位当前第一责任人确定' })
  async issueResponsibilityLetter(
    @Arg('input') input: IssueResponsibilityLetterInput,
    @Ctx() context: RequestContext,
  ): Promise<ResponsibilityLetterPayload> {
    return { responsibilityLetter: await this.letters.issue(callerOf(context), input) };
  }

  @Mutation(() => ResponsibilityLetterPayload, { description: '签署（或负责人变更后重新签署）责任书；只能本人签署' })
  async signResponsibilityLetter(
    @Arg('input') input: SignResponsibilityLetterInput,
    @Ctx() context: RequestContext,
  ): Promise<ResponsibilityLetterPayload> {
    return { responsibilityLetter: await this.letters.sign(callerOf(context), input) };
  }

  @Mutation(() => ResponsibilityLetterPayload, { description: '撤销已下达或已签署的责任书，须说明原因' })
  async revokeResponsibilityLetter(
    @Arg('input') input: RevokeResponsibilityLetterInput,
    @Ctx() context: RequestContext,
  ): Promise<ResponsibilityLetterPayload> {
    return { responsibilityLetter: await this.letters.revoke(callerOf(context), input) };
  }

  @Mutation(() => RenewResponsibilityLettersPayload, {
    description: '续签：按上一年度的责任书为各受领单位起草新年度草稿（目标内容照搬、标题年度顺延、签署人为现任第一责任人）；已有新年度责任书的单位跳过',
  })
  async renewResponsibilityLetters(
    @Arg('input') input: RenewResponsibilityLettersInput,
    @Ctx() context: RequestContext,
  ): Promise<RenewResponsibilityLettersPayload> {
    const outcome = await this.letters.renew(callerOf(context), input);
    return { responsibilityLetters: outcome.renewed, skipped: outcome.skipped };
  }

  @Mutation(() => ExpireResponsibilityLettersPayload, { description: '年度结束后，将发文单位该年度已下达、已签署的责任书置为到期' })
  async expireResponsibilityLetters(
    @Arg('input') input: ExpireResponsibilityLettersInput,
    @Ctx() context: RequestContext,
  ): Promise<ExpireResponsibilityLettersPayload> {
    const expired = await this.letters.expire(callerOf(context), input);
    return { expiredCount: expired.length, responsibilityLetters: expired };
  }
}
