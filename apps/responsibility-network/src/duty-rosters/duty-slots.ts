import { BadUserInputError, FieldProblem } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { DutyRosterEntity } from './duty-roster.entity';
import { DutySlotEntity } from './duty-slot.entity';

/** A duty day of the roster and one of its shifts, or BAD_USER_INPUT naming the field. */
export function requireDutyShift(roster: DutyRosterEntity, date: string, shiftName: string): void {
  const problems: FieldProblem[] = [];
  if (date < roster.startDate || date > roster.endDate) {
    problems.push({ field: 'date', message: `日期不在值班表范围内（${roster.startDate} 至 ${roster.endDate}）` });
  }
  if (!roster.shifts.some((shift) => shift.name === shiftName)) {
    problems.push({ field: 'shiftName', message: `值班表没有此班次：${shiftName}（现有 ${roster.shifts.map((shift) => shift.name).join('、')}）` });
  }
  if (problems.length) throw new BadUserInputError(problems);
}

/** True when the person is the leader or one of the officers of that shift of that day. */
export async function isOnSlot(
  manager: EntityManager,
  personId: string | null,
  rosterId: string,
  date: string,
  shiftName: string,
): Promise<boolean> {
  if (!personId) return false;
  const found = await manager
    .createQueryBuilder(DutySlotEntity, 's')
    .leftJoin('duty_slot_officer', 'o', 'o.slot_id = s.id AND o.person_id = :personId', { personId })
    .where('s.roster_id = :rosterId AND s.duty_date = :date AND s.shift_name = :shiftName', { rosterId, date, shiftName })
    .andWhere('(s.leader_person_id = :personId OR o.person_id IS NOT NULL)')
    .getCount();
  return found > 0;
}
