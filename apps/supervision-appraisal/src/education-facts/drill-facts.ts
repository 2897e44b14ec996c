import { DrillEvaluated, DrillHeld, EventHandler, on } from '@campus/events';
import { monthOf } from './fact-queries';

/**
 * Drills from education-drills' drill.held and drill.evaluated: unit, type, scenario, when held, score. An
 * evaluation arriving before its drill is kept (the drill counts once it is known to be held); of two
 * evaluations the later one's score stands.
 */
export function drillFactHandlers(): EventHandler<unknown>[] {
  return [
    on(DrillHeld, (manager, { payload }) =>
      manager.query(
        `INSERT INTO education_drill_fact (id, org_unit_id, org_path, drill_type, scenario, held_at, held_month) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE org_unit_id = VALUES(org_unit_id), org_path = VALUES(org_path), drill_type = VALUES(drill_type),
           scenario = VALUES(scenario), held_at = VALUES(held_at), held_month = VALUES(held_month)`,
        [payload.id, payload.orgUnitId, payload.orgPath, payload.drillType, payload.scenario.slice(0, 200), new Date(payload.startedAt), monthOf(payload.startedAt)],
      ),
    ),
    on(DrillEvaluated, (manager, { payload }) =>
      manager.query(
        `INSERT INTO education_drill_fact (id, org_unit_id, org_path, score, evaluated_at) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE score = IF(evaluated_at IS NULL OR VALUES(evaluated_at) >= evaluated_at, VALUES(score), score),
           evaluated_at = GREATEST(COALESCE(evaluated_at, VALUES(evaluated_at)), VALUES(evaluated_at))`,
        [payload.id, payload.orgUnitId, payload.orgPath, payload.score, new Date(payload.evaluatedAt)],
      ),
    ),
  ];
}
