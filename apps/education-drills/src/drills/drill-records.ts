import { subtreeCondition } from '@campus/database';
import { BadUserInputError, Caller, calendarDateOf, Cell, ExportFile, schoolDateTimeText, xlsxExport } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { EMERGENCY_PLAN_ACCESS } from '../emergency-plans/emergency-plan.access';
import type { EducationSettings } from '../service';
import { DRILL_ACCESS } from './drill.access';
import {
  DRILL_HAZARD_STATUS_LABELS,
  DRILL_PROBLEM_CATEGORY_LABELS,
  DRILL_PROBLEM_GRADE_LABELS,
  DRILL_STATUS_LABELS,
  DRILL_TYPE_LABELS,
  DrillHazardStatus,
  DrillProblemCategory,
  DrillProblemGrade,
  DrillStatus,
  DrillType,
} from './drill-enums';

type Row = Record<string, Cell>;

const time = (value: Cell): Cell => (value ? schoolDateTimeText(new Date(value as Date)) : null);

/** 应急演练记录: the drills of a unit and below (planned in a date range), and their problems, as a workbook. */
export class DrillRecords {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  async workbook(caller: Caller, orgUnitId: string, from?: string, to?: string): Promise<ExportFile> {
    if (from && to && from > to) throw new BadUserInputError([{ field: 'to', message: '结束日期不能早于开始日期' }]);
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    DRILL_ACCESS.checkRole(caller, 'view', path);
    const drills = await this.drills(caller, path, from, to);
    const problems = await this.problems(caller, path, from, to);
    const range = `${from ?? '不限'} 至 ${to ?? '不限'}`;
    return xlsxExport(`应急演练记录-${calendarDateOf(this.settings.now())}.xlsx`, [
      {
        name: '应急演练记录',
        title: '应急演练记录',
        subtitle: `计划日期：${range}`,
        headers: ['序号', '组织单位', '演练名称', '演练类型', '情景设定', '检验的应急预案', '演练地点', '计划日期', '状态', '预计人数', '实际人数', '开始时间', '结束时间', '疏散用时(秒)', '评估得分', '做得好的方面', '发现问题数', '已转隐患数', '取消原因'],
        widths: [6, 18, 28, 14, 36, 28, 20, 12, 10, 10, 10, 20, 20, 12, 10, 36, 10, 10, 20],
        rows: drills.map((row, index) => [
          index + 1,
          row.unit_name,
          row.title,
          DRILL_TYPE_LABELS[row.drill_type as DrillType],
          row.scenario,
          row.plan_title,
          row.place_text,
          row.planned_date,
          DRILL_STATUS_LABELS[row.status as DrillStatus],
          Number(row.expected_participants),
          row.actual_participants === null ? null : Number(row.actual_participants),
          time(row.started_at),
          time(row.ended_at),
          row.evacuation_seconds === null ? null : Number(row.evacuation_seconds),
          row.score === null ? null : Number(row.score),
          row.strengths,
          Number(row.problems),
          Number(row.raised),
          row.cancel_reason,
        ]),
      },
      {
        name: '发现问题及整改',
        title: '演练发现问题及整改措施',
        headers: ['序号', '组织单位', '演练名称', '问题序号', '问题描述', '类别', '等级', '整改责任人', '整改期限', '改进措施', '隐患编号', '隐患状态'],
        widths: [6, 18, 28, 8, 40, 20, 8, 12, 12, 40, 22, 14],
        rows: problems.map((row, index) => [
          index + 1,
          row.unit_name,
          row.title,
          Number(row.seq),
          row.description,
          DRILL_PROBLEM_CATEGORY_LABELS[row.category as DrillProblemCategory],
          DRILL_PROBLEM_GRADE_LABELS[row.grade as DrillProblemGrade],
          row.owner_name,
          row.deadline,
          row.improvement_action,
          row.hazard_code ?? (row.raised_at ? '登记中' : '未转隐患'),
          row.hazard_status ? DRILL_HAZARD_STATUS_LABELS[row.hazard_status as DrillHazardStatus] : null,
        ]),
      },
    ]);
  }

  private conditions(caller: Caller, path: string, from?: string, to?: string) {
    const conditions = [subtreeCondition('d.org_path', path, 'root'), DRILL_ACCESS.where(caller, 'view', 'd.org_path')];
    if (from) conditions.push({ sql: 'd.planned_date >= :from', params: { from } });
    if (to) conditions.push({ sql: 'd.planned_date <= :to', params: { to } });
    return conditions;
  }

  private drills(caller: Caller, path: string, from?: string, to?: string): Promise<Row[]> {
    const plans = EMERGENCY_PLAN_ACCESS.where(caller, 'view', 'p.org_path', 'planScope');
    const query = this.dataSource.manager
      .createQueryBuilder()
      .select('d.*')
      .addSelect('u.name', 'unit_name')
      .addSelect('p.title', 'plan_title')
      .addSelect('(SELECT COUNT(*) FROM drill_problem x WHERE x.drill_id = d.id)', 'problems')
      .addSelect('(SELECT COUNT(*) FROM drill_problem x WHERE x.drill_id = d.id AND x.raised_at IS NOT NULL)', 'raised')
      .from('drill', 'd')
      .leftJoin('org_unit_projection', 'u', 'u.id = d.org_unit_id')
      .leftJoin('emergency_plan', 'p', `p.id = d.emergency_plan_id AND ${plans.sql}`, plans.params)
      .orderBy('d.planned_date')
      .addOrderBy('d.id');
    for (const condition of this.conditions(caller, path, from, to)) query.andWhere(condition.sql, condition.params);
    return query.getRawMany();
  }

  private problems(caller: Caller, path: string, from?: string, to?: string): Promise<Row[]> {
    const query = this.dataSource.manager
      .createQueryBuilder()
      .select('x.*')
      .addSelect('d.title', 'title')
      .addSelect('u.name', 'unit_name')
      .addSelect('o.name', 'owner_name')
      .from('drill_problem', 'x')
      .innerJoin('drill', 'd', 'd.id = x.drill_id')
      .leftJoin('org_unit_projection', 'u', 'u.id = d.org_unit_id')
      .leftJoin('person_projection', 'o', 'o.id = x.owner_person_id')
      .orderBy('d.planned_date')
      .addOrderBy('d.id')
      .addOrderBy('x.seq');
    for (const condition of this.conditions(caller, path, from, to)) query.andWhere(condition.sql, condition.params);
    return query.getRawMany();
  }
}
