import { Caller, calendarDateOf, Cell, ExportFile, ReportSheet, xlsxExport } from '@campus/graphql';
import { DataSource } from 'typeorm';
import {
  FINDING_CATEGORY_LABELS,
  FINDING_SEVERITY_LABELS,
  FindingCategory,
  FindingHazardStatus,
  FindingSeverity,
  RECTIFICATION_STATE_LABELS,
  RectificationState,
  SUPERVISION_STATUS_LABELS,
} from './supervision-enums';
import { countFinding, emptyCounts, rectificationStateOf, StateCounts } from './supervision-rectification';
import { findVisibleSupervision, seesWholeSupervision } from './supervision-visibility';
import { FINDING_ACCESS, SUPERVISION_ACCESS } from './supervision.access';
import { SupervisionEntity } from './supervision.entity';

interface FindingRow {
  seq: number;
  unitId: string;
  unitName: string;
  placeText: string;
  category: FindingCategory;
  severity: FindingSeverity;
  description: string;
  deadline: string;
  raisedAt: Date | null;
  hazardCode: string | null;
  state: RectificationState;
}

const COUNT_HEADERS = ['问题数', '重大', '一般', '已转隐患', '已整改', '整改中', '逾期', '未转隐患'];
const countCells = (counts: StateCounts): Cell[] => [
  counts.total,
  counts.major,
  counts.general,
  counts.raised,
  counts.rectified,
  counts.rectifying,
  counts.overdue,
  counts.notRaised,
];

/**
 * 督查报告: the inspection's outline and counts, findings per unit, and each finding with its hazard's
 * rectification. The organiser's scope gets all of it; an inspected unit gets its own findings only.
 */
export class SupervisionReport {
  constructor(private readonly dataSource: DataSource) {}

  async workbook(caller: Caller, id: string): Promise<ExportFile> {
    const supervision = await findVisibleSupervision(this.dataSource.manager, caller, id);
    const whole = seesWholeSupervision(caller, supervision);
    const today = calendarDateOf(new Date());
    const [names, units, findings] = await Promise.all([this.names(supervision), this.units(caller, supervision, whole), this.findings(caller, supervision, today)]);
    const total = findings.reduce((counts, finding) => countFinding(counts, finding, finding.state), emptyCounts());
    return xlsxExport(`督查报告-${supervision.title}-${today}.xlsx`, [
      this.summarySheet(supervision, names, units, total, whole),
      this.unitSheet(supervision, units, findings),
      this.findingSheet(supervision, findings),
    ]);
  }

  private summarySheet(supervision: SupervisionEntity, names: { organiser: string; group: string }, units: { id: string; name: string }[], counts: StateCounts, whole: boolean): ReportSheet {
    const rectificationRate = counts.raised ? `${((counts.rectified / counts.raised) * 100).toFixed(1)}%` : '—';
    const rows: Cell[][] = [
      ['检查名称', supervision.title],
      ['组织单位', names.organiser],
      ['督导组', names.group],
      ['检查时间', `${supervision.startsOn} 至 ${supervision.endsOn}`],
      [whole ? '被检查单位' : '本单位', units.map((unit) => unit.name).join('、')],
      ['检查重点', supervision.focusAreas.join('；') || '—'],
      ['检查清单', supervision.checklist.map((item, index) => `${index + 1}. ${item}`).join('\n') || '—'],
      ['状态', SUPERVISION_STATUS_LABELS[supervision.status]],
      ['督查意见', supervision.summary ?? '（尚未出具）'],
      ...COUNT_HEADERS.map((header, index) => [header, countCells(counts)[index]]),
      ['整改率（已整改/已转隐患）', rectificationRate],
    ];
    return { name: '概况', title: `${supervision.title} 督查报告`, subtitle: `导出日期：${calendarDateOf(new Date())}`, headers: ['项目', '内容'], widths: [26, 80], rows };
  }

  private unitSheet(supervision: SupervisionEntity, units: { id: string; name: string }[], findings: FindingRow[]): ReportSheet {
    const rows = units.map((unit, index) => {
      const counts = findings
        .filter((finding) => finding.unitId === unit.id)
        .reduce((sum, finding) => countFinding(sum, finding, finding.state), emptyCounts());
      return [index + 1, unit.name, ...countCells(counts)];
    });
    return { name: '各单位问题', title: `${supervision.title} 各被检查单位问题及整改情况`, headers: ['序号', '被检查单位', ...COUNT_HEADERS], widths: [6, 24, 8, 8, 8, 10, 8, 8, 8, 10], rows };
  }

