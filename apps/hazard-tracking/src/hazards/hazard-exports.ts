import { calendarDateOf, callerOf, ExportFile, RequestContext, SCHOOL_UTC_OFFSET_MS, xlsxExport } from '@campus/graphql';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DataSource, EntityManager } from 'typeorm';
import { HAZARD_ACTION_LABELS, HAZARD_CATEGORY_LABELS, HAZARD_GRADE_LABELS, HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS } from './hazard-enums';
import { HazardExtensions } from './hazard-extensions';
import { HazardLoopService } from './hazard-loop.service';
import { HazardLedgerFilter, HazardOrder } from './hazard.inputs';
import { HazardService } from './hazard.service';
import { isOverdue } from './hazard.types';

/** Ledger downloads stop here: a bigger export is a sign the filter is wrong, and a workbook that size is unusable. */
export const LEDGER_EXPORT_LIMIT = 20_000;

const LEDGER_HEADERS = ['隐患编号', '隐患标题', '类别', '等级', '来源', '状态', '责任单位', '隐患部位', '发现时间', '整改责任人', '整改期限', '是否逾期', '验收不通过次数', '登记时间'];
const LEDGER_WIDTHS = [20, 30, 16, 10, 10, 14, 20, 24, 18, 12, 12, 10, 14, 18];

