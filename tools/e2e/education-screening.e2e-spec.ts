import { eventually, GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const RECORD = 'id status riskLevel nextFollowUpDate version student { name } referral { institution date } entries { kind action }';
const mutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { screeningRecord { ${RECORD} } } }`;
const READ = `query($id: ID!) { screeningRecord(id: $id) { ${RECORD} } }`;
const LOG = `query($id: ID!) { screeningAccessLog(first: 50, filter: { recordId: $id }) {
  totalCount edges { node { recordId accountId readerName accessKind accessedAt orgUnit { id } } } } }`;
const COUNTS = `query($id: ID!) { orgUnit(id: $id) { name screeningCounts { open referred closed byRiskLevel { riskLevel count } } } }`;

/** 心理问题学生排查干预台账 through the gateway: the demo counsellor (granted 信息工程学院 by the demo) and those who must not read. */
describe('psychological screening ledger through the gateway', () => {
  let fixture: PlatformFixture;
  let counselor: GraphQLClient; // counselor: 心理健康中心, COUNSELOR at 学生工作处 and 信息工程学院
  let office: GraphQLClient; // safety.office: 学校安全保卫处
  let leader: GraphQLClient; // xx.leader: 信息工程学院院长
  let otherCounselor: GraphQLClient; // jd.counselor: COUNSELOR at 机电工程学院 only
  let studentId: string;

  beforeAll(async () => {
    // Not 4360, the base port first given: its dev broker port 4369 is epmd's (Erlang) on this machine.
    fixture = await startPlatformFixture(4420);
    [counselor, office, leader] = await Promise.all(['counselor', 'safety.office', 'xx.leader'].map((name) => fixture.as(name)));
    const person = await office.data('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', {
      input: { orgUnitId: fixture.unitIds['XDZY-JD'], kind: 'STAFF', name: '郑敏', position: '机电工程学院心理辅导员' },
    });
    await office.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
      input: { username: 'jd.counselor', password: 'Campus@2026', personId: person.createPerson.person.id, grants: [{ role: 'COUNSELOR', orgUnitId: fixture.unitIds['XDZY-JD'] }] },
    });
    otherCounselor = await fixture.as('jd.counselor');
    const student = await office.data('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', {
      input: { orgUnitId: fixture.unitIds['XDZY-XX'], kind: 'STUDENT', name: '何晓东', employeeNo: '20249001' },
    });
    studentId = student.createPerson.person.id;
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('lets the counsellor screen, follow up, refer and close, and logs every read', async () => {
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const due = await counselor.data('{ screeningFollowUpsDue(first: 10) { edges { node { student { name } riskLevel } } } }');
    expect(due.screeningFollowUpsDue.edges.map((edge: any) => edge.node)).toEqual([{ student: { name: '周子涵' }, riskLevel: 'MEDIUM' }]);

    // The student reaches education-drills by event: retry until it is there.
    const input = { studentId, screeningDate: today, instrument: 'UPI', riskLevel: 'MEDIUM', finding: 'UPI 筛查阳性，学业压力大', nextFollowUpDate: '2099-01-10' };
    const created = await eventually(() => counselor.request(mutation('createScreeningRecord', 'CreateScreeningRecordInput'), { input }), (answer) => !answer.errors?.length);
    const record = created.data?.createScreeningRecord.screeningRecord;
    expect(record).toMatchObject({ status: 'TRACKING', riskLevel: 'MEDIUM', student: { name: '何晓东' }, version: 1 });

    expect((await counselor.data(READ, { id: record.id })).screeningRecord).toMatchObject({ id: record.id, student: { name: '何晓东' } });
    const ledger = await counselor.data('{ screeningRecords(first: 50) { totalCount edges { node { id student { name } } } } }');
    expect(ledger.screeningRecords.edges.map((edge: any) => edge.node.student.name).sort()).toEqual(['何晓东', '吴佳怡', '周子涵'].sort());

    const followed = (await counselor.data(mutation('addScreeningEntry', 'AddScreeningEntryInput'), {
      input: { id: record.id, version: 1, kind: 'FOLLOW_UP', occurredOn: today, action: '约谈，制定学习减压计划', performedBy: '孙丽', riskLevel: 'HIGH', nextFollowUpDate: '2099-01-03' },
    })).addScreeningEntry.screeningRecord;
    expect(followed).toMatchObject({ riskLevel: 'HIGH', version: 2, entries: [{ kind: 'FOLLOW_UP', action: '约谈，制定学习减压计划' }] });
    const referred = (await counselor.data(mutation('referScreeningRecord', 'ReferScreeningRecordInput'), {
      input: { id: record.id, version: 2, institution: '市精神卫生中心', referredOn: today },
    })).referScreeningRecord.screeningRecord;
    expect(referred).toMatchObject({ status: 'REFERRED', referral: { institution: '市精神卫生中心', date: today } });

    const tooEarly = await counselor.request(mutation('closeScreeningRecord', 'CloseScreeningRecordInput'), { input: { id: record.id, version: 3, closedOn: today, note: '好转' } });
    expect(tooEarly.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(tooEarly.errors?.[0].message).toContain('风险等级为高或危机的学生不能结案');
    const lowered = (await counselor.data(mutation('addScreeningEntry', 'AddScreeningEntryInput'), {
      input: { id: record.id, version: 3, kind: 'FOLLOW_UP', occurredOn: today, action: '门诊复诊后随访，情绪稳定', performedBy: '孙丽', riskLevel: 'LOW' },
    })).addScreeningEntry.screeningRecord;
    const closed = (await counselor.data(mutation('closeScreeningRecord', 'CloseScreeningRecordInput'), {
      input: { id: record.id, version: lowered.version, closedOn: today, note: '经转介治疗后好转，学业恢复正常' },
    })).closeScreeningRecord.screeningRecord;
    expect(closed).toMatchObject({ status: 'CLOSED', riskLevel: 'LOW', nextFollowUpDate: null });

    // The refusals (FORBIDDEN inside the scope, NOT_FOUND outside it): see the next test. The log as the college's leader sees it.
    const log = (await leader.data(LOG, { id: record.id })).screeningAccessLog;
    expect(log.edges.map((edge: any) => edge.node.accessKind).reverse()).toEqual(['WRITE', 'BY_ID', 'LIST', 'WRITE', 'WRITE', 'WRITE', 'WRITE']);
    expect(log.edges[0].node).toMatchObject({ recordId: record.id, readerName: '孙丽', orgUnit: { id: fixture.unitIds['XDZY-XX'] } });
    expect(JSON.stringify(log)).not.toContain('何晓东');
  });

  it('refuses records to everyone else: the safety office and the unit leader in scope (FORBIDDEN), another college’s counsellor (NOT_FOUND)', async () => {
    const ledger = await counselor.data('{ screeningRecords(first: 50, filter: { riskLevel: [HIGH] }) { edges { node { id student { name } } } } }');
    const high = ledger.screeningRecords.edges.map((edge: any) => edge.node).find((node: any) => node.student.name === '吴佳怡');
    expect(high).toBeDefined();

    for (const client of [office, leader]) {
      const refused = await client.request(READ, { id: high.id });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
      expect(JSON.stringify(refused)).not.toContain('吴佳怡');
      expect((await client.data('{ screeningRecords(first: 50) { totalCount } }')).screeningRecords.totalCount).toBe(0);
      expect((await client.data('{ screeningFollowUpsDue(first: 50) { totalCount } }')).screeningFollowUpsDue.totalCount).toBe(0);
    }
    const elsewhere = await otherCounselor.request(READ, { id: high.id });
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const write = await otherCounselor.request(mutation('closeScreeningRecord', 'CloseScreeningRecordInput'), { input: { id: high.id, version: 1, closedOn: '2026-01-01', note: '越权' } });
    expect(write.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const officeCreate = await office.request(mutation('createScreeningRecord', 'CreateScreeningRecordInput'), {
      input: { studentId, screeningDate: '2026-01-05', instrument: 'SCL_90', riskLevel: 'LOW' },
    });
    expect(officeCreate.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    const log = (await office.data(LOG, { id: high.id })).screeningAccessLog;
    const denied = log.edges.filter((edge: any) => edge.node.accessKind === 'DENIED').map((edge: any) => edge.node.readerName);
    expect(denied.sort()).toEqual(['李明', '王建国'].sort());
    expect(JSON.stringify(log)).not.toContain('吴佳怡');
    expect((await otherCounselor.data(LOG, { id: high.id })).screeningAccessLog.totalCount).toBe(0);
  });

  it('shows the unit leader counts per risk level, with no names', async () => {
    const answer = await leader.request(COUNTS, { id: fixture.unitIds['XDZY-XX'] });
    expect(answer.errors).toBeUndefined();
    const counts = answer.data?.orgUnit.screeningCounts;
    expect(counts).toMatchObject({ open: 2, referred: 1, closed: 1 });
    const byLevel = Object.fromEntries(counts.byRiskLevel.map((row: any) => [row.riskLevel, row.count]));
    expect(byLevel).toEqual({ NONE: 0, LOW: 0, MEDIUM: 1, HIGH: 1, CRISIS: 0 });
    expect(JSON.stringify(answer)).not.toMatch(/周子涵|吴佳怡|何晓东/);
    const otherUnit = await otherCounselor.request(COUNTS, { id: fixture.unitIds['XDZY-JD'] });
    expect(otherUnit.data?.orgUnit.screeningCounts).toMatchObject({ open: 0, closed: 0 });
  });
});
