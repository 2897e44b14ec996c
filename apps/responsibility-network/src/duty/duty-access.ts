import { ADMIN_ROLES, Role, Viewer } from '@campus/auth';
import { BadUserInputError, FieldProblem, ForbiddenError, NotFoundError } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { DutyRosterEntity } from './duty-roster.entity';
import { DutySlotEntity } from './duty-slot.entity';

/** Who keeps a unit's duty rosters: the safety office above it, its leader and its safety officer. */
export const DUTY_MANAGER_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER, Role.UNIT_SAFETY_OFFICER];

export function mayManageDuty(viewer: Viewer, orgPath: string): boolean {
  return viewer.hasRoleAt(DUTY_MANAGER_ROLES, orgPath);
}

export function requireDutyManager(viewer: Viewer, orgPath: string): void {
  if (!mayManageDuty(viewer, orgPath)) throw new ForbiddenError('只有本单位负责人、安全员或安全管理部门可以安排值班');
}

/** The roster if the viewer may see it; locked for update inside a change. */
export async function visibleRoster(manager: EntityManager, viewer: Viewer, id: string, lock = false): Promise<DutyRosterEntity> {
  const roster = await manager.findOne(DutyRosterEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!roster || !viewer.covers(roster.orgPath)) throw new NotFoundError('值班表', id);
  return roster;
}

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
