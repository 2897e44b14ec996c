import { escapeLike } from '@campus/database';
import { CalendarDate, calendarDateOf, callerOf, ExportFile, RequestContext, SCHOOL_UTC_OFFSET_MS, xlsxExport } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import { AUDIENCE_KIND_LABELS } from '../people/audience-kind';
import { EDUCATION_ACTIVITY_KIND_LABELS, EDUCATION_ACTIVITY_STATUS_LABELS, EDUCATION_TOPIC_LABELS, EducationTopic } from './activity-enums';
import { EDUCATION_ACTIVITY_ACCESS } from './activity.access';
import { EducationCoverageArgs } from './activity.inputs';
import { EducationActivityService } from './activity.service';
import { coverageOfPath, coverageOfUnits, coveragePeriod, CoveragePeriod } from './coverage';

/** A ledger or coverage table longer than this is a sign the unit or period is wrong. */
export const EDUCATION_EXPORT_LIMIT = 5000;

const LEDGER_HEADERS = ['序号', '活动名称', '形式', '主题', '组织单位', '参加对象', '开始时间', '结束时间', '地点', '主讲人', '状态', '签到人数', '其中签到码', '其中导入签到表', '其中组织者登记'];
const LEDGER_WIDTHS = [6, 30, 10, 22, 18, 16, 17, 17, 20, 12, 12, 10, 10, 12, 12];
const COVERAGE_HEADERS = ['单位', '单位代码', '在册人数', '已覆盖人数', '未覆盖人数', '覆盖率'];
const COVERAGE_WIDTHS = [30, 16, 10, 12, 12, 10];

