import { newId, recentFirstKey, recentFirstPage, subtreeCondition } from '@campus/database';
import { AccountabilityRecorded, AccountabilityRevoked, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import { Caller, ConnectionShape, decodeCursor, NotFoundError, schoolDayEnd, schoolDayStart, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, lockTransition, oncePerRequest, requireTransition } from '@campus/server';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccountabilityTargetKind } from './accountability-enums';
import { ACCOUNTABILITY_LOCKER, ACCOUNTABILITY_POLICY, ACCOUNTABILITY_TRANSITIONS, AccountabilityAction, readableRecordsCondition, readsRecord } from './accountability.access';
import { AccountabilityRecordEntity } from './accountability.entity';
import { AccountabilityDecisionInput, AccountabilityRecordFilter, ConfirmAccountabilityInput, RecordAccountabilityInput } from './accountability.inputs';
import { issuingUnit, recordTarget } from './accountability-targets';
import { AccountabilityRecord, toAccountabilityRecord } from './accountability.types';

/** The records' filter as SQL on the alias: the target unit's subtree, reasons, measures, states, issue dates. */
export async function applyRecordFilter(
  query: SelectQueryBuilder<AccountabilityRecordEntity>,
  alias: string,
  directory: OrgUnitDirectory,
  caller: Caller,
  filter: AccountabilityRecordFilter,
): Promise<void> {
  if (filter.orgUnitId) {
    const subtree = subtreeCondition(`${alias}.org_path`, await visibleUnitPath(directory, caller, filter.orgUnitId), 'targetSubtree');
    query.andWhere(subtree.sql, subtree.params);
  }
  if (filter.reason?.length) query.andWhere(`${alias}.reason IN (:...reasons)`, { reasons: filter.reason });
  if (filter.measure?.length) query.andWhere(`${alias}.measure IN (:...measures)`, { measures: filter.measure });
  if (filter.status?.length) query.andWhere(`${alias}.status IN (:...statuses)`, { statuses: filter.status });
  if (filter.from) query.andWhere(`${alias}.issued_at >= :issuedFrom`, { issuedFrom: schoolDayStart(filter.from) });
  if (filter.to) query.andWhere(`${alias}.issued_at < :issuedTo`, { issuedTo: schoolDayEnd(filter.to) });
}

/** 问责/通报: records made by hand or proposed by the platform, confirmed, dismissed or revoked by the issuing unit. */
export class AccountabilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly outbox: OutboxSignal,
  ) {}

  async get(caller: Caller, id: string): Promise<AccountabilityRecord> {
    const row = await this.dataSource.manager.findOneBy(AccountabilityRecordEntity, { id });
    if (!row || !readsRecord(caller, row)) throw new NotFoundError(ACCOUNTABILITY_POLICY.label, id);
    return toAccountabilityRecord(row);
  }

  async list(caller: Caller, filter: AccountabilityRecordFilter, first: number, after?: string | null): Promise<ConnectionShape<AccountabilityRecord>> {
    const query = this.dataSource.getRepository(AccountabilityRecordEntity).createQueryBuilder('r');
    const readable = readableRecordsCondition(caller, 'r');
    query.where(readable.sql, readable.params);
    await applyRecordFilter(query, 'r', this.directory, caller, filter);
    const page = await recentFirstPage(query, 'r', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toAccountabilityRecord);
  }

  /** 提出问责 by hand: against a unit below the issuing unit, or a person of one; it waits for confirmation (待确认). */
  async record(caller: Caller, input: RecordAccountabilityInput): Promise<AccountabilityRecord> {
    const target = await recordTarget(this.dataSource.manager, this.directory, caller, input);
    const issuing = await issuingUnit(this.directory, caller, target, input.issuingUnitId);
    const status = requireTransition(ACCOUNTABILITY_TRANSITIONS, 'RECORD', null, null);
    const record = this.dataSource.manager.create(AccountabilityRecordEntity, {
      id: newId(),
      orgUnitId: target.orgUnitId,
      orgPath: target.orgPath,
      targetKind: target.kind,
      personId: target.kind === AccountabilityTargetKind.PERSON ? target.personId : null,
      issuingUnitId: issuing.orgUnitId,
      issuingPath: issuing.orgPath,
      reason: input.reason,
      measure: input.measure,
      description: input.description.trim(),
      evidence: input.evidence.map((item) => ({ kind: item.kind, refId: item.refId.trim(), label: item.label?.trim() || null })),
      status,
      sourceKind: null,
      sourceId: null,
      issuedByAccountId: caller.viewer.accountId,
      issuedByPersonId: caller.viewer.personId,
      issuedAt: new Date(),
    });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'recordAccountability', input), async (manager) => {
      await manager.save(record);
      return toAccountabilityRecord(record);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** 确认，记录在案: accountability.recorded goes out with the change. */
  confirm(caller: Caller, input: ConfirmAccountabilityInput): Promise<AccountabilityRecord> {
    return this.step(caller, 'CONFIRM', input, async (record, manager) => {
      if (input.measure) record.measure = input.measure;
      this.decided(caller, record, input.note?.trim() || null);
      await recordEvent(manager, AccountabilityRecorded, record.id, { ...eventFacts(record), confirmedAt: (record.decidedAt as Date).toISOString() });
    });
  }

  /** 不予问责, with the reason. */
  dismiss(caller: Caller, input: AccountabilityDecisionInput): Promise<AccountabilityRecord> {
    return this.step(caller, 'DISMISS', input, (record) => this.decided(caller, record, input.reason.trim()));
  }

  /** 撤销 a record on file, with the reason: accountability.revoked goes out with the change. */
  revoke(caller: Caller, input: AccountabilityDecisionInput): Promise<AccountabilityRecord> {
    return this.step(caller, 'REVOKE', input, async (record, manager) => {
      record.revokedAt = new Date();
      record.revokedByAccountId = caller.viewer.accountId;
      record.revokeReason = input.reason.trim();
      await recordEvent(manager, AccountabilityRevoked, record.id, { ...eventFacts(record), revokedAt: record.revokedAt.toISOString() });
    });
  }

  private decided(caller: Caller, record: AccountabilityRecordEntity, note: string | null): void {
    record.decidedAt = new Date();
    record.decidedByAccountId = caller.viewer.accountId;
    record.decidedByPersonId = caller.viewer.personId;
    record.decisionNote = note;
  }

  private step(
    caller: Caller,
    action: AccountabilityAction,
    ref: { id: string; version: number },
    apply: (record: AccountabilityRecordEntity, manager: EntityManager) => void | Promise<void>,
  ): Promise<AccountabilityRecord> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { row: record, next } = await lockTransition(ACCOUNTABILITY_LOCKER, manager, caller, ACCOUNTABILITY_TRANSITIONS, action, ref);
      record.status = next;
      await apply(record, manager);
      await manager.save(record);
      return toAccountabilityRecord(record);
    });
  }
}

/** The event's facts: ids, unit and path, reason and measure; never a name. */
function eventFacts(record: AccountabilityRecordEntity) {
  return {
    id: record.id,
    targetKind: record.targetKind,
    targetId: record.targetKind === AccountabilityTargetKind.PERSON ? (record.personId as string) : record.orgUnitId,
    orgUnitId: record.orgUnitId,
    orgPath: record.orgPath,
    issuingUnitId: record.issuingUnitId,
    reason: record.reason,
    measure: record.measure,
  };
}
