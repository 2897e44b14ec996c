import { newId } from '@campus/database';
import { OutboxSignal, recordEvent, SupervisionFindingRaised, transactionWithEvents } from '@campus/events';
import { BadUserInputError, Caller, calendarDateOf, ConflictError } from '@campus/graphql';
import { clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { FINDING_CATEGORY_LABELS } from './supervision-enums';
import { FINDING_ACCESS, SUPERVISION_ACCESS, SUPERVISION_TRANSITIONS } from './supervision.access';
import { SupervisionEntity, SupervisionFindingEntity, SupervisionUnitEntity } from './supervision.entity';
import { RaiseSupervisionFindingInput, RecordSupervisionFindingInput } from './supervision.inputs';
import { SupervisionFinding, toFinding } from './supervision.types';

/** Findings of an inspection under way, and raising them as hazards in hazard-tracking (supervision.finding-raised). */
export class SupervisionFindings {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  /** Records a finding in one of the inspected units, numbered within the inspection; raises it at once when asked. */
  async record(caller: Caller, input: RecordSupervisionFindingInput): Promise<SupervisionFinding> {
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'recordSupervisionFinding', input), async (manager) => {
      const { row: supervision } = await lockTransition(SUPERVISION_ACCESS, manager, caller, SUPERVISION_TRANSITIONS, 'RECORD_FINDING', {
        id: input.supervisionId,
      });
      const unit = await manager.findOneBy(SupervisionUnitEntity, { supervisionId: supervision.id, orgUnitId: input.orgUnitId });
      if (!unit) throw new ConflictError('OUTSIDE_RANGE', '问题所在单位须为本次检查的被检查单位', { orgUnitId: input.orgUnitId });
      if (input.deadline < calendarDateOf(new Date())) throw new BadUserInputError([{ field: 'deadline', message: '整改期限不能早于今天' }]);
      const [{ last }] = await manager.query('SELECT COALESCE(MAX(seq), 0) AS last FROM supervision_finding WHERE supervision_id = ?', [supervision.id]);
      const finding = manager.create(SupervisionFindingEntity, {
        id: newId(),
        supervisionId: supervision.id,
        seq: Number(last) + 1,
        orgUnitId: unit.orgUnitId,
        orgPath: unit.orgPath,
        placeText: input.placeText.trim(),
        placeId: input.placeId ?? null,
        category: input.category,
        severity: input.severity,
        description: input.description.trim(),
        deadline: input.deadline,
        recordedByAccountId: caller.viewer.accountId,
        recordedByPersonId: caller.viewer.personId,
        raisedAt: input.raiseAsHazard ? new Date() : null,
      });
      await manager.save(finding);
      if (finding.raisedAt) await recordRaised(manager, caller, supervision, finding);
      return toFinding(finding);
    }));
    return outcome.created ?? toFinding(await this.dataSource.manager.findOneByOrFail(SupervisionFindingEntity, { id: outcome.id }));
  }

  /** Raises a finding not raised yet: once (a second raise is DUPLICATE). */
  async raise(caller: Caller, input: RaiseSupervisionFindingInput): Promise<SupervisionFinding> {
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'raiseSupervisionFinding', input), async (manager) => {
      const found = await FINDING_ACCESS.find(manager, caller, 'view', input.findingId);
      const { row: supervision } = await lockTransition(SUPERVISION_ACCESS, manager, caller, SUPERVISION_TRANSITIONS, 'RAISE_FINDING', {
        id: found.supervisionId,
      });
      // Re-read under the inspection's lock: a concurrent raise of the same finding has committed by now.
      const finding = (await manager.findOneBy(SupervisionFindingEntity, { id: found.id })) as SupervisionFindingEntity;
      if (finding.raisedAt) throw new ConflictError('DUPLICATE', '该问题已转为隐患', { findingId: finding.id });
      finding.raisedAt = new Date();
      await manager.save(finding);
      await recordRaised(manager, caller, supervision, finding);
      return toFinding(finding);
    }));
    return outcome.created ?? toFinding(await this.dataSource.manager.findOneByOrFail(SupervisionFindingEntity, { id: outcome.id }));
  }
}

/** supervision.finding-raised: hazard-tracking registers it as a hazard of the inspected unit linked to the finding (SUPERVISION_FINDING). */
async function recordRaised(manager: EntityManager, caller: Caller, supervision: SupervisionEntity, finding: SupervisionFindingEntity): Promise<void> {
  const title = `督导检查发现${FINDING_CATEGORY_LABELS[finding.category]}问题：${finding.description}`;
  await recordEvent(manager, SupervisionFindingRaised, finding.id, {
    id: finding.id,
    supervisionId: supervision.id,
    supervisionTitle: supervision.title,
    raisedAt: (finding.raisedAt as Date).toISOString(),
    orgUnitId: finding.orgUnitId,
    orgPath: finding.orgPath,
    title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
    description: `${finding.description}\n整改期限：${finding.deadline}（${supervision.title}，问题 ${finding.seq}）`.slice(0, 5000),
    category: finding.category,
    grade: finding.severity,
    placeText: finding.placeText,
    placeId: finding.placeId,
    raisedByPersonId: caller.viewer.personId,
  });
}
