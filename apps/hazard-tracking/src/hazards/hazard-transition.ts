import { HazardStatusChanged, recordEvent } from '@campus/events';
import { Caller } from '@campus/graphql';
import { lockTransition } from '@campus/server';
import { EntityManager } from 'typeorm';
import { HazardStatus } from './hazard-enums';
import { HAZARD_ACCESS, HAZARD_TRANSITIONS, HazardTransitionAction, stepsOf } from './hazard.access';
import { HazardEntity } from './hazard.entity';
import { HazardExtensions } from './hazard-extensions';
import { recordHazardChange } from './hazard-rollup';
import { appendStep } from './hazard-steps';
import { recordHazardAction } from './hazard-action-event';

/** The hazard to change, the version the client read, and what its steps record. */
export interface HazardTransitionRequest {
  id: string;
  version: number;
  comment?: string | null;
  evidence?: readonly string[];
}

/**
 * An action's own rule, run on the locked row once scope, role, version and state are settled: it refuses
 * (PLAN_INCOMPLETE, SELF_ACCEPTANCE, MAJOR_HAZARD_RULE…) or sets the fields the action changes.
 */
export type HazardGuard = (manager: EntityManager, hazard: HazardEntity) => Promise<void> | void;

/**
 * The one way a hazard changes state, in the caller's transaction:
 *  1. lock the row with HAZARD_ACCESS: NOT_FOUND, FORBIDDEN, STALE_VERSION;
 *  2. the table's transition: ILLEGAL_TRANSITION;
 *  3. the action's guard;
 *  4. save the new state, bumping the version;
 *  5. append the action's steps (several for 即查即改), the evidence going to the last;
 *  6. for each change of status, the monthly rollup and the hazard.status-changed event.
 */
export async function applyHazardTransition(
  manager: EntityManager,
  caller: Caller,
  action: HazardTransitionAction,
  request: HazardTransitionRequest,
  extensions: HazardExtensions,
  guard?: HazardGuard,
): Promise<HazardEntity> {
  const { row: locked, next: to } = await lockTransition(HAZARD_ACCESS, manager, caller, HAZARD_TRANSITIONS, action, request);
  const from = locked.status;
  await guard?.(manager, locked);
  locked.status = to;
  const hazard = await saveHazardState(manager, locked);

  const at = new Date();
  const changes: { from: HazardStatus; to: HazardStatus }[] = [];
  let stepFrom = from;
  let lastStepId = '';
  for (const step of stepsOf(action)) {
    const stepTo = HAZARD_TRANSITIONS[step].to ?? stepFrom;
    const facts = { action: step, from: stepFrom, to: stepTo, comment: request.comment, evidence: request.evidence, at };
    lastStepId = (await appendStep(manager, hazard, caller.viewer, facts)).id;
    if (stepTo !== stepFrom) changes.push({ from: stepFrom, to: stepTo });
    stepFrom = stepTo;
  }
  await extensions.attachStepEvidence(manager, hazard.id, lastStepId, request.evidence ?? []);

  for (const change of changes) {
    await recordHazardChange(manager, hazard, change.to, at);
    await recordEvent(manager, HazardStatusChanged, hazard.id, {
      id: hazard.id,
      orgUnitId: hazard.orgUnitId,
      orgPath: hazard.orgPath,
      grade: hazard.grade,
      from: change.from,
      to: change.to,
      version: hazard.version,
      changedAt: at.toISOString(),
      reason: request.comment ?? null,
      deadline: hazard.deadline,
    });
  }
  await recordHazardAction(manager, hazard, caller.viewer, action, from, at);
  return hazard;
}

/** Writes the columns a transition may change and bumps the version (even when only the plan changed). */
async function saveHazardState(manager: EntityManager, hazard: HazardEntity): Promise<HazardEntity> {
  await manager.query(
    `UPDATE hazard SET status = ?, category = ?, grade = ?, failed_acceptances = ?, rectified_by_person_id = ?, responsible_person_id = ?,
       deadline = ?, void_reason = ?, version = version + 1 WHERE id = ? AND version = ?`,
    [
      hazard.status,
      hazard.category,
      hazard.grade,
      hazard.failedAcceptances,
      hazard.rectifiedByPersonId,
      hazard.responsiblePersonId,
      hazard.deadline,
      hazard.voidReason,
      hazard.id,
      hazard.version,
    ],
  );
  return manager.findOneByOrFail(HazardEntity, { id: hazard.id });
}
