import { CalendarDate, callerOf, ConnectionArgs, ExportFile, requireViewer, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CampaignPhaseKind } from './campaign-enums';
import {
  CampaignFilter,
  CloseCampaignInput,
  CreateCampaignInput,
  PublishCampaignInput,
  SubmitCampaignReportInput,
  UpdateCampaignInput,
} from './campaign.inputs';
import { CampaignService } from './campaign.service';
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
  constructor(private readonly campaignService: CampaignService) {}

  @Query(() => Campaign, { nullable: true, description: '按 ID 查询专项整治' })
  campaign(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Campaign> {
    return this.campaignService.get(requireViewer(context), id);
  }

  @Query(() => CampaignConnection, { description: '专项整治：本单位及下级组织的，和覆盖本单位的（已印发），开始日期最新的在前' })
  campaigns(
    @Arg('filter', () => CampaignFilter, { defaultValue: {} }) filter: CampaignFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<CampaignConnection> {
    return this.campaignService.list(requireViewer(context), filter, first, after);
  }

  @Query(() => ExportFile, { description: '冻结的《隐患问题统计表》Excel 工作簿（工作表「隐患问题统计表」）' })
  campaignStatisticsWorkbook(@Arg('snapshotId', () => ID) snapshotId: string, @Ctx() context: RequestContext): Promise<ExportFile> {
    return this.campaignService.statisticsWorkbook(context.loaders, requireViewer(context), snapshotId);
  }

  @Mutation(() => CampaignPayload, { description: '制定专项整治方案（草稿）：范围、起止日期、阶段、整治重点、报送日期' })
  async createCampaign(@Arg('input') input: CreateCampaignInput, @Ctx() context: RequestContext): Promise<CampaignPayload> {
    return { campaign: await this.campaignService.create(callerOf(context), input) };
  }

  @Mutation(() => CampaignPayload, { description: '修改专项整治方案' })
  async updateCampaign(@Arg('input') input: UpdateCampaignInput, @Ctx() context: RequestContext): Promise<CampaignPayload> {
    return { campaign: await this.campaignService.update(callerOf(context), input) };
  }

  @Mutation(() => CampaignPayload, { description: '印发专项整治方案（草稿→进行中）' })
  async publishCampaign(@Arg('input') input: PublishCampaignInput, @Ctx() context: RequestContext): Promise<CampaignPayload> {
    return { campaign: await this.campaignService.publish(requireViewer(context), input) };
  }

  @Mutation(() => CampaignPayload, { description: '结束专项整治（结束日期起）' })
  async closeCampaign(@Arg('input') input: CloseCampaignInput, @Ctx() context: RequestContext): Promise<CampaignPayload> {
    return { campaign: await this.campaignService.close(requireViewer(context), input) };
  }

  @Mutation(() => CampaignReportPayload, { description: '报送《隐患问题统计表》：每个报送单位每个报送日期一次，晚于报送日期记为逾期报送' })
  async submitCampaignReport(@Arg('input') input: SubmitCampaignReportInput, @Ctx() context: RequestContext): Promise<CampaignReportPayload> {
    return { report: await this.campaignService.submitReport(callerOf(context), input) };
  }

  @FieldResolver(() => [CampaignPhase], { description: '阶段，按先后' })
  phases(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignPhase[]> {
    return this.campaignService.phases(context.loaders, campaign.id);
  }

  @FieldResolver(() => CampaignPhaseKind, { nullable: true, description: '当前阶段：截止日期未过的第一个阶段；开始前和最后阶段截止后为空' })
  currentPhase(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignPhaseKind | null> {
    return this.campaignService.currentPhase(context.loaders, campaign);
  }

  @FieldResolver(() => [CampaignFocusArea], { description: '整治重点，按序号' })
  focusAreas(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignFocusArea[]> {
    return this.campaignService.focusAreas(context.loaders, campaign.id);
  }

  @FieldResolver(() => [CalendarDate], { description: '《隐患问题统计表》报送日期，按先后' })
  reportDates(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<string[]> {
    return this.campaignService.reportDates(context.loaders, campaign.id);
  }

  @FieldResolver(() => CalendarDate, { nullable: true, description: '下一个报送日期（今天或以后）' })
  nextReportDate(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<string | null> {
    return this.campaignService.nextReportDate(context.loaders, campaign.id);
  }

  @FieldResolver(() => CampaignUnit, { description: '整治范围：该单位及其下级' })
  scope(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignUnit> {
    return this.campaignService.scope(context.loaders, campaign);
  }

  @FieldResolver(() => [CampaignUnit], { description: '报送单位：整治重点中的牵头部门和责任部门；未指定时为范围单位的直属下级' })
  reportingUnits(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignUnit[]> {
    return this.campaignService.reportingUnits(context.loaders, campaign.id);
  }

  @FieldResolver(() => [CampaignUnitReport], { description: '某报送日期各报送单位的报送情况（已报送、逾期报送、未报送、待报送）' })
  reportStatus(
    @Root() campaign: Campaign,
    @Arg('reportDate', () => CalendarDate) reportDate: string,
    @Ctx() context: RequestContext,
  ): Promise<CampaignUnitReport[]> {
    return this.campaignService.reportStatus(context.loaders, requireViewer(context), campaign, reportDate);
  }

  @FieldResolver(() => CampaignStatistics, { description: '实时统计：按单位和隐患类别（您管辖范围内的）' })
  statistics(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignStatistics> {
    return this.campaignService.statistics(context.loaders, requireViewer(context), campaign);
  }

  @FieldResolver(() => [CampaignSnapshot], { description: '各报送日期冻结的统计表，按报送日期' })
  snapshots(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignSnapshot[]> {
    return this.campaignService.snapshots(context.loaders, campaign.id);
  }
}

@Authorized()
@Resolver(() => CampaignSnapshot)
export class CampaignSnapshotResolver {
  constructor(private readonly campaignService: CampaignService) {}

  @FieldResolver(() => [CampaignStatisticsRow], { description: '按单位和隐患类别（您管辖范围内的）' })
  rows(@Root() snapshot: CampaignSnapshot, @Ctx() context: RequestContext): Promise<CampaignStatisticsRow[]> {
    return this.campaignService.snapshotRows(context.loaders, requireViewer(context), snapshot.id);
  }

  @FieldResolver(() => CampaignFigures, { description: '合计（您可见的各行）' })
  totals(@Root() snapshot: CampaignSnapshot, @Ctx() context: RequestContext): Promise<CampaignFigures> {
    return this.campaignService.snapshotTotals(context.loaders, requireViewer(context), snapshot.id);
  }
}
