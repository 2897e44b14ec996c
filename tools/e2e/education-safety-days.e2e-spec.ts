import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const UPCOMING = `query($from: ID!, $days: Int, $kind: String) { upcomingSafetyDays(fromUnitId: $from, days: $days, unitKind: $kind) {
  occurrence { day { id kind name } startDate endDate } daysUntil unitCount unplannedUnits { id name } } }`;
const PLAN = 'mutation($input: PlanSafetyDayInput!) { planSafetyDay(input: $input) { plan { id day { id } occurrenceDate plannedDate orgUnit { name } } } }';
const CREATE_DAY = 'mutation($input: CreateSafetyDayInput!) { createSafetyDay(input: $input) { safetyDay { id kind name rule orgUnit { name } } } }';
const DAY = 'query($id: ID!) { safetyDay(id: $id) { id kind name orgUnit { name } } }';
const CALENDAR = 'query($unit: ID!, $year: Int!) { safetyDayCalendar(orgUnitId: $unit, year: $year) { day { id name } startDate } }';

interface Readiness {
  occurrence: { day: { id: string; kind: string; name: string }; startDate: string; endDate: string };
  daysUntil: number;
  unitCount: number;
  unplannedUnits: { id: string; name: string }[];
}

/** The content lines of an iCalendar text: CRLF-separated, folded lines joined back (RFC 5545 §3.1). */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

