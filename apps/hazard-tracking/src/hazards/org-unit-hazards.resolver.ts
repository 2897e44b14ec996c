import { CalendarDate, ConnectionArgs, OrgUnitReference, RequestContext } from '@campus/graphql';
import { OrgUnitDirectory } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { HazardStats, loadHazardStats } from './hazard-stats';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { HazardFilter } from './hazard.inputs';
import { HazardService } from './hazard.service';
import { HazardConnection } from './hazard.types';

@ArgsType()
class StatsPeriodArgs {
  @Field(() => CalendarDate, { description: '发现日期起（含）' })
  from: string;

  @Field(() => CalendarDate, { description: '发现日期止（含）' })
  to: string;
}

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitHazardsResolver {
  constructor(
    private readonly hazardService: HazardService,
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  @FieldResolver(() => HazardConnection, { nullable: true, description: '本单位登记的隐患，最新的在前' })
  hazards(
    @Root() unit: OrgUnitReference,
    @Arg('filter', () => HazardFilter, { defaultValue: {} }) filter: HazardFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<HazardConnection> {
    return this.hazardService.unitConnection(context, unit.id, filter, first, after);
  }

  @FieldResolver(() => HazardStats, { nullable: true, description: '本单位及下级单位在期间内发现隐患的统计：状态、类别、等级、整改率、按期率、逾期数、平均销号天数' })
  hazardStats(@Root() unit: OrgUnitReference, @Args() period: StatsPeriodArgs, @Ctx() context: RequestContext): Promise<HazardStats> {
    return loadHazardStats(context, this.dataSource, this.directory, unit.id, period.from, period.to);
  }
}
