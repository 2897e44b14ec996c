import { newId, recentFirstKey, recentFirstPage, SqlCondition, subtreeCondition } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConnectionShape, decodeCursor, FieldProblem, NotFoundError, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, CreateRequest, lockTransition, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager, In } from 'typeorm';
import { PersonProjectionRow } from '../people/person-projection.entity';
import type { EducationSettings } from '../service';
import { DisputePartySide, DisputeStatus, RiskRegister, RiskRegisterAccessKind } from './dispute-enums';
import { DISPUTE_ACCESS, DISPUTE_PARTY_ACCESS, DISPUTE_TRANSITIONS, DisputeAction } from './dispute.access';
import { DisputeEntity, DisputeMediationEntity, StoredDisputeParty } from './dispute.entity';
import {
  AddDisputeMediationInput,
  CloseDisputeInput,
  DisputeFilter,
  DisputePartyInput,
  EscalateDisputeInput,
  RegisterDisputeInput,
  ResolveDisputeInput,
} from './dispute.inputs';
import { Dispute, toDispute } from './dispute.types';
import { logRiskRegisterAccess } from './risk-register-access-log';

/** The person kind a party of a side must have when named by id. */
const KIND_OF_SIDE: Partial<Record<DisputePartySide, string>> = { STUDENT: 'STUDENT', TEACHER: 'STAFF' };

function requireValid(problems: FieldProblem[]): void {
  if (problems.length) throw new BadUserInputError(problems);
}

