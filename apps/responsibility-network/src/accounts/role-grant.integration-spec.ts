import { Role, Viewer } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { createTestDatabase, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { ENTITIES, MIGRATIONS } from '../database';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { buildResponsibilitySchema } from '../schema';
import { bootstrapIfEmpty } from './bootstrap';

const CREATE_UNIT = 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id path } } }';
const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }';
const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id role orgUnit { id } } } }';

describe('role grants', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let bureau: Viewer;
  let office: Viewer;
  let school: { id: string; path: string };
  let otherSchool: { id: string; path: string };
  let college: { id: string; path: string };
  let leaderAccount: string;

  beforeAll(async () => {
    db = await createTestDatabase('grants', ENTITIES, MIGRATIONS);
    await bootstrapIfEmpty(db.dataSource, {
      rootCode: 'B', rootName: '教育局', rootKind: OrgUnitKind.BUREAU, adminUsername: 'admin', adminPassword: 'admin-password',
    });
    runner = new SchemaRunner(await buildResponsibilitySchema(db.dataSource, { jwtSecret: 'integration-secret', ttlSeconds: 3600 }, NO_OUTBOX_SIGNAL));
    const [root] = await db.dataSource.query('SELECT id, path FROM org_unit WHERE parent_id IS NULL');
    bureau = viewerWith('admin', [[Role.BUREAU_ADMIN, root.id, root.path]]);
    const unit = async (parentId: string, code: string, kind: string) =>
      (await runner.data(bureau, CREATE_UNIT, { input: { parentId, code, name: code, kind } })).createOrgUnit.orgUnit;
    school = await unit(root.id, 'S1', 'SCHOOL');
    otherSchool = await unit(root.id, 'S2', 'SCHOOL');
    college = await unit(school.id, 'S1-C', 'COLLEGE');
    const officeAccount = (await runner.data(bureau, CREATE_ACCOUNT, {
      input: { username: 'office', password: 'password-1', grants: [{ role: 'SAFETY_OFFICE', orgUnitId: school.id }] },
    })).createAccount.account.id;
    office = viewerWith(officeAccount, [[Role.SAFETY_OFFICE, school.id, school.path]]);
    leaderAccount = (await runner.data(office, CREATE_ACCOUNT, {
      input: { username: 'leader', password: 'password-2', grants: [{ role: 'STAFF', orgUnitId: college.id }] },
    })).createAccount.account.id;
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('lets a school safety office grant within its school and records it', async () => {
    const granted = await runner.data(office, GRANT, { input: { accountId: leaderAccount, role: 'UNIT_LEADER', orgUnitId: college.id } });
    expect(granted.grantRole.grant).toMatchObject({ role: 'UNIT_LEADER', orgUnit: { id: college.id } });
    const again = await runner.run(office, GRANT, { input: { accountId: leaderAccount, role: 'UNIT_LEADER', orgUnitId: college.id } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const revoked = await runner.data(office, 'mutation($id: ID!) { revokeRole(grantId: $id) { grant { role } } }', { id: granted.grantRole.grant.id });
    expect(revoked.revokeRole.grant.role).toBe('UNIT_LEADER');
    const history = await runner.data(office, 'query($id: ID!) { roleGrantHistory(accountId: $id) { action role actorAccountId } }', { id: leaderAccount });
    expect(history.roleGrantHistory).toEqual([
      { action: 'REVOKED', role: 'UNIT_LEADER', actorAccountId: office.accountId },
      { action: 'GRANTED', role: 'UNIT_LEADER', actorAccountId: office.accountId },
      { action: 'GRANTED', role: 'STAFF', actorAccountId: office.accountId },
    ]);
  });

  it('refuses grants outside the granter’s scope, bureau admin by a school, and to oneself', async () => {
    const outside = await runner.run(office, GRANT, { input: { accountId: leaderAccount, role: 'STAFF', orgUnitId: otherSchool.id } });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const tooHigh = await runner.run(office, GRANT, { input: { accountId: leaderAccount, role: 'BUREAU_ADMIN', orgUnitId: school.id } });
    expect(tooHigh.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const self = await runner.run(office, GRANT, { input: { accountId: office.accountId, role: 'INSPECTOR', orgUnitId: school.id } });
    expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const leader = viewerWith(leaderAccount, [[Role.UNIT_LEADER, college.id, college.path]]);
    const byLeader = await runner.run(leader, GRANT, { input: { accountId: office.accountId, role: 'STAFF', orgUnitId: college.id } });
    expect(byLeader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
