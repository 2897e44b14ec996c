import { InspectionTaskScheduled, InspectionTaskStopped, NO_OUTBOX_SIGNAL, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import { newId, recentFirstKey, recentFirstPage, rowsByIds, subtreeCondition } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, ConnectionShape, decodeCursor, NotFoundError, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, oncePerRequest, requireTransition } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import type { HazardExtensions } from '../hazards/hazard-extensions';
import { ChecklistService } from './checklist.service';
import { activeState, InspectionCadence, InspectionTargetKind } from './inspection-enums';
import { INSPECTION_TASK_ACCESS, INSPECTION_TASK_TRANSITIONS } from './inspection-task.access';
import { InspectionEntity, InspectionTaskEntity } from './inspection.entity';
import { CreateInspectionTaskInput, DeactivateInspectionTaskInput, InspectionTaskFilter } from './inspection.inputs';
import { Inspection, InspectionPeriod, InspectionTask, toInspection, toInspectionTask } from './inspection.types';
import { periodContaining } from './periods';

export interface InspectionOptions {
  /** The clock that decides today's period and which periods are due (tests fix it). */
  now?: () => Date;
  /** Wakes the relay for the events a change recorded. */
  outbox?: OutboxSignal;
  /** Refuses a campaign that does not take hazards of a unit (the hazard core's campaign link rule). */
  checkCampaignLink?: HazardExtensions['checkCampaignLink'];
}

/**
 * The task's campaign if it still takes hazards of the task's unit, else null: a campaign that ended after
 * the task was set up no longer counts its findings, which are still registered.
 */
export async function acceptingCampaign(manager: EntityManager, options: InspectionOptions, task: InspectionTaskEntity): Promise<string | null> {
  if (!task.campaignId || !options.checkCampaignLink) return null;
  try {
    await options.checkCampaignLink(manager, task.campaignId, task.orgPath);
    return task.campaignId;
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError) return null;
    throw error;
  }
}

export function scheduleOf(task: Pick<InspectionTask, 'cadence' | 'startsOn' | 'endsOn'>) {
  return { cadence: task.cadence, startsOn: task.startsOn, endsOn: task.endsOn };
}