/** The VEVENTs of a calendar as property maps; throws on unbalanced BEGIN/END. */
function parseEvents(lines: string[]): Record<string, string>[] {
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines.slice(1, -1)) {
    if (line === 'BEGIN:VEVENT') {
      if (current) throw new Error('nested VEVENT');
      current = {};
    } else if (line === 'END:VEVENT') {
      if (!current) throw new Error('END:VEVENT without BEGIN');
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  if (current) throw new Error('unterminated VEVENT');
  return events;
}

/**
 * 安全主题日 through the gateway: the safety office looks at the key days ahead and the colleges that have
 * planned nothing for them (the demo planned the next national day for 信息工程学院 only), 机电工程学院 plans
 * one and leaves the list; the calendar downloads as .ics; a staff member cannot set a day, and a
 * college's own day stays hidden from another college.
 */
describe('key safety days through the gateway', () => {
  let fixture: PlatformFixture;
  let gatewayBase: string;
  let office: GraphQLClient; // safety.office: 学校安全保卫处
  let xxOfficer: GraphQLClient; // 信息工程学院安全员
  let jdOfficer: GraphQLClient; // 机电工程学院安全员
  let staff: GraphQLClient; // 后勤管理处职工
  const today = calendarDateOf(new Date());

  beforeAll(async () => {
    fixture = await startPlatformFixture(4400);
    gatewayBase = new URL('/', fixture.platform.gatewayUrl).href;
    [office, xxOfficer, jdOfficer, staff] = await Promise.all(['safety.office', 'xx.officer', 'jd.officer', 'staff'].map((name) => fixture.as(name)));
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('lists the days ahead with the colleges that planned nothing, and a plan takes a college off the list', async () => {
    const readiness = async () =>
      (await office.data<{ upcomingSafetyDays: Readiness[] }>(UPCOMING, { from: fixture.unitIds.XDZY, days: 366, kind: 'COLLEGE' })).upcomingSafetyDays;
    // The colleges reach education-drills' org projection by event.
    const before = await eventually(readiness, (days) => days.length > 0 && days.every((entry) => entry.unitCount === 4));
    expect(before.map((entry) => entry.occurrence.day.name)).toContain('校园开放日安全检查');
    const national = before.find((entry) => entry.occurrence.day.kind === 'NATIONAL') as Readiness;
    const unplanned = national.unplannedUnits.map((unit) => unit.name);
    expect(unplanned).toEqual(expect.arrayContaining(['机电工程学院', '护理学院', '经济管理学院']));
    expect(unplanned).not.toContain('信息工程学院');

    const date = national.occurrence.startDate < today ? today : national.occurrence.startDate;
    const plan = (await jdOfficer.data(PLAN, {
      input: { orgUnitId: fixture.unitIds['XDZY-JD'], dayId: national.occurrence.day.id, date, theme: '实训楼消防疏散演练', note: '全院师生参加' },
    })).planSafetyDay.plan;
    expect(plan).toMatchObject({ day: { id: national.occurrence.day.id }, occurrenceDate: national.occurrence.startDate, plannedDate: date, orgUnit: { name: '机电工程学院' } });

    const after = (await readiness()).find((entry) => entry.occurrence.day.id === national.occurrence.day.id && entry.occurrence.startDate === national.occurrence.startDate);
    expect(after?.unplannedUnits.map((unit) => unit.name).sort()).toEqual(['护理学院', '经济管理学院'].sort());

    // By default the next 60 days, the school's direct units (departments and colleges) below it.
    const soon = (await office.data<{ upcomingSafetyDays: Readiness[] }>(UPCOMING, { from: fixture.unitIds.XDZY })).upcomingSafetyDays;
    expect(soon.every((entry) => entry.daysUntil <= 60)).toBe(true);
    expect(soon.map((entry) => entry.occurrence.day.name)).toContain('校园开放日安全检查');

    // A second plan for the same day by the same college is refused.
    const twice = await jdOfficer.request(PLAN, {
      input: { orgUnitId: fixture.unitIds['XDZY-JD'], dayId: national.occurrence.day.id, date, theme: '再来一次' },
    });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
  });

  it('downloads the calendar as an iCalendar file that parses', async () => {
    const year = Number(today.slice(0, 4));
    const url = new URL(`/exports/safety-calendar?orgUnitId=${fixture.unitIds['XDZY-XX']}&year=${year}`, gatewayBase);
    const response = await fetch(url, { headers: { authorization: `Bearer ${xxOfficer.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(`安全主题日-${year}.ics`);
    const text = await response.text();
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);

    const events = parseEvents(unfold(text));
    const calendar = (await xxOfficer.data(CALENDAR, { unit: fixture.unitIds['XDZY-XX'], year })).safetyDayCalendar;
    expect(events).toHaveLength(calendar.length);
    expect(events.length).toBeGreaterThanOrEqual(7);
    for (const event of events) expect(Object.keys(event)).toEqual(expect.arrayContaining(['UID', 'DTSTAMP', 'DTSTART;VALUE=DATE', 'SUMMARY']));
    expect(events.find((event) => event.SUMMARY === '全国消防日')).toMatchObject({ 'DTSTART;VALUE=DATE': `${year}1109`, 'DTEND;VALUE=DATE': `${year}1110` });
    expect(events.find((event) => event.SUMMARY === '安全生产月')).toMatchObject({ 'DTSTART;VALUE=DATE': `${year}0601`, 'DTEND;VALUE=DATE': `${year}0701` });
    expect(new Set(events.map((event) => event.UID)).size).toBe(events.length);

    // Another college's calendar: out of scope, as JSON with the GraphQL code.
    const elsewhere = await fetch(url, { headers: { authorization: `Bearer ${jdOfficer.token}` } });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect((await fetch(url)).status).toBe(401);
  });

  it('refuses a staff member setting a unit day, and hides a college\'s own day from another college', async () => {
    const input = { orgUnitId: fixture.unitIds['XDZY-HQ'], name: '后勤安全开放日', startDate: '2027-05-20', annual: true };
    const byStaff = await staff.request(CREATE_DAY, { input });
    expect(byStaff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(byStaff.errors?.[0].message).toContain('只有本单位负责人、安全员或安全管理部门可以设立');

    const own = (await jdOfficer.data(CREATE_DAY, {
      input: { orgUnitId: fixture.unitIds['XDZY-JD'], name: '机电实训安全周', startDate: '2027-04-19', endDate: '2027-04-23', annual: true },
    })).createSafetyDay.safetyDay;
    expect(own).toMatchObject({ kind: 'UNIT', rule: '每年4月19日至4月23日', orgUnit: { name: '机电工程学院' } });

    const hidden = await xxOfficer.request(DAY, { id: own.id });
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const planned = await xxOfficer.request(PLAN, { input: { orgUnitId: fixture.unitIds['XDZY-XX'], dayId: own.id, date: '2027-04-20', theme: '借用别院的主题日' } });
    expect(planned.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const forOtherCollege = await xxOfficer.request(PLAN, { input: { orgUnitId: fixture.unitIds['XDZY-JD'], dayId: 'FIRE_SAFETY_DAY', date: '2027-11-09', theme: '替别院安排' } });
    expect(forOtherCollege.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await office.data(DAY, { id: own.id })).safetyDay).toMatchObject({ name: '机电实训安全周', orgUnit: { name: '机电工程学院' } });
  });
});
