import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildEducationSchema, EDUCATION_MODULES } from '../service';

const PATHS: Record<string, string> = {
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  collegeb: '/bureau/school/collegeb/',
};
const PEOPLE: [string, string, string, string][] = [
  ['stua1', '王小明', 'STUDENT', 'collegea'],
  ['teachera', '孙丽', 'STAFF', 'collegea'],
  ['stub1', '欧阳娜娜', 'STUDENT', 'collegeb'],
];

const FIELDS = `id orgUnit { id } category cause parties { personId name side } foundOn foundBy registeredByName riskLevel status
  outcomeOn outcomeNote escalatedTo closedOn closingNote version mediations { occurredOn mediator action outcome }`;
const payload = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { dispute { ${FIELDS} } } }`;
const REGISTER = payload('registerDispute', 'RegisterDisputeInput');
const MEDIATE = payload('addDisputeMediation', 'AddDisputeMediationInput');
const RESOLVE = payload('resolveDispute', 'ResolveDisputeInput');
const ESCALATE = payload('escalateDispute', 'EscalateDisputeInput');
const CLOSE = payload('closeDispute', 'CloseDisputeInput');
const DISPUTE = `query($id: ID!) { dispute(id: $id) { ${FIELDS} } }`;
const DISPUTES = `query($filter: DisputeFilter) { disputes(first: 50, filter: $filter) { totalCount restrictedCount edges { node { id status } } } }`;
const LOG = `query($filter: RiskRegisterAccessLogFilter) {
  riskRegisterAccessLog(first: 100, filter: $filter) { totalCount edges { node { register recordId orgUnit { id } accountId readerName accessKind } } }
}`;

const COUNTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id peopleAtRiskCounts { unresolvedDisputes escalatedDisputes activeKeyStudents overdueFollowUps } } } }`;
const units = (...ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'OrgUnit', id })) });

const counselorA = viewerWith('counselor-a', [[Role.COUNSELOR, 'collegea', PATHS.collegea]], 'teachera');
const counselorB = viewerWith('counselor-b', [[Role.COUNSELOR, 'collegeb', PATHS.collegeb]]);
const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);
const gridA = viewerWith('grid-a', [[Role.GRID_OFFICER, 'collegea', PATHS.collegea]]);
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]]);
const safetyOfficerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]]);

