import { calendarDateOf } from '@campus/graphql';
import { DEMO_BOOTSTRAP } from '@campus/platform';
import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DISPUTE_FIELDS = 'id status version cause category parties { name side } mediations { mediator outcome }';
const REGISTER = `mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { dispute { ${DISPUTE_FIELDS} } } }`;
const MEDIATE = `mutation($input: AddDisputeMediationInput!) { addDisputeMediation(input: $input) { dispute { ${DISPUTE_FIELDS} } } }`;
const RESOLVE = `mutation($input: ResolveDisputeInput!) { resolveDispute(input: $input) { dispute { ${DISPUTE_FIELDS} } } }`;
const CLOSE = `mutation($input: CloseDisputeInput!) { closeDispute(input: $input) { dispute { ${DISPUTE_FIELDS} } } }`;
const DISPUTE = `query($id: ID!) { dispute(id: $id) { ${DISPUTE_FIELDS} } }`;
const DISPUTES = 'query($unit: ID!) { disputes(first: 20, filter: { orgUnitId: $unit }) { totalCount restrictedCount edges { node { id cause } } } }';
const KEY_STUDENTS = 'query($unit: ID!) { keyStudents(first: 20, filter: { orgUnitId: $unit }) { totalCount restrictedCount edges { node { id student { name } reasonCategory followUps { content } } } } }';
const DUE = '{ keyStudentFollowUpsDue(first: 20) { totalCount edges { node { student { name } followUpOverdue } } } }';
const COUNTS = 'query($id: ID!) { orgUnit(id: $id) { name peopleAtRiskCounts { unresolvedDisputes escalatedDisputes activeKeyStudents overdueFollowUps } } }';
const LOG = 'query($id: ID!) { riskRegisterAccessLog(first: 50, filter: { recordId: $id }) { totalCount edges { node { register readerName accessKind } } } }';

const today = () => calendarDateOf(new Date());

