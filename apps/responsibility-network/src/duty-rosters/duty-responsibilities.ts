import { EntityManager } from 'typeorm';

/** One shift a person is on, as leader (带班领导) or officer. */
export interface PersonDutyShift {
  rosterId: string;
  rosterName: string;
  date: string;
  shiftName: string;
  asLeader: boolean;
}

/** The shifts a person is on between two days (inclusive), by date and shift name. One statement. */
export async function dutyShiftsOf(manager: EntityManager, personId: string, fromDate: string, toDate: string): Promise<PersonDutyShift[]> {
  const rows: { rosterId: string; rosterName: string; date: string; shiftName: string; asLeader: number }[] = await manager.query(
    `SELECT s.roster_id AS rosterId, r.name AS rosterName, s.duty_date AS date, s.shift_name AS shiftName,
            s.leader_person_id = ? AS asLeader
       FROM duty_slot s JOIN duty_roster r ON r.id = s.roster_id
      WHERE s.duty_date BETWEEN ? AND ?
        AND (s.leader_person_id = ? OR EXISTS (SELECT 1 FROM duty_slot_officer o WHERE o.slot_id = s.id AND o.person_id = ?))
      ORDER BY s.duty_date, s.shift_name`,
    [personId, fromDate, toDate, personId, personId],
  );
  return rows.map((row) => ({ ...row, date: String(row.date).slice(0, 10), asLeader: Number(row.asLeader) === 1 }));
}
