import { eventually, GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

/** Events between the services, through the dev broker: org moves and hazard counts. */
describe('events across services', () => {
  let fixture: PlatformFixture;
  let admin: GraphQLClient;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4130);
    admin = await fixture.as('bureau.admin');
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('counts registered hazards per unit and month in supervision-appraisal', async () => {
    const year = new Date().getFullYear();
    const query = `query($id: ID!) { orgUnit(id: $id) { hazardMonthlyCounts(year: ${year}) { month registered major voided } } }`;
    const counts = await eventually(
      () => admin.data(query, { id: fixture.unitIds['XDZY-JD'] }),
      (data) => data.orgUnit.hazardMonthlyCounts.reduce((sum: number, month: any) => sum + month.registered, 0) === 2,
      15_000,
    );
    const months = counts.orgUnit.hazardMonthlyCounts;
    expect(months.reduce((sum: number, month: any) => sum + month.registered, 0)).toBe(2);
    expect(months.reduce((sum: number, month: any) => sum + month.major, 0)).toBe(1);

    const jdOfficer = await fixture.as('jd.officer');
    const ledger = await jdOfficer.data('{ hazards(first: 1) { edges { node { id version } } } }');
    const { id, version } = ledger.hazards.edges[0].node;
    await jdOfficer.data('mutation($input: VoidHazardInput!) { voidHazard(input: $input) { hazard { status voidReason } } }', {
      input: { id, version, reason: '与 YH 重复登记' },
    });
    const afterVoid = await eventually(
      () => admin.data(query, { id: fixture.unitIds['XDZY-JD'] }),
      (data) => data.orgUnit.hazardMonthlyCounts.some((month: any) => month.voided === 1),
      15_000,
    );
    expect(afterVoid.orgUnit.hazardMonthlyCounts.reduce((sum: number, month: any) => sum + month.voided, 0)).toBe(1);
  });

  it("moves a college's hazards, plans and schemes with it when it moves under another school", async () => {
    const xx = fixture.unitIds['XDZY-XX'];
    const yz = fixture.unitIds.YZ;
    const xxOfficer = await fixture.as('xx.officer');
    await xxOfficer.data('mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { id } } }', {
      input: { orgUnitId: xx, title: '机房火灾现场处置方案', type: 'ON_SITE', versionLabel: 'v1', reviewDate: '2027-06-01' },
    });
    await admin.data(
      `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }`,
      { input: { username: 'yz.office', password: 'Campus@2026', grants: [{ role: 'SAFETY_OFFICE', orgUnitId: yz }] } },
    );
    const yzOffice = await fixture.as('yz.office');
    const seenByYz = () => yzOffice.data('{ hazards { totalCount } emergencyPlans { totalCount } }');
    expect(await seenByYz()).toEqual({ hazards: { totalCount: 0 }, emergencyPlans: { totalCount: 0 } });

    const unit = await admin.data('query($id: ID!) { orgUnit(id: $id) { version } }', { id: xx });
    await admin.data('mutation($input: MoveOrgUnitInput!) { moveOrgUnit(input: $input) { orgUnit { id } } }', {
      input: { id: xx, newParentId: yz, version: unit.orgUnit.version },
    });

    const started = Date.now();
    const after = await eventually(seenByYz, (data) => data.hazards.totalCount === 2 && data.emergencyPlans.totalCount === 1, 15_000);
    expect(after).toEqual({ hazards: { totalCount: 2 }, emergencyPlans: { totalCount: 1 } });
    expect(Date.now() - started).toBeLessThan(10_000);

    const xdzyOffice = await fixture.as('safety.office');
    const left = await xdzyOffice.data('query($id: ID!) { hazards(filter: { orgUnitId: $id }) { totalCount } }', { id: fixture.unitIds['XDZY-JD'] });
    expect(left.hazards.totalCount).toBe(2); // its own colleges are untouched
    const gone = await xdzyOffice.request('query($id: ID!) { hazard(id: $id) { id } }', {
      id: (await yzOffice.data('{ hazards(first: 1) { edges { node { id } } } }')).hazards.edges[0].node.id,
    });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