/** Beijing time as people read it: 2026-11-24 09:30. */
function localDateTime(at: Date): string {
  return new Date(at.getTime() + SCHOOL_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Unit and person names from the local projections, one statement each. */
async function namesOf(manager: EntityManager, table: 'org_unit_projection' | 'person_projection', ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM ${table} WHERE id IN (${wanted.map(() => '?').join(', ')})`, wanted);
  return new Map(rows.map((row) => [row.id, row.name]));
}

@Authorized()
@Resolver()
export class HazardExportResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hazards: HazardService,
    private readonly loop: HazardLoopService,
    private readonly extensions: HazardExtensions,
  ) {}

  @Query(() => ExportFile, { description: '隐患排查治理台账 Excel（按筛选条件与排序，最多 2 万条）；下载地址 /exports/hazard-ledger' })
  async hazardLedgerWorkbook(
    @Arg('filter', () => HazardLedgerFilter, { defaultValue: { includeSubtree: true } }) filter: HazardLedgerFilter,
    @Arg('orderBy', () => HazardOrder, { defaultValue: HazardOrder.NEWEST_FIRST }) orderBy: HazardOrder,
    @Ctx() context: RequestContext,
  ): Promise<ExportFile> {
    const rows = await this.hazards.ledgerRows(callerOf(context), filter, orderBy, LEDGER_EXPORT_LIMIT);
    const manager = this.dataSource.manager;
    const [units, people] = await Promise.all([
      namesOf(manager, 'org_unit_projection', rows.map((row) => row.orgUnitId)),
      namesOf(manager, 'person_projection', rows.map((row) => row.responsiblePersonId)),
    ]);
    const today = calendarDateOf(new Date());
    return xlsxExport(`隐患台账-${today}.xlsx`, [
      {
        name: '隐患台账',
        title: `隐患排查治理台账（导出日期 ${today}，共 ${rows.length} 条）`,
        headers: LEDGER_HEADERS,
        widths: LEDGER_WIDTHS,
        rows: rows.map((hazard) => [
          hazard.code,
          hazard.title,
          HAZARD_CATEGORY_LABELS[hazard.category],
          HAZARD_GRADE_LABELS[hazard.grade],
          HAZARD_SOURCE_LABELS[hazard.source],
          HAZARD_STATUS_LABELS[hazard.status],
          units.get(hazard.orgUnitId) ?? hazard.orgUnitId,
          hazard.placeText,
          localDateTime(hazard.discoveredAt),
          hazard.responsiblePersonId ? (people.get(hazard.responsiblePersonId) ?? '') : '',
          hazard.deadline ?? '',
          isOverdue(hazard, today) ? '是' : '否',
          hazard.failedAcceptances,
          localDateTime(hazard.createdAt),
        ]),
      },
    ]);
  }

  @Query(() => ExportFile, { description: '一患一案一档 Excel：基本情况、整改方案、全过程记录、佐证材料；下载地址 /exports/hazard-file' })
  async hazardFileWorkbook(@Arg('hazardId', () => ID) hazardId: string, @Ctx() context: RequestContext): Promise<ExportFile> {
    const file = await this.loop.file(callerOf(context), hazardId);
    const { hazard, plan, steps } = file;
    const manager = this.dataSource.manager;
    const [units, people] = await Promise.all([
      namesOf(manager, 'org_unit_projection', [hazard.orgUnit?.id ?? null]),
      namesOf(manager, 'person_projection', [plan?.responsiblePerson?.id ?? null, hazard.discoveredBy?.id ?? null, ...steps.map((step) => step.actor?.id ?? null)]),
    ]);
    const person = (id: string | undefined) => (id ? (people.get(id) ?? '') : '');
    const evidence = await this.extensions.evidenceFiles(manager, hazard.id);
    const filenames = new Map(evidence.map((item) => [item.id, item.filename]));
    const facts: [string, string | number][] = [
      ['隐患编号', hazard.code],
      ['隐患标题', hazard.title],
      ['隐患描述', hazard.description],
      ['类别', HAZARD_CATEGORY_LABELS[hazard.category]],
      ['等级', HAZARD_GRADE_LABELS[hazard.grade]],
      ['来源', HAZARD_SOURCE_LABELS[hazard.source]],
      ['当前状态', HAZARD_STATUS_LABELS[hazard.status]],
      ['责任单位', units.get(hazard.orgUnit?.id ?? '') ?? ''],
      ['隐患部位', hazard.placeText],
      ['发现时间', localDateTime(hazard.discoveredAt)],
      ['发现人', person(hazard.discoveredBy?.id)],
      ['验收不通过次数', hazard.failedAcceptances],
    ];
    const planRows: [string, string][] = plan
      ? [
          ['整改责任人', person(plan.responsiblePerson?.id)],
          ['整改措施', plan.measures ?? ''],
          ['整改时限', plan.deadline ?? ''],
          ['应急预案', plan.contingencyPlan ?? ''],
          ['整改资金（元）', plan.funds ?? ''],
          ['向上级报告', plan.upwardReportNote ?? ''],
          ['临时管控措施', plan.interimMeasures ?? ''],
          ['方案提交时间', localDateTime(plan.submittedAt)],
        ]
      : [['整改方案', '尚未提交']];
    return xlsxExport(`一患一案一档-${hazard.code}.xlsx`, [
      { name: '基本情况', title: `隐患档案 ${hazard.code}`, headers: ['项目', '内容'], widths: [16, 60], rows: facts },
      { name: '整改方案', title: `整改方案（四落实） ${hazard.code}`, headers: ['项目', '内容'], widths: [16, 60], rows: planRows },
      {
        name: '全过程记录',
        title: `处理过程 ${hazard.code}`,
        headers: ['序号', '时间', '环节', '原状态', '新状态', '经办人', '说明', '佐证材料'],
        widths: [6, 18, 22, 14, 14, 12, 40, 30],
        rows: steps.map((step) => [
          step.seq,
          localDateTime(step.at),
          HAZARD_ACTION_LABELS[step.action],
          step.from ? HAZARD_STATUS_LABELS[step.from] : '',
          HAZARD_STATUS_LABELS[step.to],
          person(step.actor?.id) || step.actorAccountId,
          step.comment ?? '',
          step.evidence.map((id) => filenames.get(id) ?? id).join('、'),
        ]),
      },
      {
        name: '佐证材料',
        title: `照片与文件 ${hazard.code}`,
        headers: ['类型', '文件名', '大小（字节）', 'SHA-256 校验值', '上传时间'],
        widths: [12, 30, 12, 66, 18],
        rows: evidence.map((item) => [item.kindLabel, item.filename, item.sizeBytes, item.sha256, localDateTime(item.uploadedAt)]),
      },
    ]);
  }
}
