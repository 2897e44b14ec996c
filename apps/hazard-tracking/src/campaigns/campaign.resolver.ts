import { CalendarDate, callerOf, ConnectionArgs, ExportFile, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CampaignPhaseKind } from './campaign-enums';
import { CampaignExports } from './campaign-exports';
import { CampaignLoaders } from './campaign-loaders';
import { CampaignPlanService } from './campaign-plans.service';
import { CampaignReportService } from './campaign-reports.service';
import { CampaignSnapshots } from './campaign-snapshots';
import {
  CampaignFilter,
  CloseCampaignInput,
  CreateCampaignInput,
  PublishCampaignInput,
  SubmitCampaignReportInput,
  UpdateCampaignInput,
} from './campaign.inputs';
import {
  Campaign,
  CampaignConnection,
  CampaignFigures,
  CampaignFocusArea,
  CampaignPayload,
  CampaignPhase,
  CampaignReportPayload,
  CampaignSnapshot,
  CampaignStatistics,
  CampaignStatisticsRow,
  CampaignUnit,
  CampaignUnitReport,
} from './campaign.types';

@Authorized()
@Resolver(() => Campaign)
export class CampaignResolver {
  constructor(
    private readonly plans: CampaignPlanService,
    private readonly reports: CampaignReportService,
    private readonly loaders: CampaignLoaders,
    private readonly campaignSnapshots: CampaignSnapshots,
    private readonly exports: CampaignExports,
  ) {}

  @Query(() => Campaign, { nullable: true, description: '按 ID 查询专项整治' })
  campaign(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Campaign> {
    return this.plans.get(callerOf(context), id);
  }

  @Query(() => CampaignConnection, { description: '专项整治：本单位及下级组织的，和覆盖本单位的（已印发），开始日期最新的在前' })
  campaigns(
    @Arg('filter', () => CampaignFilter, { defaultValue: {} }) filter: CampaignFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<CampaignConnection> {
    return this.plans.list(callerOf(context), filter, first, after);
  }

  @Query(() => ExportFile, { description: '冻结的《隐患问题统计表》Excel 工作簿（工作表「隐患问题统计表」）' })
  campaignStatisticsWorkbook(@Arg('snapshotId', () => ID) snapshotId: string, @Ctx() context: RequestContext): Promise<ExportFile> {
    return this.exports.statisticsWorkbook(callerOf(context), snapshotId);
  }

  @Mutation(() => CampaignPayload, { description: '制定专项整治方案（草稿）：范围、起止日期、阶段、整治重点、报送日期' })
  async createCampaign(@Arg('input') input: CreateCampaignInput, @Ctx() context: RequestContext): Promise<CampaignPayload> {
    return { campaign: await this.plans.create(callerOf(context), input) };
  }

  @Mutation(() => CampaignPayload, { description: '修改专项整治方案' })
  async updateCampaign(@Arg('input') input: UpdateCampaignInput, @Ctx() context: RequestContext): Promise<CampaignPayload> {
    return { campaign: await this.plans.update(callerOf(context), input) };
  }

  @Mutation(() => CampaignPayload, { description: '印发专项整治方案（草稿→进行中）' })
  async publishCampaign(@Arg('input') input: PublishCampaignInput, @Ctx() context: RequestContext): Promise<CampaignPayload> {
    return { campaign: await this.plans.publish(callerOf(context), input) };
  }

  @Mutation(() => CampaignPayload, { description: '结束专项整治（结束日期起）' })
  async closeCampaign(@Arg('input') input: CloseCampaignInput, @Ctx() context: RequestContext): Promise<CampaignPayload> {
    return { campaign: await this.plans.close(callerOf(context), input) };
  }

  @Mutation(() => CampaignReportPayload, { description: '报送《隐患问题统计表》：每个报送单位每个报送日期一次，晚于报送日期记为逾期报送' })
  async submitCampaignReport(@Arg('input') input: SubmitCampaignReportInput, @Ctx() context: RequestContext): Promise<CampaignReportPayload> {
    return { report: await this.reports.submitReport(callerOf(context), input) };
  }

  @FieldResolver(() => [CampaignPhase], { description: '阶段，按先后' })
  phases(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignPhase[]> {
    return this.loaders.phases(callerOf(context), campaign.id);
  }

  @FieldResolver(() => CampaignPhaseKind, { nullable: true, description: '当前阶段：截止日期未过的第一个阶段；开始前和最后阶段截止后为空' })
  currentPhase(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignPhaseKind | null> {
    return this.loaders.currentPhase(callerOf(context), campaign);
  }

  @FieldResolver(() => [CampaignFocusArea], { description: '整治重点，按序号' })
  focusAreas(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignFocusArea[]> {
    return this.loaders.focusAreas(callerOf(context), campaign.id);
  }

  @FieldResolver(() => [CalendarDate], { description: '《隐患问题统计表》报送日期，按先后' })
  reportDates(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<string[]> {
    return this.loaders.reportDates(callerOf(context), campaign.id);
  }

  @FieldResolver(() => CalendarDate, { nullable: true, description: '下一个报送日期（今天或以后）' })
  nextReportDate(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<string | null> {
    return this.loaders.nextReportDate(callerOf(context), campaign.id);
  }

  @FieldResolver(() => CampaignUnit, { description: '整治范围：该单位及其下级' })
  scope(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignUnit> {
    return this.loaders.scope(callerOf(context), campaign);
  }

  @FieldResolver(() => [CampaignUnit], { description: '报送单位：整治重点中的牵头部门和责任部门；未指定时为范围单位的直属下级' })
  reportingUnits(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignUnit[]> {
    return this.loaders.reportingUnits(callerOf(context), campaign.id);
  }

  @FieldResolver(() => [CampaignUnitReport], { description: '某报送日期各报送单位的报送情况（已报送、逾期报送、未报送、待报送）' })
  reportStatus(
    @Root() campaign: Campaign,
    @Arg('reportDate', () => CalendarDate) reportDate: string,
    @Ctx() context: RequestContext,
  ): Promise<CampaignUnitReport[]> {
    return this.reports.reportStatus(callerOf(context), campaign, reportDate);
  }

  @FieldResolver(() => CampaignStatistics, { description: '实时统计：按单位和隐患类别（您管辖范围内的）' })
  statistics(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignStatistics> {
    return this.loaders.statistics(callerOf(context), campaign);
  }

  @FieldResolver(() => [CampaignSnapshot], { description: '各报送日期冻结的统计表，按报送日期' })
  snapshots(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignSnapshot[]> {
    return this.campaignSnapshots.snapshots(callerOf(context), campaign.id);
  }
}

@Authorized()
@Resolver(() => CampaignSnapshot)
export class CampaignSnapshotResolver {
  constructor(private readonly snapshots: CampaignSnapshots) {}

  @FieldResolver(() => [CampaignStatisticsRow], { description: '按单位和隐患类别（您管辖范围内的）' })
  rows(@Root() snapshot: CampaignSnapshot, @Ctx() context: RequestContext): Promise<CampaignStatisticsRow[]> {
    return this.snapshots.rows(callerOf(context), snapshot.id);
  }

  @FieldResolver(() => CampaignFigures, { description: '合计（您可见的各行）' })
  totals(@Root() snapshot: CampaignSnapshot, @Ctx() context: RequestContext): Promise<CampaignFigures> {
    return this.snapshots.totals(callerOf(context), snapshot.id);
  }
}