/** 师生矛盾纠纷台账: restricted to its handlers; every read of a record is logged in the same request before it is returned. */
export class DisputeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  private today(): string {
    return calendarDateOf(this.settings.now());
  }

  private log(manager: EntityManager, caller: Caller, rows: DisputeEntity[], kind: RiskRegisterAccessKind): Promise<void> {
    return logRiskRegisterAccess(manager, caller, RiskRegister.DISPUTE, rows, kind, this.settings.now());
  }

  /**
   * One dispute; a refused attempt on one in the caller's scope (one they could read but for its restriction)
   * is logged too (as DENIED), and reads as NOT_FOUND.
   */
  async get(caller: Caller, id: string): Promise<Dispute> {
    const manager = this.dataSource.manager;
    const row = await manager.findOne(DisputeEntity, { where: { id } });
    try {
      DISPUTE_ACCESS.guard(caller, 'view', id, row);
    } catch (error) {
      if (row && error instanceof NotFoundError && DISPUTE_ACCESS.allows(caller, 'view', row.orgPath)) await this.log(manager, caller, [row], RiskRegisterAccessKind.DENIED);
      throw error;
    }
    await this.log(manager, caller, [row as DisputeEntity], RiskRegisterAccessKind.BY_ID);
    return toDispute(row as DisputeEntity);
  }

  /** The register, newest first; each dispute on the page is logged. Others in scope get only restrictedCount. */
  async list(caller: Caller, filter: DisputeFilter, first: number, after?: string | null): Promise<ConnectionShape<Dispute> & { restrictedCount: number }> {
    const filters = await this.filterConditions(caller, filter);
    const query = this.dataSource.getRepository(DisputeEntity).createQueryBuilder('d');
    for (const condition of [DISPUTE_ACCESS.where(caller, 'view', 'd.org_path'), ...filters]) query.andWhere(condition.sql, condition.params);
    const page = await recentFirstPage(query, 'd', first, decodeCursor(after, 2));
    await this.log(this.dataSource.manager, caller, page.rows.slice(0, first), RiskRegisterAccessKind.LIST);
    const hidden = this.dataSource.getRepository(DisputeEntity).createQueryBuilder('d');
    for (const condition of [DISPUTE_ACCESS.restrictedWhere(caller, 'view', 'd.org_path'), ...filters]) hidden.andWhere(condition.sql, condition.params);
    const restrictedCount = await hidden.getCount();
    return { ...toConnection(page.rows, first, page.totalCount, recentFirstKey, toDispute), restrictedCount };
  }

  async register(caller: Caller, input: RegisterDisputeInput): Promise<Dispute> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    DISPUTE_ACCESS.checkRole(caller, 'create', path);
    const problems: FieldProblem[] = input.foundOn > this.today() ? [{ field: 'foundOn', message: '发现日期不能晚于今天' }] : [];
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'registerDispute', input), async (manager) => {
      const parties = await this.parties(manager, caller, input.parties, problems);
      requireValid(problems);
      const registrar = caller.viewer.personId ? await manager.findOne(PersonProjectionRow, { where: { id: caller.viewer.personId } }) : null;
      const dispute = manager.create(DisputeEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        category: input.category,
        cause: input.cause,
        parties,
        foundOn: input.foundOn,
        foundBy: input.foundBy,
        registeredByAccountId: caller.viewer.accountId,
        registeredByName: registrar?.name ?? null,
        riskLevel: input.riskLevel,
        status: DisputeStatus.REGISTERED,
        outcomeOn: null,
        outcomeNote: null,
        escalatedTo: null,
        closedOn: null,
        closingNote: null,
      });
      await manager.save(dispute);
      return this.written(manager, caller, dispute);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** A mediation step (the dispute is then 调解中); it may reassess the risk level. */
  async mediate(caller: Caller, input: AddDisputeMediationInput): Promise<Dispute> {
    const request = clientRequest(caller.viewer, 'addDisputeMediation', input);
    return this.transition(caller, 'MEDIATE', input, async (manager, dispute) => {
      requireValid(this.dayProblems('occurredOn', input.occurredOn, dispute));
      await manager.insert(DisputeMediationEntity, {
        id: newId(),
        disputeId: dispute.id,
        occurredOn: input.occurredOn,
        mediator: input.mediator,
        action: input.action,
        outcome: input.outcome,
        recordedByAccountId: caller.viewer.accountId,
      });
      dispute.riskLevel = input.riskLevel ?? dispute.riskLevel;
    }, request);
  }

  async resolve(caller: Caller, input: ResolveDisputeInput): Promise<Dispute> {
    return this.transition(caller, 'RESOLVE', input, async (_manager, dispute) => {
      requireValid(this.dayProblems('resolvedOn', input.resolvedOn, dispute));
      dispute.outcomeOn = input.resolvedOn;
      dispute.outcomeNote = input.note;
    });
  }

  async escalate(caller: Caller, input: EscalateDisputeInput): Promise<Dispute> {
    return this.transition(caller, 'ESCALATE', input, async (_manager, dispute) => {
      requireValid(this.dayProblems('escalatedOn', input.escalatedOn, dispute));
      dispute.outcomeOn = input.escalatedOn;
      dispute.outcomeNote = input.reason;
      dispute.escalatedTo = input.escalatedTo;
    });
  }

  async close(caller: Caller, input: CloseDisputeInput): Promise<Dispute> {
    return this.transition(caller, 'CLOSE', input, async (_manager, dispute) => {
      requireValid(this.dayProblems('closedOn', input.closedOn, dispute));
      dispute.closedOn = input.closedOn;
      dispute.closingNote = input.note;
    });
  }

  /** Locks the dispute for one transition of the table (NOT_FOUND, FORBIDDEN, STALE_VERSION, ILLEGAL_TRANSITION), applies, saves, logs. */
  private async transition(
    caller: Caller,
    action: DisputeAction,
    ref: { id: string; version: number },
    change: (manager: EntityManager, dispute: DisputeEntity) => Promise<void>,
    request?: CreateRequest,
  ): Promise<Dispute> {
    const work = async (manager: EntityManager) => {
      const { row: dispute, next } = await lockTransition(DISPUTE_ACCESS, manager, caller, DISPUTE_TRANSITIONS, action, ref);
      await change(manager, dispute);
      dispute.status = next;
      await manager.save(dispute);
      return this.written(manager, caller, dispute);
    };
    if (!request) return this.dataSource.transaction(work);
    const outcome = await this.dataSource.transaction(oncePerRequest(request, work));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  private async written(manager: EntityManager, caller: Caller, dispute: DisputeEntity): Promise<Dispute> {
    await this.log(manager, caller, [dispute], RiskRegisterAccessKind.WRITE);
    return toDispute(dispute);
  }

  /**
   * The parties as stored: a person of the platform must be one the caller can see (else NOT_FOUND, as for an
   * unknown id), of the side's kind; an outsider needs a name.
   */
  private async parties(manager: EntityManager, caller: Caller, inputs: DisputePartyInput[], problems: FieldProblem[]): Promise<StoredDisputeParty[]> {
    const ids = inputs.flatMap((party) => (party.personId ? [party.personId] : []));
    const people = ids.length ? await manager.find(PersonProjectionRow, { where: { id: In(ids) } }) : [];
    return inputs.map((party, index) => {
      const field = `parties.${index}`;
      if (!party.personId) {
        if (!party.name) problems.push({ field: `${field}.name`, message: '校外当事人须填写姓名' });
        return { personId: null, name: party.name ?? '', side: party.side };
      }
      const person = people.find((row) => row.id === party.personId);
      if (!person || !DISPUTE_PARTY_ACCESS.allows(caller, 'view', person.orgPath)) throw new NotFoundError('人员', party.personId);
      const kind = KIND_OF_SIDE[party.side];
      if (kind && person.kind !== kind) problems.push({ field: `${field}.side`, message: party.side === 'STUDENT' ? '该人员不是学生' : '该人员不是教职工' });
      return { personId: person.id, name: person.name, side: party.side };
    });
  }

  /** A day of the dispute: not before it was found, not in the future. */
  private dayProblems(field: string, day: string, dispute: DisputeEntity): FieldProblem[] {
    if (day < dispute.foundOn) return [{ field, message: `日期不能早于发现日期 ${dispute.foundOn}` }];
    if (day > this.today()) return [{ field, message: '日期不能晚于今天' }];
    return [];
  }

  private async filterConditions(caller: Caller, filter: DisputeFilter): Promise<SqlCondition[]> {
    const conditions: SqlCondition[] = [];
    if (filter.orgUnitId) conditions.push(subtreeCondition('d.org_path', await visibleUnitPath(this.directory, caller, filter.orgUnitId), 'unitPath'));
    if (filter.status?.length) conditions.push({ sql: 'd.status IN (:...status)', params: { status: filter.status } });
    return conditions;
  }
}
