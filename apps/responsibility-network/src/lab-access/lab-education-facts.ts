import { AttendanceRecorded, EventHandler, on, QuizPassed } from '@campus/events';
import { EntityManager } from 'typeorm';
import { EducationFact, LabRequirementKind } from './lab-requirement';

interface FactRow {
  personId: string;
  kind: LabRequirementKind;
  topic: string;
  at: Date;
}

/** Keeps each person's latest time per kind and topic, whatever order the messages come in: one statement a message. */
async function recordFacts(manager: EntityManager, rows: FactRow[]): Promise<void> {
  if (!rows.length) return;
  await manager.query(
    `INSERT INTO lab_education_fact (person_id, kind, topic, last_at) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')}
     ON DUPLICATE KEY UPDATE last_at = GREATEST(last_at, VALUES(last_at))`,
    rows.flatMap((row) => [row.personId, row.kind, row.topic.slice(0, 100), row.at]),
  );
}

/**
 * Who attended safety training of which topic and who passed which quiz, and when: education-drills' events
 * only (never its database), for lab admission. No names travel in these events.
 */
export function labEducationFactHandlers(): EventHandler<unknown>[] {
  return [
    on(AttendanceRecorded, (manager, { payload }) => {
      const at = new Date(payload.heldAt);
      const topics = [...new Set(payload.topics)];
      const rows = payload.attendees.flatMap((attendee) => topics.map((topic) => ({ personId: attendee.personId, kind: LabRequirementKind.TRAINING, topic, at })));
      return recordFacts(manager, rows);
    }),
    on(QuizPassed, (manager, { payload }) =>
      recordFacts(manager, [{ personId: payload.personId, kind: LabRequirementKind.QUIZ, topic: payload.topic, at: new Date(payload.passedAt) }]),
    ),
  ];
}

/** A person's facts for the given topics. */
export async function educationFactsOf(manager: EntityManager, personId: string): Promise<EducationFact[]> {
  const rows: { kind: LabRequirementKind; topic: string; last_at: Date }[] = await manager.query(
    'SELECT kind, topic, last_at FROM lab_education_fact WHERE person_id = ?',
    [personId],
  );
  return rows.map((row) => ({ kind: row.kind, topic: row.topic, lastAt: new Date(row.last_at) }));
}
