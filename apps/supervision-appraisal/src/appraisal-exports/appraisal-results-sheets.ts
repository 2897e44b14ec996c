import { calendarDateOf, StreamedWorkbook } from '@campus/graphql';
import type { Worksheet } from 'exceljs';
import { IndicatorKind } from '../appraisal-schemes/appraisal-enums';
import { AppraisalStage } from '../appraisals/appraisal.entity';
import { AppraisalResultsReader, StoredValue } from './appraisal-results-reader';

export const STAGE_LABELS: Record<AppraisalStage, string> = { [AppraisalStage.YEAR_END]: '年终', [AppraisalStage.PROCESS]: '过程' };

/** 一票否决情形. */
const VETO_RULE_LABELS: Record<string, string> = {
  MAJOR_INCIDENT: '发生重大及以上安全事件',
  MAJOR_HAZARD_REPORTED_LATE: '重大隐患瞒报、迟报',
  OTHER: '其他情形（评定人认定）',
};

/** 依据类型: the kind of record behind a veto; a kind not listed shows as stored. */
const EVIDENCE_KIND_LABELS: Record<string, string> = {
  INCIDENT: '安全事件',
  HAZARD: '隐患',
  FINDING: '督导发现问题',
  INSPECTION_TASK: '检查任务',
  ESCALATION: '隐患督办',
  CAMPAIGN_REPORT: '专项整治统计表',
};

export const SUMMARY_HEADERS = ['序号', '排名', '单位', '单位代码', '总分', '等次', '是否一票否决', '数据截止日期'];
const SUMMARY_WIDTHS = [6, 6, 28, 16, 10, 10, 14, 14];
export const VETO_HEADERS = ['单位', '情形', '依据类型', '依据编号', '说明'];
const VETO_WIDTHS = [28, 24, 14, 36, 60];

/** An indicator of the scheme as the detail sheet shows it, in the scheme's order. */
export interface IndicatorColumn {
  id: string;
  name: string;
  weight: number;
  kind: IndicatorKind;
  /** A rate (0–1, shown as a percentage) rather than a count. */
  rate: boolean;
}

/** A sheet's first rows: its title and a line under it, both committed. */
function startSheet(workbook: StreamedWorkbook, name: string, title: string, widths: number[], secondLine: string): Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = widths.map((width) => ({ width }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  titleRow.commit();
  sheet.addRow([secondLine]).commit();
  return sheet;
}

function addHeader(sheet: Worksheet, headers: string[]): void {
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
}

/** 汇总: one row per appraisal by rank, committed as each page is read; the sheet committed at the end. */
export async function writeSummarySheet(workbook: StreamedWorkbook, title: string, reader: AppraisalResultsReader): Promise<void> {
  const sheet = startSheet(workbook, '汇总', `${title}汇总`, SUMMARY_WIDTHS, `导出日期：${calendarDateOf(new Date())}`);
  addHeader(sheet, SUMMARY_HEADERS);
  let seq = 0;
  for await (const page of reader.pages()) {
    for (const appraisal of page) {
      const cells = [++seq, appraisal.rank, appraisal.unitName, appraisal.unitCode ?? '—', appraisal.total, appraisal.grade, appraisal.vetoed ? '是' : '否', appraisal.asOf];
      await workbook.commitRow(sheet, cells, (row) => (row.getCell(5).numFmt = '0.00'));
    }
  }
  sheet.commit();
}

/** 指标明细: a row naming each indicator and its weight over its two columns (指标值, 得分), then one row per appraisal. */
export async function writeDetailSheet(workbook: StreamedWorkbook, title: string, indicators: readonly IndicatorColumn[], reader: AppraisalResultsReader): Promise<void> {
  const widths = [28, ...indicators.flatMap((indicator) => [indicator.kind === IndicatorKind.MANUAL ? 24 : 12, 10])];
  const sheet = workbook.addWorksheet('指标明细');
  sheet.columns = widths.map((width) => ({ width }));
  const titleRow = sheet.addRow([`${title}指标明细`]);
  titleRow.font = { bold: true, size: 14 };
  titleRow.commit();
  const names = sheet.addRow(['指标（权重）', ...indicators.flatMap((indicator) => [`${indicator.name}（权重 ${indicator.weight}）`, null])]);
  names.font = { bold: true };
  names.alignment = { horizontal: 'center', wrapText: true };
  indicators.forEach((_, index) => sheet.mergeCells(2, 2 + 2 * index, 2, 3 + 2 * index));
  names.commit();
  addHeader(sheet, ['单位', ...indicators.flatMap(() => ['指标值', '得分'])]);
  for await (const page of reader.pages()) {
    const values = await reader.valuesOf(page.map((appraisal) => appraisal.id));
    for (const appraisal of page) {
      const unitValues = values.get(appraisal.id) ?? new Map<string, StoredValue>();
      const cells = [appraisal.unitName, ...indicators.flatMap((indicator) => detailCells(indicator, unitValues.get(indicator.id)))];
      await workbook.commitRow(sheet, cells, (row) =>
        indicators.forEach((indicator, index) => {
          if (indicator.kind === IndicatorKind.AUTOMATIC) row.getCell(2 + 2 * index).numFmt = indicator.rate ? '0.0%' : '0';
          row.getCell(3 + 2 * index).numFmt = '0.00';
        }),
      );
    }
  }
  sheet.commit();
}

/** 指标值 and 得分 of one indicator: a manual indicator's value is its assessor's comment; no value (nothing due) shows as —. */
function detailCells(indicator: IndicatorColumn, value: StoredValue | undefined): (string | number)[] {
  if (indicator.kind === IndicatorKind.MANUAL) return [value?.comment ? `人工评分：${value.comment}` : '人工评分', value?.score ?? '未评分'];
  return [value?.value ?? '—', value?.score ?? '—'];
}

/** 一票否决: one row per veto of the vetoed appraisals, by rank. */
export async function writeVetoSheet(workbook: StreamedWorkbook, title: string, reader: AppraisalResultsReader): Promise<void> {
  const sheet = startSheet(workbook, '一票否决', `${title}一票否决情况`, VETO_WIDTHS, `导出日期：${calendarDateOf(new Date())}`);
  addHeader(sheet, VETO_HEADERS);
  for await (const page of reader.pages(true)) {
    const vetoes = await reader.vetoesOf(page.map((appraisal) => appraisal.id));
    for (const appraisal of page) {
      for (const veto of vetoes.get(appraisal.id) ?? []) {
        await workbook.commitRow(sheet, [appraisal.unitName, VETO_RULE_LABELS[veto.rule] ?? veto.rule, EVIDENCE_KIND_LABELS[veto.evidenceKind] ?? veto.evidenceKind, veto.evidenceId, veto.reason]);
      }
    }
  }
  sheet.commit();
}
