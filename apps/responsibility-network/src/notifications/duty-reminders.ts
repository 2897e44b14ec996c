import { calendarDateOf } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { NotificationKind } from './notification-kind';
import { dutyShiftTomorrowText } from './notification-messages';
import { NotificationProducer } from './notification-producer';

interface ShiftRow {
  slot_id: string;
  duty_date: string;
  shift_name: string;
  roster_id: string;
  roster_name: string;
  org_unit_id: string;
  org_path: string;
  person_id: string;
  leader: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * 明日值班提醒: everyone on a duty shift tomorrow (Asia/Shanghai) — leader or officer — is told once; the
 * dedup key (slot and person) makes every later run and every other instance a no-op for them.
 */
export async function remindDutyShiftsTomorrow(dataSource: DataSource, producer: NotificationProducer, now: Date = new Date()): Promise<{ reminded: number }> {
  const tomorrow = calendarDateOf(new Date(now.getTime() + DAY_MS));
  const select = (person: string, leader: number, join: string) => `
    SELECT s.id AS slot_id, s.duty_date, s.shift_name, r.id AS roster_id, r.name AS roster_name, r.org_unit_id, r.org_path, ${person} AS person_id, ${leader} AS leader
      FROM duty_slot s JOIN duty_roster r ON r.id = s.roster_id ${join}
     WHERE s.duty_date = ?`;
  // Shifts whose person has had the reminder already are left out: a run after the first costs one statement.
  const rows: ShiftRow[] = await dataSource.query(
    `SELECT shift.* FROM (
       ${select('s.leader_person_id', 1, '')} AND s.leader_person_id IS NOT NULL
       UNION ALL ${select('o.person_id', 0, 'JOIN duty_slot_officer o ON o.slot_id = s.id')}
     ) shift
     LEFT JOIN notification n ON n.person_id = shift.person_id AND n.dedup_key = CONCAT('duty:', shift.slot_id, ':', shift.leader)
     WHERE n.id IS NULL`,
    [tomorrow, tomorrow],
  );
  let reminded = 0;
  for (const row of rows) {
    const text = dutyShiftTomorrowText({ date: tomorrow, shiftName: row.shift_name, rosterName: row.roster_name, leader: row.leader === 1 });
    reminded += await dataSource.transaction((manager) =>
      producer.notify(manager, {
        kind: NotificationKind.DUTY_SHIFT_TOMORROW,
        personIds: [row.person_id],
        text,
        objectType: 'DUTY_ROSTER',
        objectId: row.roster_id,
        orgUnitId: row.org_unit_id,
        orgPath: row.org_path,
        dedupKey: `duty:${row.slot_id}:${row.leader}`,
        at: now,
      }),
    );
  }
  return { reminded };
}
