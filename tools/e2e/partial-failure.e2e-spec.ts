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

  it('leaves the gateway answering with partial data and a retryable error naming the service, then recovers', async () => {
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
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', service: 'education-drills', retryAfterSeconds: 1 });
    expect(error.message).toBe('教育演练服务暂时不可用（可能正在重启），请稍后重试 (SERVICE_UNAVAILABLE)');
    expect(JSON.stringify(error)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|4123|stack/i);

    // Nothing answered at all: HTTP says so too, with when to retry.
    const whole = await fetch(fixture.platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${safetyOffice.token}` },
      body: JSON.stringify({ query: '{ drills(first: 1) { totalCount } }' }),
    });
    expect(whole.status).toBe(503);
    expect(whole.headers.get('retry-after')).toBe('1');
    expect(((await whole.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE' });

    // A mutation that never reached the stopped service was not applied: retryable as well.
    const mutation = await safetyOffice.request('mutation { cancelEducationActivity(input: { id: "a-1", version: 1, reason: "停电" }) { educationActivity { id } } }');
    expect(mutation.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', service: 'education-drills' });

    await fixture.platform.startService('education-drills');
    const recovered = await safetyOffice.request(QUERY, { id: school });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.orgUnit.emergencyPlans.totalCount).toBe(1);
  });
});
