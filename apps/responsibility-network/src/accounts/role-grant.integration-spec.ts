import { Role, Viewer } from '@campus/auth';
import { SchemaRunner, viewerWith } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }';
const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id role orgUnit { id } } } }';

describe('role grants', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let bureau: Viewer;
  let office: Viewer;
  let school: Unit;
  let otherSchool: Unit;
  let college: Unit;
  let leaderAccount: string;

  beforeAll(async () => {
    fx = await startResponsibilityFixture('grants');
    runner = fx.runner;
    bureau = fx.admin;
    school = await fx.createUnit(fx.root.id, 'S1', OrgUnitKind.SCHOOL);
    otherSchool = await fx.createUnit(fx.root.id, 'S2', OrgUnitKind.SCHOOL);
    college = await fx.createUnit(school.id, 'S1-C', OrgUnitKind.COLLEGE);
    const officeAccount = (await runner.data(bureau, CREATE_ACCOUNT, {
      input: { username: 'office', password: 'password-1', grants: [{ role: 'SAFETY_OFFICE', orgUnitId: school.id }] },
    })).createAccount.account.id;
    office = viewerWith(officeAccount, [[Role.SAFETY_OFFICE, school.id, school.path]]);
    leaderAccount = (await runner.data(office, CREATE_ACCOUNT, {
      input: { username: 'leader', password: 'password-2', grants: [{ role: 'STAFF', orgUnitId: college.id }] },
    })).createAccount.account.id;
  });

  afterAll(async () => {
    await fx?.drop();
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
