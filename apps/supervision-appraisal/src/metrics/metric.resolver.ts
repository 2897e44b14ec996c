import { callerOf, NotFoundError, RequestContext } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { IndicatorMetric } from '../appraisal-schemes/appraisal-enums';
import { automaticMetric } from './metric-catalogue';
import { wholeMonths } from './metric-period';
import { AppraisalMetricSourcePage, AppraisalMetricValue, toMetricValue, toSourcePage } from './metric.types';
import { APPRAISAL_METRIC_ACCESS } from './metrics.access';

@ArgsType()
class SourcePageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1, { message: '每页至少 1 条' })
  @Max(200, { message: '每页最多 200 条' })
  first: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Authorized()
@Resolver(() => AppraisalMetricValue)
export class AppraisalMetricResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  @Query(() => AppraisalMetricValue, { description: '某单位（含下级）某期间（整月）的自动指标值，及其来源记录' })
  async appraisalMetric(
    @Arg('metric', () => IndicatorMetric) code: IndicatorMetric,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('from', { description: '开始日期，某月 1 日' }) from: string,
    @Arg('to', { description: '结束日期，某月最后一天' }) to: string,
    @Ctx() context: RequestContext,
  ): Promise<AppraisalMetricValue> {
    const caller = callerOf(context);
    const period = wholeMonths(from, to);
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    APPRAISAL_METRIC_ACCESS.checkRole(caller, 'view', path);
    const metric = automaticMetric(code);
    if (!metric) throw new NotFoundError('自动指标', code);
    const unit = { id: orgUnitId, path };
    const values = await metric.values(this.dataSource.manager, [unit], period);
    return toMetricValue(metric, unit, period, values.get(orgUnitId)!);
  }

  @FieldResolver(() => AppraisalMetricSourcePage, { description: '取值背后的记录（如未覆盖人员、未签订的责任书），分页' })
  async sources(@Root() value: AppraisalMetricValue, @Args() { first, after }: SourcePageArgs): Promise<AppraisalMetricSourcePage> {
    const metric = automaticMetric(value.metric)!;
    return toSourcePage(await metric.sources(this.dataSource.manager, value.unit, value.period, first, after ?? null));
  }
}
