import { HealthCheckSession, HealthCheckTimeliness } from './health-check-enums';
import { sessionsFrom } from './health-check-schedule';
import { isDue, isSchoolDay, schoolDaysBetween, sessionDeadline, timelinessOf } from './health-check-timing';
import { figureProblems } from './health-check.service';

const { MORNING, NOON, EVENING } = HealthCheckSession;
const { ON_TIME, LATE, BACKFILLED } = HealthCheckTimeliness;

describe('health check timeliness (server time, Asia/Shanghai)', () => {
  it('puts each session deadline at its school-time hour', () => {
    expect(sessionDeadline('2026-12-07', MORNING).toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(sessionDeadline('2026-12-07', NOON).toISOString()).toBe('2026-12-07T06:30:00.000Z');
    expect(sessionDeadline('2026-12-07', EVENING).toISOString()).toBe('2026-12-07T13:30:00.000Z');
  });

  it.each([
    ['before the morning deadline', MORNING, '2026-12-07T00:59:59.999Z', ON_TIME],
    ['at the morning deadline', MORNING, '2026-12-07T01:00:00.000Z', ON_TIME],
    ['just after the morning deadline', MORNING, '2026-12-07T01:00:00.001Z', LATE],
    ['in the afternoon for the morning', MORNING, '2026-12-07T08:00:00Z', LATE],
    ['the noon check at 14:00 school time', NOON, '2026-12-07T06:00:00Z', ON_TIME],
    ['the noon check at 15:00 school time', NOON, '2026-12-07T07:00:00Z', LATE],
    ['the evening check at 21:00 school time', EVENING, '2026-12-07T13:00:00Z', ON_TIME],
    ['the evening check at 23:59 school time (still the check day)', EVENING, '2026-12-07T15:59:59Z', LATE],
    ['the evening check at 00:00 school time the next day (UTC still the check day)', EVENING, '2026-12-07T16:00:00Z', BACKFILLED],
    ['the morning check at 07:30 school time the next day', MORNING, '2026-12-07T23:30:00Z', BACKFILLED],
    ['a week later', NOON, '2026-12-14T02:00:00Z', BACKFILLED],
  ])('%s → %s', (_label, session, enteredAt, expected) => {
    expect(timelinessOf('2026-12-07', session, new Date(enteredAt))).toBe(expected);
  });

  it('counts a check at 07:00 school time as on time though UTC still shows the previous day', () => {
    // 2026-12-06T23:00Z is 07:00 on 2026-12-07 in Shanghai.
    expect(timelinessOf('2026-12-07', MORNING, new Date('2026-12-06T23:00:00Z'))).toBe(ON_TIME);
  });

  it('knows school days are Monday to Friday', () => {
    expect(isSchoolDay('2026-12-07')).toBe(true); // Monday
    expect(isSchoolDay('2026-12-05')).toBe(false); // Saturday
    expect(isSchoolDay('2026-12-06')).toBe(false); // Sunday
    expect(schoolDaysBetween('2026-12-04', '2026-12-08')).toEqual(['2026-12-04', '2026-12-07', '2026-12-08']);
  });

  it('expects a session only once its deadline has passed', () => {
    const at = new Date('2026-12-07T02:00:00Z'); // 10:00 school time
    expect(isDue('2026-12-07', MORNING, at)).toBe(true);
    expect(isDue('2026-12-07', NOON, at)).toBe(false);
    expect(isDue('2026-12-04', EVENING, at)).toBe(true);
  });
});

describe('health check sessions and figures', () => {
  const settings = [
    { orgPath: '/b/s/', orgUnitId: 's', sessions: 'NOON,MORNING,EVENING' },
    { orgPath: '/b/s/c/', orgUnitId: 'c', sessions: 'MORNING' },
  ];

  it('takes the nearest setting at or above the unit, else morning and noon', () => {
    expect(sessionsFrom(settings, '/b/s/c/k1/')).toEqual({ sessions: [MORNING], setAtUnitId: 'c' });
    expect(sessionsFrom(settings, '/b/s/d/k2/')).toEqual({ sessions: [MORNING, NOON, EVENING], setAtUnitId: 's' });
    expect(sessionsFrom(settings, '/b/t/k3/')).toEqual({ sessions: [MORNING, NOON], setAtUnitId: null });
  });

  const figures = { enrolled: 40, present: 38, absentForIllness: 1, fever: 1, cough: 0, diarrhoea: 0, rash: 0, otherSymptoms: 0 };

  it('accepts consistent figures and names the field of inconsistent ones', () => {
    expect(figureProblems(figures)).toEqual([]);
    expect(figureProblems({ ...figures, present: 41 })).toEqual([{ field: 'figures.present', message: '实到人数（41）不能多于应到人数（40）' }]);
    expect(figureProblems({ ...figures, absentForIllness: 3 })[0].field).toBe('figures.absentForIllness');
    expect(figureProblems({ ...figures, fever: 41 })[0].field).toBe('figures.fever');
  });
});
