import { Role } from '@campus/auth';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { buildEducationSchema } from '../service';
import { ACTIVITIES_MODULE } from '../activities/activities.module';
import { PEOPLE_MODULE } from '../people/people.module';
import { SAFETY_DAYS_MODULE } from './safety-days.module';

const UNITS = {
  bureau: ['/bureau/', 'BUREAU'],
  school: ['/bureau/school/', 'SCHOOL'],
  collegea: ['/bureau/school/collegea/', 'COLLEGE'],
  collegeb: ['/bureau/school/collegeb/', 'COLLEGE'],
  dept: ['/bureau/school/dept/', 'DEPARTMENT'],
  classb: ['/bureau/school/collegeb/classb/', 'OFFICE'],
} as const;
const PATHS = Object.fromEntries(Object.entries(UNITS).map(([id, [path]]) => [id, path]));

// 2026-10-20 10:00 in the school's time zone.
const NOW = new Date('2026-10-20T02:00:00Z');

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]]);
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]]);
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]]);
const school = viewerWith('school-office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);
const bureau = viewerWith('bureau-admin', [[Role.BUREAU_ADMIN, 'bureau', PATHS.bureau]]);
const classStaff = viewerWith('class-staff', [[Role.STAFF, 'classb', PATHS.classb]]);

const DAY = 'id kind name rule description annual orgUnit { id } version';
const CREATE_DAY = `mutation($input: CreateSafetyDayInput!) { createSafetyDay(input: $input) { safetyDay { ${DAY} } } }`;
const GET_DAY = `query($id: ID!) { safetyDay(id: $id) { ${DAY} } }`;
const CALENDAR = 'query($unit: ID!, $year: Int!) { safetyDayCalendar(orgUnitId: $unit, year: $year) { day { id name kind } startDate endDate } }';
const UPCOMING = `query($from: ID!, $days: Int, $kind: String) { upcomingSafetyDays(fromUnitId: $from, days: $days, unitKind: $kind) {
  occurrence { day { id name } startDate endDate } daysUntil unitCount unplannedUnits { id } } }`;
const PLAN = 'mutation($input: PlanSafetyDayInput!) { planSafetyDay(input: $input) { plan { id day { id name } occurrenceDate plannedDate theme note orgUnit { id } version } } }';
const CANCEL = 'mutation($input: CancelSafetyDayPlanInput!) { cancelSafetyDayPlan(input: $input) { id } }';
const LINK = 'mutation($input: LinkActivityToSafetyDayInput!) { linkActivityToSafetyDay(input: $input) { link { id day { id } occurrenceDate activityId orgUnit { id } } } }';
const PLANS = 'query($unit: ID!, $year: Int!) { safetyDayPlans(orgUnitId: $unit, year: $year) { theme day { id name } orgUnit { id } plannedDate } }';
const FILE = 'query($unit: ID!, $year: Int) { safetyCalendarFile(orgUnitId: $unit, year: $year) { filename contentType base64 } }';

const ACTIVITY = 'a'.repeat(32);
const ACTIVITY_IN_A = 'b'.repeat(32);
const CANCELLED = 'c'.repeat(32);
const OFF_DAY = 'd'.repeat(32);

describe('education-drills: key safety days (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;

  const unplanned = async (viewer = school, variables: Record<string, unknown> = { from: 'school' }) => {
    const days = (await runner.data(viewer, UPCOMING, variables)).upcomingSafetyDays as any[];
    return Object.fromEntries(days.map((entry) => [`${entry.occurrence.day.id}@${entry.occurrence.startDate}`, entry.unplannedUnits.map((unit: any) => unit.id).sort()]));
  };

  beforeAll(async () => {
    // This area's tables, the activities it links (with the people their coverage counts) and the org projection.
    db = await createServiceTestDatabase('education_safety_days', [SAFETY_DAYS_MODULE, ACTIVITIES_MODULE, PEOPLE_MODULE, ORG_PROJECTION_MODULE]);
    for (const [id, [path, kind]] of Object.entries(UNITS)) {
      await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name, code, kind) VALUES (?, ?, ?, ?, ?)', [id, path, id, id.toUpperCase(), kind]);
    }
    // Activities of the activities area, as its table holds them: the department's on 12-02, college A's, a cancelled one, one off the days.
    for (const [id, unit, startsAt, status, code] of [
      [ACTIVITY, 'dept', '2026-12-02T01:00:00Z', 'PLANNED', 'SDAY0001'],
      [ACTIVITY_IN_A, 'collegea', '2026-12-02T06:00:00Z', 'PLANNED', 'SDAY0002'],
      [CANCELLED, 'collegeb', '2026-12-02T06:00:00Z', 'CANCELLED', 'SDAY0003'],
      [OFF_DAY, 'dept', '2026-12-05T01:00:00Z', 'PLANNED', 'SDAY0004'],
    ]) {
      await db.dataSource.query(
        `INSERT INTO education_activity (id, org_unit_id, org_path, title, kind, topics, audience_kinds, starts_at, ends_at, status, check_in_code,
           check_in_opens_at, check_in_closes_at, version) VALUES (?, ?, ?, '交通安全讲座', 'LECTURE', 'TRAFFIC', 'STUDENT', ?, ?, ?, ?, ?, ?, 1)`,
        [id, unit, PATHS[unit], new Date(startsAt), new Date(startsAt), status, code, new Date(startsAt), new Date(startsAt)],
      );
    }
    const schema = await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, { now: () => NOW }, [SAFETY_DAYS_MODULE]);
    runner = new SchemaRunner(schema);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('computes the national days of a year for any unit', async () => {
    const calendar = (await runner.data(staffA, CALENDAR, { unit: 'collegea', year: 2027 })).safetyDayCalendar;
    expect(calendar.map((entry: any) => [entry.day.id, entry.startDate, entry.endDate])).toEqual([
      ['STUDENT_SAFETY_EDUCATION_DAY', '2027-03-29', '2027-03-29'],
      ['NATIONAL_SECURITY_EDUCATION_DAY', '2027-04-15', '2027-04-15'],
      ['DISASTER_PREVENTION_DAY', '2027-05-12', '2027-05-12'],
      ['WORK_SAFETY_MONTH', '2027-06-01', '2027-06-30'],
      ['ANTI_DRUG_DAY', '2027-06-26', '2027-06-26'],
      ['FIRE_SAFETY_DAY', '2027-11-09', '2027-11-09'],
      ['TRAFFIC_SAFETY_DAY', '2027-12-02', '2027-12-02'],
    ]);
    expect((await runner.data(staffA, GET_DAY, { id: 'FIRE_SAFETY_DAY' })).safetyDay).toMatchObject({ kind: 'NATIONAL', name: '全国消防日', rule: '每年11月9日', orgUnit: null, version: null });
  });

  it('lets unit safety managers set their own days, seen by the unit and the units below it only', async () => {
    const input = { orgUnitId: 'school', name: '校园开放日安全检查', startDate: '2026-11-20', annual: true };
    const schoolDay = (await runner.data(school, CREATE_DAY, { input })).createSafetyDay.safetyDay;
    expect(schoolDay).toMatchObject({ kind: 'UNIT', name: '校园开放日安全检查', rule: '每年11月20日', annual: true, orgUnit: { id: 'school' }, version: 1 });
    const collegeDay = (await runner.data(officerB, CREATE_DAY, {
      input: { orgUnitId: 'collegeb', name: '实训安全周', startDate: '2026-11-16', endDate: '2026-11-20', annual: false, description: '机电实训安全' },
    })).createSafetyDay.safetyDay;
    expect(collegeDay.rule).toBe('2026年11月16日至11月20日');

    // The school's day reaches a class below; college B's day stays in college B.
    expect((await runner.data(classStaff, GET_DAY, { id: schoolDay.id })).safetyDay.name).toBe('校园开放日安全检查');
    const other = await runner.run(officerA, GET_DAY, { id: collegeDay.id });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const calendarA = (await runner.data(officerA, CALENDAR, { unit: 'collegea', year: 2026 })).safetyDayCalendar.map((entry: any) => entry.day.name);
    expect(calendarA).toContain('校园开放日安全检查');
    expect(calendarA).not.toContain('实训安全周');
    expect((await runner.data(officerB, CALENDAR, { unit: 'classb', year: 2026 })).safetyDayCalendar.map((entry: any) => entry.day.name)).toContain('实训安全周');

    const staff = await runner.run(staffA, CREATE_DAY, { input: { ...input, orgUnitId: 'collegea', name: '教职工设立的日子' } });
    expect(staff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(staff.errors?.[0].message).toContain('只有本单位负责人、安全员或安全管理部门可以设立');
    const outside = await runner.run(officerA, CREATE_DAY, { input: { ...input, orgUnitId: 'collegeb', name: '别的学院的日子' } });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const leap = await runner.run(officerA, CREATE_DAY, { input: { ...input, orgUnitId: 'collegea', startDate: '2028-02-29' } });
    expect(leap.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const backwards = await runner.run(officerA, CREATE_DAY, { input: { ...input, orgUnitId: 'collegea', endDate: '2026-11-01' } });
    expect(backwards.errors?.[0].message).toContain('结束日期不能早于开始日期');
    const [{ count }] = await db.dataSource.query("SELECT COUNT(*) AS count FROM safety_day WHERE name LIKE '%的日子' OR start_date = '2028-02-29'");
    expect(Number(count)).toBe(0);
  });

  it('lists upcoming days with the units below that planned nothing, until they plan or link an activity', async () => {
    const before = await unplanned();
    expect(Object.keys(before)).toEqual(['FIRE_SAFETY_DAY@2026-11-09', expect.stringMatching(/^[0-9a-f]{32}@2026-11-16$/), expect.stringMatching(/@2026-11-20$/), 'TRAFFIC_SAFETY_DAY@2026-12-02']);
    expect(before['FIRE_SAFETY_DAY@2026-11-09']).toEqual(['collegea', 'collegeb', 'dept']);
    // College B's own week concerns college B only.
    expect(Object.entries(before).find(([key]) => key.endsWith('@2026-11-16'))?.[1]).toEqual(['collegeb']);

    const plan = (await runner.data(officerA, PLAN, {
      input: { orgUnitId: 'collegea', dayId: 'FIRE_SAFETY_DAY', date: '2026-11-09', theme: '消防疏散演练暨灭火器实操', note: '全院学生参加' },
    })).planSafetyDay.plan;
    expect(plan).toMatchObject({ day: { id: 'FIRE_SAFETY_DAY', name: '全国消防日' }, occurrenceDate: '2026-11-09', plannedDate: '2026-11-09', orgUnit: { id: 'collegea' }, version: 1 });
    // A plan of a unit inside college B counts for college B; an activity linked by the department for it.
    const classOfficer = viewerWith('class-officer', [[Role.UNIT_SAFETY_OFFICER, 'classb', PATHS.classb]]);
    await runner.data(classOfficer, PLAN, { input: { orgUnitId: 'classb', dayId: 'FIRE_SAFETY_DAY', date: '2026-11-09', theme: '班级消防主题班会' } });
    const link = (await runner.data(school, LINK, { input: { activityId: ACTIVITY, dayId: 'TRAFFIC_SAFETY_DAY' } }))
      .linkActivityToSafetyDay.link;
    expect(link).toMatchObject({ day: { id: 'TRAFFIC_SAFETY_DAY' }, occurrenceDate: '2026-12-02', activityId: ACTIVITY, orgUnit: { id: 'dept' } });

    const after = await unplanned();
    expect(after['FIRE_SAFETY_DAY@2026-11-09']).toEqual(['dept']);
    expect(after['TRAFFIC_SAFETY_DAY@2026-12-02']).toEqual(['collegea', 'collegeb']);
    expect(await unplanned(bureau, { from: 'bureau', kind: 'COLLEGE', days: 30 })).toMatchObject({ 'FIRE_SAFETY_DAY@2026-11-09': [] });
    const soon = (await runner.data(school, UPCOMING, { from: 'school', days: 30 })).upcomingSafetyDays;
    expect(soon[0]).toMatchObject({ occurrence: { day: { id: 'FIRE_SAFETY_DAY' } }, daysUntil: 20, unitCount: 3 });
    expect(soon.map((entry: any) => entry.occurrence.day.id)).not.toContain('TRAFFIC_SAFETY_DAY');

    // Cancelling the plan puts college A back on the list.
    await runner.data(officerA, CANCEL, { input: { id: plan.id, version: 1 } });
    expect((await unplanned())['FIRE_SAFETY_DAY@2026-11-09']).toEqual(['collegea', 'dept']);
    // A class's own day concerns the class only: listed from its college, not from the school.
    await runner.data(classOfficer, CREATE_DAY, { input: { orgUnitId: 'classb', name: '班级安全日', startDate: '2026-11-25', annual: false } });
    expect(Object.keys(await unplanned()).some((key) => key.endsWith('@2026-11-25'))).toBe(false);
    expect(Object.entries(await unplanned(officerB, { from: 'collegeb' })).find(([key]) => key.endsWith('@2026-11-25'))?.[1]).toEqual(['classb']);
    const plans = (await runner.data(school, PLANS, { unit: 'school', year: 2026 })).safetyDayPlans;
    expect(plans).toEqual([{ theme: '班级消防主题班会', day: { id: 'FIRE_SAFETY_DAY', name: '全国消防日' }, orgUnit: { id: 'classb' }, plannedDate: '2026-11-09' }]);
  });

  it('answers the upcoming days in two SQL statements', async () => {
    const query = jest.spyOn(MysqlQueryRunner.prototype, 'query');
    try {
      await runner.data(school, UPCOMING, { from: 'school' });
      expect(query.mock.calls.length).toBe(2);
    } finally {
      query.mockRestore();
    }
  });

  it('refuses plans out of role, scope, dates or twice', async () => {
    const input = { orgUnitId: 'collegea', dayId: 'FIRE_SAFETY_DAY', date: '2026-11-09', theme: '消防安全讲座' };
    const staff = await runner.run(staffA, PLAN, { input });
    expect(staff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect((await runner.run(officerB, PLAN, { input })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const wrongDate = await runner.run(officerA, PLAN, { input: { ...input, date: '2026-11-10' } });
    expect(wrongDate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    expect(wrongDate.errors?.[0].message).toContain('不在“全国消防日”的日期内');
    const past = await runner.run(officerA, PLAN, { input: { ...input, dayId: 'DISASTER_PREVENTION_DAY', date: '2026-05-12' } });
    expect(past.errors?.[0].message).toContain('不能为已经过去的日期');
    const [bDay] = await db.dataSource.query("SELECT id FROM safety_day WHERE name = '实训安全周'");
    const otherDay = await runner.run(officerA, PLAN, { input: { ...input, dayId: bDay.id, date: '2026-11-17' } });
    expect(otherDay.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // The school sees college B's week but it does not apply to college A.
    const notApplying = await runner.run(school, PLAN, { input: { ...input, dayId: bDay.id, date: '2026-11-17' } });
    expect(notApplying.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    // June is a month: any day of it is within 安全生产月.
    const month = (await runner.data(officerA, PLAN, { input: { ...input, dayId: 'WORK_SAFETY_MONTH', date: '2027-06-18' } })).planSafetyDay.plan;
    expect(month).toMatchObject({ occurrenceDate: '2027-06-01', plannedDate: '2027-06-18' });
    const twice = await runner.run(officerA, PLAN, { input: { ...input, dayId: 'WORK_SAFETY_MONTH', date: '2027-06-20' } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const stale = await runner.run(officerA, CANCEL, { input: { id: month.id, version: 7 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect((await runner.run(officerB, CANCEL, { input: { id: month.id, version: 1 } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const linkedTwice = await runner.run(school, LINK, { input: { activityId: ACTIVITY, dayId: 'TRAFFIC_SAFETY_DAY' } });
    expect(linkedTwice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const staffLink = await runner.run(staffA, LINK, { input: { activityId: ACTIVITY_IN_A, dayId: 'TRAFFIC_SAFETY_DAY' } });
    expect(staffLink.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect((await runner.run(officerB, LINK, { input: { activityId: ACTIVITY_IN_A, dayId: 'TRAFFIC_SAFETY_DAY' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const cancelled = await runner.run(school, LINK, { input: { activityId: CANCELLED, dayId: 'TRAFFIC_SAFETY_DAY' } });
    expect(cancelled.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });
    const offDay = await runner.run(school, LINK, { input: { activityId: OFF_DAY, dayId: 'TRAFFIC_SAFETY_DAY' } });
    expect(offDay.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    // College A's activity on 12-02 takes it off the traffic day's list.
    await runner.data(officerA, LINK, { input: { activityId: ACTIVITY_IN_A, dayId: 'TRAFFIC_SAFETY_DAY' } });
    expect((await unplanned())['TRAFFIC_SAFETY_DAY@2026-12-02']).toEqual(['collegeb']);
    // ...until the activity is cancelled in its own area.
    await db.dataSource.query("UPDATE education_activity SET status = 'CANCELLED' WHERE id = ?", [ACTIVITY_IN_A]);
    expect((await unplanned())['TRAFFIC_SAFETY_DAY@2026-12-02']).toEqual(['collegea', 'collegeb']);
    const badDays = await runner.run(school, UPCOMING, { from: 'school', days: 0 });
    expect(badDays.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('writes the calendar as iCalendar text', async () => {
    const file = (await runner.data(officerA, FILE, { unit: 'collegea', year: 2026 })).safetyCalendarFile;
    expect(file).toMatchObject({ filename: '安全主题日-2026.ics', contentType: 'text/calendar; charset=utf-8' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(8);
    expect(lines).toContain('DTSTART;VALUE=DATE:20261109');
    expect(lines).toContain('UID:FIRE_SAFETY_DAY-2026-11-09@safety-days.campus');
    expect(lines).toContain('SUMMARY:校园开放日安全检查');
    expect(text).not.toContain('实训安全周');
    expect(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    const twoYears = (await runner.data(officerA, FILE, { unit: 'collegea' })).safetyCalendarFile;
    expect(twoYears.filename).toBe('安全主题日-2026-2027.ics');
    expect(Buffer.from(twoYears.base64, 'base64').toString('utf8').match(/BEGIN:VEVENT/g)).toHaveLength(16);
  });

  it('lets the setting unit rename its day at any time, and change its dates or remove it only while nobody has planned for it', async () => {
    const UPDATE_DAY = `mutation($input: UpdateSafetyDayInput!) { updateSafetyDay(input: $input) { safetyDay { ${DAY} } } }`;
    const REMOVE_DAY = 'mutation($input: RemoveSafetyDayInput!) { removeSafetyDay(input: $input) { id } }';
    const created = (await runner.data(officerB, CREATE_DAY, { input: { orgUnitId: 'collegeb', name: '实验室开放周', startDate: '2026-11-02', endDate: '2026-11-06', annual: true } }))
      .createSafetyDay.safetyDay;
    const moved = (await runner.data(officerB, UPDATE_DAY, { input: { id: created.id, version: created.version, startDate: '2026-11-09', endDate: '2026-11-13', description: '化学实验室' } }))
      .updateSafetyDay.safetyDay;
    expect(moved).toMatchObject({ name: '实验室开放周', rule: '每年11月9日至11月13日', description: '化学实验室', version: created.version + 1 });

    const below = await runner.run(classStaff, UPDATE_DAY, { input: { id: created.id, version: moved.version, name: '班级改名' } });
    expect(below.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const outside = await runner.run(officerA, UPDATE_DAY, { input: { id: created.id, version: moved.version, name: '别院改名' } });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const stale = await runner.run(officerB, UPDATE_DAY, { input: { id: created.id, version: created.version, name: '旧版本改名' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    const plan = (await runner.data(officerB, PLAN, { input: { orgUnitId: 'collegeb', dayId: created.id, date: '2026-11-10', theme: '危化品管理' } })).planSafetyDay.plan;
    const redate = await runner.run(officerB, UPDATE_DAY, { input: { id: created.id, version: moved.version, startDate: '2026-11-16', endDate: '2026-11-20' } });
    expect(redate.errors?.[0]).toMatchObject({ message: expect.stringContaining('已有单位为该安全主题日制定活动计划或关联活动，不能再改日期'), extensions: { code: 'CONFLICT', reason: 'IN_USE' } });
    const renamed = (await runner.data(officerB, UPDATE_DAY, { input: { id: created.id, version: moved.version, name: '实验室安全开放周' } })).updateSafetyDay.safetyDay;
    expect(renamed).toMatchObject({ name: '实验室安全开放周', rule: '每年11月9日至11月13日' });
    const inUse = await runner.run(officerB, REMOVE_DAY, { input: { id: created.id, version: renamed.version } });
    expect(inUse.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });

    await runner.data(officerB, CANCEL, { input: { id: plan.id, version: plan.version } });
    expect((await runner.data(officerB, REMOVE_DAY, { input: { id: created.id, version: renamed.version } })).removeSafetyDay.id).toBe(created.id);
    expect((await runner.run(officerB, GET_DAY, { id: created.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
