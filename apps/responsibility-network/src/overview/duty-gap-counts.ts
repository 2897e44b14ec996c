import { subtreeTotals } from '@campus/database';
import { DataSource } from 'typeorm';
import { DutyPeriodKind, DutyPosition } from '../duty-rosters/duty-enums';
import { findDutyGaps, SlotStaffing, withDesignatedLeaders } from '../duty-rosters/duty-gaps';
import { ShiftTimes } from '../duty-rosters/duty-time';
import { within } from './responsibility-overview.queries';

interface RosterRow {
  id: string;
  org_unit_id: string;
  org_path: string;
  start_date: string;
  end_date: string;
  period_kind: DutyPeriodKind;
  shifts: string | ShiftTimes[];
}

const GAP_COLUMNS = ['gaps', 'no_leader', 'no_officer'] as const;

/**
 * Shifts from today on that lack someone, per subtree, by the duty rosters' own gap rules (a leader no
 * longer designated counts as none). At most four statements: rosters, slots, their officers, designations.
 */
export async function dutyGapCounts(dataSource: DataSource, paths: string[], today: string) {
  const scope = within('r.org_path', paths);
  const rosters: RosterRow[] = await dataSource.query(
    `SELECT r.id, r.org_unit_id, r.org_path, DATE_FORMAT(r.start_date, '%Y-%m-%d') AS start_date, DATE_FORMAT(r.end_date, '%Y-%m-%d') AS end_date,
            r.period_kind, r.shifts
       FROM duty_roster r WHERE r.end_date >= ? AND ${scope.sql}`,
    [today, ...scope.params],
  );
  if (rosters.length === 0) return subtreeTotals([], paths, GAP_COLUMNS);
  const marks = (values: unknown[]) => values.map(() => '?').join(', ');
  const slots: { id: string; roster_id: string; duty_date: string; shift_name: string; leader_person_id: string | null }[] = await dataSource.query(
    `SELECT s.id, s.roster_id, DATE_FORMAT(s.duty_date, '%Y-%m-%d') AS duty_date, s.shift_name, s.leader_person_id
       FROM duty_slot s WHERE s.roster_id IN (${marks(rosters)}) AND s.duty_date >= ?`,
    [...rosters.map((roster) => roster.id), today],
  );
  const officers: { slot_id: string; person_id: string }[] = slots.length
    ? await dataSource.query(`SELECT slot_id, person_id FROM duty_slot_officer WHERE slot_id IN (${marks(slots)})`, slots.map((slot) => slot.id))
    : [];
  const unitIds = [...new Set(rosters.map((roster) => roster.org_unit_id))];
  const designations: { org_unit_id: string; person_id: string }[] = await dataSource.query(
    `SELECT org_unit_id, person_id FROM duty_leader WHERE org_unit_id IN (${marks(unitIds)})`,
    unitIds,
  );
  const rows = rosters.map((roster) => {
    const designated = new Set(designations.filter((row) => row.org_unit_id === roster.org_unit_id).map((row) => row.person_id));
    const staffing: SlotStaffing[] = slots
      .filter((slot) => slot.roster_id === roster.id)
      .map((slot) => ({
        date: slot.duty_date,
        shiftName: slot.shift_name,
        leaderPersonId: slot.leader_person_id,
        officerPersonIds: officers.filter((officer) => officer.slot_id === slot.id).map((officer) => officer.person_id),
      }));
    const shifts = typeof roster.shifts === 'string' ? (JSON.parse(roster.shifts) as ShiftTimes[]) : roster.shifts;
    const plan = { startDate: roster.start_date < today ? today : roster.start_date, endDate: roster.end_date, shifts, periodKind: roster.period_kind };
    const gaps = findDutyGaps(plan, withDesignatedLeaders(staffing, designated));
    return {
      org_path: roster.org_path,
      gaps: gaps.length,
      no_leader: gaps.filter((gap) => gap.missing.includes(DutyPosition.LEADER)).length,
      no_officer: gaps.filter((gap) => gap.missing.includes(DutyPosition.OFFICER)).length,
    };
  });
  return subtreeTotals(rows, paths, GAP_COLUMNS);
}
