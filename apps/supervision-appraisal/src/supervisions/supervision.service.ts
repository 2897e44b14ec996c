import { newId, recentFirstKey, recentFirstPage, subtreeCondition } from '@campus/database';
import { Caller, ConflictError, ConnectionShape, decodeCursor, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { auditedDelete, clientRequest, lockTransition, oncePerRequest, requireTransition } from '@campus/server';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { checkDates, checkSupervisionGroup, cleanItems, InspectedUnit, inspectedUnits } from './supervision-checks';
import { findVisibleSupervision, visibleSupervisionCondition } from './supervision-visibility';
import { SUPERVISION_ACCESS, SUPERVISION_TRANSITIONS, SupervisionAction } from './supervision.access';
import { SupervisionEntity, SupervisionFindingEntity, SupervisionUnitEntity } from './supervision.entity';
import {
  CancelSupervisionInput,
  PlanSupervisionInput,
  ReportSupervisionInput,
  SupervisionFilter,
  SupervisionStepInput,
  UpdateSupervisionInput,
} from './supervision.inputs';
import { SupervisionInspection, toSupervision } from './supervision.types';

/** Inspections from plan to close: planning and editing, the steps of the state machine, lists. Findings are SupervisionFindings'. */
export class SupervisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async get(caller: Caller, id: string): Promise<SupervisionInspection> {
    return toSupervision(await findVisibleSupervision(this.dataSource.manager, caller, id));
  }

  async list(caller: Caller, filter: SupervisionFilter, first: number, after?: string | null): Promise<ConnectionShape<SupervisionInspection>> {
    const query = this.dataSource.getRepository(SupervisionEntity).createQueryBuilder('s');
    const visible = visibleSupervisionCondition(caller, 's');
    query.where(visible.sql, visible.params);
    if (filter.orgUnitId) {
      const subtree = subtreeCondition('s.org_path', await visibleUnitPath(this.directory, caller, filter.orgUnitId), 'organiserPath');
      query.andWhere(subtree.sql, subtree.params);
    }
    if (filter.inspectedUnitId) {
      query.andWhere('EXISTS (SELECT 1 FROM supervision_unit fu WHERE fu.supervision_id = s.id AND fu.org_unit_id = :inspectedUnitId)', {
        inspectedUnitId: filter.inspectedUnitId,
      });
    }
    if (filter.status?.length) query.andWhere('s.status IN (:...statuses)', { statuses: filter.status });
    const page = await recentFirstPage(query, 's', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toSupervision);
  }

  async plan(caller: Caller, input: PlanSupervisionInput): Promise<SupervisionInspection> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    SUPERVISION_ACCESS.checkRole(caller, 'PLAN', path);
    const status = requireTransition(SUPERVISION_TRANSITIONS, 'PLAN', null, null);
    checkDates(input.startsOn, input.endsOn);
    const units = await inspectedUnits(this.directory, caller, path, input.inspectedUnitIds);
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'planSupervision', input), async (manager) => {
      await checkSupervisionGroup(manager, input.supervisionGroupId, path);
      const supervision = manager.create(SupervisionEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        title: input.title.trim(),
        supervisionGroupId: input.supervisionGroupId,
        campaignId: input.campaignId ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        focusAreas: cleanItems(input.focusAreas),
        checklist: cleanItems(input.checklist),
        status,
        summary: null,
        startedAt: null,
        reportedAt: null,
        closedAt: null,
        cancelReason: null,
      });
      await manager.save(supervision);
      await this.saveUnits(manager, supervision.id, units);
      return toSupervision(supervision);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  async update(caller: Caller, input: UpdateSupervisionInput): Promise<SupervisionInspection> {
    const units = input.inspectedUnitIds ? await this.unitsForUpdate(caller, input.id, input.inspectedUnitIds) : null;
    return this.dataSource.transaction(async (manager) => {
      const { row: supervision } = await this.lock(manager, caller, 'EDIT', input);
      checkDates(input.startsOn ?? supervision.startsOn, input.endsOn ?? supervision.endsOn);
      if (input.supervisionGroupId && input.supervisionGroupId !== supervision.supervisionGroupId) {
        await checkSupervisionGroup(manager, input.supervisionGroupId, supervision.orgPath);
        supervision.supervisionGroupId = input.supervisionGroupId;
      }
      if (units) await this.replaceUnits(manager, supervision, units);
      if (input.campaignId || input.clearCampaign) supervision.campaignId = input.campaignId ?? null;
      supervision.title = input.title?.trim() ?? supervision.title;
      supervision.startsOn = input.startsOn ?? supervision.startsOn;
      supervision.endsOn = input.endsOn ?? supervision.endsOn;
      if (input.focusAreas) supervision.focusAreas = cleanItems(input.focusAreas);
      if (input.checklist) supervision.checklist = cleanItems(input.checklist);
      // Units and list items live outside the row's plain columns: touching it makes the version count every change.
      supervision.updatedAt = new Date();
      await manager.save(supervision);
      return toSupervision(supervision);
    });
  }

  async start(caller: Caller, input: SupervisionStepInput): Promise<SupervisionInspection> {
    return this.step(caller, 'START', input, (supervision) => {
      supervision.startedAt = new Date();
    });
  }

  /** 出具督查报告: the conclusion; findings may still be raised as hazards afterwards. */
  async report(caller: Caller, input: ReportSupervisionInput): Promise<SupervisionInspection> {
    return this.step(caller, 'REPORT', input, (supervision) => {
      supervision.summary = input.summary.trim();
      supervision.reportedAt = new Date();
    });
  }

  async close(caller: Caller, input: SupervisionStepInput): Promise<SupervisionInspection> {
    return this.step(caller, 'CLOSE', input, (supervision) => {
      supervision.closedAt = new Date();
    });
  }

  async cancel(caller: Caller, input: CancelSupervisionInput): Promise<SupervisionInspection> {
    return this.step(caller, 'CANCEL', input, async (supervision, manager) => {
      const raised = await manager.countBy(SupervisionFindingEntity, { supervisionId: supervision.id, raisedAt: Not(IsNull()) });
      if (raised > 0) throw new ConflictError('IN_USE', '已有问题转为隐患交单位整改，不能取消督导检查', { id: supervision.id });
      supervision.cancelReason = input.reason.trim();
    });
  }

  private async step(
    caller: Caller,
    action: SupervisionAction,
    input: SupervisionStepInput,
    apply: (supervision: SupervisionEntity, manager: EntityManager) => void | Promise<void>,
  ): Promise<SupervisionInspection> {
    return this.dataSource.transaction(async (manager) => {
      const { row: supervision, next } = await this.lock(manager, caller, action, input);
      await apply(supervision, manager);
      supervision.status = next;
      await manager.save(supervision);
      return toSupervision(supervision);
    });
  }

  private lock(manager: EntityManager, caller: Caller, action: SupervisionAction, input: SupervisionStepInput) {
    return lockTransition(SUPERVISION_ACCESS, manager, caller, SUPERVISION_TRANSITIONS, action, input);
  }

  /** The new units, checked against the organiser before the transaction (the directory may ask responsibility-network). */
  private async unitsForUpdate(caller: Caller, id: string, unitIds: string[]): Promise<InspectedUnit[]> {
    const supervision = await SUPERVISION_ACCESS.find(this.dataSource.manager, caller, 'EDIT', id);
    return inspectedUnits(this.directory, caller, supervision.orgPath, unitIds);
  }

  /** Replaces the inspected units; a unit with findings stays (IN_USE). */
  private async replaceUnits(manager: EntityManager, supervision: SupervisionEntity, units: InspectedUnit[]): Promise<void> {
    const kept = new Set(units.map((unit) => unit.orgUnitId));
    const current = await manager.findBy(SupervisionUnitEntity, { supervisionId: supervision.id });
    const removed = current.filter((unit) => !kept.has(unit.orgUnitId)).map((unit) => unit.orgUnitId);
    if (removed.length) {
      const withFindings = await manager.countBy(SupervisionFindingEntity, { supervisionId: supervision.id, orgUnitId: In(removed) });
      if (withFindings > 0) throw new ConflictError('IN_USE', '已有问题记录的被检查单位不能移除', { id: supervision.id });
    }
    await auditedDelete(manager, SupervisionUnitEntity, { supervisionId: supervision.id });
    await this.saveUnits(manager, supervision.id, units);
  }

  private async saveUnits(manager: EntityManager, supervisionId: string, units: InspectedUnit[]): Promise<void> {
    await manager.insert(SupervisionUnitEntity, units.map((unit) => ({ supervisionId, ...unit })));
  }
}
