import { OrgUnitReference, RequestContext } from '@campus/graphql';
import { OrgUnitDirectory } from '@campus/org-directory';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { loadScreeningCounts } from './screening-counts';
import { ScreeningCounts } from './screening.types';

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitScreeningResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  @FieldResolver(() => ScreeningCounts, {
    nullable: true,
    description: '本单位及下级单位心理问题学生排查人数（按风险等级；不含姓名和记录）：单位领导、安全员、安全管理部门和心理健康中心可见',
  })
  screeningCounts(@Root() unit: OrgUnitReference, @Ctx() context: RequestContext): Promise<ScreeningCounts> {
    return loadScreeningCounts(context, this.dataSource, this.directory, unit.id);
  }
}
