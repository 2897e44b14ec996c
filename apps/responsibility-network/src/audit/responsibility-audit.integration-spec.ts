import { createTokenVerifier, Role } from '@campus/auth';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
const CHANGE_PASSWORD = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }';
const CREATE_GROUP = 'mutation($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { workGroup { id version } } }';
const SET_MEMBERS = 'mutation($input: SetWorkGroupMembersInput!) { setWorkGroupMembers(input: $input) { workGroup { id } } }';
const TRAIL = `query($type: String!, $id: ID!, $after: String) { responsibilityAuditTrail(objectType: $type, objectId: $id, first: 2, after: $after) {
  edges { node { operation action objectType actorAccountId changes { field before after } } } pageInfo { hasNextPage endCursor } totalCount } }`;

/** The audit trail in responsibility-network, on a real database: secrets, a group's members, scope. */
describe('responsibility-network audit trail (integration)', () => {
  let fx: ResponsibilityFixture;
  let school: Unit;
  let otherSchool: Unit;
  const verify = createTokenVerifier({ jwtSecret: 'integration-secret' });

  beforeAll(async () => {
    fx = await startResponsibilityFixture('audit');
    school = await fx.createUnit(fx.root.id, 'SCH', OrgUnitKind.SCHOOL);
    otherSchool = await fx.createUnit(fx.root.id, 'OTH', OrgUnitKind.SCHOOL);
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('records an account\'s creation and password change without the password or its hash', async () => {
    const accountId = (
      await fx.runner.data(fx.admin, CREATE_ACCOUNT, { input: { username: 'audit.teacher', password: 'Campus@2026', grants: [{ role: 'STAFF', orgUnitId: school.id }] } })
    ).createAccount.account.id;
    const token = (await fx.runner.data(null, LOGIN, { input: { username: 'audit.teacher', password: 'Campus@2026' } })).login.token;
    await fx.runner.data(await verify(token), CHANGE_PASSWORD, { input: { currentPassword: 'Campus@2026', newPassword: 'Safer#Campus2027' } });

    const [{ hash }] = await fx.db.dataSource.query('SELECT password_hash AS hash FROM account WHERE id = ?', [accountId]);
    const rows: { operation: string; action: string; changes: string }[] = await fx.db.dataSource.query(
      "SELECT operation, action, changes FROM audit_log WHERE object_type = 'Account' AND object_id = ? ORDER BY id",
      [accountId],
    );
    expect(rows.map((row) => [row.operation, row.action])).toEqual([
      ['createAccount', 'create'],
      ['changePassword', 'update'],
    ]);
    const everything = (await fx.db.dataSource.query('SELECT GROUP_CONCAT(changes) AS all_changes FROM audit_log'))[0].all_changes as string;
    for (const secret of [hash, 'Campus@2026', 'Safer#Campus2027']) expect(everything).not.toContain(secret);
    expect(JSON.parse(rows[1].changes)).toEqual([{ field: 'password_hash', before: expect.stringContaining('已隐去'), after: expect.stringContaining('已隐去') }]);
    // An account's trail is not served (it is not an aggregate with a view rule the kit can decide with).
    const refused = await fx.runner.run(fx.admin, TRAIL, { type: 'Account', id: accountId });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('files a group\'s member changes under the group, newest first in pages, for viewers of the group only', async () => {
    const [head, teacher] = await Promise.all([fx.createPerson(school.id, '校长'), fx.createPerson(school.id, '教师')]);
    const office = fx.viewerAt(Role.SAFETY_OFFICE, school);
    const group = (
      await fx.runner.data(office, CREATE_GROUP, {
        input: { orgUnitId: school.id, kind: 'LEADING_GROUP', name: '安全工作领导小组', members: [{ personId: head.id, role: 'LEADER' }] },
      })
    ).createWorkGroup.workGroup;
    await fx.runner.data(office, SET_MEMBERS, {
      input: { id: group.id, version: group.version, members: [{ personId: head.id, role: 'LEADER' }, { personId: teacher.id, role: 'MEMBER', duty: '宿舍安全' }] },
    });

    const first = (await fx.runner.data(office, TRAIL, { type: 'WorkGroup', id: group.id })).responsibilityAuditTrail;
    const second = (await fx.runner.data(office, TRAIL, { type: 'WorkGroup', id: group.id, after: first.pageInfo.endCursor })).responsibilityAuditTrail;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const all = [...first.edges, ...second.edges].map((edge: { node: Record<string, unknown> }) => edge.node);
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all[0]).toMatchObject({ operation: 'setWorkGroupMembers', actorAccountId: office.accountId });
    const setMembers = all.filter((entry) => entry.operation === 'setWorkGroupMembers' && entry.objectType === 'WorkGroupMember');
    expect(setMembers.map((entry) => entry.action).sort()).toEqual(['create', 'create', 'delete']);

    const outsider = fx.viewerAt(Role.SAFETY_OFFICE, otherSchool);
    const refused = await fx.runner.run(outsider, TRAIL, { type: 'WorkGroup', id: group.id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const child = await fx.runner.run(office, TRAIL, { type: 'WorkGroupMember', id: group.id });
    expect(child.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses to let anyone rewrite the trail', async () => {
    await expect(fx.db.dataSource.query("UPDATE audit_log SET account_id = 'forged'")).rejects.toThrow(/append-only/);
    await expect(fx.db.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
