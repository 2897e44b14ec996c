import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

describe('a subgraph going down', () => {
  let fixture: PlatformFixture;
  let safetyOffice: GraphQLClient;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4120);
    safetyOffice = await fixture.as('safety.office');
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  const QUERY = `query($id: ID!) {
    orgUnit(id: $id) { name hazards { totalCount } emergencyPlans { totalCount } appraisalSchemes { totalCount } }
  }`;

  it('leaves the gateway answering with partial data and a masked error, then recovers', async () => {
    const school = fixture.unitIds.XDZY;
    const healthy = await safetyOffice.request(QUERY, { id: school });
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data?.orgUnit.emergencyPlans.totalCount).toBe(1);

    await fixture.platform.stopService('education-drills');
    const partial = await safetyOffice.request(QUERY, { id: school });
    expect(partial.data?.orgUnit).toEqual({
      name: '现代职业学院',
      hazards: { totalCount: 0 },
      emergencyPlans: null,
      appraisalSchemes: { totalCount: 1 },
    });
    expect(partial.errors).toHaveLength(1);
    const error = partial.errors![0];
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' });
    expect(error.message).toBe('服务器内部错误，请稍后重试 (INTERNAL_SERVER_ERROR)');
    expect(JSON.stringify(error)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|4123|education|stack/i);

    await fixture.platform.startService('education-drills');
    const recovered = await safetyOffice.request(QUERY, { id: school });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.orgUnit.emergencyPlans.totalCount).toBe(1);
  });
});
