import { HazardActionTaken, recordEvent } from '@campus/events';
import { Viewer } from '@campus/auth';
import { EntityManager } from 'typeorm';
import { SENSITIVE_HAZARD_CATEGORIES } from './hazard-enums';
import { HazardEntity } from './hazard.entity';

/** hazard.action-taken: who a step concerns, for responsibility-network's notifications (no title for a sensitive hazard). */
export async function recordHazardAction(manager: EntityManager, hazard: HazardEntity, viewer: Viewer, action: string, from: string, at: Date): Promise<void> {
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
