import { ADMIN_ROLES, Role, Viewer } from '@campus/auth';
import { newId, orgScopeCondition, recentFirstKey, recentFirstPage, rowsByIds, subtreeCondition } from '@campus/database';
import {
  BadUserInputError,
  calendarDateOf,
  Caller,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  ForbiddenError,
  LoaderRegistry,
  NotFoundError,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { ChecklistService } from './checklist.service';
import { InspectionCadence, InspectionTargetKind } from './inspection-enums';
import { InspectionEntity, InspectionTaskEntity } from './inspection.entity';
import { CreateInspectionTaskInput, DeactivateInspectionTaskInput, InspectionTaskFilter } from './inspection.inputs';
import { Inspection, InspectionPeriod, InspectionTask, toInspection, toInspectionTask } from './inspection.types';
import { periodContaining } from './periods';

/** Who arranges inspections: the unit's leader and safety officer, the school's safety office, the bureau. */
export const INSPECTION_MANAGER_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER, Role.UNIT_SAFETY_OFFICER];

export interface InspectionOptions {
  /** The clock that decides today's period and which periods are due (tests fix it). */
  now?: () => Date;
}

export function scheduleOf(task: Pick<InspectionTask, 'cadence' | 'startsOn' | 'endsOn'>) {
  return { cadence: task.cadence, startsOn: task.startsOn, endsOn: task.endsOn };
}

export class InspectionTaskService {
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly checklists: ChecklistService,
    options: InspectionOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  private get repository() {
    return this.dataSource.getRepository(InspectionTaskEntity);
  }

  async get(viewer: Viewer, id: string): Promise<InspectionTask> {
    const task = await this.repository.findOneBy({ id });
    if (!task || !viewer.covers(task.orgPath)) throw new NotFoundError('检查任务', id);
    return toInspectionTask(task);
  }

  async list(caller: Caller, filter: InspectionTaskFilter, first: number, after?: string | null): Promise<ConnectionShape<InspectionTask>> {
    const { viewer } = caller;
    const scope = orgScopeCondition('t.org_path', viewer.scopePaths);
    const query = this.repository.createQueryBuilder('t').where(scope.sql, scope.params);
    if (filter.orgUnitId) {
      const path = await visibleUnitPath(this.directory, caller, filter.orgUnitId);
      const unit = filter.includeSubtree
        ? subtreeCondition('t.org_path', path, 'unitPath')
        : { sql: 't.org_unit_id = :unitId', params: { unitId: filter.orgUnitId } };
      query.andWhere(unit.sql, unit.params);
    }
    if (filter.assignedToMe) query.andWhere('t.assignee_person_id = :me', { me: viewer.personId ?? '' });
    if (filter.active !== null && filter.active !== undefined) query.andWhere('t.active = :active', { active: filter.active });
    if (filter.cadence) query.andWhere('t.cadence = :cadence', { cadence: filter.cadence });
    if (filter.gridId) query.andWhere('t.grid_id = :gridId', { gridId: filter.gridId });
    if (filter.placeId) query.andWhere('t.place_id = :placeId', { placeId: filter.placeId });
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
    const { viewer } = caller;
    if (!viewer.hasRoleAt(INSPECTION_MANAGER_ROLES, path)) throw new ForbiddenError('您无权为该单位安排检查任务');
    return this.dataSource.transaction(async (manager) => {
      await this.checklists.usableTemplate(manager, viewer, input.templateId, path);
      const task = manager.create(InspectionTaskEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        name: input.name,
        templateId: input.templateId,
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
        createdByAccountId: viewer.accountId,
      });
      await manager.save(task);
      return toInspectionTask(task);
    });
  }

  async deactivate(viewer: Viewer, input: DeactivateInspectionTaskInput): Promise<InspectionTask> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.findOne(InspectionTaskEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!task || !viewer.covers(task.orgPath)) throw new NotFoundError('检查任务', input.id);
      if (!viewer.hasRoleAt(INSPECTION_MANAGER_ROLES, task.orgPath)) throw new ForbiddenError('您无权停用该检查任务');
      if (task.version !== input.version) {
        throw new ConflictError('STALE_VERSION', '检查任务已被他人修改，请刷新后重试', { id: task.id, currentVersion: task.version });
      }
      if (!task.active) throw new ConflictError('INACTIVE', '检查任务已停用', { id: task.id });
      task.active = false;
      task.deactivatedOn = calendarDateOf(this.now());
      await manager.save(task);
      return toInspectionTask(task);
    });
  }

  /** The period running today, or null when the task is stopped or not running today. */
  currentPeriod(task: InspectionTask): InspectionPeriod | null {
    return task.active ? periodContaining(scheduleOf(task), calendarDateOf(this.now())) : null;
  }

  /** The inspection of each task's current period, for every task of a request in one statement. */
  async batchedCurrentInspection(loaders: LoaderRegistry, task: InspectionTask): Promise<Inspection | null> {
    const period = this.currentPeriod(task);
    if (!period) return null;
    return loaders
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
  batchedTask(loaders: LoaderRegistry, taskId: string): Promise<InspectionTask | null> {
    return loaders
      .get<string, InspectionTask | null>('InspectionTask.byId', () => new DataLoader((ids: readonly string[]) =>
        rowsByIds(this.repository.createQueryBuilder('t'), 't', ids, toInspectionTask),
      ))
      .load(taskId);
  }
}
