import { DrillProblemFound, EventHandler, on, PayloadOf, SupervisionFindingRaised } from '@campus/events';
import { EntityManager } from 'typeorm';
import { HazardCategory, HazardGrade, HazardSource } from '../hazards/hazard-enums';
import { insertHazard } from '../hazards/hazard-creation';

/** Hazards raised by other services are registered by this account (steps name it as the actor). */
export const SYSTEM_ACTOR = { accountId: 'system', personId: null };

type RaisedHazard = PayloadOf<typeof DrillProblemFound> | PayloadOf<typeof SupervisionFindingRaised>;

function categoryOf(value: string): HazardCategory {
  return (Object.values(HazardCategory) as string[]).includes(value) ? (value as HazardCategory) : HazardCategory.OTHER;
}

async function registerRaised(
  manager: EntityManager,
  raised: RaisedHazard,
  source: HazardSource,
  sourceRef: { type: string; id: string },
  discoveredAt: string,
): Promise<void> {
  const [existing] = await manager.query('SELECT id FROM hazard WHERE source_ref_type = ? AND source_ref_id = ?', [sourceRef.type, sourceRef.id]);
  if (existing) return;
  await insertHazard(
    manager,
    {
      orgUnitId: raised.orgUnitId,
      orgPath: raised.orgPath,
      title: raised.title,
      description: raised.description,
      category: categoryOf(raised.category),
      grade: raised.grade as HazardGrade,
      source,
      placeText: raised.placeText,
      placeId: raised.placeId,
      discoveredAt: new Date(discoveredAt),
      discoveredByPersonId: raised.raisedByPersonId,
      sourceRef,
    },
    SYSTEM_ACTOR,
  );
}

/**
 * Problems found in drills (education-drills) and supervision findings (supervision-appraisal) become
 * REGISTERED hazards of the unit concerned, linked to their source record; a redelivered event (or one
 * replayed under a new event id) registers nothing twice.
 */
export function raisedHazardHandlers(): EventHandler<unknown>[] {
  return [
    on(DrillProblemFound, (manager, { payload }) =>
      registerRaised(manager, payload, HazardSource.DRILL, { type: 'DRILL_PROBLEM', id: payload.id }, payload.foundAt),
    ),
    on(SupervisionFindingRaised, (manager, { payload }) =>
      registerRaised(manager, payload, HazardSource.SUPERVISION, { type: 'SUPERVISION_FINDING', id: payload.id }, payload.raisedAt),
    ),
  ];
}
