import { DutyPeriodKind, DutyPosition } from './duty-enums';
import { DutyRosterPlan, findDutyGaps, missingPositions, SlotStaffing } from './duty-gaps';

const { LEADER, OFFICER } = DutyPosition;
const DAY = { name: '白班', start: '08:00', end: '20:00' };
const NIGHT = { name: '夜班', start: '20:00', end: '08:00' };

function roster(periodKind: DutyPeriodKind, startDate = '2026-10-01', endDate = '2026-10-02'): DutyRosterPlan {
  return { startDate, endDate, periodKind, shifts: [DAY, NIGHT] };
}

function slot(date: string, shiftName: string, leaderPersonId: string | null, officerPersonIds: string[]): SlotStaffing {
  return { date, shiftName, leaderPersonId, officerPersonIds };
}

describe('missingPositions', () => {
  it.each([DutyPeriodKind.HOLIDAY, DutyPeriodKind.SENSITIVE])('needs a leader and an officer in a %s period', (kind) => {
    expect(missingPositions(kind, undefined)).toEqual([LEADER, OFFICER]);
    expect(missingPositions(kind, slot('2026-10-01', '白班', null, ['p1']))).toEqual([LEADER]);
    expect(missingPositions(kind, slot('2026-10-01', '白班', 'p0', []))).toEqual([OFFICER]);
    expect(missingPositions(kind, slot('2026-10-01', '白班', 'p0', ['p1']))).toEqual([]);
  });

  it('needs only an officer on a normal day', () => {
    expect(missingPositions(DutyPeriodKind.NORMAL, undefined)).toEqual([OFFICER]);
    expect(missingPositions(DutyPeriodKind.NORMAL, slot('2026-10-01', '白班', null, ['p1']))).toEqual([]);
    expect(missingPositions(DutyPeriodKind.NORMAL, slot('2026-10-01', '白班', 'p0', []))).toEqual([OFFICER]);
  });
});

describe('findDutyGaps', () => {
  it('reports no gap when a holiday roster is fully covered', () => {
    const slots = ['2026-10-01', '2026-10-02'].flatMap((date) => [slot(date, '白班', 'p0', ['p1']), slot(date, '夜班', 'p0', ['p2', 'p3'])]);
    expect(findDutyGaps(roster(DutyPeriodKind.HOLIDAY), slots)).toEqual([]);
  });

  it('lists every shift of every day of an empty roster, by date then shift order', () => {
    expect(findDutyGaps(roster(DutyPeriodKind.SENSITIVE), [])).toEqual([
      { date: '2026-10-01', shiftName: '白班', missing: [LEADER, OFFICER] },
      { date: '2026-10-01', shiftName: '夜班', missing: [LEADER, OFFICER] },
      { date: '2026-10-02', shiftName: '白班', missing: [LEADER, OFFICER] },
      { date: '2026-10-02', shiftName: '夜班', missing: [LEADER, OFFICER] },
    ]);
  });

  it('judges the same slots by the period: a missing leader is a gap on holidays only', () => {
    const slots = ['2026-10-01', '2026-10-02'].flatMap((date) => [slot(date, '白班', null, ['p1']), slot(date, '夜班', 'p0', ['p2'])]);
    expect(findDutyGaps(roster(DutyPeriodKind.NORMAL), slots)).toEqual([]);
    expect(findDutyGaps(roster(DutyPeriodKind.HOLIDAY), slots)).toEqual([
      { date: '2026-10-01', shiftName: '白班', missing: [LEADER] },
      { date: '2026-10-02', shiftName: '白班', missing: [LEADER] },
    ]);
  });

  it('reports a leader without officers as missing an officer even on a normal day', () => {
    const slots = [slot('2026-10-01', '白班', 'p0', []), slot('2026-10-01', '夜班', null, ['p1'])];
    expect(findDutyGaps(roster(DutyPeriodKind.NORMAL, '2026-10-01', '2026-10-01'), slots)).toEqual([
      { date: '2026-10-01', shiftName: '白班', missing: [OFFICER] },
    ]);
  });

  it('counts an overnight shift on the day it starts: the last night is needed and a slot on the next day does not cover it', () => {
    const slots = [
      slot('2026-10-01', '白班', 'p0', ['p1']),
      slot('2026-10-01', '夜班', 'p0', ['p2']),
      slot('2026-10-02', '白班', 'p0', ['p1']),
      // The night of 10-02 runs into 10-03, but it is filed under 10-02.
      slot('2026-10-03', '夜班', 'p0', ['p2']),
    ];
    expect(findDutyGaps(roster(DutyPeriodKind.HOLIDAY), slots)).toEqual([{ date: '2026-10-02', shiftName: '夜班', missing: [LEADER, OFFICER] }]);
  });

  it('ignores slots dated outside the range and slots of unknown shifts', () => {
    const slots = [
      slot('2026-09-30', '白班', 'p0', ['p1']),
      slot('2026-09-30', '夜班', 'p0', ['p1']),
      slot('2026-10-01', '中班', 'p0', ['p1']),
      slot('2026-10-01', '白班', 'p0', ['p1']),
    ];
    const gaps = findDutyGaps(roster(DutyPeriodKind.HOLIDAY, '2026-10-01', '2026-10-01'), slots);
    expect(gaps).toEqual([{ date: '2026-10-01', shiftName: '夜班', missing: [LEADER, OFFICER] }]);
  });

  it('crosses month and leap-day boundaries', () => {
    const plan: DutyRosterPlan = { startDate: '2028-02-28', endDate: '2028-03-01', periodKind: DutyPeriodKind.NORMAL, shifts: [DAY] };
    expect(findDutyGaps(plan, []).map((gap) => gap.date)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });
});
