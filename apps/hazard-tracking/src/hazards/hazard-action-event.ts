import { HazardActionTaken, recordEvent } from '@campus/events';
import { Viewer } from '@campus/auth';
import { EntityManager } from 'typeorm';
import { SENSITIVE_HAZARD_CATEGORIES } from './hazard-enums';
import { HazardEntity } from './hazard.entity';

/** The steps that hand a hazard to someone: a plan naming the responsible person, its start, a failed acceptance. */
const NOTIFIED_ACTIONS: readonly string[] = ['SUBMIT_PLAN', 'START_RECTIFICATION', 'FAIL_ACCEPTANCE'];

/** hazard.action-taken: who a step concerns, for responsibility-network's notifications (no title for a sensitive hazard). */
export async function recordHazardAction(manager: EntityManager, hazard: HazardEntity, viewer: Viewer, action: string, from: string, at: Date): Promise<void> {
  if (!NOTIFIED_ACTIONS.includes(action)) return;
  const sensitive = SENSITIVE_HAZARD_CATEGORIES.includes(hazard.category);
  await recordEvent(manager, HazardActionTaken, hazard.id, {
    id: hazard.id,
    code: hazard.code,
    title: sensitive ? null : hazard.title,
    sensitive,
    orgUnitId: hazard.orgUnitId,
    orgPath: hazard.orgPath,
    action,
    from,
    to: hazard.status,
    deadline: hazard.deadline,
    responsiblePersonId: hazard.responsiblePersonId,
    rectifiedByPersonId: hazard.rectifiedByPersonId,
    actorPersonId: viewer.personId,
    at: at.toISOString(),
  });
}
