import { newId } from '@campus/database';
import { HazardStatusChanged, recordEvent } from '@campus/events';
import { EntityManager } from 'typeorm';
import { HazardStatus } from './hazard-enums';
import { HazardStepEntity } from './hazard-loop.entity';
import { recordHazardChange } from './hazard-rollup';
import { HazardAction } from './hazard-transitions';
import { HazardEntity } from './hazard.entity';

/** Who took a step: a signed-in viewer, or the system account for hazards raised by other services' events. */
export interface StepActor {
  accountId: string;
  personId: string | null;
}

export interface StepFacts {
  action: HazardAction;
  from: HazardStatus | null;
  to: HazardStatus;
  comment?: string | null;
  evidence?: string[];
  at?: Date;
}

/**
 * Appends a step to the hazard's history (the caller holds the hazard row lock, so seq is free) and, when
 * the status changes, the HazardStatusChanged event, in the caller's transaction. Steps are never updated.
 */
export async function appendStep(manager: EntityManager, hazard: HazardEntity, actor: StepActor, facts: StepFacts): Promise<HazardStepEntity> {
  const [{ last }] = await manager.query('SELECT COALESCE(MAX(seq), 0) AS last FROM hazard_step WHERE hazard_id = ?', [hazard.id]);
  const at = facts.at ?? new Date();
  const step = manager.create(HazardStepEntity, {
    id: newId(),
    hazardId: hazard.id,
    seq: Number(last) + 1,
    action: facts.action,
    fromStatus: facts.from,
    toStatus: facts.to,
    actorAccountId: actor.accountId,
    actorPersonId: actor.personId,
    comment: facts.comment ?? null,
    evidence: facts.evidence ?? [],
    at,
  });
  await manager.insert(HazardStepEntity, step);
  if (facts.from !== null && facts.from !== facts.to) {
    await recordHazardChange(manager, hazard, facts.to, at);
    await recordEvent(manager, HazardStatusChanged, hazard.id, {
      id: hazard.id,
      orgUnitId: hazard.orgUnitId,
      orgPath: hazard.orgPath,
      grade: hazard.grade,
      from: facts.from,
      to: facts.to,
      changedAt: at.toISOString(),
      reason: facts.comment ?? null,
    });
  }
  return step;
}
