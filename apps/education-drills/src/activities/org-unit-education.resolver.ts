import { callerOf, ConnectionArgs, OrgUnitReference, RequestContext } from '@campus/graphql';
import { OrgUnitDirectory } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EducationCoverageArgs } from './activity.inputs';
import { EducationCoverage, EducationCoveragePersonConnection } from './activity.types';
import { coveragePeriod, loadCoverage, loadNotCovered } from './coverage';

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitEducationResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  @FieldResolver(() => EducationCoverage, {
    nullable: true,
    description: '安全教育覆盖率（全员覆盖）：本单位及下级单位所选类别的在册人员中，期间内至少参加过一次（该主题）活动的比例；只计签到记录',
  })
  educationCoverage(@Root() unit: OrgUnitReference, @Args() args: EducationCoverageArgs, @Ctx() context: RequestContext): Promise<EducationCoverage> {
    return loadCoverage(callerOf(context), this.dataSource, this.directory, unit.id, coveragePeriod(args));
  }
}

@Authorized()
@Resolver(() => EducationCoverage)
export class EducationCoverageResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => EducationCoveragePersonConnection, { description: '尚未覆盖的人员（待补课），按姓名' })
  notCovered(@Root() coverage: EducationCoverage, @Args() { first, after }: ConnectionArgs, @Ctx() context: RequestContext): Promise<EducationCoveragePersonConnection> {
    return loadNotCovered(callerOf(context), this.dataSource, coverage, coveragePeriod(coverage), first, after);
  }
}