describe('education-drills: teacher–student dispute register (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;

  const register = async (overrides: Record<string, unknown> = {}, viewer = counselorA) => {
    const input = {
      orgUnitId: 'collegea',
      category: 'DISCIPLINE',
      cause: '学生对处分不服，与班主任发生争执',
      parties: [
        { personId: 'teachera', side: 'TEACHER' },
        { personId: 'stua1', side: 'STUDENT' },
        { name: '王父', side: 'PARENT' },
      ],
      foundOn: '2026-10-10',
      foundBy: '辅导员 孙丽',
      riskLevel: 'MEDIUM',
      ...overrides,
    };
    return (await runner.data(viewer, REGISTER, { input })).registerDispute.dispute;
  };
  const logOf = (recordId: string) => db.dataSource.query('SELECT account_id, access_kind FROM risk_register_access_log WHERE record_id = ? ORDER BY id', [recordId]);

  beforeAll(async () => {
    db = await createServiceTestDatabase('disputes', EDUCATION_MODULES);
    for (const [id, path] of Object.entries(PATHS)) await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name) VALUES (?, ?, ?)', [id, path, id]);
    for (const [id, name, kind, unit] of PEOPLE) {
      await db.dataSource.query('INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES (?, ?, ?, ?, ?, 1)', [id, name, kind, unit, PATHS[unit]]);
    }
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL, { now: () => new Date('2026-10-15T02:00:00Z') }));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('takes a dispute from registration through mediation to resolution and closing, logging every read', async () => {
    const created = await register();
    expect(created).toMatchObject({
      status: 'REGISTERED', orgUnit: { id: 'collegea' }, registeredByName: '孙丽', version: 1, mediations: [],
      parties: [
        { personId: 'teachera', name: '孙丽', side: 'TEACHER' },
        { personId: 'stua1', name: '王小明', side: 'STUDENT' },
        { personId: null, name: '王父', side: 'PARENT' },
      ],
    });
    const early = await runner.run(counselorA, RESOLVE, { input: { id: created.id, version: 1, resolvedOn: '2026-10-12', note: '已化解' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(early.errors?.[0].message).toContain('尚未调解');

    const mediation = { id: created.id, version: 1, occurredOn: '2026-10-11', mediator: '学生处 张老师', action: '分别约谈师生，家长到校', outcome: '双方同意复议处分', riskLevel: 'LOW' };
    const mediated = (await runner.data(schoolOffice, MEDIATE, { input: mediation })).addDisputeMediation.dispute;
    expect(mediated).toMatchObject({ status: 'MEDIATING', riskLevel: 'LOW', version: 2 });
    expect(mediated.mediations).toEqual([{ occurredOn: '2026-10-11', mediator: '学生处 张老师', action: '分别约谈师生，家长到校', outcome: '双方同意复议处分' }]);

    const stale = await runner.run(counselorA, RESOLVE, { input: { id: created.id, version: 1, resolvedOn: '2026-10-12', note: '已化解' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const resolved = (await runner.data(counselorA, RESOLVE, { input: { id: created.id, version: 2, resolvedOn: '2026-10-12', note: '处分复议后学生接受' } })).resolveDispute.dispute;
    expect(resolved).toMatchObject({ status: 'RESOLVED', outcomeOn: '2026-10-12', outcomeNote: '处分复议后学生接受' });
    const closed = (await runner.data(counselorA, CLOSE, { input: { id: created.id, version: 3, closedOn: '2026-10-14', note: '回访无异常' } })).closeDispute.dispute;
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2026-10-14', version: 4 });

    for (const [query, input] of [[MEDIATE, { ...mediation, version: 4 }], [CLOSE, { id: created.id, version: 4, closedOn: '2026-10-14', note: '再次结案' }]] as const) {
      const terminal = await runner.run(counselorA, query, { input });
      expect(terminal.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', status: 'CLOSED' });
    }
    expect((await runner.data(counselorA, DISPUTE, { id: created.id })).dispute.status).toBe('CLOSED');
    expect((await logOf(created.id)).map((row: any) => row.access_kind)).toEqual(['WRITE', 'WRITE', 'WRITE', 'WRITE', 'BY_ID']);
  });

  it('escalates with a department and reason, then closes', async () => {
    const created = await register({ category: 'PUNISHMENT', riskLevel: 'HIGH' });
    const escalated = (await runner.data(counselorA, ESCALATE, {
      input: { id: created.id, version: 1, escalatedOn: '2026-10-13', escalatedTo: '学校安全保卫处', reason: '家长情绪激动，扬言上访' },
    })).escalateDispute.dispute;
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalatedTo: '学校安全保卫处', outcomeNote: '家长情绪激动，扬言上访' });
    const again = await runner.run(counselorA, ESCALATE, { input: { id: created.id, version: 2, escalatedOn: '2026-10-13', escalatedTo: '教育局', reason: '再次上报' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    const future = await runner.run(counselorA, CLOSE, { input: { id: created.id, version: 2, closedOn: '2026-10-16', note: '结案' } });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('shows grid officers, staff and safety officers nothing but a count, and reads the record to them as NOT_FOUND (logged as DENIED)', async () => {
    const created = await register({ cause: '限制可见的纠纷' });
    for (const viewer of [gridA, staffA, safetyOfficerA]) {
      const refused = await runner.run(viewer, DISPUTE, { id: created.id });
      expect(refused.data?.dispute ?? null).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(JSON.stringify(refused)).not.toContain('限制可见');
      const list = (await runner.data(viewer, DISPUTES, { filter: { orgUnitId: 'collegea' } })).disputes;
      expect(list).toEqual({ totalCount: 0, restrictedCount: 3, edges: [] });
      const write = await runner.run(viewer, MEDIATE, { input: { id: created.id, version: 1, occurredOn: '2026-10-12', mediator: '某人', action: '调解调解', outcome: '结果结果' } });
      expect(write.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      const registerRefused = await runner.run(viewer, REGISTER, { input: { orgUnitId: 'collegea', category: 'OTHER', cause: '测试登记', parties: [{ name: '甲', side: 'OTHER' }, { name: '乙', side: 'OTHER' }], foundOn: '2026-10-10', foundBy: '某人', riskLevel: 'LOW' } });
      expect(registerRefused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    const other = await runner.run(counselorB, DISPUTE, { id: created.id });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await runner.data(counselorB, DISPUTES)).disputes).toEqual({ totalCount: 0, restrictedCount: 0, edges: [] });
    expect((await runner.data(schoolOffice, DISPUTES, { filter: { status: ['REGISTERED'] } })).disputes).toMatchObject({ totalCount: 1, restrictedCount: 0 });
    // Denied attempts by viewers in scope are logged; one from another college (out of scope) is not.
    expect((await logOf(created.id)).map((row: any) => [row.account_id, row.access_kind])).toEqual([
      ['counselor-a', 'WRITE'], ['grid-a', 'DENIED'], ['staff-a', 'DENIED'], ['officer-a', 'DENIED'], ['school-office', 'LIST'],
    ]);
  });

  it('refuses bad parties and answers the read log only to handlers in scope', async () => {
    const bad = await runner.run(counselorA, REGISTER, {
      input: { orgUnitId: 'collegea', category: 'OTHER', cause: '测试', parties: [{ personId: 'teachera', side: 'STUDENT' }, { personId: 'stua1', side: 'TEACHER' }, { side: 'PARENT' }], foundOn: '2026-10-10', foundBy: '某人', riskLevel: 'LOW' },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(bad.errors?.[0].extensions)).toContain('parties.0.side');
    expect(JSON.stringify(bad.errors?.[0].extensions)).toContain('parties.1.side');
    expect(JSON.stringify(bad.errors?.[0].extensions)).toContain('parties.2.name');
    const foreignParty = await runner.run(counselorA, REGISTER, {
      input: { orgUnitId: 'collegea', category: 'OTHER', cause: '测试', parties: [{ personId: 'stub1', side: 'STUDENT' }, { name: '乙', side: 'OTHER' }], foundOn: '2026-10-10', foundBy: '某人', riskLevel: 'LOW' },
    });
    expect(foreignParty.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const outOfScope = await runner.run(counselorB, REGISTER, { input: { orgUnitId: 'collegea', category: 'OTHER', cause: '测试', parties: [{ name: '甲', side: 'OTHER' }, { name: '乙', side: 'OTHER' }], foundOn: '2026-10-10', foundBy: '某人', riskLevel: 'LOW' } });
    expect(outOfScope.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });

    const log = (await runner.data(schoolOffice, LOG, { filter: { register: 'DISPUTE' } })).riskRegisterAccessLog;
    expect(log.totalCount).toBeGreaterThan(5);
    expect(log.edges[0].node).toMatchObject({ register: 'DISPUTE', orgUnit: { id: 'collegea' }, accessKind: 'LIST', accountId: 'school-office' });
    expect((await runner.data(counselorA, LOG)).riskRegisterAccessLog.edges.find((edge: any) => edge.node.accountId === 'counselor-a').node.readerName).toBe('孙丽');
    for (const viewer of [gridA, staffA]) expect((await runner.data(viewer, LOG)).riskRegisterAccessLog.totalCount).toBe(0);
    expect((await runner.data(counselorB, LOG)).riskRegisterAccessLog.totalCount).toBe(0);
  });

  it('counts unresolved and escalated disputes per unit for handlers, in one request for many units, and refuses others', async () => {
    await db.dataSource.query(
      `INSERT INTO key_student (id, org_unit_id, org_path, student_id, reason_category, description, responsible_teacher_id, responsible_teacher_name, since,
         next_follow_up_date, status, active_student_id, registered_by_account_id, version) VALUES
       ('k1', 'collegea', ?, 'stua1', 'ACADEMIC', '学业预警', 'teachera', '孙丽', '2026-09-01', '2026-10-01', 'ACTIVE', 'stua1', 'x', 1)`,
      [PATHS.collegea],
    );
    const answer = await runner.data(schoolOffice, COUNTS, units('school', 'collegea', 'collegeb'));
    expect(answer._entities).toEqual([
      { id: 'school', peopleAtRiskCounts: { unresolvedDisputes: 1, escalatedDisputes: 1, activeKeyStudents: 1, overdueFollowUps: 1 } },
      { id: 'collegea', peopleAtRiskCounts: { unresolvedDisputes: 1, escalatedDisputes: 1, activeKeyStudents: 1, overdueFollowUps: 1 } },
      { id: 'collegeb', peopleAtRiskCounts: { unresolvedDisputes: 0, escalatedDisputes: 0, activeKeyStudents: 0, overdueFollowUps: 0 } },
    ]);
    const grid = await runner.run(gridA, COUNTS, units('collegea'));
    expect(grid.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const other = await runner.run(counselorB, COUNTS, units('collegea'));
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
