import { KeysetOrder, keysetPage, newId } from '@campus/database';
import { IncidentReported, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import { BadUserInputError, Caller, ConnectionShape, decodeCursor, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, lockTransition, oncePerRequest, requireTransition } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { reportDelayMinutes } from './incident-delay';
import { INCIDENT_ACCESS, INCIDENT_TRANSITIONS } from './incident.access';
import { IncidentEntity, IncidentFollowUpEntity } from './incident.entity';
import { AddIncidentFollowUpInput, CloseIncidentInput, IncidentFilter, ReportIncidentInput } from './incident.inputs';
import { Incident, IncidentFollowUp, toIncident, toIncidentFollowUp } from './incident.types';

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

  async get(caller: Caller, id: string): Promise<Incident> {
    return toIncident(await INCIDENT_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, filter: IncidentFilter, first: number, after?: string | null): Promise<ConnectionShape<Incident>> {
    if (filter.occurredFrom && filter.occurredTo && filter.occurredFrom > filter.occurredTo) {
      throw new BadUserInputError([{ field: 'occurredTo', message: '结束时间不能早于开始时间' }]);
    }
    const cursor = decodeCursor(after, 2);
    const scope = INCIDENT_ACCESS.where(caller, 'view', 'i.org_path');
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
    INCIDENT_ACCESS.checkRole(caller, 'REPORT', path);
    const { viewer } = caller;
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'reportIncident', input), async (manager) => {
      const incident = manager.create(IncidentEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        type: input.type,
        severity: input.severity,
        status: requireTransition(INCIDENT_TRANSITIONS, 'REPORT', null, null),
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
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** 续报: appends a follow-up to an open incident. */
  async addFollowUp(caller: Caller, input: AddIncidentFollowUpInput): Promise<Incident> {
    const { viewer } = caller;
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'addIncidentFollowUp', input), async (manager) => {
      const { row: incident } = await lockTransition(INCIDENT_ACCESS, manager, caller, INCIDENT_TRANSITIONS, 'FOLLOW_UP', input);
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
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** 结案: REPORTED → CLOSED with a conclusion; a closed incident stays closed. */
  async close(caller: Caller, input: CloseIncidentInput): Promise<Incident> {
    return this.dataSource.transaction(async (manager) => {
      const { row: incident, next: status } = await lockTransition(INCIDENT_ACCESS, manager, caller, INCIDENT_TRANSITIONS, 'CLOSE', input);
      Object.assign(incident, {
        status,
        conclusion: input.conclusion,
        closedAt: new Date(),
        closedByAccountId: caller.viewer.accountId,
      });
      await manager.save(incident);
      return toIncident(incident);
    });
  }

  /** Incident.followUps for every incident of a request in one statement, in order. */
  batchedFollowUps(caller: Caller, incidentId: string): Promise<IncidentFollowUp[]> {
    return caller.loaders
      .get<string, IncidentFollowUp[]>('Incident.followUps', () => new DataLoader(async (ids: readonly string[]) => {
        const followUps = await this.dataSource
          .getRepository(IncidentFollowUpEntity)
          .find({ where: { incidentId: In([...ids]) }, order: { incidentId: 'ASC', seq: 'ASC' } });
        return ids.map((id) => followUps.filter((followUp) => followUp.incidentId === id).map(toIncidentFollowUp));
      }))
      .load(incidentId);
  }
}
