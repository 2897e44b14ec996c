import { calendarDateOf, TodoItem, todoItem, TodoKind, todoSection } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { dutyShiftsOf } from '../duty-rosters/duty-responsibilities';
import { lettersToSignBy } from '../letters/letter-responsibilities';

/** A lab admission expiring within this many days is worth a reminder. */
export const LAB_ACCESS_REMINDER_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;

/**
 * responsibility-network's section of a person's to-do list: letters to sign (or re-sign), their duty shifts
 * today and tomorrow, and their lab admissions about to expire. Three statements, run together, whatever the
 * number of items; capped at TODO_SECTION_CAP.
 */
export async function responsibilityTodoOf(manager: EntityManager, personId: string, now = new Date()): Promise<TodoItem[]> {
  const today = calendarDateOf(now);
  const tomorrow = calendarDateOf(new Date(now.getTime() + DAY_MS));
  const [letters, shifts, labAccess] = await Promise.all([
    lettersToSignBy(manager, personId),
    dutyShiftsOf(manager, personId, today, tomorrow),
    expiringLabAccessOf(manager, personId, now),
  ]);
  const items: TodoItem[] = [
    ...letters.map((letter) =>
      todoItem(
        {
          kind: TodoKind.LETTER_SIGN,
          title: `${letter.needsResigning ? '责任书待重新签署' : '责任书待签署'}：${letter.title}`,
          detail: `${letter.year} 年度`,
          objectType: 'ResponsibilityLetter',
          objectId: letter.id,
          orgUnitId: letter.recipientUnitId,
          deadline: null,
        },
        today,
      ),
    ),
    ...shifts.map((shift) =>
      todoItem(
        {
          kind: TodoKind.DUTY_SHIFT,
          title: `${shift.date === today ? '今日' : '明日'}值班：${shift.rosterName} ${shift.shiftName}${shift.asLeader ? '（带班领导）' : ''}`,
          detail: shift.date,
          objectType: 'DutyRoster',
          objectId: shift.rosterId,
          deadline: shift.date,
        },
        today,
      ),
    ),
    ...labAccess.map((access) =>
      todoItem(
        {
          kind: TodoKind.LAB_ACCESS_EXPIRING,
          title: `实验室准入即将到期：${access.placeName}`,
          objectType: 'Place',
          objectId: access.placeId,
          orgUnitId: access.orgUnitId,
          deadline: calendarDateOf(access.expiresAt),
        },
        today,
      ),
    ),
  ];
  return todoSection(items);
}

interface ExpiringLabAccess {
  placeId: string;
  placeName: string;
  orgUnitId: string;
  expiresAt: Date;
}

/** The person's active lab admissions expiring within LAB_ACCESS_REMINDER_DAYS. One statement. */
async function expiringLabAccessOf(manager: EntityManager, personId: string, now: Date): Promise<ExpiringLabAccess[]> {
  const rows: { placeId: string; placeName: string; orgUnitId: string; expiresAt: Date | string }[] = await manager.query(
    `SELECT a.place_id AS placeId, p.name AS placeName, a.org_unit_id AS orgUnitId, a.expires_at AS expiresAt
       FROM lab_access a JOIN place p ON p.id = a.place_id
      WHERE a.person_id = ? AND a.status = 'ACTIVE' AND a.expires_at > ? AND a.expires_at <= ?
      ORDER BY a.expires_at LIMIT 50`,
    [personId, now, new Date(now.getTime() + LAB_ACCESS_REMINDER_DAYS * DAY_MS)],
  );
  return rows.map((row) => ({ ...row, expiresAt: new Date(row.expiresAt) }));
}
