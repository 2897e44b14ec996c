import { callerOf, OrgUnitReference, RequestContext } from '@campus/graphql';
import { Max, Min } from 'class-validator';
import DataLoader from 'dataloader';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { HAZARD_COUNT_ACCESS } from './hazard-count.access';
import { HazardMonthlyCountRow } from './hazard-count.entity';
import { HazardMonthlyCount, toHazardMonthlyCount } from './hazard-count.types';

@ArgsType()
class YearArgs {
  @Field(() => Int)
  @Min(2000, { message: '年度不早于 2000' })
  @Max(2100, { message: '年度不晚于 2100' })
  year: number;
}

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitHazardCountsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => [HazardMonthlyCount], { nullable: true, description: '本单位某年每月隐患登记数（仅有数据的月份）' })
  hazardMonthlyCounts(
    @Root() unit: OrgUnitReference,
    @Args() { year }: YearArgs,
    @Ctx() context: RequestContext,
  ): Promise<HazardMonthlyCount[]> {
    const caller = callerOf(context);
    const loader = context.loaders.get(`OrgUnit.hazardMonthlyCounts:${year}`, () => {
      return new DataLoader<string, HazardMonthlyCount[]>(async (unitIds) => {
        const scope = HAZARD_COUNT_ACCESS.where(caller, 'view', 'c.org_path');
        const rows = await this.dataSource
          .getRepository(HazardMonthlyCountRow)
          .createQueryBuilder('c')
          .where('c.org_unit_id IN (:...unitIds)', { unitIds })
          .andWhere('c.month LIKE :year', { year: `${year}-%` })
          .andWhere(scope.sql, scope.params)
          .orderBy('c.month')
          .getMany();
        return unitIds.map((unitId) => rows.filter((row) => row.orgUnitId === unitId).map(toHazardMonthlyCount));
      });
    });
    return loader.load(unit.id);
  }
}
