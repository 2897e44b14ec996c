import { OrgUnitReference, RankOrder, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AppraisalOverviewLoader } from './appraisal-overview.loader';
import { AppraisalRankMetric, AppraisalUnitRank, UnitAppraisalOverview } from './appraisal-overview.types';

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitAppraisalOverviewResolver {
  constructor(private readonly overviews: AppraisalOverviewLoader) {}

  @FieldResolver(() => UnitAppraisalOverview, {
    nullable: true,
    description: '本单位最近一次公布的考核结果（总分、等次、一票否决），本单位及下级单位近期定期报送的漏报、迟报；仅限查看者范围内的单位',
  })
  appraisalOverview(@Root() unit: OrgUnitReference, @Ctx() context: RequestContext): Promise<UnitAppraisalOverview> {
    return this.overviews.overview(context, unit.id);
  }

  @FieldResolver(() => [AppraisalUnitRank], {
    nullable: true,
    description: '直属下级单位按一项考核与报送指标排名（只含查看者范围内的下级单位）',
  })
  appraisalRanking(
    @Root() unit: OrgUnitReference,
    @Arg('metric', () => AppraisalRankMetric, { description: '排名指标' }) metric: AppraisalRankMetric,
    @Arg('order', () => RankOrder, { defaultValue: RankOrder.WORST_FIRST, description: '排名顺序' }) order: RankOrder,
    @Arg('first', () => Int, { defaultValue: 10, description: '前几名，最多 100' }) first: number,
    @Ctx() context: RequestContext,
  ): Promise<AppraisalUnitRank[]> {
    return this.overviews.ranking(context, unit.id, metric, order, Math.min(Math.max(first, 0), 100));
  }
}
