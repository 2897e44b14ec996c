import { gatewayProofHeaders } from '@campus/server';
import { GraphQLClient } from '@campus/testing';
import { SignJWT } from 'jose';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

/** A user granted at one college (机电工程学院) against another college's (信息工程学院) hazards. */
describe('data scope: one college cannot reach another', () => {
  let fixture: PlatformFixture;
  let jdOfficer: GraphQLClient;
  let xxHazardId: string;
  let xxHazardVersion: number;
  let xx: string;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4110);
    xx = fixture.unitIds['XDZY-XX'];
    jdOfficer = await fixture.as('jd.officer');
    const xxOfficer = await fixture.as('xx.officer');
    const own = await xxOfficer.data('{ hazards(first: 1) { edges { node { id version } } } }');
    xxHazardId = own.hazards.edges[0].node.id;
    xxHazardVersion = own.hazards.edges[0].node.version;
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('sees only its own college in the ledger and the org tree', async () => {
    const data = await jdOfficer.data('{ hazards(first: 50) { totalCount edges { node { orgUnit { name } } } } orgUnits { totalCount } }');
    expect(data.hazards.totalCount).toBe(2);
    expect(new Set(data.hazards.edges.map((edge: any) => edge.node.orgUnit.name))).toEqual(new Set(['机电工程学院']));
    expect(data.orgUnits.totalCount).toBe(1);
  });

  it('cannot read another college directly', async () => {
    const hazard = await jdOfficer.request('query($id: ID!) { hazard(id: $id) { title } }', { id: xxHazardId });
    expect(hazard.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unit = await jdOfficer.data('query($id: ID!) { orgUnit(id: $id) { name } }', { id: xx });
    expect(unit.orgUnit).toBeNull();
    const filtered = await jdOfficer.request('query($id: ID!) { hazards(filter: { orgUnitId: $id }) { totalCount } }', { id: xx });
    expect(filtered.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('cannot read another college through nested fields', async () => {
    const data = await jdOfficer.data(`{
      me { grants { orgUnit { name parent { name children { name } } hazards { totalCount } } } }
    }`);
    const unit = data.me.grants[0].orgUnit;
    expect(unit.name).toBe('机电工程学院');
    expect(unit.parent).toBeNull();
    expect(unit.hazards.totalCount).toBe(2);
  });

  it('cannot change another college: register, update', async () => {
    const register = await jdOfficer.request(
      `mutation($unit: ID!) { registerHazard(input: { orgUnitId: $unit, title: "越权登记", description: "d", category: FIRE,
         placeText: "某处", discoveredAt: "2026-01-01T08:00:00Z" }) { hazard { id } } }`,
      { unit: xx },
    );
    expect(register.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const update = await jdOfficer.request(
      'mutation($input: UpdateHazardInput!) { updateHazard(input: $input) { hazard { id } } }',
      { input: { id: xxHazardId, version: xxHazardVersion, title: '越权修改' } },
    );
    expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const xxOfficer = await fixture.as('xx.officer');
    const unchanged = await xxOfficer.data('query($id: ID!) { hazard(id: $id) { title version } }', { id: xxHazardId });
    expect(unchanged.hazard.version).toBe(xxHazardVersion);
    expect(unchanged.hazard.title).not.toBe('越权修改');
  });

  it('cannot get around the gateway by calling a subgraph directly', async () => {
    // With the gateway's proof (a caller inside the platform's network): the subgraph still decides scope itself.
    const proof = gatewayProofHeaders(fixture.platform.gatewaySecret);
    const hazardSubgraph = new GraphQLClient(fixture.platform.subgraphUrl('hazard-tracking'), jdOfficer.token, proof);
    const direct = await hazardSubgraph.request('query($id: ID!) { hazard(id: $id) { title } }', { id: xxHazardId });
    expect(direct.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const entities = await hazardSubgraph.data(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id hazards { totalCount } } } }',
      { r: [{ __typename: 'OrgUnit', id: xx }] },
    );
    expect(entities._entities[0].hazards.totalCount).toBe(0);

    const anonymous = await hazardSubgraph.withToken(null).request('{ hazards { totalCount } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // A token forged with another secret, claiming the whole bureau, is refused by the subgraph itself.
    const forged = await new SignJWT({ pid: null, grants: [{ role: 'BUREAU_ADMIN', unitId: 'x', path: '/' }] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer('campus-safety')
      .setAudience('campus-safety')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-secret-not-the-secret-000000'));
    const refused = await hazardSubgraph.withToken(forged).request('{ hazards { totalCount } }');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
