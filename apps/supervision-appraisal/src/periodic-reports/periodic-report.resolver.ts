import { callerOf, ConnectionArgs, OrgUnitReference, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { REPORT_SUBMISSION_ACCESS, REPORT_TEMPLATE_ACCESS } from './periodic-report.access';
import { ReportTemplateEntity } from './periodic-report.entity';
import {
  CloseReportTemplateInput,
  CreateReportTemplateInput,
  ReportTemplateFilter,
  ResubmitPeriodicReportInput,
  ReviewPeriodicReportInput,
  SubmitPeriodicReportInput,
} from './periodic-report.inputs';
import {
  PeriodicReportCounts,
  PeriodicReportDuties,
  PeriodicReportRevision,
  PeriodicReportSubmission,
  PeriodicReportSubmissionPayload,
  PeriodicReportTemplate,
  PeriodicReportTemplateConnection,
  PeriodicReportTemplatePayload,
  PeriodicReportUnitStatus,
  ReportPeriodType,
} from './periodic-report.types';
import { ReportStatusService, templatePeriods } from './report-status';
import { ReportSubmissionService } from './report-submissions.service';
import { ReportTemplateService } from './report-templates.service';

export interface PeriodicReportServices {
  templates: ReportTemplateService;
  submissions: ReportSubmissionService;
  status: ReportStatusService;
  now: () => Date;
}

/** The template row behind a GraphQL template, through the request's loader (NOT_FOUND when no longer visible). */
async function templateRow(dataSource: DataSource, context: RequestContext, id: string): Promise<ReportTemplateEntity> {
  const caller = callerOf(context);
  const loader = caller.loaders.get('PeriodicReportTemplate.row', () => new DataLoader(async (ids: readonly string[]) => {
    const rows = await dataSource.manager.find(ReportTemplateEntity, { where: { id: In([...ids]) } });
    return ids.map((key) => rows.find((row) => row.id === key) ?? null);
  }));
  return REPORT_TEMPLATE_ACCESS.visible(caller, id, await loader.load(id));
}

@Authorized()
@Resolver(() => PeriodicReportTemplate)
export class PeriodicReportTemplateResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly services: PeriodicReportServices,
  ) {}

  @Query(() => PeriodicReportTemplate, { nullable: true, description: '按 ID 查询报送要求（下达单位及其上级、下达单位的下级单位）' })
  periodicReportTemplate(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<PeriodicReportTemplate> {
    return this.services.templates.get(callerOf(context), id);
  }

  @Query(() => PeriodicReportTemplateConnection, { description: '我可见的报送要求（周安排、月调度、季报告），最新下达的在前' })
  periodicReportTemplates(
    @Arg('filter', () => ReportTemplateFilter, { defaultValue: {} }) filter: ReportTemplateFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<PeriodicReportTemplateConnection> {
    return this.services.templates.list(callerOf(context), filter, first, after);
  }

  @Query(() => PeriodicReportDuties, { description: '单位的报送任务：各报送要求的当期、逾期未报和退回待重报的各期，及其数量（看板用）' })
  periodicReportDuties(@Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() context: RequestContext): Promise<PeriodicReportDuties> {
    return this.services.status.duties(callerOf(context), orgUnitId);
  }

  @Mutation(() => PeriodicReportTemplatePayload, { description: '下达报送要求：报送周期、截止规则、内容要求和报送单位（下级单位）' })
  async createPeriodicReportTemplate(@Arg('input') input: CreateReportTemplateInput, @Ctx() context: RequestContext): Promise<PeriodicReportTemplatePayload> {
    return { template: await this.services.templates.create(callerOf(context), input) };
  }

  @Mutation(() => PeriodicReportTemplatePayload, { description: '停止报送要求（不再接受新的报送）' })
  async closePeriodicReportTemplate(@Arg('input') input: CloseReportTemplateInput, @Ctx() context: RequestContext): Promise<PeriodicReportTemplatePayload> {
    return { template: await this.services.templates.close(callerOf(context), input) };
  }

  @FieldResolver(() => [OrgUnitReference], { description: '报送单位（下达时确定）' })
  async targetUnits(@Root() template: PeriodicReportTemplate): Promise<OrgUnitReference[]> {
    return (await this.services.templates.targetIds(template.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [ReportPeriodType], { description: '报送周期：从当期（已停止的为停止时那期）往前，最近的在前' })
  async periods(
    @Root() template: PeriodicReportTemplate,
    @Arg('last', () => Int, { defaultValue: 6, description: '最多几期（1–60）' }) last: number,
    @Ctx() context: RequestContext,
  ): Promise<ReportPeriodType[]> {
    return templatePeriods(await templateRow(this.dataSource, context, template.id), this.services.now(), Math.max(1, Math.min(last, 60)));
  }

  @FieldResolver(() => [PeriodicReportUnitStatus], { description: '某一期各报送单位的报送情况（已报、逾期、未报、待报）；下达单位看全部，下级单位看本单位' })
  async reportStatus(@Root() template: PeriodicReportTemplate, @Arg('periodKey') periodKey: string, @Ctx() context: RequestContext): Promise<PeriodicReportUnitStatus[]> {
    return this.services.status.unitStatus(callerOf(context), await templateRow(this.dataSource, context, template.id), periodKey);
  }

  @FieldResolver(() => PeriodicReportCounts, { description: '某一期的报送统计（只计您可见的报送单位）' })
  async reportCounts(@Root() template: PeriodicReportTemplate, @Arg('periodKey') periodKey: string, @Ctx() context: RequestContext): Promise<PeriodicReportCounts> {
    return this.services.status.counts(callerOf(context), await templateRow(this.dataSource, context, template.id), periodKey);
  }
}

@Authorized()
@Resolver(() => PeriodicReportSubmission)
export class PeriodicReportSubmissionResolver {
  constructor(private readonly services: PeriodicReportServices) {}

  @Query(() => PeriodicReportSubmission, { nullable: true, description: '按 ID 查询报送材料（报送单位及其上级）' })
  periodicReportSubmission(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<PeriodicReportSubmission> {
    return this.services.submissions.get(callerOf(context), id);
  }

  @Mutation(() => PeriodicReportSubmissionPayload, { description: '报送一期的材料（报送单位的负责人或安全管理人员）；晚于截止时间的记为逾期' })
  async submitPeriodicReport(@Arg('input') input: SubmitPeriodicReportInput, @Ctx() context: RequestContext): Promise<PeriodicReportSubmissionPayload> {
    return { submission: await this.services.submissions.submit(callerOf(context), input) };
  }

  @Mutation(() => PeriodicReportSubmissionPayload, { description: '修改重报（审阅前或退回后），此前内容保留为历史版本' })
  async resubmitPeriodicReport(@Arg('input') input: ResubmitPeriodicReportInput, @Ctx() context: RequestContext): Promise<PeriodicReportSubmissionPayload> {
    return { submission: await this.services.submissions.resubmit(callerOf(context), input) };
  }

  @Mutation(() => PeriodicReportSubmissionPayload, { description: '审阅报送材料：已阅（下达单位）' })
  async acknowledgePeriodicReport(@Arg('input') input: ReviewPeriodicReportInput, @Ctx() context: RequestContext): Promise<PeriodicReportSubmissionPayload> {
    return { submission: await this.services.submissions.acknowledge(callerOf(context), input) };
  }

  @Mutation(() => PeriodicReportSubmissionPayload, { description: '退回报送材料修改（下达单位），须填写意见' })
  async returnPeriodicReport(@Arg('input') input: ReviewPeriodicReportInput, @Ctx() context: RequestContext): Promise<PeriodicReportSubmissionPayload> {
    return { submission: await this.services.submissions.returnForRevision(callerOf(context), input) };
  }

  @FieldResolver(() => [PeriodicReportRevision], { description: '历史版本（修改重报前的内容），早的在前' })
  revisions(@Root() submission: PeriodicReportSubmission): Promise<PeriodicReportRevision[]> {
    return this.services.submissions.revisions(submission.id);
  }

  @FieldResolver(() => Boolean, { description: '我能否审阅（已阅或退回）' })
  canReview(@Root() submission: PeriodicReportSubmission, @Ctx() context: RequestContext): boolean {
    return submission.issuingPath !== undefined && REPORT_SUBMISSION_ACCESS.allows(callerOf(context), 'ACKNOWLEDGE', submission.issuingPath);
  }
}
