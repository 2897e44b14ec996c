import { OrgUnitReference, RankOrder, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { EducationOverviewLoader } from './education-overview.loader';
import { EducationRankMetric, EducationUnitRank, UnitEducationOverview } from './education-overview.types';

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitEducationOverviewResolver {
  constructor(private readonly overviews: EducationOverviewLoader) {}

  @FieldResolver(() => UnitEducationOverview, {
    nullable: true,
    description: '本单位（含下级）本学期的安全教育覆盖率和应急演练（已实施、计划中）；仅限查看者范围内的单位',
  })
  educationOverview(@Root() unit: OrgUnitReference, @Ctx() context: RequestContext): Promise<UnitEducationOverview> {
    return this.overviews.overview(context, unit.id);
  }

  @FieldResolver(() => [EducationUnitRank], {
    nullable: true,
    description: '直属下级单位按一项安全教育指标排名（只含查看者范围内的下级单位）',
  })
  educationRanking(
    @Root() unit: OrgUnitReference,
    @Arg('metric', () => EducationRankMetric, { description: '排名指标' }) metric: EducationRankMetric,
    @Arg('order', () => RankOrder, { defaultValue: RankOrder.WORST_FIRST, description: '排名顺序' }) order: RankOrder,
    @Arg('first', () => Int, { defaultValue: 10, description: '前几名，最多 100' }) first: number,
    @Ctx() context: RequestContext,
  ): Promise<EducationUnitRank[]> {
    return this.overviews.ranking(context, unit.id, metric, order, Math.min(Math.max(first, 0), 100));
  }
}
