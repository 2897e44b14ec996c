import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const UNIT_OVERVIEW = `
  query UnitOverview($id: ID!) {
    orgUnit(id: $id) {
      name
      kind
      parent { name }
      hazards(first: 10) { totalCount edges { node { code title grade status orgUnit { name } } } }
      emergencyPlans { totalCount edges { node { title type status reviewDate } } }
      appraisalSchemes { totalCount edges { node { name year indicators { name weight } } } }
    }
  }`;

describe('the platform through the gateway', () => {
  let fixture: PlatformFixture;
  let safetyOffice: GraphQLClient;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4100);
    safetyOffice = await fixture.as('safety.office');
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('logs in with a password and refuses a wrong one', async () => {
    const wrong = await fixture.gateway.request('mutation { login(input: { username: "safety.office", password: "nope" }) { token } }');
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toContain('用户名或密码错误');

    const me = await safetyOffice.data('{ me { username person { name phone } grants { role orgUnit { name kind } } } }');
    expect(me.me).toEqual({
      username: 'safety.office',
      person: { name: '王建国', phone: '13909310001' },
      grants: [{ role: 'SAFETY_OFFICE', orgUnit: { name: '现代职业学院', kind: 'SCHOOL' } }],
    });
  });

  it('refuses every operation but login without a token', async () => {
    const anonymous = await fixture.gateway.request('{ orgUnits { totalCount } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data).toBeNull();
  });

  it('reads one org unit with its hazards, plans and schemes from all four subgraphs in one query', async () => {
    const school = await safetyOffice.data(UNIT_OVERVIEW, { id: fixture.unitIds.XDZY });
    expect(school.orgUnit.name).toBe('现代职业学院');
    expect(school.orgUnit.parent).toBeNull(); // the bureau is above this viewer's scope
    expect(school.orgUnit.emergencyPlans.edges.map((edge: any) => edge.node.title)).toEqual(['现代职业学院突发事件总体应急预案']);
    expect(school.orgUnit.appraisalSchemes.totalCount).toBe(1);
    expect(school.orgUnit.appraisalSchemes.edges[0].node.indicators).toHaveLength(7);

    const college = await safetyOffice.data(UNIT_OVERVIEW, { id: fixture.unitIds['XDZY-JD'] });
    expect(college.orgUnit.hazards.totalCount).toBe(2);
    expect(college.orgUnit.hazards.edges.map((edge: any) => edge.node.title).sort()).toEqual(
      ['危化品仓库双人双锁制度未落实', '实训车间行车年检过期'].sort(),
    );
    for (const edge of college.orgUnit.hazards.edges) {
      expect(edge.node.orgUnit.name).toBe('机电工程学院');
      expect(edge.node.code).toMatch(/^([A-Z0-9]+-)?YH-\d{4}-\d{4}$/);
    }
    expect(college.orgUnit.emergencyPlans.edges[0].node).toEqual({
      title: '实训室危化品泄漏现场处置方案',
      type: 'ON_SITE',
      status: 'DRAFT',
      reviewDate: '2027-01-10',
    });
  });

  it('answers bad input with BAD_USER_INPUT naming each field, in Chinese', async () => {
    const response = await safetyOffice.request(
      `mutation { registerHazard(input: { orgUnitId: "${fixture.unitIds['XDZY-XX']}", title: "x", description: "d",
         category: FIRE, placeText: "", discoveredAt: "2026-01-01T08:00:00Z" }) { hazard { id } } }`,
    );
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.fields.map((field: any) => field.field).sort()).toEqual(['placeText', 'title']);
    expect(error?.message).toContain('标题长度应为');
  });

  it('answers a stale version with CONFLICT', async () => {
    const ledger = await safetyOffice.data('{ hazards(first: 1) { edges { node { id version } } } }');
    const { id, version } = ledger.hazards.edges[0].node;
    const update = `mutation($input: UpdateHazardInput!) { updateHazard(input: $input) { hazard { version title } } }`;
    const first = await safetyOffice.data(update, { input: { id, version, title: '更正后的标题' } });
    expect(first.updateHazard.hazard.version).toBe(version + 1);
    const stale = await safetyOffice.request(update, { input: { id, version, title: '另一个人的修改' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(version + 1);
  });
});
