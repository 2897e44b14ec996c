import { OrgUnitReference, RankOrder, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HazardOverviewLoader } from './hazard-overview.loader';
import { HazardRankMetric, HazardUnitRank, UnitHazardOverview } from './hazard-overview.types';

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitHazardOverviewResolver {
  constructor(private readonly overviews: HazardOverviewLoader) {}

  @FieldResolver(() => UnitHazardOverview, {
    nullable: true,
    description: '本单位（含下级）的隐患与检查概况：未整改、逾期、重大、本年度整改率、本月检查完成率、特种设备检验逾期；仅限查看者范围内的单位',
  })
  hazardOverview(@Root() unit: OrgUnitReference, @Ctx() context: RequestContext): Promise<UnitHazardOverview> {
    return this.overviews.overview(context, unit.id);
  }

  @FieldResolver(() => [HazardUnitRank], {
    nullable: true,
    description: '直属下级单位按一项隐患指标排名（只含查看者范围内的下级单位）',
  })
  hazardRanking(
    @Root() unit: OrgUnitReference,
    @Arg('metric', () => HazardRankMetric, { description: '排名指标' }) metric: HazardRankMetric,
    @Arg('order', () => RankOrder, { defaultValue: RankOrder.WORST_FIRST, description: '排名顺序' }) order: RankOrder,
    @Arg('first', () => Int, { defaultValue: 10, description: '前几名，最多 100' }) first: number,
    @Ctx() context: RequestContext,
  ): Promise<HazardUnitRank[]> {
    return this.overviews.ranking(context, unit.id, metric, order, Math.min(Math.max(first, 0), 100));
  }
}
