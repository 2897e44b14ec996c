import { Role, Viewer } from '@campus/auth';
import { SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const DEACTIVATE_PERSON = 'mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id } } }';

const ROSTER_FIELDS = 'id orgUnitId name startDate endDate periodKind version shifts { name start end overnight durationMinutes }';
const CREATE_ROSTER = `mutation($input: CreateDutyRosterInput!) { createDutyRoster(input: $input) { dutyRoster { ${ROSTER_FIELDS} } } }`;
const UPDATE_ROSTER = `mutation($input: UpdateDutyRosterInput!) { updateDutyRoster(input: $input) { dutyRoster { ${ROSTER_FIELDS} } } }`;
const SET_SLOT = `mutation($input: SetDutySlotInput!) {
  setDutySlot(input: $input) { dutyRoster { id } slot { date shiftName leaderPersonId officerPersonIds leader { name } officers { name } } }
}`;
const ROSTER = `query($id: ID!, $from: CalendarDate, $to: CalendarDate) {
  dutyRoster(id: $id) {
    id name orgUnit { id }
    slots(fromDate: $from, toDate: $to) { date shiftName leader { id name } officers { id name } }
    handoverNotes { totalCount edges { node { date shiftName note writtenBy { id name } createdAt } } }
    logEntries { totalCount edges { node { occurredAt category content date shiftName recordedBy { id } } } }
  }
}`;
const DESIGNATE_LEADER = 'mutation($input: DesignateDutyLeaderInput!) { designateDutyLeader(input: $input) { dutyLeader { id } } }';
const ROSTERS = 'query($filter: DutyRosterFilter) { dutyRosters(filter: $filter) { totalCount edges { node { id name } } } }';
const GAPS = 'query($id: ID!) { dutyGaps(rosterId: $id) { date shiftName missing } }';
const CHECK_GAPS = `mutation($id: ID!) {
  checkDutyGaps(rosterId: $id) { gaps { date shiftName missing } newlyReported { date shiftName missing } }
}`;
const ADD_NOTE = `mutation($input: AddHandoverNoteInput!) {
  addHandoverNote(input: $input) { handoverNote { date shiftName note writtenBy { id name } } }
}`;
const ADD_LOG = `mutation($input: AddDutyLogEntryInput!) {
  addDutyLogEntry(input: $input) { logEntry { occurredAt category content date shiftName recordedByPersonId } }
}`;
const ON_DUTY = `query($unit: ID!, $at: DateTimeISO) {
  onDutyNow(orgUnitId: $unit, at: $at) { roster { id orgUnitId } date shift { name overnight } startsAt endsAt leader { name } officers { name } contacts { name phone leader } }
}`;

const DAY = { name: '白班', start: '08:00', end: '20:00' };
const NIGHT = { name: '夜班', start: '20:00', end: '08:00' };

describe('responsibility-network: 24-hour duty (integration)', () => {
  let fx: ResponsibilityFixture;
  let db: TestDatabase;
  let runner: SchemaRunner;
  let admin: Viewer;
  let school: Unit;
  let college: Unit;
  let otherSchool: Unit;
  const person: Record<string, string> = {};
  let rosterId: string;

  function rosterInput(overrides: Record<string, unknown> = {}) {
    return {
      orgUnitId: school.id,
      name: '2025 年国庆假期值班表',
      startDate: '2025-10-01',
      endDate: '2025-10-03',
      periodKind: 'HOLIDAY',
      shifts: [DAY, NIGHT],
      ...overrides,
    };
  }

  function slot(date: string, shiftName: string, leaderPersonId: string | null, officerPersonIds: string[]) {
    return { input: { rosterId, date, shiftName, leaderPersonId, officerPersonIds } };
  }

  async function gapEvents(): Promise<{ aggregateId: string; payload: any }[]> {
    const rows = await db.dataSource.query("SELECT aggregate_id AS aggregateId, payload FROM event_outbox WHERE event_type = 'duty.gap-found'");
    return rows.map((row: any) => ({ aggregateId: row.aggregateId, payload: JSON.parse(row.payload) }));
  }

  function errorOf(result: { errors?: { extensions?: Record<string, any> }[] }) {
    return result.errors?.[0].extensions;
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('duty');
    db = fx.db;
    runner = fx.runner;
    admin = fx.admin;

    school = await fx.createUnit(fx.root.id, 'SCH01', OrgUnitKind.SCHOOL);
    college = await fx.createUnit(school.id, 'SCH01-COL', OrgUnitKind.COLLEGE);
    otherSchool = await fx.createUnit(fx.root.id, 'SCH02', OrgUnitKind.SCHOOL);
    person.principal = (await fx.createPerson(school.id, '王校长')).id;
    person.deputy = (await fx.createPerson(school.id, '李副校长')).id;
    person.guard = (await fx.createPerson(school.id, '张保卫')).id;
    person.teacher = (await fx.createPerson(college.id, '赵老师')).id;
    person.stranger = (await fx.createPerson(school.id, '钱老师')).id;
    person.outsider = (await fx.createPerson(otherSchool.id, '孙老师')).id;
    person.retired = (await fx.createPerson(school.id, '周退休')).id;
    const retired = { id: person.retired, version: 1 };
    await runner.data(admin, DEACTIVATE_PERSON, { input: retired });
    for (const leader of [person.principal, person.deputy]) {
      await runner.data(admin, DESIGNATE_LEADER, { input: { orgUnitId: school.id, personId: leader } });
    }
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('creates a holiday roster and refuses bad shifts, bad dates, overlaps, the wrong role and another school', async () => {
    const created = await runner.data(admin, CREATE_ROSTER, { input: rosterInput() });
    const roster = created.createDutyRoster.dutyRoster;
    rosterId = roster.id;
    expect(roster).toMatchObject({ orgUnitId: school.id, startDate: '2025-10-01', endDate: '2025-10-03', periodKind: 'HOLIDAY', version: 1 });
    expect(roster.shifts).toEqual([
      { ...DAY, overnight: false, durationMinutes: 720 },
      { ...NIGHT, overnight: true, durationMinutes: 720 },
    ]);

    const partDay = await runner.run(admin, CREATE_ROSTER, { input: rosterInput({ startDate: '2025-11-01', endDate: '2025-11-01', shifts: [DAY] }) });
    expect(errorOf(partDay)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'shifts', message: expect.stringContaining('24 小时全覆盖') }] });
    const overlapping = await runner.run(admin, CREATE_ROSTER, {
      input: rosterInput({ startDate: '2025-11-01', endDate: '2025-11-01', shifts: [DAY, { name: '夜班', start: '19:00', end: '08:00' }] }),
    });
    expect(errorOf(overlapping)?.fields).toEqual([{ field: 'shifts', message: '班次时间重叠：白班与夜班' }]);
    const backwards = await runner.run(admin, CREATE_ROSTER, { input: rosterInput({ startDate: '2025-11-02', endDate: '2025-11-01' }) });
    expect(errorOf(backwards)?.fields).toEqual([{ field: 'endDate', message: '结束日期不能早于开始日期' }]);
    const tooLong = await runner.run(admin, CREATE_ROSTER, { input: rosterInput({ startDate: '2026-01-01', endDate: '2027-01-02' }) });
    expect(errorOf(tooLong)?.fields).toEqual([{ field: 'endDate', message: '值班表最长 366 天' }]);
    const badClock = await runner.run(admin, CREATE_ROSTER, { input: rosterInput({ shifts: [{ name: '白班', start: '8:00', end: '24:00' }] }) });
    expect(errorOf(badClock)?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(badClock)?.fields.map((field: any) => field.field)).toEqual(['shifts.0.start', 'shifts.0.end']);

    const sameDays = await runner.run(admin, CREATE_ROSTER, { input: rosterInput({ startDate: '2025-10-03', endDate: '2025-10-05' }) });
    expect(errorOf(sameDays)).toMatchObject({ code: 'CONFLICT', rosterId });

    const staff = viewerWith('acc-staff', [[Role.STAFF, school.id, school.path]]);
    const byStaff = await runner.run(staff, CREATE_ROSTER, { input: rosterInput({ startDate: '2025-12-01', endDate: '2025-12-01' }) });
    expect(errorOf(byStaff)?.code).toBe('FORBIDDEN');
    const otherLeader = viewerWith('acc-other', [[Role.UNIT_LEADER, otherSchool.id, otherSchool.path]]);
    const elsewhere = await runner.run(otherLeader, CREATE_ROSTER, { input: rosterInput({ startDate: '2025-12-01', endDate: '2025-12-01' }) });
    expect(errorOf(elsewhere)?.code).toBe('NOT_FOUND');

    // A college leader keeps the college's own duty, normal days needing no 24-hour cover.
    const collegeLeader = viewerWith('acc-college', [[Role.UNIT_LEADER, college.id, college.path]]);
    const collegeRoster = await runner.data(collegeLeader, CREATE_ROSTER, {
      input: rosterInput({ orgUnitId: college.id, name: '学院日常值班', periodKind: 'NORMAL', shifts: [{ name: '白班', start: '08:00', end: '17:00' }] }),
    });
    expect(collegeRoster.createDutyRoster.dutyRoster.periodKind).toBe('NORMAL');

    const [{ count }] = await db.dataSource.query('SELECT COUNT(*) AS count FROM duty_roster');
    expect(Number(count)).toBe(2);
  });

  it('fills slots, stored normalised, and refuses people outside the subtree, inactive people, unknown shifts and dates', async () => {
    await runner.data(admin, SET_SLOT, slot('2025-10-01', '白班', person.principal, [person.guard, person.stranger]));
    const replaced = await runner.data(admin, SET_SLOT, slot('2025-10-01', '白班', person.principal, [person.guard]));
    expect(replaced.setDutySlot.slot).toEqual({
      date: '2025-10-01',
      shiftName: '白班',
      leaderPersonId: person.principal,
      officerPersonIds: [person.guard],
      leader: { name: '王校长' },
      officers: [{ name: '张保卫' }],
    });
    await runner.data(admin, SET_SLOT, slot('2025-10-01', '夜班', person.deputy, [person.teacher, person.guard]));
    await runner.data(admin, SET_SLOT, slot('2025-10-02', '白班', null, [person.guard]));
    await runner.data(admin, SET_SLOT, slot('2025-10-02', '夜班', person.deputy, []));
    const cleared = await runner.data(admin, SET_SLOT, slot('2025-10-02', '夜班', null, []));
    expect(cleared.setDutySlot.slot).toBeNull();

    const officers = await db.dataSource.query(
      `SELECT s.duty_date AS date, s.shift_name AS shift, o.person_id AS personId, o.position
         FROM duty_slot s JOIN duty_slot_officer o ON o.slot_id = s.id ORDER BY s.duty_date, s.shift_name, o.position`,
    );
    expect(officers.map((row: any) => [row.date, row.shift, row.personId, row.position])).toEqual([
      ['2025-10-01', '夜班', person.teacher, 0],
      ['2025-10-01', '夜班', person.guard, 1],
      ['2025-10-01', '白班', person.guard, 0],
      ['2025-10-02', '白班', person.guard, 0],
    ]);

    const read = await runner.data(admin, ROSTER, { id: rosterId, from: '2025-10-01', to: '2025-10-01' });
    expect(read.dutyRoster.slots).toEqual([
      { date: '2025-10-01', shiftName: '白班', leader: { id: person.principal, name: '王校长' }, officers: [{ id: person.guard, name: '张保卫' }] },
      {
        date: '2025-10-01',
        shiftName: '夜班',
        leader: { id: person.deputy, name: '李副校长' },
        officers: [
          { id: person.teacher, name: '赵老师' },
          { id: person.guard, name: '张保卫' },
        ],
      },
    ]);

    const outsider = await runner.run(admin, SET_SLOT, slot('2025-10-03', '白班', person.principal, [person.outsider]));
    expect(errorOf(outsider)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'officerPersonIds', message: '孙老师不属于值班单位及其下级单位' }],
    });
    const retired = await runner.run(admin, SET_SLOT, slot('2025-10-03', '白班', person.retired, [person.guard]));
    expect(errorOf(retired)?.fields).toEqual([{ field: 'leaderPersonId', message: '周退休已停用' }]);
    const twice = await runner.run(admin, SET_SLOT, slot('2025-10-03', '白班', person.guard, [person.guard]));
    expect(errorOf(twice)?.fields).toEqual([{ field: 'officerPersonIds', message: '带班领导不能同时作为值班人员' }]);
    const offRange = await runner.run(admin, SET_SLOT, slot('2025-10-04', '中班', person.principal, [person.guard]));
    expect(errorOf(offRange)?.fields.map((field: any) => field.field)).toEqual(['date', 'shiftName']);

    const staff = viewerWith('acc-staff', [[Role.STAFF, school.id, school.path]], person.stranger);
    expect(errorOf(await runner.run(staff, SET_SLOT, slot('2025-10-03', '白班', person.principal, [person.guard])))?.code).toBe('FORBIDDEN');
    const otherLeader = viewerWith('acc-other', [[Role.UNIT_LEADER, otherSchool.id, otherSchool.path]]);
    expect(errorOf(await runner.run(otherLeader, SET_SLOT, slot('2025-10-03', '白班', null, [person.outsider])))?.code).toBe('NOT_FOUND');

    const [{ count }] = await db.dataSource.query("SELECT COUNT(*) AS count FROM duty_slot WHERE duty_date = '2025-10-03'");
    expect(Number(count)).toBe(0);
  });

  it('finds gaps and announces each with one DutyGapFound event, once', async () => {
    const expected = [
      { date: '2025-10-02', shiftName: '白班', missing: ['LEADER'] },
      { date: '2025-10-02', shiftName: '夜班', missing: ['LEADER', 'OFFICER'] },
      { date: '2025-10-03', shiftName: '白班', missing: ['LEADER', 'OFFICER'] },
      { date: '2025-10-03', shiftName: '夜班', missing: ['LEADER', 'OFFICER'] },
    ];
    expect((await runner.data(admin, GAPS, { id: rosterId })).dutyGaps).toEqual(expected);

    const first = (await runner.data(admin, CHECK_GAPS, { id: rosterId })).checkDutyGaps;
    expect(first).toEqual({ gaps: expected, newlyReported: expected });
    const events = await gapEvents();
    expect(events).toHaveLength(4);
    expect(events.every((event) => event.aggregateId === rosterId)).toBe(true);
    expect(events.find((event) => event.payload.date === '2025-10-02' && event.payload.shift === '夜班')?.payload).toEqual({
      rosterId,
      orgUnitId: school.id,
      orgPath: school.path,
      date: '2025-10-02',
      shift: '夜班',
      missing: ['LEADER', 'OFFICER'],
    });

    const again = (await runner.data(admin, CHECK_GAPS, { id: rosterId })).checkDutyGaps;
    expect(again).toEqual({ gaps: expected, newlyReported: [] });
    expect(await gapEvents()).toHaveLength(4);

    // The first day loses its leader: only that is new.
    await runner.data(admin, SET_SLOT, slot('2025-10-01', '白班', null, [person.guard]));
    const third = (await runner.data(admin, CHECK_GAPS, { id: rosterId })).checkDutyGaps;
    expect(third.newlyReported).toEqual([{ date: '2025-10-01', shiftName: '白班', missing: ['LEADER'] }]);
    const after = await gapEvents();
    expect(after).toHaveLength(5);
    expect(after.filter((event) => event.payload.date === '2025-10-01').map((event) => event.payload)).toEqual([
      expect.objectContaining({ shift: '白班', missing: ['LEADER'] }),
    ]);
    const [{ count }] = await db.dataSource.query('SELECT COUNT(*) AS count FROM duty_gap_report WHERE roster_id = ?', [rosterId]);
    expect(Number(count)).toBe(8);
    await runner.data(admin, SET_SLOT, slot('2025-10-01', '白班', person.principal, [person.guard]));

    const staff = viewerWith('acc-staff', [[Role.STAFF, school.id, school.path]]);
    expect(errorOf(await runner.run(staff, CHECK_GAPS, { id: rosterId }))?.code).toBe('FORBIDDEN');
    const otherLeader = viewerWith('acc-other', [[Role.UNIT_LEADER, otherSchool.id, otherSchool.path]]);
    expect(errorOf(await runner.run(otherLeader, GAPS, { id: rosterId }))?.code).toBe('NOT_FOUND');
  });

  it('lets the people on a shift write its handover note and log, and refuses an unrelated member of staff', async () => {
    // The teacher's own scope is the college; being on the night shift is what lets them write.
    const teacher = viewerWith('acc-teacher', [[Role.STAFF, college.id, college.path]], person.teacher);
    const note = await runner.data(teacher, ADD_NOTE, {
      input: { rosterId, date: '2025-10-01', shiftName: '夜班', note: '夜间巡查正常，东门门禁故障已报修' },
    });
    expect(note.addHandoverNote.handoverNote).toEqual({
      date: '2025-10-01',
      shiftName: '夜班',
      note: '夜间巡查正常，东门门禁故障已报修',
      writtenBy: { id: person.teacher, name: '赵老师' },
    });
    // 02:30 in Shanghai on 10-02 falls in the night shift of 10-01.
    const log = await runner.data(teacher, ADD_LOG, {
      input: { rosterId, occurredAt: '2025-10-01T18:30:00.000Z', category: 'INSPECTION', content: '巡查宿舍区，无异常' },
    });
    expect(log.addDutyLogEntry.logEntry).toEqual({
      occurredAt: '2025-10-01T18:30:00.000Z',
      category: 'INSPECTION',
      content: '巡查宿舍区，无异常',
      date: '2025-10-01',
      shiftName: '夜班',
      recordedByPersonId: person.teacher,
    });
    const notTheirShift = await runner.run(teacher, ADD_NOTE, { input: { rosterId, date: '2025-10-01', shiftName: '白班', note: '交班' } });
    expect(errorOf(notTheirShift)?.code).toBe('NOT_FOUND');

    const stranger = viewerWith('acc-stranger', [[Role.STAFF, school.id, school.path]], person.stranger);
    const strangerNote = await runner.run(stranger, ADD_NOTE, { input: { rosterId, date: '2025-10-01', shiftName: '夜班', note: '代写' } });
    expect(errorOf(strangerNote)?.code).toBe('FORBIDDEN');
    const strangerLog = await runner.run(stranger, ADD_LOG, {
      input: { rosterId, occurredAt: '2025-10-01T18:40:00.000Z', category: 'OTHER', content: '代记' },
    });
    expect(errorOf(strangerLog)?.code).toBe('FORBIDDEN');

    await runner.data(admin, ADD_LOG, { input: { rosterId, occurredAt: '2025-10-02T01:00:00.000Z', category: 'INCIDENT', content: '学生宿舍跳闸，已处置' } });
    const outside = await runner.run(admin, ADD_LOG, { input: { rosterId, occurredAt: '2025-10-05T01:00:00.000Z', category: 'NORMAL', content: '正常' } });
    expect(errorOf(outside)?.fields).toEqual([{ field: 'occurredAt', message: expect.stringContaining('不在值班表的值班期内') }]);
    const wrongShift = await runner.run(admin, ADD_NOTE, { input: { rosterId, date: '2025-10-01', shiftName: '中班', note: '交班' } });
    expect(errorOf(wrongShift)?.fields).toEqual([{ field: 'shiftName', message: expect.stringContaining('值班表没有此班次') }]);

    const read = (await runner.data(admin, ROSTER, { id: rosterId })).dutyRoster;
    expect(read.handoverNotes.totalCount).toBe(1);
    expect(read.logEntries.edges.map((edge: any) => [edge.node.category, edge.node.date, edge.node.shiftName])).toEqual([
      ['INCIDENT', '2025-10-02', '白班'],
      ['INSPECTION', '2025-10-01', '夜班'],
    ]);
    expect(read.logEntries.edges[1].node.recordedBy).toEqual({ id: person.teacher });
  });

  it('tells who is on duty during a day shift, after midnight on the night shift, and for a college whose own roster has no shift running', async () => {
    const day = (await runner.data(admin, ON_DUTY, { unit: school.id, at: '2025-10-01T02:00:00.000Z' })).onDutyNow;
    expect(day).toEqual({
      roster: { id: rosterId, orgUnitId: school.id },
      date: '2025-10-01',
      shift: { name: '白班', overnight: false },
      startsAt: '2025-10-01T00:00:00.000Z',
      endsAt: '2025-10-01T12:00:00.000Z',
      leader: { name: '王校长' },
      officers: [{ name: '张保卫' }],
      contacts: [
        { name: '王校长', phone: null, leader: true },
        { name: '张保卫', phone: null, leader: false },
      ],
    });

    const night = (await runner.data(admin, ON_DUTY, { unit: school.id, at: '2025-10-01T19:00:00.000Z' })).onDutyNow;
    expect(night).toMatchObject({
      date: '2025-10-01',
      shift: { name: '夜班', overnight: true },
      startsAt: '2025-10-01T12:00:00.000Z',
      endsAt: '2025-10-02T00:00:00.000Z',
      leader: { name: '李副校长' },
      officers: [{ name: '赵老师' }, { name: '张保卫' }],
    });

    // The college's own roster covers 08:00–17:00 only: at 03:00 the school's night shift answers for it.
    const collegeAtNight = (await runner.data(admin, ON_DUTY, { unit: college.id, at: '2025-10-01T19:00:00.000Z' })).onDutyNow;
    expect(collegeAtNight.roster).toEqual({ id: rosterId, orgUnitId: school.id });
    const collegeByDay = (await runner.data(admin, ON_DUTY, { unit: college.id, at: '2025-10-01T02:00:00.000Z' })).onDutyNow;
    expect(collegeByDay.roster.orgUnitId).toBe(college.id);
    expect(collegeByDay.officers).toEqual([]);

    const unstaffed = (await runner.data(admin, ON_DUTY, { unit: school.id, at: '2025-10-02T14:00:00.000Z' })).onDutyNow;
    expect(unstaffed).toMatchObject({ date: '2025-10-02', shift: { name: '夜班' }, leader: null, officers: [] });
    expect((await runner.data(admin, ON_DUTY, { unit: school.id, at: '2025-10-05T02:00:00.000Z' })).onDutyNow).toBeNull();

    // Outside the viewer's scope the unit is not found; a college's own people learn that the school's
    // night shift covers them, though the school's roster is above their scope (公示).
    const otherLeader = viewerWith('acc-other', [[Role.UNIT_LEADER, otherSchool.id, otherSchool.path]]);
    expect(errorOf(await runner.run(otherLeader, ON_DUTY, { unit: school.id, at: '2025-10-01T02:00:00.000Z' }))?.code).toBe('NOT_FOUND');
    const collegeLeader = viewerWith('acc-college', [[Role.UNIT_LEADER, college.id, college.path]]);
    const borrowed = (await runner.data(collegeLeader, ON_DUTY, { unit: college.id, at: '2025-10-01T19:00:00.000Z' })).onDutyNow;
    expect(borrowed).toMatchObject({ roster: { id: rosterId, orgUnitId: school.id }, shift: { name: '夜班' } });
    expect(borrowed.contacts.map((contact: { name: string; leader: boolean }) => [contact.name, contact.leader])).toEqual([
      ['李副校长', true],
      ['赵老师', false],
      ['张保卫', false],
    ]);
    expect(errorOf(await runner.run(collegeLeader, ON_DUTY, { unit: school.id, at: '2025-10-01T19:00:00.000Z' }))?.code).toBe('NOT_FOUND');
  });

  it('updates a roster with optimistic locking and keeps staffed shifts', async () => {
    const renamed = await runner.data(admin, UPDATE_ROSTER, { input: { id: rosterId, version: 1, name: '改名' } });
    expect(renamed.updateDutyRoster.dutyRoster).toMatchObject({ name: '改名', periodKind: 'HOLIDAY', version: 2 });

    const stale = await runner.run(admin, UPDATE_ROSTER, { input: { id: rosterId, version: 1, name: '又改名' } });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const dropNight = await runner.run(admin, UPDATE_ROSTER, {
      input: { id: rosterId, version: 2, periodKind: 'NORMAL', shifts: [{ name: '白班', start: '08:00', end: '18:00' }] },
    });
    expect(errorOf(dropNight)).toMatchObject({ code: 'CONFLICT', shiftNames: ['夜班'] });
    const halfDay = await runner.run(admin, UPDATE_ROSTER, { input: { id: rosterId, version: 2, shifts: [DAY, { name: '夜班', start: '20:00', end: '23:00' }] } });
    expect(errorOf(halfDay)?.fields).toEqual([{ field: 'shifts', message: expect.stringContaining('24 小时全覆盖') }]);

    const reshaped = await runner.data(admin, UPDATE_ROSTER, {
      input: { id: rosterId, version: 2, periodKind: 'SENSITIVE', shifts: [{ name: '白班', start: '07:00', end: '19:00' }, { name: '夜班', start: '19:00', end: '07:00' }] },
    });
    expect(reshaped.updateDutyRoster.dutyRoster).toMatchObject({ periodKind: 'SENSITIVE', version: 3, shifts: [{ start: '07:00' }, { start: '19:00' }] });

    const staff = viewerWith('acc-staff', [[Role.STAFF, school.id, school.path]]);
    expect(errorOf(await runner.run(staff, UPDATE_ROSTER, { input: { id: rosterId, version: 3, name: 'x' } }))?.code).toBe('FORBIDDEN');
    const otherLeader = viewerWith('acc-other', [[Role.UNIT_LEADER, otherSchool.id, otherSchool.path]]);
    expect(errorOf(await runner.run(otherLeader, UPDATE_ROSTER, { input: { id: rosterId, version: 3, name: 'x' } }))?.code).toBe('NOT_FOUND');
  });

  it('lists rosters in scope by unit, subtree, period and covered date', async () => {
    const names = async (viewer: Viewer, filter: Record<string, unknown>) =>
      (await runner.data(viewer, ROSTERS, { filter })).dutyRosters.edges.map((edge: any) => edge.node.name);
    expect(await names(admin, { orgUnitId: school.id })).toEqual(['改名']);
    expect((await names(admin, { orgUnitId: school.id, includeSubtree: true })).sort()).toEqual(['学院日常值班', '改名']);
    expect(await names(admin, { periodKind: 'NORMAL' })).toEqual(['学院日常值班']);
    expect(await names(admin, { coveringDate: '2025-10-04' })).toEqual([]);
    expect(await names(admin, { coveringDate: '2025-10-03', periodKind: 'SENSITIVE' })).toEqual(['改名']);

    const otherLeader = viewerWith('acc-other', [[Role.UNIT_LEADER, otherSchool.id, otherSchool.path]]);
    expect(await names(otherLeader, {})).toEqual([]);
    expect((await runner.data(otherLeader, ROSTER, { id: rosterId })).dutyRoster).toBeNull();
    expect(errorOf(await runner.run(otherLeader, ROSTERS, { filter: { orgUnitId: school.id } }))?.code).toBe('NOT_FOUND');
  });
});
