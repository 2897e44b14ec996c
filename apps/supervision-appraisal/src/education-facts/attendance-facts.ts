import { AttendanceRecorded, EventHandler, on } from '@campus/events';
import { monthOf } from './fact-queries';

/**
 * Attendance kept per person and month (one row however many activities the person attended that month):
 * all coverage needs, and 5 M rows a year at province scale instead of one per attendance. The row keeps the
 * path and time of the month's earliest attendance, whatever order the messages come in; a message (up to
 * 1,000 attendees) is one statement.
 */
export function attendanceFactHandlers(): EventHandler<unknown>[] {
  return [
    on(AttendanceRecorded, async (manager, { payload }) => {
      if (!payload.attendees.length) return;
      const month = monthOf(payload.heldAt);
      const heldAt = new Date(payload.heldAt);
      await manager.query(
        `INSERT INTO education_attendance_fact (person_id, month, org_path, first_attended_at)
         VALUES ${payload.attendees.map(() => '(?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE org_path = IF(VALUES(first_attended_at) < first_attended_at, VALUES(org_path), org_path),
           first_attended_at = LEAST(first_attended_at, VALUES(first_attended_at))`,
        payload.attendees.flatMap((attendee) => [attendee.personId, month, attendee.orgPath, heldAt]),
      );
    }),
  ];
}
