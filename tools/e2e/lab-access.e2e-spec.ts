import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const PLACES = '{ places(first: 100) { edges { node { id name labRequirements { version items { kind topic label } } } } } }';
const STUDENTS = 'query($unit: ID!) { orgUnit(id: $unit) { people(first: 100, filter: { kind: STUDENT }) { edges { node { id name } } } } }';
const CREATE_PLACE = 'mutation($input: CreatePlaceInput!) { createPlace(input: $input) { place { id } } }';
const SET_REQUIREMENTS = 'mutation($input: SetLabRequirementsInput!) { setLabRequirements(input: $input) { requirements { version } } }';
const CREATE_ACTIVITY = 'mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { id } } }';
const MARK = 'mutation($input: MarkEducationAttendanceInput!) { markEducationAttendance(input: $input) { recorded } }';
const CHECK = 'query($lab: ID!, $person: ID!) { labAccessCheck(labId: $lab, personId: $person) { met missing { topic missing } } }';
const ADMIT = 'mutation($input: AdmitToLabInput!) { admitToLab(input: $input) { entry { id status version person { name } admittedBy { name } } } }';
const REVOKE = 'mutation($input: RevokeLabAccessInput!) { revokeLabAccess(input: $input) { entry { status revokeReason } } }';
const ENTRIES = 'query($lab: ID!, $status: LabAccessStatus) { labAccessEntries(labId: $lab, status: $status) { totalCount edges { node { id status person { name } } } } }';
const REFUSALS = 'query($lab: ID!) { labAccessRefusals(labId: $lab) { totalCount edges { node { person { name } attemptedBy { name } missing { topic missing } } } } }';

