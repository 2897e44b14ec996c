import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildEducationSchema, EDUCATION_MODULES } from '../service';

const PATHS: Record<string, string> = {
  bureau: '/bureau/',
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  classa1: '/bureau/school/collegea/classa1/',
  classa2: '/bureau/school/collegea/classa2/',
  collegeb: '/bureau/school/collegeb/',
  classb1: '/bureau/school/collegeb/classb1/',
};
const KINDS: Record<string, string> = { bureau: 'BUREAU', school: 'SCHOOL', collegea: 'COLLEGE', collegeb: 'COLLEGE', classa1: 'CLASS', classa2: 'CLASS', classb1: 'CLASS' };

const CHECK_FIELDS = `id checkDate session timeliness enteredAt recordedByName correctedAt version orgUnit { id }
  figures { enrolled present absent absentForIllness fever cough notes }
  revisions { version reason correctedByName previous { present absentForIllness fever } }`;
const RECORD = `mutation($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { healthCheck { ${CHECK_FIELDS} } } }`;
const CORRECT = `mutation($input: CorrectHealthCheckInput!) { correctHealthCheck(input: $input) { healthCheck { ${CHECK_FIELDS} } } }`;
const SET_SESSIONS = 'mutation($input: SetHealthCheckSessionsInput!) { setHealthCheckSessions(input: $input) { schedule { sessions setAtUnitId } } }';
const SESSIONS = 'query($id: ID!) { healthCheckSessions(orgUnitId: $id) { sessions setAtUnitId } }';
const LIST = 'query($filter: HealthCheckFilter!) { healthChecks(filter: $filter, first: 50) { totalCount edges { node { checkDate session timeliness orgUnit { id } } } } }';
const COMPLETION = `query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) { healthCheckCompletion(orgUnitId: $id, from: $from, to: $to) {
  rows { orgUnit { id } unitKind classes expected onTime late backfilled missing onTimeRate completionRate }
  missingSlots { orgUnit { id } checkDate session } } }`;
