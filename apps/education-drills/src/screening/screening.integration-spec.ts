import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildEducationSchema, EDUCATION_MODULES } from '../service';

const PATHS: Record<string, string> = {
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  classa1: '/bureau/school/collegea/classa1/',
  collegeb: '/bureau/school/collegeb/',
};
const STUDENTS: [string, string, string, boolean][] = [
  ['stua1', '王小明', 'classa1', true],
  ['stua2', '李华', 'classa1', true],
  ['stua3', '赵四', 'collegea', true],
  ['stuaold', '已毕业学生', 'classa1', false],
  ['stub1', '欧阳娜娜', 'collegeb', true],
];

const RECORD_FIELDS = `id screeningDate instrument instrumentNote riskLevel finding counselorName status nextFollowUpDate
  referral { institution date note } closedOn closingNote orgUnit { id } version student { id name active }
  entries { kind occurredOn action performedBy nextFollowUpDate riskLevelAfter }`;
const payload = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { screeningRecord { ${RECORD_FIELDS} } } }`;
const CREATE = payload('createScreeningRecord', 'CreateScreeningRecordInput');
const ADD_ENTRY = payload('addScreeningEntry', 'AddScreeningEntryInput');
const REFER = payload('referScreeningRecord', 'ReferScreeningRecordInput');
const CLOSE = payload('closeScreeningRecord', 'CloseScreeningRecordInput');
const REOPEN = payload('reopenScreeningRecord', 'ReopenScreeningRecordInput');
const RECORD = `query($id: ID!) { screeningRecord(id: $id) { ${RECORD_FIELDS} } }`;
const RECORDS = `query($filter: ScreeningRecordFilter) { screeningRecords(first: 50, filter: $filter) { totalCount edges { node { id student { name } riskLevel status } } } }`;
const DUE = '{ screeningFollowUpsDue(first: 50) { totalCount edges { node { id nextFollowUpDate } } } }';
const LOG = `query($filter: ScreeningAccessLogFilter) {
  screeningAccessLog(first: 100, filter: $filter) { totalCount edges { node { recordId orgUnit { id } accountId readerName accessKind accessedAt } } }
}`;
const COUNTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id screeningCounts { open referred closed byRiskLevel { riskLevel count } } } } }`;

const counselorA = viewerWith('counselor-a', [[Role.COUNSELOR, 'collegea', PATHS.collegea]], 'teachera');
const counselorB = viewerWith('counselor-b', [[Role.COUNSELOR, 'collegeb', PATHS.collegeb]]);
const leaderA = viewerWith('leader-a', [[Role.UNIT_LEADER, 'collegea', PATHS.collegea]], 'leadera');
const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]]);

