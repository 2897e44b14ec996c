import { Role, Viewer } from '@campus/auth';
import { AttendanceRecorded, deliveredMessage, EventConsumer, EventContract, EventSubscriber, QuizPassed } from '@campus/events';
import { createLogger } from '@campus/logger';
import { SchemaRunner } from '@campus/testing';
import { randomUUID } from 'node:crypto';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';
import { labEducationFactHandlers } from './lab-education-facts';

const SET_REQUIREMENTS = `mutation($input: SetLabRequirementsInput!) {
  setLabRequirements(input: $input) { requirements { labId version items { kind topic validDays label } } lab { id } }
}`;
const ADMIT = `mutation($input: AdmitToLabInput!) {
  admitToLab(input: $input) { entry { id personId status expiresAt version person { id } lab { id } } }
}`;
const REVOKE = `mutation($input: RevokeLabAccessInput!) { revokeLabAccess(input: $input) { entry { id status revokeReason version } } }`;
const CHECK = `query($labId: ID!, $personId: ID!) {
  labAccessCheck(labId: $labId, personId: $personId) { met requirements { kind topic met validUntil } missing { topic missing } }
}`;
const ENTRIES = `query($labId: ID!, $status: LabAccessStatus) {
  labAccessEntries(labId: $labId, status: $status) { totalCount edges { node { id personId status } } }
}`;
const REFUSALS = `query($labId: ID!) {
  labAccessRefusals(labId: $labId) { totalCount edges { node { personId person { id } missing { kind topic missing } } } }
}`;
const PLACE = `query($id: ID!) { place(id: $id) { id labRequirements { version items { kind topic } } } }`;
const CREATE_PLACE = `mutation($input: CreatePlaceInput!) { createPlace(input: $input) { place { id } } }`;

const DAY_MS = 24 * 3600 * 1000;
const HANDED_IN: EventSubscriber = { subscribe: async () => ({ stop: async () => undefined }) };
const REQUIREMENTS = [
  { kind: 'TRAINING', topic: 'LAB_SAFETY', validDays: 365 },
  { kind: 'QUIZ', topic: '实验室安全准入测试', validDays: null },
];

