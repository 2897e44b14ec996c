import { newId } from '@campus/database';
import { EntityManager } from 'typeorm';
import { HazardAction, HazardStatus } from './hazard-enums';
import { HazardStepEntity } from './hazard-loop.entity';
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
  evidence?: readonly string[];
  at?: Date;
}

/** Appends a step to the hazard's history (the caller holds the hazard row lock, so seq is free). Steps are never updated. */
export async function appendStep(manager: EntityManager, hazard: HazardEntity, actor: StepActor, facts: StepFacts): Promise<HazardStepEntity> {
  const [{ last }] = await manager.query('SELECT COALESCE(MAX(seq), 0) AS last FROM hazard_step WHERE hazard_id = ?', [hazard.id]);
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
    evidence: [...(facts.evidence ?? [])],
    at: facts.at ?? new Date(),
  });
  await manager.insert(HazardStepEntity, step);
  return step;
}
