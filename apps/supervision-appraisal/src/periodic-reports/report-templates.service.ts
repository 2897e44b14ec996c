import { keysetPage, newId } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConnectionShape, decodeCursor, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, lockTransition, oncePerRequest, requireTransition } from '@campus/server';
import { DataSource } from 'typeorm';
import { REPORT_TEMPLATE_ACCESS, REPORT_TEMPLATE_TRANSITIONS } from './periodic-report.access';
import { ReportTargetEntity, ReportTemplateEntity } from './periodic-report.entity';
import { CloseReportTemplateInput, CreateReportTemplateInput, ReportTemplateFilter } from './periodic-report.inputs';
import { PeriodicReportTemplate, toReportTemplate } from './periodic-report.types';
import { DEFAULT_DUE_RULES, DueRule, minutesOfTime } from './report-periods';
import { resolveTargets } from './report-targets';

const NEWEST_FIRST = { column: 'created_at', direction: 'DESC' as const, fromCursor: (value: string) => new Date(value) };

/** 报送要求: made by the issuing unit for its subordinate units, read by everyone in and below it, closed by the issuer. */
export class ReportTemplateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly now: () => Date,
  ) {}

  /** The template the viewer sees, or NOT_FOUND. */
  async row(caller: Caller, id: string): Promise<ReportTemplateEntity> {
    return REPORT_TEMPLATE_ACCESS.find(this.dataSource.manager, caller, id);
  }

  async get(caller: Caller, id: string): Promise<PeriodicReportTemplate> {
    return toReportTemplate(await this.row(caller, id));
  }

  async list(caller: Caller, filter: ReportTemplateFilter, first: number, after?: string | null): Promise<ConnectionShape<PeriodicReportTemplate>> {
    const query = this.dataSource.getRepository(ReportTemplateEntity).createQueryBuilder('r');
    const visible = REPORT_TEMPLATE_ACCESS.where(caller, 'r');
    query.where(visible.sql, visible.params);
    if (filter.issuingUnitId) {
      const path = await visibleUnitPath(this.directory, caller, filter.issuingUnitId);
      query.andWhere('r.org_path = :issuingPath', { issuingPath: path });
    }
    if (filter.targetUnitId) {
      await visibleUnitPath(this.directory, caller, filter.targetUnitId);
      query.andWhere('EXISTS (SELECT 1 FROM periodic_report_target t WHERE t.template_id = r.id AND t.org_unit_id = :targetUnitId)', { targetUnitId: filter.targetUnitId });
    }
    if (filter.cadence?.length) query.andWhere('r.cadence IN (:...cadences)', { cadences: filter.cadence });
    if (filter.status?.length) query.andWhere('r.status IN (:...statuses)', { statuses: filter.status });
    const page = await keysetPage(query, 'r', NEWEST_FIRST, first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, (row) => [row.createdAt.toISOString(), row.id], toReportTemplate);
  }

  /** The ids of a template's target units, in order. */
  async targetIds(templateId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(ReportTargetEntity, { where: { templateId }, order: { position: 'ASC' } });
    return rows.map((row) => row.orgUnitId);
  }

  async create(caller: Caller, input: CreateReportTemplateInput): Promise<PeriodicReportTemplate> {
    const issuingPath = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    REPORT_TEMPLATE_ACCESS.checkRole(caller, 'CREATE', issuingPath);
    const status = requireTransition(REPORT_TEMPLATE_TRANSITIONS, 'CREATE', null, null);
    const due = dueRuleOf(input);
    const targets = await resolveTargets(this.dataSource.manager, this.directory, caller, issuingPath, input);
    const template = this.dataSource.manager.create(ReportTemplateEntity, {
      id: newId(),
      orgUnitId: input.orgUnitId,
      orgPath: issuingPath,
      title: input.title.trim(),
      cadence: input.cadence,
      guidance: input.guidance.trim(),
      dueOffsetPeriods: due.offsetPeriods,
      dueDay: due.day,
      dueMinutes: due.minutes,
      startsOn: input.startsOn ?? calendarDateOf(this.now()),
      status,
      createdByAccountId: caller.viewer.accountId,
      createdByPersonId: caller.viewer.personId,
      closedAt: null,
    });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createPeriodicReportTemplate', input), async (manager) => {
      await manager.save(template);
      await manager.insert(ReportTargetEntity, targets.map((orgUnitId, position) => ({ templateId: template.id, orgUnitId, position })));
      return toReportTemplate(template);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** 停止: no new submissions; the periods until then stay listed. */
  async close(caller: Caller, input: CloseReportTemplateInput): Promise<PeriodicReportTemplate> {
    return this.dataSource.transaction(async (manager) => {
      const { row, next } = await lockTransition(REPORT_TEMPLATE_ACCESS, manager, caller, REPORT_TEMPLATE_TRANSITIONS, 'CLOSE', input);
      row.status = next;
      row.closedAt = this.now();
      await manager.save(row);
      return toReportTemplate(row);
    });
  }
}

/** The input's due rule checked against its cadence, or the cadence's default. */
function dueRuleOf(input: CreateReportTemplateInput): DueRule {
  if (!input.due) return DEFAULT_DUE_RULES[input.cadence];
  const minutes = minutesOfTime(input.due.time);
  if (minutes === null) throw new BadUserInputError([{ field: 'due.time', message: '截止时刻应为 HH:MM（00:00–24:00）' }]);
  if (input.cadence === 'WEEKLY' && input.due.day > 7) throw new BadUserInputError([{ field: 'due.day', message: '周安排的截止日为星期几（1–7）' }]);
  return { offsetPeriods: input.due.offsetPeriods, day: input.due.day, minutes };
}