export class InspectionTaskService {
  private readonly now: () => Date;
  private readonly outbox: OutboxSignal;

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly checklists: ChecklistService,
    private readonly options: InspectionOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.outbox = options.outbox ?? NO_OUTBOX_SIGNAL;
  }

  private get repository() {
    return this.dataSource.getRepository(InspectionTaskEntity);
  }

  async get(caller: Caller, id: string): Promise<InspectionTask> {
    return toInspectionTask(await INSPECTION_TASK_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, filter: InspectionTaskFilter, first: number, after?: string | null): Promise<ConnectionShape<InspectionTask>> {
    const scope = INSPECTION_TASK_ACCESS.where(caller, 'view', 't.org_path');
    const query = this.repository.createQueryBuilder('t').where(scope.sql, scope.params);
    if (filter.orgUnitId) {
      const path = await visibleUnitPath(this.directory, caller, filter.orgUnitId);
      const unit = filter.includeSubtree
        ? subtreeCondition('t.org_path', path, 'unitPath')
        : { sql: 't.org_unit_id = :unitId', params: { unitId: filter.orgUnitId } };
      query.andWhere(unit.sql, unit.params);
    }
    if (filter.assignedToMe) query.andWhere('t.assignee_person_id = :me', { me: caller.viewer.personId ?? '' });
    if (filter.active !== null && filter.active !== undefined) query.andWhere('t.active = :active', { active: filter.active });
    if (filter.cadence) query.andWhere('t.cadence = :cadence', { cadence: filter.cadence });
    if (filter.gridId) query.andWhere('t.grid_id = :gridId', { gridId: filter.gridId });
    if (filter.placeId) query.andWhere('t.place_id = :placeId', { placeId: filter.placeId });
    if (filter.campaignId) query.andWhere('t.campaign_id = :campaignId', { campaignId: filter.campaignId });
    const page = await recentFirstPage(query, 't', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toInspectionTask);
  }

  async create(caller: Caller, input: CreateInspectionTaskInput): Promise<InspectionTask> {
    if (input.gridId && input.placeId) {
      throw new BadUserInputError([{ field: 'placeId', message: '检查对象只能是网格、场所或整个单位之一' }]);
    }
    const endsOn = input.endsOn ?? (input.cadence === InspectionCadence.ONCE ? input.startsOn : null);
    if (endsOn !== null && endsOn < input.startsOn) throw new BadUserInputError([{ field: 'endsOn', message: '结束日期不能早于开始日期' }]);
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    INSPECTION_TASK_ACCESS.checkRole(caller, 'create', path);
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'createInspectionTask', input), async (manager) => {
      await this.checklists.usableTemplate(manager, caller, input.templateId, path);
      if (input.campaignId) await this.requireCampaignLink(manager, input.campaignId, path);
      const task = manager.create(InspectionTaskEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        name: input.name,
        templateId: input.templateId,
        campaignId: input.campaignId ?? null,
        targetKind: input.gridId ? InspectionTargetKind.GRID : input.placeId ? InspectionTargetKind.PLACE : InspectionTargetKind.UNIT,
        gridId: input.gridId ?? null,
        placeId: input.placeId ?? null,
        placeText: input.placeText,
        assigneePersonId: input.assigneePersonId,
        cadence: input.cadence,
        startsOn: input.startsOn,
        endsOn,
        active: true,
        deactivatedOn: null,
        createdByAccountId: caller.viewer.accountId,
      });
      await manager.save(task);
      await recordEvent(manager, InspectionTaskScheduled, task.id, {
        id: task.id,
        name: task.name,
        orgUnitId: task.orgUnitId,
        orgPath: task.orgPath,
        cadence: task.cadence,
        startsOn: task.startsOn,
        endsOn: task.endsOn,
        version: task.version,
        scheduledAt: task.createdAt.toISOString(),
      });
      return toInspectionTask(task);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  async deactivate(caller: Caller, input: DeactivateInspectionTaskInput): Promise<InspectionTask> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const task = await INSPECTION_TASK_ACCESS.lock(manager, caller, 'DEACTIVATE', input);
      requireTransition(INSPECTION_TASK_TRANSITIONS, 'DEACTIVATE', activeState(task), task.id);
      task.active = false;
      task.deactivatedOn = calendarDateOf(this.now());
      await manager.save(task);
      const stopped = { id: task.id, orgUnitId: task.orgUnitId, orgPath: task.orgPath, stoppedOn: task.deactivatedOn, version: task.version };
      await recordEvent(manager, InspectionTaskStopped, task.id, { ...stopped, stoppedAt: this.now().toISOString() });
      return toInspectionTask(task);
    });
  }

  /** The period running today, or null when the task is stopped or not running today. */
  currentPeriod(task: InspectionTask): InspectionPeriod | null {
    return task.active ? periodContaining(scheduleOf(task), calendarDateOf(this.now())) : null;
  }

  /** The inspection of each task's current period, for every task of a request in one statement. */
  async batchedCurrentInspection(caller: Caller, task: InspectionTask): Promise<Inspection | null> {
    const period = this.currentPeriod(task);
    if (!period) return null;
    return caller.loaders
      .get<string, Inspection | null>('InspectionTask.currentInspection', () => new DataLoader(async (keys: readonly string[]) => {
        const params: Record<string, unknown> = {};
        const pairs = keys.map((key, index) => {
          const [taskId, periodStart] = key.split('|');
          Object.assign(params, { [`task${index}`]: taskId, [`start${index}`]: periodStart });
          return `(i.task_id = :task${index} AND i.period_start = :start${index})`;
        });
        const rows = await this.dataSource.getRepository(InspectionEntity).createQueryBuilder('i').where(`(${pairs.join(' OR ')})`, params).getMany();
        const byKey = new Map(rows.map((row) => [`${row.taskId}|${row.periodStart}`, toInspection(row)]));
        return keys.map((key) => byKey.get(key) ?? null);
      }))
      .load(`${task.id}|${period.start}`);
  }

  /** Tasks by id (an inspection's task) in one statement per request. */
  batchedTask(caller: Caller, taskId: string): Promise<InspectionTask | null> {
    return caller.loaders
      .get<string, InspectionTask | null>('InspectionTask.byId', () => new DataLoader((ids: readonly string[]) =>
        rowsByIds(this.repository.createQueryBuilder('t'), 't', ids, toInspectionTask),
      ))
      .load(taskId);
  }

  /** The campaign must take hazards of the task's unit (BAD_USER_INPUT on campaignId otherwise: the task is the input at fault). */
  private async requireCampaignLink(manager: EntityManager, campaignId: string, path: string): Promise<void> {
    if (!this.options.checkCampaignLink) throw new BadUserInputError([{ field: 'campaignId', message: '本服务未启用专项整治' }]);
    await this.options.checkCampaignLink(manager, campaignId, path);
  }

}