describe('responsibility-network: lab access (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let admin: Viewer;
  let officer: Viewer;
  let college: Unit;
  let schoolB: Unit;
  let labId: string;
  let otherLabId: string;
  let classroomId: string;
  let student: { id: string; orgUnitId: string };
  let consumer: EventConsumer;
  let offset = 0;

  function deliver<P>(contract: EventContract<P>, payload: P, eventId = randomUUID()): Promise<void> {
    return consumer.receive(deliveredMessage(contract, payload, eventId, offset++));
  }

  function attendance(personId: string, heldAt: Date, topics = ['LAB_SAFETY', 'FIRE']) {
    return {
      activityId: randomUUID().replace(/-/g, ''),
      orgUnitId: college.id,
      orgPath: college.path,
      topics,
      heldAt: heldAt.toISOString(),
      method: 'CHECK_IN' as const,
      attendees: [{ personId, orgUnitId: college.id, orgPath: college.path }],
    };
  }

  function admit(viewer: Viewer, personId: string, expiresAt = new Date(Date.now() + 30 * DAY_MS), lab = labId) {
    return runner.run(viewer, ADMIT, { input: { labId: lab, personId, expiresAt: expiresAt.toISOString() } });
  }

  async function place(unit: Unit, name: string, kind: string, fn: string | null, parentId?: string): Promise<string> {
    return (await runner.data(admin, CREATE_PLACE, { input: { orgUnitId: unit.id, name, kind, function: fn, parentId } })).createPlace.place.id;
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('lab_access');
    runner = fx.runner;
    admin = fx.admin;
    const school = await fx.createUnit(fx.root.id, 'SCH-A', OrgUnitKind.SCHOOL, '职业技术学院');
    schoolB = await fx.createUnit(fx.root.id, 'SCH-B', OrgUnitKind.SCHOOL, '第二中学');
    college = await fx.createUnit(school.id, 'COL-A', OrgUnitKind.COLLEGE, '信息工程学院');
    officer = fx.viewerAt(Role.UNIT_SAFETY_OFFICER, college);
    const building = await place(college, '3号实训楼', 'BUILDING', 'LAB');
    labId = await place(college, '301机房', 'ROOM', 'LAB', building);
    classroomId = await place(college, '302教室', 'ROOM', 'TEACHING', building);
    otherLabId = await place(schoolB, '物理实验室', 'BUILDING', 'LAB');
    student = await fx.createPerson(college.id, '王同学', { kind: 'STUDENT' });
    consumer = new EventConsumer(fx.db.dataSource, HANDED_IN, labEducationFactHandlers(), {
      groupId: 'responsibility-network',
      logger: createLogger('test', 'silent'),
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('sets a lab requirements with a version check, refusing staff, non-labs and bad topics', async () => {
    const staff = fx.viewerAt(Role.STAFF, college);
    const byStaff = await runner.run(staff, SET_REQUIREMENTS, { input: { labId, version: 0, items: REQUIREMENTS } });
    expect(byStaff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const classroom = await runner.run(officer, SET_REQUIREMENTS, { input: { labId: classroomId, version: 0, items: REQUIREMENTS } });
    expect(classroom.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'labId' }] });
    const badTopic = await runner.run(officer, SET_REQUIREMENTS, { input: { labId, version: 0, items: [{ kind: 'TRAINING', topic: '实验室安全' }] } });
    expect(badTopic.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'items.0.topic' }] });
    const set = await runner.data(officer, SET_REQUIREMENTS, { input: { labId, version: 0, items: REQUIREMENTS } });
    expect(set.setLabRequirements.requirements).toMatchObject({
      version: 1,
      items: [
        { kind: 'TRAINING', topic: 'LAB_SAFETY', validDays: 365, label: '参加「实验室安全」安全培训（365 天内）' },
        { kind: 'QUIZ', topic: '实验室安全准入测试', validDays: null },
      ],
    });
    const stale = await runner.run(officer, SET_REQUIREMENTS, { input: { labId, version: 0, items: [] } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect((await runner.data(staff, PLACE, { id: labId })).place.labRequirements.items).toHaveLength(2);
    expect((await runner.data(staff, PLACE, { id: classroomId })).place.labRequirements).toBeNull();
  });

  it('refuses admission without the training and quiz, naming them, and keeps the refused attempt', async () => {
    const refused = await admit(officer, student.id);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].message).toContain('参加「实验室安全」安全培训（365 天内）');
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LAB_REQUIREMENTS_NOT_MET',
      labId,
      personId: student.id,
      missing: [{ kind: 'TRAINING', topic: 'LAB_SAFETY' }, { kind: 'QUIZ', topic: '实验室安全准入测试' }],
    });
    const check = (await runner.data(officer, CHECK, { labId, personId: student.id })).labAccessCheck;
    expect(check).toMatchObject({ met: false, missing: [{ topic: 'LAB_SAFETY' }, { topic: '实验室安全准入测试' }] });
    const refusals = (await runner.data(fx.viewerAt(Role.STAFF, college), REFUSALS, { labId })).labAccessRefusals;
    expect(refusals.totalCount).toBe(1);
    expect(refusals.edges[0].node).toMatchObject({ personId: student.id, person: { id: student.id }, missing: [{ kind: 'TRAINING' }, { kind: 'QUIZ' }] });
  });

  it('admits once the attendance and the pass arrive as events; an attendance past its validity does not count', async () => {
    await deliver(AttendanceRecorded, attendance(student.id, new Date(Date.now() - 400 * DAY_MS)));
    await deliver(QuizPassed, {
      quizId: 'q'.repeat(32),
      attemptId: 'a'.repeat(32),
      personId: student.id,
      orgUnitId: college.id,
      orgPath: college.path,
      topic: '实验室安全准入测试',
      score: 92,
      passedAt: new Date(Date.now() - DAY_MS).toISOString(),
    });
    const stillOld = await admit(officer, student.id);
    expect(stillOld.errors?.[0].extensions).toMatchObject({ reason: 'LAB_REQUIREMENTS_NOT_MET', missing: [{ topic: 'LAB_SAFETY' }] });
    expect(stillOld.errors?.[0].extensions?.missing).toHaveLength(1);
    expect(stillOld.errors?.[0].message).toContain('上次已超过有效期');
    const recent = attendance(student.id, new Date(Date.now() - 10 * DAY_MS));
    const eventId = randomUUID();
    await deliver(AttendanceRecorded, recent, eventId);
    await deliver(AttendanceRecorded, recent, eventId);
    const [{ count }] = await fx.db.dataSource.query('SELECT COUNT(*) AS count FROM lab_education_fact WHERE person_id = ?', [student.id]);
    expect(Number(count)).toBe(3);
    expect((await runner.data(officer, CHECK, { labId, personId: student.id })).labAccessCheck).toMatchObject({ met: true, missing: [] });
    const admitted = (await runner.data(officer, ADMIT, { input: { labId, personId: student.id, expiresAt: new Date(Date.now() + 90 * DAY_MS).toISOString() } })).admitToLab.entry;
    expect(admitted).toMatchObject({ personId: student.id, status: 'ACTIVE', version: 1, person: { id: student.id }, lab: { id: labId } });
    const again = await admit(officer, student.id);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', entryId: admitted.id });
    const past = await admit(officer, student.id, new Date(Date.now() - 1000));
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('shows expired entries as expired, revokes with a version check, and filters by status', async () => {
    const colleague = await fx.createPerson(college.id, '李同学', { kind: 'STUDENT' });
    await deliver(AttendanceRecorded, attendance(colleague.id, new Date(Date.now() - DAY_MS)));
    await deliver(QuizPassed, {
      quizId: 'q'.repeat(32),
      attemptId: 'b'.repeat(32),
      personId: colleague.id,
      orgUnitId: college.id,
      orgPath: college.path,
      topic: '实验室安全准入测试',
      score: 80,
      passedAt: new Date(Date.now() - DAY_MS).toISOString(),
    });
    const shortLived = (await admit(officer, colleague.id, new Date(Date.now() + 1200))).data?.admitToLab.entry;
    expect(shortLived.status).toBe('ACTIVE');
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const expired = (await runner.data(officer, ENTRIES, { labId, status: 'EXPIRED' })).labAccessEntries;
    expect(expired.edges.map((edge: any) => [edge.node.personId, edge.node.status])).toEqual([[colleague.id, 'EXPIRED']]);
    const [active] = (await runner.data(officer, ENTRIES, { labId, status: 'ACTIVE' })).labAccessEntries.edges;
    expect(active.node.personId).toBe(student.id);
    const stale = await runner.run(officer, REVOKE, { input: { id: active.node.id, version: 2, reason: '违反实验室管理规定' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const byStaff = await runner.run(fx.viewerAt(Role.STAFF, college), REVOKE, { input: { id: active.node.id, version: 1, reason: '越权' } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const revoked = (await runner.data(officer, REVOKE, { input: { id: active.node.id, version: 1, reason: '违反实验室管理规定' } })).revokeLabAccess.entry;
    expect(revoked).toMatchObject({ status: 'REVOKED', revokeReason: '违反实验室管理规定', version: 2 });
    const twice = await runner.run(officer, REVOKE, { input: { id: active.node.id, version: 2, reason: '再次撤销' } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    const all = (await runner.data(officer, ENTRIES, { labId })).labAccessEntries;
    expect(all.totalCount).toBe(2);
    expect(all.edges.map((edge: any) => edge.node.status).sort()).toEqual(['EXPIRED', 'REVOKED']);
  });

  it('reads an empty access list for a place that is not a lab, but admits only to labs', async () => {
    const staff = fx.viewerAt(Role.STAFF, college);
    expect((await runner.data(staff, ENTRIES, { labId: classroomId })).labAccessEntries).toMatchObject({ totalCount: 0, edges: [] });
    expect((await runner.data(staff, REFUSALS, { labId: classroomId })).labAccessRefusals).toMatchObject({ totalCount: 0, edges: [] });
    const toClassroom = await admit(officer, student.id, undefined, classroomId);
    expect(toClassroom.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'labId' }] });
  });

  it('keeps labs to their scope: another school NOT_FOUND, staff and grid officers cannot admit', async () => {
    const leaderB = fx.viewerAt(Role.UNIT_LEADER, schoolB);
    expect((await runner.run(leaderB, ENTRIES, { labId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.run(leaderB, ENTRIES, { labId: classroomId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.run(leaderB, REFUSALS, { labId: classroomId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.run(leaderB, CHECK, { labId, personId: student.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await admit(leaderB, student.id)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await admit(officer, student.id, undefined, otherLabId)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const staff = fx.viewerAt(Role.STAFF, college);
    expect((await admit(staff, student.id)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect((await admit(fx.viewerAt(Role.GRID_OFFICER, college), student.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await runner.data(staff, ENTRIES, { labId })).labAccessEntries.totalCount).toBe(2);
    const [{ count }] = await fx.db.dataSource.query('SELECT COUNT(*) AS count FROM lab_access_refusal');
    expect(Number(count)).toBe(2);
  });
});
