import { callerOf, ConnectionArgs, ExportFile, OrgUnitReference, orgUnitReference, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { HomeSchoolNoticeStatus } from './notice-enums';
import { NoticeAckService } from './notice-ack.service';
import { NoticeLinksService } from './notice-links.service';
import { NoticeService } from './notice.service';
import {
  CloseHomeSchoolNoticeInput,
  CreateHomeSchoolNoticeInput,
  CreateHomeSchoolNoticeTemplateInput,
  HomeSchoolNoticeFilter,
  RecordHomeSchoolNoticeSlipInput,
  SendHomeSchoolNoticeInput,
} from './notice.inputs';
import {
  HomeSchoolNotice,
  HomeSchoolNoticeAcknowledgement,
  HomeSchoolNoticeConnection,
  HomeSchoolNoticePayload,
  HomeSchoolNoticeRecipientConnection,
  HomeSchoolNoticeSlipPayload,
  HomeSchoolNoticeTemplate,
  HomeSchoolNoticeTemplatePayload,
} from './notice.types';

@Authorized()
@Resolver(() => HomeSchoolNotice)
export class HomeSchoolNoticeResolver {
  constructor(
    private readonly notices: NoticeService,
    private readonly acks: NoticeAckService,
    private readonly links: NoticeLinksService,
  ) {}

  @Query(() => [HomeSchoolNoticeTemplate], { description: '家校告知模板：平台内置模板和我的管辖范围内单位自建的模板' })
  homeSchoolNoticeTemplates(@Ctx() context: RequestContext): Promise<HomeSchoolNoticeTemplate[]> {
    return this.notices.templates(callerOf(context));
  }

  @Query(() => HomeSchoolNotice, { nullable: true, description: '按 ID 查询家校告知' })
  homeSchoolNotice(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<HomeSchoolNotice> {
    return this.notices.get(callerOf(context), id);
  }

  @Query(() => HomeSchoolNoticeConnection, { description: '我的管辖范围内单位发出的家校告知' })
  homeSchoolNotices(
    @Arg('filter', () => HomeSchoolNoticeFilter, { defaultValue: {} }) filter: HomeSchoolNoticeFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<HomeSchoolNoticeConnection> {
    return this.notices.list(callerOf(context), filter, first, after);
  }

  @Query(() => ExportFile, {
    description: '家长确认链接 Excel（学生姓名、班级、链接）：为尚无链接的学生生成链接；reissue 为 true 时全部重新生成，原链接失效',
  })
  homeSchoolNoticeLinksWorkbook(
    @Arg('noticeId', () => ID) noticeId: string,
    @Arg('reissue', () => Boolean, { defaultValue: false }) reissue: boolean,
    @Arg('linkBase', () => String, { nullable: true, description: '链接前缀，如 https://safety.example.edu.cn；不给时为相对路径' })
    linkBase: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ExportFile> {
    return this.links.workbook(callerOf(context), noticeId, reissue, linkBase ?? null);
  }

  @FieldResolver(() => [OrgUnitReference], { description: '告知哪些单位（含下级单位）学生的家长' })
  async targetUnits(@Root() notice: HomeSchoolNotice, @Ctx() context: RequestContext): Promise<OrgUnitReference[]> {
    return (await this.notices.targetUnitIds(callerOf(context).loaders, notice.id)).map(orgUnitReference);
  }

  @FieldResolver(() => Int, { description: '发送后的告知对象人数：草稿为此刻所选单位在册学生数，已发送为发送时确定的人数' })
  async expectedRecipientCount(@Root() notice: HomeSchoolNotice, @Ctx() context: RequestContext): Promise<number> {
    if (notice.status !== HomeSchoolNoticeStatus.DRAFT) return notice.recipientCount;
    return this.acks.expectedRecipients(callerOf(context).loaders, notice.id);
  }

  @FieldResolver(() => HomeSchoolNoticeAcknowledgement, { description: '家长回执率：合计和各单位（班级）' })
  acknowledgement(@Root() notice: HomeSchoolNotice, @Ctx() context: RequestContext): Promise<HomeSchoolNoticeAcknowledgement> {
    return this.acks.acknowledgement(callerOf(context).loaders, notice.id);
  }

  @FieldResolver(() => HomeSchoolNoticeRecipientConnection, { description: '尚未回执的学生（待跟进），仅对学生所在单位的安全管理人员可见' })
  unacknowledged(
    @Root() notice: HomeSchoolNotice,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<HomeSchoolNoticeRecipientConnection> {
    return this.acks.unacknowledged(callerOf(context), notice, first, after);
  }

  @Mutation(() => HomeSchoolNoticeTemplatePayload, { description: '新建本单位的告知模板' })
  async createHomeSchoolNoticeTemplate(
    @Arg('input') input: CreateHomeSchoolNoticeTemplateInput,
    @Ctx() context: RequestContext,
  ): Promise<HomeSchoolNoticeTemplatePayload> {
    return { template: await this.notices.createTemplate(callerOf(context), input) };
  }

  @Mutation(() => HomeSchoolNoticePayload, { description: '从模板新建家校告知（草稿）' })
  async createHomeSchoolNotice(@Arg('input') input: CreateHomeSchoolNoticeInput, @Ctx() context: RequestContext): Promise<HomeSchoolNoticePayload> {
    return { notice: await this.notices.create(callerOf(context), input) };
  }

  @Mutation(() => HomeSchoolNoticePayload, { description: '发送家校告知：所选单位此刻在册的学生成为告知对象' })
  async sendHomeSchoolNotice(@Arg('input') input: SendHomeSchoolNoticeInput, @Ctx() context: RequestContext): Promise<HomeSchoolNoticePayload> {
    return { notice: await this.notices.send(callerOf(context), input) };
  }

  @Mutation(() => HomeSchoolNoticePayload, { description: '结束家校告知：链接失效，不再登记回执' })
  async closeHomeSchoolNotice(@Arg('input') input: CloseHomeSchoolNoticeInput, @Ctx() context: RequestContext): Promise<HomeSchoolNoticePayload> {
    return { notice: await this.notices.close(callerOf(context), input) };
  }

  @Mutation(() => HomeSchoolNoticeSlipPayload, { description: '登记家长交回的纸质回执' })
  async recordHomeSchoolNoticeSlip(
    @Arg('input') input: RecordHomeSchoolNoticeSlipInput,
    @Ctx() context: RequestContext,
  ): Promise<HomeSchoolNoticeSlipPayload> {
    return { recipient: await this.acks.recordSlip(callerOf(context), input) };
  }
}
