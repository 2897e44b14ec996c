import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const REGISTER = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id } } }';
const HAZARD = 'query($id: ID!) { hazard(id: $id) { id title category } }';
const LEDGER = `query($unit: ID!) { hazards(filter: { orgUnitId: $unit, includeSubtree: true, category: [PSYCHOLOGICAL] }) {
  totalCount restrictedCount edges { node { id } } } }`;

/** Issue 17, part 4: a psychological case filed as a hazard at 信息工程学院, through the gateway. */
describe('sensitive hazard categories through the gateway', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient; // safety.office: 学校安全保卫处
  let gridOfficer: GraphQLClient; // grid.officer: 信息工程学院网格安全员
  let counselor: GraphQLClient; // counselor: 心理健康中心, COUNSELOR at 学生工作处 and 信息工程学院
  let hazardId: string;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4660);
    [office, gridOfficer, counselor] = await Promise.all(['safety.office', 'grid.officer', 'counselor'].map((name) => fixture.as(name)));
    const input = {
      orgUnitId: fixture.unitIds['XDZY-XX'],
      title: '学生情绪持续低落',
      description: '辅导员反映该生近两周失眠、拒绝交流',
      category: 'PSYCHOLOGICAL',
      placeText: '学生宿舍',
      discoveredAt: new Date().toISOString(),
    };
    hazardId = (await office.data(REGISTER, { input })).registerHazard.hazard.id;
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('refuses the grid officer as NOT_FOUND and counts the case in the ledger without showing it', async () => {
    const refused = await gridOfficer.request(HAZARD, { id: hazardId });
    expect(refused.data?.hazard ?? null).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const ledger = await gridOfficer.data(LEDGER, { unit: fixture.unitIds['XDZY-XX'] });
    expect(ledger.hazards).toEqual({ totalCount: 0, restrictedCount: 1, edges: [] });
  });

  it('lets the counsellor read it', async () => {
    expect((await counselor.data(HAZARD, { id: hazardId })).hazard).toEqual({ id: hazardId, title: '学生情绪持续低落', category: 'PSYCHOLOGICAL' });
    const ledger = await counselor.data(LEDGER, { unit: fixture.unitIds['XDZY-XX'] });
    expect(ledger.hazards).toMatchObject({ totalCount: 1, restrictedCount: 0, edges: [{ node: { id: hazardId } }] });
  });
});
