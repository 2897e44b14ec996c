import { AttendanceRecorded, EventHandler, on } from '@campus/events';
import { monthOf } from './fact-queries';

/**
 * Attendance kept per person and month (one row however many activities the person attended that month):
 * all coverage needs, and 5 M rows a year at province scale instead of one per attendance. The row keeps the
 * time of the month's earliest attendance whatever order the messages come in, and its person's current
 * path (the person's fact when known, else the path in the message; person events move it), which coverage
 * probes by. A message (up to 1,000 attendees) is one statement.
 */
export function attendanceFactHandlers(): EventHandler<unknown>[] {
  return [
    on(AttendanceRecorded, async (manager, { payload }) => {
      if (!payload.attendees.length) return;
      const month = monthOf(payload.heldAt);
      const heldAt = new Date(payload.heldAt);
      const attendees = payload.attendees
        .map(() => 'SELECT CONVERT(? USING ascii) COLLATE ascii_bin AS person_id, CONVERT(? USING ascii) COLLATE ascii_bin AS org_path')
        .join(' UNION ALL ');
      await manager.query(
        `INSERT INTO education_attendance_fact (person_id, month, org_path, first_attended_at)
         SELECT x.person_id, ?, COALESCE(p.org_path, x.org_path), ? FROM (${attendees}) x LEFT JOIN education_person_fact p ON p.id = x.person_id
         ON DUPLICATE KEY UPDATE org_path = VALUES(org_path), first_attended_at = LEAST(first_attended_at, VALUES(first_attended_at))`,
        [month, heldAt, ...payload.attendees.flatMap((attendee) => [attendee.personId, attendee.orgPath])],
      );
    }),
  ];
}