  private findingSheet(supervision: SupervisionEntity, findings: FindingRow[]): ReportSheet {
    return {
      name: '问题清单',
      title: `${supervision.title} 发现问题清单`,
      headers: ['序号', '被检查单位', '问题部位', '类别', '问题描述', '严重程度', '整改期限', '隐患编号', '整改情况'],
      widths: [6, 22, 24, 16, 48, 10, 12, 22, 10],
      rows: findings.map((finding) => [
        finding.seq,
        finding.unitName,
        finding.placeText,
        FINDING_CATEGORY_LABELS[finding.category],
        finding.description,
        FINDING_SEVERITY_LABELS[finding.severity],
        finding.deadline,
        finding.hazardCode ?? (finding.state === RectificationState.NOT_RAISED ? '—' : '登记中'),
        RECTIFICATION_STATE_LABELS[finding.state],
      ]),
    };
  }

  private async names(supervision: SupervisionEntity): Promise<{ organiser: string; group: string }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT name FROM org_unit_projection WHERE id = ?) AS organiser, (SELECT name FROM supervision_work_group WHERE id = ?) AS grp`,
      [supervision.orgUnitId, supervision.supervisionGroupId],
    );
    return { organiser: row?.organiser ?? supervision.orgUnitId, group: row?.grp ?? '—' };
  }

  /** The inspected units (only those in the viewer's scope when they see the inspection as an inspected unit). */
  private async units(caller: Caller, supervision: SupervisionEntity, whole: boolean): Promise<{ id: string; name: string }[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .select('su.org_unit_id', 'id')
      .addSelect('COALESCE(u.name, su.org_unit_id)', 'name')
      .from('supervision_unit', 'su')
      .leftJoin('org_unit_projection', 'u', 'u.id = su.org_unit_id')
      .where('su.supervision_id = :id', { id: supervision.id })
      .orderBy('su.org_path');
    if (!whole) {
      const scope = SUPERVISION_ACCESS.where(caller, 'view', 'su.org_path');
      query.andWhere(scope.sql, scope.params);
    }
    return query.getRawMany();
  }

  private async findings(caller: Caller, supervision: SupervisionEntity, today: string): Promise<FindingRow[]> {
    const scope = FINDING_ACCESS.where(caller, 'view', 'f.org_path');
    const rows: Record<string, unknown>[] = await this.dataSource
      .createQueryBuilder()
      .select(['f.seq AS seq', 'f.org_unit_id AS unitId', 'f.place_text AS placeText', 'f.category AS category', 'f.severity AS severity'])
      .addSelect(['f.description AS description', 'f.deadline AS deadline', 'f.raised_at AS raisedAt'])
      .addSelect(['COALESCE(u.name, f.org_unit_id) AS unitName', 'h.hazard_code AS hazardCode', 'h.status AS hazardStatus', 'h.overdue AS overdue'])
      .from('supervision_finding', 'f')
      .leftJoin('org_unit_projection', 'u', 'u.id = f.org_unit_id')
      .leftJoin('supervision_hazard', 'h', 'h.finding_id = f.id')
      .where('f.supervision_id = :id', { id: supervision.id })
      .andWhere(scope.sql, scope.params)
      .orderBy('f.seq')
      .getRawMany();
    return rows.map((row) => {
      const finding = { severity: row.severity as FindingSeverity, deadline: String(row.deadline), raisedAt: (row.raisedAt as Date | null) ?? null };
      const hazard = row.hazardStatus ? { status: row.hazardStatus as FindingHazardStatus, overdue: Boolean(Number(row.overdue)) } : null;
      return {
        seq: Number(row.seq),
        unitId: String(row.unitId),
        unitName: String(row.unitName),
        placeText: String(row.placeText),
        category: row.category as FindingCategory,
        severity: finding.severity,
        description: String(row.description),
        deadline: finding.deadline,
        raisedAt: finding.raisedAt,
        hazardCode: (row.hazardCode as string | null) ?? null,
        state: rectificationStateOf(finding, hazard, today),
      };
    });
  }
}
