import { callerOf, ExportFile, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { GridReportService } from './grid-report.service';
import { GridCoverage, GridRosterRow } from './grid.types';

@Authorized()
@Resolver()
export class GridReportResolver {
  constructor(private readonly reports: GridReportService) {}

  @Query(() => [GridRosterRow], { description: '网格公示名单（今日在任，含完整联系电话）；限单位负责人和安全管理部门' })
  gridRoster(@Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() context: RequestContext): Promise<GridRosterRow[]> {
    return this.reports.roster(callerOf(context), orgUnitId);
  }

  @Query(() => [GridRosterRow], {
    description: '网格公示（今日在任的网格、职责、姓名和公示电话）：本单位及下级单位的所有人员均可查看，不论角色',
  })
  gridNotice(@Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() context: RequestContext): Promise<GridRosterRow[]> {
    return this.reports.notice(callerOf(context), orgUnitId);
  }

  @Query(() => ExportFile, { description: '网格公示名单 Excel 工作簿（工作表「网格公示」）' })
  gridRosterWorkbook(@Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() context: RequestContext): Promise<ExportFile> {
    return this.reports.rosterWorkbook(callerOf(context), orgUnitId);
  }

  @Query(() => GridCoverage, { description: '单位（含下级）场所与重点部位的网格覆盖情况' })
  gridCoverage(@Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() context: RequestContext): Promise<GridCoverage> {
    return this.reports.coverage(callerOf(context), orgUnitId);
  }
}
