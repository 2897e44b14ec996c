import { RankOrder, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { OrgUnit } from '../org-units/org-unit.types';
import { ResponsibilityOverviewLoader } from './responsibility-overview.loader';
import { ResponsibilityRankMetric, ResponsibilityUnitRank, UnitResponsibilityOverview } from './responsibility-overview.types';

@Authorized()
@Resolver(() => OrgUnit)
export class OrgUnitResponsibilityOverviewResolver {
  constructor(private readonly overviews: ResponsibilityOverviewLoader) {}

  @FieldResolver(() => UnitResponsibilityOverview, {
    nullable: true,
    description: '本单位（含下级）的网格覆盖、本年度责任书签订（本单位的、对直属下级单位的）和今天起的值班缺岗；仅限查看者范围内的单位',
  })
  responsibilityOverview(@Root() unit: OrgUnit, @Ctx() context: RequestContext): Promise<UnitResponsibilityOverview> {
    return this.overviews.overview(context, unit);
  }

  @FieldResolver(() => [ResponsibilityUnitRank], {
    nullable: true,
    description: '直属下级单位按一项责任体系指标排名（只含查看者范围内的下级单位）',
  })
  responsibilityRanking(
    @Root() unit: OrgUnit,
    @Arg('metric', () => ResponsibilityRankMetric, { description: '排名指标' }) metric: ResponsibilityRankMetric,
    @Arg('order', () => RankOrder, { defaultValue: RankOrder.WORST_FIRST, description: '排名顺序' }) order: RankOrder,
    @Arg('first', () => Int, { defaultValue: 10, description: '前几名，最多 100' }) first: number,
    @Ctx() context: RequestContext,
  ): Promise<ResponsibilityUnitRank[]> {
    return this.overviews.ranking(context, unit, metric, order, Math.min(Math.max(first, 0), 100));
  }
}
