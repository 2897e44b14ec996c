import { EventHandler, HAZARD_STATUS_ORDER_SQL, HazardRegistered, HazardStatusChanged, on, onlyFor, PayloadOf } from '@campus/events';

/** hazard-tracking's source type for hazards raised from drill problems (raised-hazards.ts). */
const DRILL_PROBLEM_REF = 'DRILL_PROBLEM';

const isRaisedFromDrill = (payload: PayloadOf<typeof HazardRegistered>) => payload.sourceRefType === DRILL_PROBLEM_REF && !!payload.sourceRefId;

/**
 * Keeps each raised problem's hazard (id, code, status) from hazard-tracking's events. Hazards of other
 * sources match no problem and change nothing; a replayed or out-of-date status (by the hazard's version)
 * changes nothing either; of one version's steps, the one furthest along the loop stands.
 */
export function drillHazardHandlers(): EventHandler<unknown>[] {
  return [
    // Most hazards are not raised from a drill problem: those are skipped without a transaction (no inbox row).
    onlyFor(
      on(HazardRegistered, async (manager, { payload }) => {
        if (!isRaisedFromDrill(payload)) return;
        await manager.query(
          'UPDATE drill_problem SET hazard_id = ?, hazard_code = ?, hazard_status = ?, hazard_version = ? WHERE id = ? AND hazard_id IS NULL',
          [payload.id, payload.code, payload.status, payload.version ?? null, payload.sourceRefId],
        );
      }),
      isRaisedFromDrill,
    ),
    on(HazardStatusChanged, async (manager, { payload }) => {
      const version = payload.version ?? null;
      await manager.query(
        `UPDATE drill_problem SET hazard_status = ?, hazard_version = ? WHERE hazard_id = ?
           AND (? IS NULL OR hazard_version IS NULL OR hazard_version < ? OR (hazard_version = ? AND FIELD(?, ${HAZARD_STATUS_ORDER_SQL}) > FIELD(hazard_status, ${HAZARD_STATUS_ORDER_SQL})))`,
        [payload.to, version, payload.id, version, version, version, payload.to],
      );
    }),
  ];
}