/** Issue 17, part 11: the dispute and key-student registers through the gateway, on the demo campus. */
describe('registers of people at risk (师生矛盾纠纷、重点关注学生)', () => {
  let fixture: PlatformFixture;
  let counselor: GraphQLClient; // COUNSELOR at 学生工作处 and (by the screening demo) 信息工程学院
  let office: GraphQLClient; // safety.office: 学校安全保卫处
  let gridOfficer: GraphQLClient; // grid.officer: 信息工程学院网格安全员
  let staff: GraphQLClient; // staff: 后勤管理处职工
  let leader: GraphQLClient; // xx.officer: 信息工程学院安全员 (not a handler)
  let admin: GraphQLClient;
  let college: string;
  let disputeId: string;

  const refusalOf = async (client: GraphQLClient, query: string, variables: Record<string, unknown>) => (await client.request(query, variables)).errors?.[0];

  beforeAll(async () => {
    fixture = await startPlatformFixture(4940);
    [counselor, office, gridOfficer, staff, leader, admin] = await Promise.all(
      ['counselor', 'safety.office', 'grid.officer', 'staff', 'xx.officer', DEMO_BOOTSTRAP.adminUsername].map((name) => fixture.as(name)),
    );
    college = fixture.unitIds['XDZY-XX'];
    const input = {
      orgUnitId: college,
      category: 'VERBAL_CONFLICT',
      cause: '实训课上师生口角，学生摔门离开',
      parties: [{ name: '实训教师 吴老师', side: 'TEACHER' }, { name: '学生 某某', side: 'STUDENT' }],
      foundOn: today(),
      foundBy: '实训中心 管理员',
      riskLevel: 'MEDIUM',
    };
    disputeId = (await counselor.data(REGISTER, { input })).registerDispute.dispute.id;
  }, 180_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('refuses a grid officer reading a dispute as NOT_FOUND with no details; the list shows only the count', async () => {
    const refused = await gridOfficer.request(DISPUTE, { id: disputeId });
    expect(refused.data?.dispute ?? null).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(refused)).not.toContain('口角');
    const list = await gridOfficer.data(DISPUTES, { unit: college });
    expect(list.disputes).toEqual({ totalCount: 0, restrictedCount: 2, edges: [] }); // the demo's dispute and this one
    const keyStudents = await gridOfficer.data(KEY_STUDENTS, { unit: college });
    expect(keyStudents.keyStudents).toEqual({ totalCount: 0, restrictedCount: 2, edges: [] });
    expect((await refusalOf(leader, DISPUTE, { id: disputeId }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses staff: reading is NOT_FOUND and registering FORBIDDEN', async () => {
    expect((await refusalOf(staff, DISPUTE, { id: disputeId }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const input = {
      orgUnitId: fixture.unitIds['XDZY-HQ'], category: 'OTHER', cause: '测试', parties: [{ name: '甲', side: 'OTHER' }, { name: '乙', side: 'OTHER' }],
      foundOn: today(), foundBy: '周强', riskLevel: 'LOW',
    };
    expect((await refusalOf(staff, REGISTER, { input }))?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets the counsellor and the safety office read the registers, with the demo dispute and key students', async () => {
    for (const client of [counselor, office]) {
      expect((await client.data(DISPUTE, { id: disputeId })).dispute).toMatchObject({ id: disputeId, status: 'REGISTERED', cause: '实训课上师生口角，学生摔门离开' });
      const list = (await client.data(DISPUTES, { unit: college })).disputes;
      expect(list).toMatchObject({ totalCount: 2, restrictedCount: 0 });
      const keyStudents = (await client.data(KEY_STUDENTS, { unit: college })).keyStudents;
      expect(keyStudents).toMatchObject({ totalCount: 2, restrictedCount: 0 });
      expect(keyStudents.edges.map((edge: any) => edge.node.student.name).sort()).toEqual(['郑浩然', '黄雨欣']);
    }
    const due = (await counselor.data(DUE)).keyStudentFollowUpsDue;
    expect(due.edges.map((edge: any) => edge.node)).toEqual([{ student: { name: '黄雨欣' }, followUpOverdue: true }]);
  });

  it('counts the registers on the unit dashboard for the handlers only', async () => {
    const counts = { unresolvedDisputes: 2, escalatedDisputes: 0, activeKeyStudents: 2, overdueFollowUps: 1 };
    for (const client of [counselor, office]) expect((await client.data(COUNTS, { id: college })).orgUnit.peopleAtRiskCounts).toEqual(counts);
    const refused = await gridOfficer.request(COUNTS, { id: college });
    expect(refused.data?.orgUnit).toEqual({ name: '信息工程学院', peopleAtRiskCounts: null });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('answers NOT_FOUND for a dispute at another school', async () => {
    const input = {
      orgUnitId: fixture.unitIds.YZ, category: 'HOME_SCHOOL', cause: '家长对作业量有意见', parties: [{ name: '家长', side: 'PARENT' }, { name: '语文教师', side: 'TEACHER' }],
      foundOn: today(), foundBy: '教育局', riskLevel: 'LOW',
    };
    const foreign = (await admin.data(REGISTER, { input })).registerDispute.dispute.id;
    for (const client of [counselor, office]) expect((await refusalOf(client, DISPUTE, { id: foreign }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await admin.data(DISPUTE, { id: foreign })).dispute.status).toBe('REGISTERED');
  });

  it('moves through mediation to closing; a stale version and a step from the terminal state are CONFLICT; the read log shows every read', async () => {
    const step = { id: disputeId, version: 1, occurredOn: today(), mediator: '孙丽', action: '约谈双方，说明实训纪律', outcome: '学生道歉，教师接受' };
    const mediated = (await office.data(MEDIATE, { input: step })).addDisputeMediation.dispute;
    expect(mediated).toMatchObject({ status: 'MEDIATING', version: 2, mediations: [{ mediator: '孙丽', outcome: '学生道歉，教师接受' }] });
    expect((await refusalOf(counselor, RESOLVE, { input: { id: disputeId, version: 1, resolvedOn: today(), note: '已化解' } }))?.extensions).toMatchObject({
      code: 'CONFLICT', reason: 'STALE_VERSION',
    });
    await counselor.data(RESOLVE, { input: { id: disputeId, version: 2, resolvedOn: today(), note: '双方和解' } });
    const closed = (await counselor.data(CLOSE, { input: { id: disputeId, version: 3, closedOn: today(), note: '回访无异常' } })).closeDispute.dispute;
    expect(closed).toMatchObject({ status: 'CLOSED', version: 4 });
    expect((await refusalOf(counselor, MEDIATE, { input: { ...step, version: 4 } }))?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });

    const log = (await office.data(LOG, { id: disputeId })).riskRegisterAccessLog;
    const reads = log.edges.map((edge: any) => `${edge.node.readerName}:${edge.node.accessKind}`);
    expect(reads).toEqual(expect.arrayContaining(['陈静:DENIED', '张伟:DENIED', '孙丽:BY_ID', '王建国:BY_ID', '孙丽:LIST', '王建国:LIST', '王建国:WRITE']));
    expect(reads).not.toContain('周强:DENIED'); // staff of 后勤管理处: out of scope, not a logged attempt
    expect(log.edges.every((edge: any) => edge.node.register === 'DISPUTE')).toBe(true);
    expect((await gridOfficer.data(LOG, { id: disputeId })).riskRegisterAccessLog.totalCount).toBe(0);
  });
});
