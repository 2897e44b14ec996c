import { ADMIN_ROLES, HAZARD_REPORTER_ROLES, Role, Viewer } from '@campus/auth';
import { KeysetOrder, keysetPage, newId, orgScopeCondition } from '@campus/database';
import { IncidentReported, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import {
  BadUserInputError,
  Caller,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  ForbiddenError,
  LoaderRegistry,
  NotFoundError,
  toConnection,
  VersionedInput,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { reportDelayMinutes } from './incident-delay';
import { IncidentStatus } from './incident-enums';
import { IncidentEntity, IncidentFollowUpEntity } from './incident.entity';
import { AddIncidentFollowUpInput, CloseIncidentInput, IncidentFilter, ReportIncidentInput } from './incident.inputs';
import { Incident, IncidentFollowUp, toIncident, toIncidentFollowUp } from './incident.types';

/** Everyone may report an incident in their scope, except those who are only counsellors. */
export const INCIDENT_REPORTER_ROLES: readonly Role[] = HAZARD_REPORTER_ROLES;
/** Who follows an incident up and closes it: the unit's leader and safety officer, the school, the bureau. */
export const INCIDENT_MANAGER_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER, Role.UNIT_SAFETY_OFFICER];

/** Incidents are listed by occurrence, newest first; the cursor is [occurredAt ISO, id]. */
const OCCURRED_LATEST_FIRST: KeysetOrder = { column: 'occurred_at', direction: 'DESC', fromCursor: (value) => new Date(value) };

function occurredFirstKey(incident: IncidentEntity): [string, string] {
  return [incident.occurredAt.toISOString(), incident.id];
}

export class IncidentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly outbox: OutboxSignal,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(IncidentEntity);
  }

  async get(viewer: Viewer, id: string): Promise<Incident> {
    const incident = await this.repository.findOneBy({ id });
    if (!incident || !viewer.covers(incident.orgPath)) throw new NotFoundError('安全事件', id);
    return toIncident(incident);
  }

  async list(viewer: Viewer, filter: IncidentFilter, first: number, after?: string | null): Promise<ConnectionShape<Incident>> {
    if (filter.occurredFrom && filter.occurredTo && filter.occurredFrom > filter.occurredTo) {
      throw new BadUserInputError([{ field: 'occurredTo', message: '结束时间不能早于开始时间' }]);
    }
    const cursor = decodeCursor(after, 2);
    const scope = orgScopeCondition('i.org_path', viewer.scopePaths);
    const query = this.repository.createQueryBuilder('i').where(scope.sql, scope.params);
    if (filter.severities?.length) query.andWhere('i.severity IN (:...severities)', { severities: filter.severities });
    if (filter.types?.length) query.andWhere('i.type IN (:...types)', { types: filter.types });
    if (filter.occurredFrom) query.andWhere('i.occurred_at >= :occurredFrom', { occurredFrom: filter.occurredFrom });
    if (filter.occurredTo) query.andWhere('i.occurred_at <= :occurredTo', { occurredTo: filter.occurredTo });
    const page = await keysetPage(query, 'i', OCCURRED_LATEST_FIRST, first, cursor);
    return toConnection(page.rows, first, page.totalCount, occurredFirstKey, toIncident);
  }

  /** 初报: records the incident and IncidentReported in one transaction; the report delay is fixed here. */
  async report(caller: Caller, input: ReportIncidentInput): Promise<Incident> {
    const reportedAt = input.reportedAt ?? new Date();
    if (reportedAt < input.occurredAt) {
      throw new BadUserInputError([{ field: 'reportedAt', message: '报告时间不能早于发生时间' }]);
    }
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    const { viewer } = caller;
    if (!viewer.hasRoleAt(INCIDENT_REPORTER_ROLES, path)) throw new ForbiddenError('您无权报告该单位的安全事件');
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const incident = manager.create(IncidentEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        type: input.type,
        severity: input.severity,
        status: IncidentStatus.REPORTED,
        occurredAt: input.occurredAt,
        reportedAt,
        reportDelayMinutes: reportDelayMinutes(input.occurredAt, reportedAt),
        placeText: input.placeText,
        deaths: input.deaths,
        injuries: input.injuries,
        description: input.description,
        immediateMeasures: input.immediateMeasures,
        reporterAccountId: viewer.accountId,
        reporterPersonId: viewer.personId,
        followUpCount: 0,
        conclusion: null,
        closedAt: null,
        closedByAccountId: null,
      });
      await manager.save(incident);
      await recordEvent(manager, IncidentReported, incident.id, {
        id: incident.id,
        orgUnitId: incident.orgUnitId,
        orgPath: incident.orgPath,
        type: incident.type,
        severity: incident.severity,
        occurredAt: incident.occurredAt.toISOString(),
        reportedAt: incident.reportedAt.toISOString(),
        reportDelayMinutes: incident.reportDelayMinutes,
        deaths: incident.deaths,
        injuries: incident.injuries,
      });
      return toIncident(incident);
    });
  }

  /** 续报: appends a follow-up to an open incident. */
  async addFollowUp(viewer: Viewer, input: AddIncidentFollowUpInput): Promise<Incident> {
    return this.dataSource.transaction(async (manager) => {
      const incident = await this.lockForChange(manager, viewer, input);
      if (incident.status !== IncidentStatus.REPORTED) {
        throw new ConflictError('ILLEGAL_TRANSITION', '事件已结案，不能再续报', { id: incident.id, status: incident.status });
      }
      const now = new Date();
      const at = input.at ?? now;
      if (at < incident.occurredAt) throw new BadUserInputError([{ field: 'at', message: '续报时间不能早于事件发生时间' }]);
      incident.followUpCount += 1;
      await manager.insert(IncidentFollowUpEntity, {
        id: newId(),
        incidentId: incident.id,
        seq: incident.followUpCount,
        content: input.content,
        at,
        authorAccountId: viewer.accountId,
        authorPersonId: viewer.personId,
        recordedAt: now,
      });
      await manager.save(incident);
      return toIncident(incident);
    });
  }

  /** 结案: REPORTED → CLOSED with a conclusion; a closed incident stays closed. */
  async close(viewer: Viewer, input: CloseIncidentInput): Promise<Incident> {
    return this.dataSource.transaction(async (manager) => {
      const incident = await this.lockForChange(manager, viewer, input);
      if (incident.status !== IncidentStatus.REPORTED) {
        throw new ConflictError('ILLEGAL_TRANSITION', '事件已结案', { id: incident.id, status: incident.status });
      }
      Object.assign(incident, {
        status: IncidentStatus.CLOSED,
        conclusion: input.conclusion,
        closedAt: new Date(),
        closedByAccountId: viewer.accountId,
      });
      await manager.save(incident);
      return toIncident(incident);
    });
  }

  /** Incident.followUps for every incident of a request in one statement, in order. */
  batchedFollowUps(loaders: LoaderRegistry, incidentId: string): Promise<IncidentFollowUp[]> {
    return loaders
      .get<string, IncidentFollowUp[]>('Incident.followUps', () => new DataLoader(async (ids: readonly string[]) => {
        const followUps = await this.dataSource
          .getRepository(IncidentFollowUpEntity)
          .find({ where: { incidentId: In([...ids]) }, order: { incidentId: 'ASC', seq: 'ASC' } });
        return ids.map((id) => followUps.filter((followUp) => followUp.incidentId === id).map(toIncidentFollowUp));
      }))
      .load(incidentId);
  }

  private async lockForChange(manager: EntityManager, viewer: Viewer, input: VersionedInput): Promise<IncidentEntity> {
    const incident = await manager.findOne(IncidentEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
    if (!incident || !viewer.covers(incident.orgPath)) throw new NotFoundError('安全事件', input.id);
    if (!viewer.hasRoleAt(INCIDENT_MANAGER_ROLES, incident.orgPath)) throw new ForbiddenError('您无权处理该安全事件');
    if (incident.version !== input.version) {
      throw new ConflictError('STALE_VERSION', '安全事件已被他人修改，请刷新后重试', { id: incident.id, currentVersion: incident.version });
    }
    return incident;
  }
}
