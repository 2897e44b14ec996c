import { BadUserInputError, CalendarDate, callerOf, Cell, ExportFile, RequestContext, SCHOOL_UTC_OFFSET_MS, xlsxExport } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import type { EducationSettings } from '../service';
import { HEALTH_CHECK_SESSION_LABELS, HEALTH_CHECK_TIMELINESS_LABELS } from './health-check-enums';
import { CompletionReport, healthCheckCompletion } from './health-check-completion';
import { HEALTH_CHECK_COMPLETION_ACCESS } from './health-check.access';
import { periodProblems } from './health-check.service';
import { HealthCheckCompletion } from './health-check.types';

const KIND_LABELS: Record<string, string> = { BUREAU: '教育局', SCHOOL: '学校', COLLEGE: '二级学院', DEPARTMENT: '处室', OFFICE: '科室', CLASS: '班级' };
const SUMMARY_HEADERS = ['单位', '单位类型', '班级数', '应检次数', '按时', '迟报', '补填', '漏填', '按时率', '填报率'];
const SUMMARY_WIDTHS = [28, 10, 8, 10, 8, 8, 8, 8, 10, 10];

function localDateTime(at: Date): string {
  return new Date(at.getTime() + SCHOOL_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

@Authorized()
@Resolver()
export class HealthCheckCompletionResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  @Query(() => HealthCheckCompletion, { description: '晨午晚检完成情况：单位及其下各学院、班级的应检、按时、迟报、补填、漏填和按时率' })
  async healthCheckCompletion(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('from', () => CalendarDate) from: string,
    @Arg('to', () => CalendarDate) to: string,
    @Ctx() context: RequestContext,
  ): Promise<HealthCheckCompletion> {
    const report = await this.report(context, orgUnitId, from, to);
    return { from: report.from, to: report.to, rows: report.rows, missingSlots: report.missingSlots };
  }

  @Query(() => ExportFile, { description: '晨午晚检完成情况 Excel（汇总、漏填明细、迟报和补填明细）；下载地址 /exports/health-check-completion' })
  async healthCheckCompletionWorkbook(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('from', () => CalendarDate) from: string,
    @Arg('to', () => CalendarDate) to: string,
    @Ctx() context: RequestContext,
  ): Promise<ExportFile> {
    const report = await this.report(context, orgUnitId, from, to);
    const unitName = report.rows[0]?.unitName ?? orgUnitId;
    const name = (id: string) => report.unitNames.get(id) ?? id;
    return xlsxExport(`晨午晚检完成情况-${unitName}-${from}至${to}.xlsx`, [
      {
        name: '完成情况',
        title: `${unitName}晨午晚检完成情况（${from} 至 ${to}）`,
        subtitle: '上课日为周一至周五（暂未扣除节假日）；迟报：当天截止后录入；补填：检查日之后录入；漏填：至今未录入',
        headers: SUMMARY_HEADERS,
        widths: SUMMARY_WIDTHS,
        rows: report.rows.map((row): Cell[] => [
          row.unitName,
          row.unitKind ? (KIND_LABELS[row.unitKind] ?? row.unitKind) : null,
          row.classes,
          row.expected,
          row.onTime,
          row.late,
          row.backfilled,
          row.missing,
          row.onTimeRate,
          row.completionRate,
        ]),
        numberFormats: { 9: '0.0%', 10: '0.0%' },
      },
      {
        name: '漏填明细',
        title: `漏填明细（共 ${report.missingSlots.length} 次）`,
        headers: ['班级', '检查日期', '时段'],
        widths: [28, 12, 8],
        rows: report.missingSlots.map((slot) => [slot.unitName, slot.checkDate, HEALTH_CHECK_SESSION_LABELS[slot.session]]),
      },
      {
        name: '迟报和补填明细',
        title: `迟报和补填明细（共 ${report.irregular.length} 次）`,
        headers: ['班级', '检查日期', '时段', '情况', '录入时间', '填报人'],
        widths: [28, 12, 8, 8, 18, 12],
        rows: report.irregular.map((entry) => [
          name(entry.orgUnitId),
          entry.checkDate,
          HEALTH_CHECK_SESSION_LABELS[entry.session],
          HEALTH_CHECK_TIMELINESS_LABELS[entry.timeliness],
          localDateTime(entry.enteredAt),
          entry.recordedByName,
        ]),
      },
    ]);
  }

  private async report(context: RequestContext, orgUnitId: string, from: string, to: string): Promise<CompletionReport> {
    const caller = callerOf(context);
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    HEALTH_CHECK_COMPLETION_ACCESS.checkRole(caller, 'view', path);
    const problems = periodProblems(from, to);
    if (problems.length) throw new BadUserInputError(problems);
    return healthCheckCompletion(this.dataSource.manager, path, from, to, this.settings.now());
  }
}
