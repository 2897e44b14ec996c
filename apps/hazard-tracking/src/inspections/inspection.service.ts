import { isDuplicateKey, newId, recentFirstKey, recentFirstPage, subtreeCondition } from '@campus/database';
import { InspectionPerformed, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import {
  BadUserInputError,
  calendarDateOf,
  Caller,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  FieldProblem,
  schoolDayEnd,
  schoolDayStart,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, oncePerRequest, requireTransition } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { insertHazard } from '../hazards/hazard-creation';
import { HazardSource } from '../hazards/hazard-enums';
import { HAZARD_ACCESS } from '../hazards/hazard.access';
import { HazardEntity, hazardFromRow } from '../hazards/hazard.entity';
import { Hazard, toHazard } from '../hazards/hazard.types';
import { ChecklistItemEntity, ChecklistTemplateEntity } from './checklist.entity';
import { activeState } from './inspection-enums';
import { INSPECTION_TASK_ACCESS, INSPECTION_TASK_TRANSITIONS } from './inspection-task.access';
import { acceptingCampaign, InspectionOptions, scheduleOf } from './inspection-task.service';
import { INSPECTION_ACCESS } from './inspection.access';
import { InspectionEntity, InspectionResultEntity, InspectionTaskEntity } from './inspection.entity';
import { InspectionFilter, InspectionItemResultInput, PerformInspectionInput } from './inspection.inputs';
import { Inspection, InspectionItemResult, toInspection, toInspectionItemResult } from './inspection.types';
import { periodContaining } from './periods';

/** References to the raising result row are what hazard.source_ref_id holds for inspections. */
export const INSPECTION_SOURCE_REF = 'INSPECTION';

/** Every item answered exactly once, nothing else; a failed item says what is wrong. */
function resultProblems(items: ChecklistItemEntity[], results: InspectionItemResultInput[]): FieldProblem[] {
  const known = new Set(items.map((item) => item.id));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  results.forEach((result, index) => {
    if (!known.has(result.itemId)) problems.push({ field: `results[${index}].itemId`, message: '不是该检查表的检查项' });
    else if (seen.has(result.itemId)) problems.push({ field: `results[${index}].itemId`, message: '同一检查项只能有一个结果' });
    seen.add(result.itemId);
    if (!result.passed && !result.note?.trim()) problems.push({ field: `results[${index}].note`, message: '不合格项须说明发现的问题' });
  });
  const missing = items.filter((item) => !seen.has(item.id));
  if (missing.length) problems.push({ field: 'results', message: `缺少检查项的结果：${missing.map((item) => item.seq).join('、')}` });
  return problems;
}

function hazardTitle(item: ChecklistItemEntity, result: InspectionItemResultInput): string {
  return result.hazardTitle ?? `检查不合格：${item.text}`.slice(0, 200);
}

export class InspectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly outbox: OutboxSignal,
    private readonly options: InspectionOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  private readonly now: () => Date;

  private get repository() {
    return this.dataSource.getRepository(InspectionEntity);
  }

  async get(caller: Caller, id: string): Promise<Inspection> {
    return toInspection(await INSPECTION_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, filter: InspectionFilter, first: number, after?: string | null): Promise<ConnectionShape<Inspection>> {
    const scope = INSPECTION_ACCESS.where(caller, 'view', 'i.org_path');
    const query = this.repository.createQueryBuilder('i').where(scope.sql, scope.params);
    if (filter.taskId) query.andWhere('i.task_id = :taskId', { taskId: filter.taskId });
    if (filter.orgUnitId) {
      const path = await visibleUnitPath(this.directory, caller, filter.orgUnitId);
      const unit = filter.includeSubtree
        ? subtreeCondition('i.org_path', path, 'unitPath')
        : { sql: 'i.org_unit_id = :unitId', params: { unitId: filter.orgUnitId } };
      query.andWhere(unit.sql, unit.params);
    }
    if (filter.performedFrom) query.andWhere('i.performed_at >= :performedFrom', { performedFrom: schoolDayStart(filter.performedFrom) });
    if (filter.performedTo) query.andWhere('i.performed_at < :performedTo', { performedTo: schoolDayEnd(filter.performedTo) });
    if (filter.withFailures === true) query.andWhere('i.failed_count > 0');
    if (filter.withFailures === false) query.andWhere('i.failed_count = 0');
    const page = await recentFirstPage(query, 'i', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toInspection);
  }

  /**
   * Records the inspection of the task's period holding performedAt with every item's result, and raises
   * one hazard (source ROUTINE_INSPECTION) per failed item — all in one transaction: if any part fails,
   * nothing is recorded. A period has at most one inspection.
   */
  async perform(caller: Caller, input: PerformInspectionInput): Promise<Inspection> {
    const { viewer } = caller;
    const performedAt = input.performedAt ?? this.now();
    try {
      const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'performInspection', input), async (manager) => {
        const task = await this.lockTaskToPerform(manager, caller, input);
        const day = calendarDateOf(performedAt);
        const period = periodContaining(scheduleOf(task), day);
        if (!period) {
          const range = `${task.startsOn} 至 ${task.endsOn ?? '长期'}`;
          throw new BadUserInputError([{ field: 'performedAt', message: `检查日期 ${day} 不在任务的执行期间（${range}）内` }]);
        }
        const existing = await manager.findOneBy(InspectionEntity, { taskId: task.id, periodStart: period.start });
        if (existing) {
          throw new ConflictError('DUPLICATE', `该任务本周期（${period.start} 至 ${period.end}）已检查过`, { taskId: task.id, inspectionId: existing.id });
        }
        const items = await manager.find(ChecklistItemEntity, { where: { templateId: task.templateId }, order: { seq: 'ASC' } });
        const problems = resultProblems(items, input.results);
        if (problems.length) throw new BadUserInputError(problems);
        const template = await manager.findOneByOrFail(ChecklistTemplateEntity, { id: task.templateId });
        const failed = input.results.filter((result) => !result.passed).length;
        const inspection = manager.create(InspectionEntity, {
          id: newId(),
          taskId: task.id,
          orgUnitId: task.orgUnitId,
          orgPath: task.orgPath,
          periodStart: period.start,
          periodEnd: period.end,
          performedAt,
          performedByAccountId: viewer.accountId,
          performedByPersonId: viewer.personId,
          note: input.note ?? null,
          passedCount: input.results.length - failed,
          failedCount: failed,
        });
        await manager.insert(InspectionEntity, inspection);
        const byId = new Map(items.map((item) => [item.id, item]));
        const campaignId = failed ? await acceptingCampaign(manager, this.options, task) : null;
        for (const result of input.results) {
          const item = byId.get(result.itemId)!;
          const resultId = newId();
          const hazard = result.passed
            ? null
            : await insertHazard(
                manager,
                {
                  orgUnitId: task.orgUnitId,
                  orgPath: task.orgPath,
                  title: hazardTitle(item, result),
                  description: `${result.note!.trim()}\n（${task.name}，检查项 ${item.seq}：${item.text}）`,
                  category: template.category,
                  grade: result.grade ?? item.defaultGrade,
                  source: HazardSource.ROUTINE_INSPECTION,
                  placeText: task.placeText,
                  discoveredAt: performedAt,
                  discoveredByPersonId: viewer.personId,
                  placeId: task.placeId,
                  gridId: task.gridId,
                  sourceRef: { type: INSPECTION_SOURCE_REF, id: resultId },
                  campaignId,
                },
                viewer,
              );
          await manager.insert(InspectionResultEntity, {
            id: resultId,
            inspectionId: inspection.id,
            itemId: item.id,
            seq: item.seq,
            itemText: item.text,
            passed: result.passed,
            note: result.note ?? null,
            grade: hazard ? hazard.grade : null,
            hazardId: hazard ? hazard.id : null,
          });
        }
        const recordedAt = this.now();
        await recordEvent(manager, InspectionPerformed, inspection.id, {
          id: inspection.id,
          taskId: task.id,
          taskName: task.name,
          orgUnitId: task.orgUnitId,
          orgPath: task.orgPath,
          periodStart: period.start,
          periodEnd: period.end,
          performedAt: performedAt.toISOString(),
          recordedAt: recordedAt.toISOString(),
          onTime: calendarDateOf(recordedAt) <= period.end,
          findingsCount: failed,
        });
        return toInspection(await manager.findOneByOrFail(InspectionEntity, { id: inspection.id }));
      }));
      return outcome.created ?? this.get(caller, outcome.id);
    } catch (error) {
      // Two requests raced past the check above: the unique (task, period) key decides.
      if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', '该任务本周期已检查过', { taskId: input.taskId });
      throw error;
    }
  }

  /** The task, locked: in scope, performed by its assignee or one holding PERFORM's roles, at the version read, still active. */
  private async lockTaskToPerform(manager: EntityManager, caller: Caller, input: PerformInspectionInput): Promise<InspectionTaskEntity> {
    // The row lock serialises inspections of one task, so the period check below cannot race.
    const task = await INSPECTION_TASK_ACCESS.lock(manager, caller, 'view', { id: input.taskId });
    const isAssignee = caller.viewer.personId !== null && caller.viewer.personId === task.assigneePersonId;
    if (!isAssignee) INSPECTION_TASK_ACCESS.checkRole(caller, 'PERFORM', task.orgPath);
    INSPECTION_TASK_ACCESS.checkVersion(task, { id: task.id, version: input.version ?? undefined });
    requireTransition(INSPECTION_TASK_TRANSITIONS, 'PERFORM', activeState(task), task.id);
    return task;
  }

  /** Inspection.results for every inspection of a request in one statement, in checklist order. */
  batchedResults(caller: Caller, inspectionId: string): Promise<InspectionItemResult[]> {
    return caller.loaders
      .get<string, InspectionItemResult[]>('Inspection.results', () => new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.dataSource
          .getRepository(InspectionResultEntity)
          .find({ where: { inspectionId: In([...ids]) }, order: { inspectionId: 'ASC', seq: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.inspectionId === id).map(toInspectionItemResult));
      }))
      .load(inspectionId);
  }

  /** Inspection.hazards (raised by its failed items) for every inspection of a request in one statement. */
  batchedHazards(caller: Caller, inspectionId: string): Promise<Hazard[]> {
    return caller.loaders
      .get<string, Hazard[]>('Inspection.hazards', () => new DataLoader(async (ids: readonly string[]) => {
        const scope = HAZARD_ACCESS.where(caller, 'view', 'h.org_path');
        const rows: Record<string, unknown>[] = await this.dataSource
          .createQueryBuilder()
          .select('h.*')
          .addSelect('r.inspection_id', 'raised_by_inspection_id')
          .from(HazardEntity, 'h')
          .innerJoin(InspectionResultEntity, 'r', 'r.hazard_id = h.id')
          .where('r.inspection_id IN (:...ids)', { ids })
          .andWhere(scope.sql, scope.params)
          .orderBy('r.seq', 'ASC')
          .getRawMany();
        return ids.map((id) => rows.filter((row) => row.raised_by_inspection_id === id).map((row) => toHazard(hazardFromRow(row))));
      }))
      .load(inspectionId);
  }
}