describe('education-drills: psychological screening ledger (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;

  const create = async (overrides: Record<string, unknown> = {}, viewer = counselorA) => {
    const input = { studentId: 'stua1', screeningDate: '2026-10-08', instrument: 'SCL_90', riskLevel: 'MEDIUM', nextFollowUpDate: '2026-10-20', ...overrides };
    return (await runner.data(viewer, CREATE, { input })).createScreeningRecord.screeningRecord;
  };
  const close = async (record: { id: string; version: number }) =>
    runner.data(counselorA, CLOSE, { input: { id: record.id, version: record.version, closedOn: '2026-10-15', note: '测试结案' } });
  const logRows = (recordId: string) => db.dataSource.query('SELECT account_id, access_kind FROM screening_access_log WHERE record_id = ? ORDER BY id', [recordId]);

  beforeAll(async () => {
    db = await createServiceTestDatabase('screening', EDUCATION_MODULES);
    for (const [id, path] of Object.entries(PATHS)) await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name) VALUES (?, ?, ?)', [id, path, id]);
    const people = [...STUDENTS.map(([id, name, unit, active]) => [id, name, 'STUDENT', unit, active]), ['teachera', '孙丽', 'STAFF', 'collegea', true], ['leadera', '李明', 'STAFF', 'collegea', true]];
    for (const [id, name, kind, unit, active] of people) {
      await db.dataSource.query('INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES (?, ?, ?, ?, ?, ?)', [id, name, kind, unit, PATHS[unit as string], active]);
    }
    const settings = { now: () => new Date('2026-10-15T02:00:00Z') };
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL, settings));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('takes a high-risk student from screening through follow-up and referral to closing, logging every read', async () => {
    const created = await create({ riskLevel: 'HIGH', finding: '睡眠差，情绪低落两周', nextFollowUpDate: '2026-10-12' });
    expect(created).toMatchObject({
      status: 'TRACKING', riskLevel: 'HIGH', counselorName: '孙丽', orgUnit: { id: 'classa1' }, version: 1,
      student: { id: 'stua1', name: '王小明', active: true }, referral: null, entries: [],
    });

    const due = (await runner.data(counselorA, DUE)).screeningFollowUpsDue;
    expect(due.edges.map((edge: any) => edge.node)).toEqual([{ id: created.id, nextFollowUpDate: '2026-10-12' }]);

    const followed = (await runner.data(counselorA, ADD_ENTRY, {
      input: { id: created.id, version: 1, kind: 'INTERVENTION', occurredOn: '2026-10-13', action: '个体心理辅导，联系家长', performedBy: '孙丽（心理教师）', nextFollowUpDate: '2026-10-27' },
    })).addScreeningEntry.screeningRecord;
    expect(followed).toMatchObject({ riskLevel: 'HIGH', nextFollowUpDate: '2026-10-27', version: 2 });
    expect(followed.entries).toEqual([
      { kind: 'INTERVENTION', occurredOn: '2026-10-13', action: '个体心理辅导，联系家长', performedBy: '孙丽（心理教师）', nextFollowUpDate: '2026-10-27', riskLevelAfter: null },
    ]);
    expect((await runner.data(counselorA, DUE)).screeningFollowUpsDue.totalCount).toBe(0);

    const referred = (await runner.data(counselorA, REFER, {
      input: { id: created.id, version: 2, institution: '市第三人民医院心理科', referredOn: '2026-10-14', note: '家长陪同就诊' },
    })).referScreeningRecord.screeningRecord;
    expect(referred).toMatchObject({ status: 'REFERRED', referral: { institution: '市第三人民医院心理科', date: '2026-10-14', note: '家长陪同就诊' } });
    const twice = await runner.run(counselorA, REFER, { input: { id: created.id, version: 3, institution: '另一家医院', referredOn: '2026-10-14' } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(twice.errors?.[0].message).toContain('已转介');

    const highClose = await runner.run(counselorA, CLOSE, { input: { id: created.id, version: 3, closedOn: '2026-10-15', note: '好转' } });
    expect(highClose.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', riskLevel: 'HIGH' });

    const lowered = (await runner.data(counselorA, ADD_ENTRY, {
      input: { id: created.id, version: 3, kind: 'FOLLOW_UP', occurredOn: '2026-10-15', action: '复诊后随访，情绪平稳', performedBy: '孙丽', riskLevel: 'LOW' },
    })).addScreeningEntry.screeningRecord;
    expect(lowered).toMatchObject({ status: 'REFERRED', riskLevel: 'LOW', nextFollowUpDate: null, version: 4 });
    const closed = (await close(lowered)).closeScreeningRecord.screeningRecord;
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2026-10-15', closingNote: '测试结案', version: 5 });
    const afterClose = await runner.run(counselorA, ADD_ENTRY, {
      input: { id: created.id, version: 5, kind: 'FOLLOW_UP', occurredOn: '2026-10-15', action: '随访', performedBy: '孙丽' },
    });
    expect(afterClose.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', status: 'CLOSED' });

    const read = (await runner.data(counselorA, RECORD, { id: created.id })).screeningRecord;
    expect(read.entries.map((entry: any) => entry.riskLevelAfter)).toEqual([null, 'LOW']);
    const listed = (await runner.data(counselorA, RECORDS, { filter: { orgUnitId: 'classa1', status: ['CLOSED'] } })).screeningRecords;
    expect(listed.edges.map((edge: any) => edge.node)).toContainEqual({ id: created.id, student: { name: '王小明' }, riskLevel: 'LOW', status: 'CLOSED' });

    expect((await logRows(created.id)).map((row: any) => row.access_kind)).toEqual(['WRITE', 'FOLLOW_UPS_DUE', 'WRITE', 'WRITE', 'WRITE', 'WRITE', 'BY_ID', 'LIST']);
    const log = (await runner.data(leaderA, LOG, { filter: { recordId: created.id } })).screeningAccessLog;
    expect(log.totalCount).toBe(8);
    expect(log.edges[0].node).toMatchObject({ recordId: created.id, orgUnit: { id: 'classa1' }, accountId: 'counselor-a', readerName: '孙丽', accessKind: 'LIST' });
    expect(JSON.stringify(log)).not.toContain('王小明');
  });

  it('refuses the record to every role but the counsellor in scope, and logs the refused attempts inside the scope', async () => {
    const record = await create({ studentId: 'stua2', riskLevel: 'LOW' });
    for (const viewer of [schoolOffice, leaderA, staffA]) {
      const refused = await runner.run(viewer, RECORD, { id: record.id });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
      expect(refused.errors?.[0].message).toContain('仅心理健康中心');
      expect(JSON.stringify(refused)).not.toContain('李华');
      expect((await runner.data(viewer, RECORDS)).screeningRecords.totalCount).toBe(0);
    }
    const otherCollege = await runner.run(counselorB, RECORD, { id: record.id });
    expect(otherCollege.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await runner.data(counselorB, RECORDS)).screeningRecords.totalCount).toBe(0);
    const write = await runner.run(counselorB, ADD_ENTRY, {
      input: { id: record.id, version: 1, kind: 'FOLLOW_UP', occurredOn: '2026-10-15', action: '越权随访', performedBy: '某人' },
    });
    expect(write.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const officeClose = await runner.run(schoolOffice, CLOSE, { input: { id: record.id, version: 1, closedOn: '2026-10-15', note: '越权结案' } });
    expect(officeClose.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect(await logRows(record.id)).toEqual([
      { account_id: 'counselor-a', access_kind: 'WRITE' },
      { account_id: 'school-office', access_kind: 'DENIED' },
      { account_id: 'leader-a', access_kind: 'DENIED' },
      { account_id: 'staff-a', access_kind: 'DENIED' },
    ]);
    expect((await runner.data(staffA, LOG, { filter: { recordId: record.id } })).screeningAccessLog.totalCount).toBe(0);
    expect((await runner.data(counselorB, LOG, { filter: { recordId: record.id } })).screeningAccessLog.totalCount).toBe(0);
    expect((await runner.data(schoolOffice, LOG, { filter: { recordId: record.id } })).screeningAccessLog.totalCount).toBe(4);
    await close(record);
  });

  it('keeps the access log append-only in the database', async () => {
    const record = await create({ studentId: 'stua3', riskLevel: 'NONE', nextFollowUpDate: null });
    await expect(db.dataSource.query("UPDATE screening_access_log SET access_kind = 'LIST' WHERE record_id = ?", [record.id])).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query('DELETE FROM screening_access_log WHERE record_id = ?', [record.id])).rejects.toThrow(/append-only/);
    await db.dataSource.query("UPDATE screening_access_log SET org_path = '/bureau/school/moved/' WHERE record_id = ?", [record.id]);
    expect(await logRows(record.id)).toEqual([{ account_id: 'counselor-a', access_kind: 'WRITE' }]);
    await close(record);
  });

  it('validates the student, the dates and the one open record per student', async () => {
    const refusal = async (overrides: Record<string, unknown>, viewer = counselorA) =>
      (await runner.run(viewer, CREATE, { input: { studentId: 'stua1', screeningDate: '2026-10-08', instrument: 'PHQ_9', riskLevel: 'LOW', ...overrides } })).errors?.[0];
    expect((await refusal({ studentId: 'teachera' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await refusal({ studentId: 'teachera' }))?.message).toContain('不是学生');
    expect((await refusal({ riskLevel: 'CRISIS' }))?.message).toContain('必须约定下次随访日期');
    expect((await refusal({ screeningDate: '2026-10-16' }))?.message).toContain('不能晚于今天');
    expect((await refusal({ instrument: 'OTHER' }))?.message).toContain('写明工具名称');
    expect((await refusal({ nextFollowUpDate: '2026-10-01' }))?.message).toContain('应晚于');
    expect((await refusal({ studentId: 'stuaold' }))?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });
    const outOfScope = await refusal({ studentId: 'stub1' });
    expect(outOfScope?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(outOfScope?.message).toContain('学生不存在');
    expect((await refusal({ studentId: 'stua1' }, leaderA))?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const first = await create({ studentId: 'stua1', riskLevel: 'LOW', nextFollowUpDate: null });
    expect((await refusal({ studentId: 'stua1' }))?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const stale = await runner.run(counselorA, REFER, { input: { id: first.id, version: 7, institution: '市精神卫生中心', referredOn: '2026-10-15' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const early = await runner.run(counselorA, REFER, { input: { id: first.id, version: 1, institution: '市精神卫生中心', referredOn: '2026-10-01' } });
    expect(early.errors?.[0].message).toContain('不能早于筛查日期');

    const closed = (await close(first)).closeScreeningRecord.screeningRecord;
    const second = await create({ studentId: 'stua1', riskLevel: 'LOW', nextFollowUpDate: null });
    const reopenFirst = await runner.run(counselorA, REOPEN, { input: { id: closed.id, version: closed.version, reason: '复发', riskLevel: 'MEDIUM' } });
    expect(reopenFirst.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    await close(second);
    const reopened = (await runner.data(counselorA, REOPEN, { input: { id: closed.id, version: closed.version, reason: '期中考试后复发', riskLevel: 'MEDIUM', nextFollowUpDate: '2026-10-22' } }))
      .reopenScreeningRecord.screeningRecord;
    expect(reopened).toMatchObject({ status: 'TRACKING', riskLevel: 'MEDIUM', closedOn: null, nextFollowUpDate: '2026-10-22' });
    expect(reopened.entries).toEqual([
      { kind: 'INTERVENTION', occurredOn: '2026-10-15', action: '重新开案：期中考试后复发', performedBy: '孙丽', nextFollowUpDate: '2026-10-22', riskLevelAfter: 'MEDIUM' },
    ]);
    await close(reopened);
  });

  it('shows counts per unit and risk level to the leadership, in one statement, without names', async () => {
    await create({ studentId: 'stua1', riskLevel: 'HIGH', nextFollowUpDate: '2026-10-20' });
    const b = await create({ studentId: 'stub1', riskLevel: 'CRISIS', nextFollowUpDate: '2026-10-16' }, counselorB);
    await runner.data(counselorB, REFER, { input: { id: b.id, version: 1, institution: '市精神卫生中心', referredOn: '2026-10-15' } });

    const spy = jest.spyOn(db.dataSource, 'query');
    const representations = ['school', 'collegea', 'classa1', 'collegeb'].map((id) => ({ __typename: 'OrgUnit', id }));
    const counts = (await runner.data(schoolOffice, COUNTS, { r: representations }))._entities;
    const statements = spy.mock.calls.filter(([sql]) => String(sql).includes('screening_record'));
    spy.mockRestore();
    expect(statements).toHaveLength(1);
    const byUnit = Object.fromEntries(counts.map((unit: any) => [unit.id, unit.screeningCounts]));
    const risk = (unit: string, level: string) => byUnit[unit].byRiskLevel.find((row: any) => row.riskLevel === level).count;
    expect(byUnit.school).toMatchObject({ open: 2, referred: 1 });
    expect(byUnit.school.closed).toBeGreaterThanOrEqual(4);
    expect(byUnit.school.byRiskLevel).toHaveLength(5);
    expect([risk('school', 'HIGH'), risk('school', 'CRISIS'), risk('collegea', 'HIGH'), risk('classa1', 'HIGH'), risk('collegeb', 'CRISIS')]).toEqual([1, 1, 1, 1, 1]);
    expect(byUnit.collegea).toMatchObject({ open: 1, referred: 0 });

    const leader = await runner.run(leaderA, COUNTS, { r: [{ __typename: 'OrgUnit', id: 'collegea' }, { __typename: 'OrgUnit', id: 'collegeb' }] });
    expect(leader.data?._entities[0].screeningCounts).toMatchObject({ open: 1 });
    expect(leader.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const staff = await runner.run(staffA, COUNTS, { r: [{ __typename: 'OrgUnit', id: 'collegea' }] });
    expect(staff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
