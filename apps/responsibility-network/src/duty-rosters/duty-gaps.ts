import { DutyPeriodKind, DutyPosition, needsFullCoverage } from './duty-enums';
import { datesFrom, DutyPeriod, ShiftTimes } from './duty-time';

export interface DutyRosterPlan extends DutyPeriod<ShiftTimes> {
  periodKind: DutyPeriodKind;
}

/** Who is on one shift of one day. */
export interface SlotStaffing {
  date: string;
  shiftName: string;
  leaderPersonId: string | null;
  officerPersonIds: string[];
}

export interface DutyGapShape {
  date: string;
  shiftName: string;
  missing: DutyPosition[];
}

/** What a shift lacks under the roster's rules: a leader on holidays and in sensitive periods, always an officer. */
export function missingPositions(kind: DutyPeriodKind, slot: SlotStaffing | undefined): DutyPosition[] {
  const missing: DutyPosition[] = [];
  if (needsFullCoverage(kind) && !slot?.leaderPersonId) missing.push(DutyPosition.LEADER);
  if (!slot?.officerPersonIds.length) missing.push(DutyPosition.OFFICER);
  return missing;
}

/**
 * Every shift of every day of the roster that lacks someone, by date then shift order. A shift belongs
 * to the day it starts on, so the night shift of the last day is needed even though it ends after it;
 * slots dated outside the roster or for unknown shifts cover nothing.
 */
export function findDutyGaps(roster: DutyRosterPlan, slots: SlotStaffing[]): DutyGapShape[] {
  const slotByKey = new Map(slots.map((slot) => [slotKey(slot.date, slot.shiftName), slot]));
  const gaps: DutyGapShape[] = [];
  for (const date of datesFrom(roster.startDate, roster.endDate)) {
    for (const shift of roster.shifts) {
      const missing = missingPositions(roster.periodKind, slotByKey.get(slotKey(date, shift.name)));
      if (missing.length) gaps.push({ date, shiftName: shift.name, missing });
    }
  }
  return gaps;
}

/**
 * The slots as the gap rules read them: a leader no longer (or never) designated by the roster's unit
 * counts as no leader, so withdrawing a designation reopens the "no leader" gap of the shifts they lead.
 */
export function withDesignatedLeaders<S extends SlotStaffing>(slots: S[], designated: ReadonlySet<string>): S[] {
  return slots.map((slot) => (slot.leaderPersonId && !designated.has(slot.leaderPersonId) ? { ...slot, leaderPersonId: null } : slot));
}

function slotKey(date: string, shiftName: string): string {
  return `${date}\u0000${shiftName}`;
}