function localDateTime(at: Date): string {
  return new Date(at.getTime() + SCHOOL_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function rate(covered: number, population: number): number | null {
  return population ? covered / population : null;
}

function describePeriod(period: CoveragePeriod): string {
  const topic = period.topic ? `主题：${EDUCATION_TOPIC_LABELS[period.topic]}；` : '';
  return `期间 ${period.from} 至 ${period.to}；${topic}人员类别：${period.kinds.map((kind) => AUDIENCE_KIND_LABELS[kind]).join('、')}；覆盖率只计签到记录`;
}

@Authorized()
@Resolver()
export class EducationExportResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly activities: EducationActivityService,
  ) {}

  @Query(() => ExportFile, { description: '安全教育台账 Excel：单位（含下级）期间内的活动、签到人数与覆盖率；下载地址 /exports/education-ledger' })
  async educationLedgerWorkbook(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('from', () => CalendarDate) from: string,
    @Arg('to', () => CalendarDate) to: string,
    @Ctx() context: RequestContext,
  ): Promise<ExportFile> {
    const caller = callerOf(context);
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    EDUCATION_ACTIVITY_ACCESS.checkRole(caller, 'viewCoverage', path);
    const activities = await this.activities.ledgerRows(caller, { orgUnitId, from, to }, EDUCATION_EXPORT_LIMIT);
    const ids = activities.map((activity) => activity.id);
    const counts: { activity_id: string; method: string; count: string }[] = ids.length
      ? await this.dataSource.query(
          `SELECT activity_id, method, COUNT(*) AS count FROM education_attendance WHERE activity_id IN (${ids.map(() => '?').join(', ')}) GROUP BY activity_id, method`,
          ids,
        )
      : [];
    const count = (id: string, method?: string) =>
      counts.filter((row) => row.activity_id === id && (!method || row.method === method)).reduce((sum, row) => sum + Number(row.count), 0);
    const names = await this.unitNames([orgUnitId, ...activities.map((activity) => activity.orgUnitId)]);
    const topics = [...new Set(activities.flatMap((activity) => activity.topics))].sort() as EducationTopic[];
    const periods = [null, ...topics].map((topic) => coveragePeriod({ from, to, topic }));
    const coverage = await Promise.all(periods.map((period) => coverageOfPath(this.dataSource.manager, orgUnitId, path, period)));
    const unitName = names.get(orgUnitId) ?? orgUnitId;
    return xlsxExport(`安全教育台账-${unitName}-${from}至${to}.xlsx`, [
      {
        name: '安全教育台账',
        title: `${unitName}安全教育台账（${from} 至 ${to}，共 ${activities.length} 次活动）`,
        subtitle: `导出日期 ${calendarDateOf(new Date())}`,
        headers: LEDGER_HEADERS,
        widths: LEDGER_WIDTHS,
        rows: activities.map((activity, index) => [
          index + 1,
          activity.title,
          EDUCATION_ACTIVITY_KIND_LABELS[activity.kind],
          activity.topics.map((topic) => EDUCATION_TOPIC_LABELS[topic]).join('、'),
          names.get(activity.orgUnitId) ?? activity.orgUnitId,
          activity.audienceKinds.map((kind) => AUDIENCE_KIND_LABELS[kind]).join('、'),
          localDateTime(activity.startsAt),
          localDateTime(activity.endsAt),
          activity.placeText ?? '',
          activity.lecturer ?? '',
          EDUCATION_ACTIVITY_STATUS_LABELS[activity.status],
          count(activity.id),
          count(activity.id, 'CHECK_IN'),
          count(activity.id, 'IMPORT'),
          count(activity.id, 'MARKED'),
        ]),
      },
      {
        name: '覆盖情况',
        title: `${unitName}安全教育覆盖情况`,
        subtitle: describePeriod(periods[0]),
        headers: ['主题', '在册人数', '已覆盖人数', '未覆盖人数', '覆盖率'],
        widths: [20, 10, 12, 12, 10],
        rows: periods.map((period, index) => {
          const figures = coverage[index];
          return [period.topic ? EDUCATION_TOPIC_LABELS[period.topic] : '全部主题', figures.population, figures.covered, figures.population - figures.covered, rate(figures.covered, figures.population)];
        }),
        numberFormats: { 5: '0.0%' },
      },
    ]);
  }

  @Query(() => ExportFile, { description: '安全教育覆盖率 Excel：单位及其全部下级单位逐一列出；下载地址 /exports/education-coverage' })
  async educationCoverageWorkbook(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Args() args: EducationCoverageArgs,
    @Ctx() context: RequestContext,
  ): Promise<ExportFile> {
    const caller = callerOf(context);
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    EDUCATION_ACTIVITY_ACCESS.checkRole(caller, 'viewCoverage', path);
    const period = coveragePeriod(args);
    const units: { id: string; path: string; name: string; code: string | null }[] = await this.dataSource.query(
      `SELECT id, path, name, code FROM org_unit_projection WHERE path LIKE ? ORDER BY path LIMIT ${EDUCATION_EXPORT_LIMIT}`,
      [`${escapeLike(path)}%`],
    );
    const totals = await coverageOfUnits(this.dataSource.manager, units.map((unit) => unit.id), period);
    const depthOf = (unitPath: string) => unitPath.split('/').length - path.split('/').length;
    const top = units.find((unit) => unit.path === path);
    return xlsxExport(`安全教育覆盖率-${top?.name ?? orgUnitId}-${period.from}至${period.to}.xlsx`, [
      {
        name: '覆盖率',
        title: `${top?.name ?? ''}安全教育覆盖率`,
        subtitle: describePeriod(period),
        headers: COVERAGE_HEADERS,
        widths: COVERAGE_WIDTHS,
        rows: units.map((unit) => {
          const figures = totals.get(unit.id)!;
          return [`${'　'.repeat(depthOf(unit.path))}${unit.name}`, unit.code ?? '', figures.population, figures.covered, figures.population - figures.covered, rate(figures.covered, figures.population)];
        }),
        numberFormats: { 6: '0.0%' },
      },
    ]);
  }

  private async unitNames(ids: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id, name FROM org_unit_projection WHERE id IN (${wanted.map(() => '?').join(', ')})`, wanted);
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