const ABSENCE_FIELDS = 'id status absentOn symptoms causeDueOn overdue parentsContactedAt cause diagnosis infectiousSuspected expectedReturnOn returnedOn version student { id name } orgUnit { id }';
const absenceMutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { illnessAbsence { ${ABSENCE_FIELDS} } } }`;
const RECORD_ABSENCE = absenceMutation('recordIllnessAbsence', 'RecordIllnessAbsenceInput');
const CONTACT = absenceMutation('contactIllnessAbsenceParents', 'ContactIllnessAbsenceParentsInput');
const CAUSE = absenceMutation('recordIllnessAbsenceCause', 'RecordIllnessAbsenceCauseInput');
const RETURN = absenceMutation('recordIllnessAbsenceReturn', 'RecordIllnessAbsenceReturnInput');
const ABSENCES = 'query($filter: IllnessAbsenceFilter) { illnessAbsences(filter: $filter, first: 20) { totalCount edges { node { id status overdue student { name } } } } }';

const teacherA1 = viewerWith('teacher-a1', [[Role.STAFF, 'classa1', PATHS.classa1]], 'teachera1');
const teacherB1 = viewerWith('teacher-b1', [[Role.STAFF, 'classb1', PATHS.classb1]]);
const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]]);
const gridA = viewerWith('grid-a', [[Role.GRID_OFFICER, 'collegea', PATHS.collegea]]);
const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);

const FIGURES = { enrolled: 40, present: 38, absentForIllness: 1, fever: 1 };
// Monday 2026-12-07, 08:00 in Shanghai.
const MONDAY_8AM = new Date('2026-12-07T00:00:00Z');
const HOUR = 3600 * 1000;

describe('education-drills: 晨午晚检 and 因病缺课追踪 (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let now = MONDAY_8AM;

  const at = (hoursAfterMondayEight: number) => {
    now = new Date(MONDAY_8AM.getTime() + hoursAfterMondayEight * HOUR);
  };
  const record = async (orgUnitId: string, checkDate: string, session: string, viewer = teacherA1, figures: Record<string, unknown> = FIGURES) =>
    runner.run(viewer, RECORD, { input: { orgUnitId, checkDate, session, figures } });

  beforeAll(async () => {
    db = await createServiceTestDatabase('health_checks', EDUCATION_MODULES);
    for (const [id, path] of Object.entries(PATHS)) {
      await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name, kind) VALUES (?, ?, ?, ?)', [id, path, id, KINDS[id]]);
    }
    const people = [['stua1', '王小明', 'STUDENT', 'classa1'], ['stub1', '李华', 'STUDENT', 'classb1'], ['teachera1', '赵老师', 'STAFF', 'classa1']];
    for (const [id, name, kind, unit] of people) {
      await db.dataSource.query('INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES (?, ?, ?, ?, ?, TRUE)', [id, name, kind, unit, PATHS[unit]]);
    }
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL, { now: () => now }));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('records checks on time, late and back-filled by the server clock, and counts the missing ones per class, college and school', async () => {
    at(0);
    const onTime = (await record('classa1', '2026-12-07', 'MORNING')).data?.recordHealthCheck.healthCheck;
    expect(onTime).toMatchObject({ timeliness: 'ON_TIME', recordedByName: '赵老师', version: 1, orgUnit: { id: 'classa1' }, figures: { enrolled: 40, present: 38, absent: 2 } });
    expect(onTime.enteredAt).toBe(MONDAY_8AM.toISOString());

    at(2); // 10:00: the morning check of classa2 is late.
    expect((await record('classa2', '2026-12-07', 'MORNING', officerA)).data?.recordHealthCheck.healthCheck.timeliness).toBe('LATE');
    at(25); // Tuesday 09:00: Monday's noon check of classa2 is back-filled.
    expect((await record('classa2', '2026-12-07', 'NOON', officerA)).data?.recordHealthCheck.healthCheck.timeliness).toBe('BACKFILLED');
    at(32); // Tuesday 16:00: both of Tuesday's sessions are due.
    expect((await record('classb1', '2026-12-08', 'MORNING', teacherB1)).data?.recordHealthCheck.healthCheck.timeliness).toBe('LATE');

    const completion = (await runner.data(schoolOffice, COMPLETION, { id: 'school', from: '2026-12-05', to: '2026-12-09' })).healthCheckCompletion;
    const byUnit = Object.fromEntries(completion.rows.map((row: any) => [row.orgUnit.id, row]));
    expect(completion.rows.map((row: any) => row.orgUnit.id)).toEqual(['school', 'collegea', 'classa1', 'classa2', 'collegeb', 'classb1']);
    expect(byUnit.classa1).toMatchObject({ unitKind: 'CLASS', classes: 1, expected: 4, onTime: 1, late: 0, backfilled: 0, missing: 3, onTimeRate: 0.25, completionRate: 0.25 });
    expect(byUnit.classa2).toMatchObject({ expected: 4, onTime: 0, late: 1, backfilled: 1, missing: 2, completionRate: 0.5 });
    expect(byUnit.collegea).toMatchObject({ classes: 2, expected: 8, onTime: 1, late: 1, backfilled: 1, missing: 5 });
    expect(byUnit.school).toMatchObject({ classes: 3, expected: 12, onTime: 1, late: 2, backfilled: 1, missing: 8 });
    expect(completion.missingSlots.filter((slot: any) => slot.orgUnit.id === 'classa1')).toEqual([
      { orgUnit: { id: 'classa1' }, checkDate: '2026-12-07', session: 'NOON' },
      { orgUnit: { id: 'classa1' }, checkDate: '2026-12-08', session: 'MORNING' },
      { orgUnit: { id: 'classa1' }, checkDate: '2026-12-08', session: 'NOON' },
    ]);

    const own = (await runner.data(teacherA1, COMPLETION, { id: 'classa1', from: '2026-12-07', to: '2026-12-08' })).healthCheckCompletion;
    expect(own.rows).toHaveLength(1);
    expect((await runner.run(teacherA1, COMPLETION, { id: 'collegea', from: '2026-12-07', to: '2026-12-08' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.run(gridA, COMPLETION, { id: 'collegea', from: '2026-12-07', to: '2026-12-08' })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });

    const listed = (await runner.data(officerA, LIST, { filter: { orgUnitId: 'collegea', from: '2026-12-07', to: '2026-12-08' } })).healthChecks;
    expect(listed.totalCount).toBe(3);
    expect((await runner.data(teacherB1, LIST, { filter: { orgUnitId: 'classb1', from: '2026-12-07', to: '2026-12-08' } })).healthChecks.totalCount).toBe(1);
    // Without dates: the 30 days up to today.
    expect((await runner.data(officerA, LIST, { filter: { orgUnitId: 'collegea' } })).healthChecks.totalCount).toBe(3);
    expect((await runner.run(teacherB1, LIST, { filter: { orgUnitId: 'collegea' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses out-of-scope, wrong-role, non-class, duplicate, unscheduled and inconsistent entries', async () => {
    at(50); // Wednesday 10:00
    expect((await record('classa1', '2026-12-09', 'MORNING', teacherB1)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await record('classa1', '2026-12-09', 'MORNING', gridA)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const inconsistent = await record('classa1', '2026-12-09', 'MORNING', teacherA1, { ...FIGURES, present: 41 });
    expect(inconsistent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'figures.present', message: '实到人数（41）不能多于应到人数（40）' }] });
    const notClass = await record('collegea', '2026-12-09', 'MORNING', officerA);
    expect(notClass.errors?.[0].extensions?.fields).toEqual([{ field: 'orgUnitId', message: '晨午晚检按班级填报，所选单位不是班级' }]);
    expect((await record('classa1', '2026-12-10', 'MORNING')).errors?.[0].extensions?.fields).toEqual([{ field: 'checkDate', message: '检查日期不能晚于今天' }]);
    expect((await record('classa1', '2026-12-06', 'MORNING')).errors?.[0].extensions?.fields?.[0].field).toBe('checkDate');
    expect((await record('classa1', '2026-12-09', 'EVENING')).errors?.[0].extensions?.fields?.[0].field).toBe('session');
    const duplicate = await record('classa1', '2026-12-07', 'MORNING');
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });

    expect((await runner.run(teacherA1, SET_SESSIONS, { input: { orgUnitId: 'classa1', sessions: ['EVENING'] } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const boarding = await runner.data(schoolOffice, SET_SESSIONS, { input: { orgUnitId: 'collegea', sessions: ['EVENING', 'MORNING', 'NOON'] } });
    expect(boarding.setHealthCheckSessions.schedule).toEqual({ sessions: ['MORNING', 'NOON', 'EVENING'], setAtUnitId: 'collegea' });
    expect((await runner.data(teacherA1, SESSIONS, { id: 'classa1' })).healthCheckSessions).toEqual({ sessions: ['MORNING', 'NOON', 'EVENING'], setAtUnitId: 'collegea' });
    expect((await runner.data(teacherB1, SESSIONS, { id: 'classb1' })).healthCheckSessions).toEqual({ sessions: ['MORNING', 'NOON'], setAtUnitId: null });
    expect((await record('classa1', '2026-12-09', 'EVENING')).data?.recordHealthCheck.healthCheck.timeliness).toBe('ON_TIME');
  });

  it('keeps the replaced figures of a correction, keeps the entry time, and refuses a stale version', async () => {
    at(51);
    const first = (await record('classa1', '2026-12-09', 'NOON')).data?.recordHealthCheck.healthCheck;
    at(52);
    const corrected = (await runner.data(officerA, CORRECT, {
      input: { id: first.id, version: 1, reason: '漏记一名发热学生', figures: { enrolled: 40, present: 37, absentForIllness: 2, fever: 2, notes: '两名学生发热就医' } },
    })).correctHealthCheck.healthCheck;
    expect(corrected).toMatchObject({
      version: 2,
      timeliness: 'ON_TIME',
      enteredAt: first.enteredAt,
      figures: { present: 37, absent: 3, absentForIllness: 2, fever: 2, notes: '两名学生发热就医' },
      revisions: [{ version: 1, reason: '漏记一名发热学生', correctedByName: null, previous: { present: 38, absentForIllness: 1, fever: 1 } }],
    });
    expect(corrected.correctedAt).toBe(now.toISOString());
    const stale = await runner.run(teacherA1, CORRECT, { input: { id: first.id, version: 1, reason: '再次更正', figures: FIGURES } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const outOfScope = await runner.run(teacherB1, CORRECT, { input: { id: first.id, version: 2, reason: '越权更正', figures: FIGURES } });
    expect(outOfScope.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('follows an illness absence from the parents to the cause and the return, listing it overdue while the cause is unknown', async () => {
    at(50); // Wednesday
    const created = (await runner.data(teacherA1, RECORD_ABSENCE, { input: { studentId: 'stua1', absentOn: '2026-12-08', symptoms: ['FEVER', 'COUGH'] } })).recordIllnessAbsence.illnessAbsence;
    expect(created).toMatchObject({ status: 'OPEN', causeDueOn: '2026-12-09', overdue: false, student: { id: 'stua1', name: '王小明' }, orgUnit: { id: 'classa1' }, symptoms: ['FEVER', 'COUGH'] });
    expect((await runner.run(teacherB1, RECORD_ABSENCE, { input: { studentId: 'stua1', absentOn: '2026-12-08', symptoms: ['FEVER'] } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.run(gridA, ABSENCES, {})).data?.illnessAbsences.totalCount).toBe(0);

    at(74); // Thursday: the cause was due by the end of Wednesday.
    expect((await runner.data(officerA, ABSENCES, { filter: { overdue: true } })).illnessAbsences.edges.map((edge: any) => edge.node)).toEqual([
      { id: created.id, status: 'OPEN', overdue: true, student: { name: '王小明' } },
    ]);
    const early = await runner.run(teacherA1, RETURN, { input: { id: created.id, version: 1, returnedOn: '2026-12-10' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    const contacted = (await runner.data(teacherA1, CONTACT, { input: { id: created.id, version: 1, contactedAt: '2026-12-08T01:30:00Z', note: '家长告知已就医' } })).contactIllnessAbsenceParents.illnessAbsence;
    expect(contacted).toMatchObject({ status: 'OPEN', parentsContactedAt: '2026-12-08T01:30:00.000Z', version: 2 });
    const found = (await runner.data(teacherA1, CAUSE, {
      input: { id: created.id, version: 2, cause: '流行性感冒', diagnosis: '甲型流感', infectiousSuspected: true, expectedReturnOn: '2026-12-11' },
    })).recordIllnessAbsenceCause.illnessAbsence;
    expect(found).toMatchObject({ status: 'CAUSE_FOUND', overdue: false, infectiousSuspected: true, diagnosis: '甲型流感', expectedReturnOn: '2026-12-11' });
    expect((await runner.run(teacherA1, CAUSE, { input: { id: created.id, version: 2, cause: '感冒', infectiousSuspected: false } })).errors?.[0].extensions?.reason).toBe('STALE_VERSION');
    const back = (await runner.data(teacherA1, RETURN, { input: { id: created.id, version: 3, returnedOn: '2026-12-10' } })).recordIllnessAbsenceReturn.illnessAbsence;
    expect(back).toMatchObject({ status: 'RETURNED', returnedOn: '2026-12-10', version: 4 });
    expect((await runner.data(schoolOffice, ABSENCES, { filter: { infectiousSuspected: true } })).illnessAbsences.totalCount).toBe(1);
    expect((await runner.run(teacherA1, RECORD_ABSENCE, { input: { studentId: 'stua1', absentOn: '2026-12-08', symptoms: ['RASH'] } })).errors?.[0].extensions?.reason).toBe('DUPLICATE');
  });
});