/** 实验室准入 through the gateway on the demo campus (issue 17, part 8): admission follows education-drills' attendance events. */
describe('lab access', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let xx: GraphQLClient;
  let places: Map<string, any>;
  let students: Map<string, string>;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4770);
    [office, xx] = await Promise.all(['safety.office', 'xx.officer'].map((name) => fixture.as(name)));
    places = new Map((await office.data(PLACES)).places.edges.map(({ node }: any) => [node.name, node]));
    const people = (await xx.data(STUDENTS, { unit: fixture.unitIds['XDZY-XX'] })).orgUnit.people.edges;
    students = new Map(people.map(({ node }: any) => [node.name, node.id]));
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('shows the demo requirements, admissions and the refused attempt explained', async () => {
    expect(places.get('3号实训楼').labRequirements.items).toEqual([
      { kind: 'TRAINING', topic: 'LAB_SAFETY', label: '参加「实验室安全」安全培训（365 天内）' },
      { kind: 'QUIZ', topic: '消防', label: '通过「消防」安全测试（365 天内）' },
    ]);
    const lab = places.get('301机房').id;
    const entries = (await xx.data(ENTRIES, { lab, status: 'ACTIVE' })).labAccessEntries;
    expect(entries.edges.map(({ node }: any) => node.person.name).sort()).toEqual(['李欣怡', '王子涵'].sort());
    const refusals = (await xx.data(REFUSALS, { lab })).labAccessRefusals;
    expect(refusals.edges[0].node).toMatchObject({ person: { name: '赵一鸣' }, attemptedBy: { name: '张伟' }, missing: [{ topic: 'LAB_SAFETY' }] });
  });

  it('refuses entering a lab without its training, then admits once the attendance arrives; expiry and revoke', async () => {
    const building = places.get('信息楼').id;
    const lab = (await xx.data(CREATE_PLACE, { input: { orgUnitId: fixture.unitIds['XDZY-XX'], name: '电子技术实验室', kind: 'ROOM', function: 'LAB', parentId: building } })).createPlace.place.id;
    await xx.data(SET_REQUIREMENTS, { input: { labId: lab, version: 0, items: [{ kind: 'TRAINING', topic: 'LAB_SAFETY', validDays: 365 }] } });
    const student = students.get('黄诗琪')!;
    const soon = () => new Date(Date.now() + 90 * DAY_MS).toISOString();

    const refused = await xx.request(ADMIT, { input: { labId: lab, personId: student, expiresAt: soon() } });
    expect(refused.errors?.[0].message).toContain('参加「实验室安全」安全培训');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAB_REQUIREMENTS_NOT_MET', missing: [{ kind: 'TRAINING', topic: 'LAB_SAFETY' }] });
    expect((await xx.data(CHECK, { lab, person: student })).labAccessCheck).toMatchObject({ met: false, missing: [{ topic: 'LAB_SAFETY' }] });

    const day = calendarDateOf(new Date(Date.now() - 2 * DAY_MS));
    const activity = (
      await xx.data(CREATE_ACTIVITY, {
        input: {
          orgUnitId: fixture.unitIds['XDZY-XX'], title: '实验室安全准入培训（补训）', kind: 'HANDS_ON', topics: ['LAB_SAFETY'], audienceKinds: ['STUDENT'],
          startsAt: `${day}T06:00:00Z`, endsAt: `${day}T08:00:00Z`, placeText: '电子技术实验室',
        },
      })
    ).createEducationActivity.educationActivity.id;
    await xx.data(MARK, { input: { activityId: activity, personIds: [student] } });
    const check = await eventually(() => xx.data(CHECK, { lab, person: student }), (data) => data.labAccessCheck.met, 60_000);
    expect(check.labAccessCheck).toEqual({ met: true, missing: [] });

    const shortLived = (await xx.data(ADMIT, { input: { labId: lab, personId: student, expiresAt: new Date(Date.now() + 1500).toISOString() } })).admitToLab.entry;
    expect(shortLived).toMatchObject({ status: 'ACTIVE', person: { name: '黄诗琪' }, admittedBy: { name: '张伟' } });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await xx.data(ENTRIES, { lab, status: 'EXPIRED' })).labAccessEntries.edges.map(({ node }: any) => node.id)).toEqual([shortLived.id]);

    const admitted = (await xx.data(ADMIT, { input: { labId: lab, personId: student, expiresAt: soon() } })).admitToLab.entry;
    const revoked = await xx.data(REVOKE, { input: { id: admitted.id, version: admitted.version, reason: '未按规定穿戴防护用品' } });
    expect(revoked.revokeLabAccess.entry).toEqual({ status: 'REVOKED', revokeReason: '未按规定穿戴防护用品' });
    const statuses = (await xx.data(ENTRIES, { lab })).labAccessEntries.edges.map(({ node }: any) => node.status);
    expect(statuses).toEqual(['REVOKED', 'EXPIRED']);
    expect((await xx.data(REFUSALS, { lab })).labAccessRefusals.totalCount).toBe(1);
  });

  it('refuses staff and grid officers (FORBIDDEN) and hides a lab of another college (NOT_FOUND)', async () => {
    const lab = places.get('301机房').id;
    const student = students.get('张浩然')!;
    const expiresAt = new Date(Date.now() + 30 * DAY_MS).toISOString();
    const admin = await fixture.as('bureau.admin');
    const person = (await admin.data('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', {
      input: { orgUnitId: fixture.unitIds['XDZY-XX'], kind: 'STAFF', name: '钱老师', position: '信息工程学院教师' },
    })).createPerson.person.id;
    await admin.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
      input: { username: 'xx.teacher', password: 'Campus@2026', personId: person, grants: [{ role: 'STAFF', orgUnitId: fixture.unitIds['XDZY-XX'] }] },
    });
    const teacher = await fixture.as('xx.teacher');
    expect((await teacher.request(ADMIT, { input: { labId: lab, personId: student, expiresAt } })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await teacher.data(ENTRIES, { lab })).labAccessEntries.totalCount).toBe(2);
    const grid = await fixture.as('grid.officer');
    expect((await grid.request(ADMIT, { input: { labId: lab, personId: student, expiresAt } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const jd = await fixture.as('jd.officer');
    expect((await jd.request(ADMIT, { input: { labId: lab, personId: student, expiresAt } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await jd.request(ENTRIES, { lab })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const admitted = (await xx.data(ADMIT, { input: { labId: lab, personId: student, expiresAt } })).admitToLab.entry;
    expect(admitted).toMatchObject({ status: 'ACTIVE', person: { name: '张浩然' } });
  });
});
