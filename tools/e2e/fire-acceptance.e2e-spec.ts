import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const PLACES = '{ places(first: 100, filter: { kind: BUILDING }) { edges { node { id name fireAcceptance { status version } } } } }';
const SET = `mutation($input: SetFireAcceptanceInput!) {
  setFireAcceptance(input: $input) { fireAcceptance { status version documentNumber history { version status changedBy { name } } } place { name } }
}`;
const UNACCEPTED = `query($filter: UnacceptedBuildingFilter) {
  buildingsWithoutFireAcceptance(filter: $filter) {
    totalCount edges { node { name fireAcceptance { status } orgUnit { name } } }
    byUnit { orgUnit { name } total noRecord notAccepted inProgress }
  }
}`;

/** 消防验收 through the gateway on the demo campus (issue 17, part 7). */
describe('fire acceptance of buildings', () => {
  let fixture: PlatformFixture;
  let bureau: GraphQLClient;
  let office: GraphQLClient;
  let buildings: Map<string, { id: string; fireAcceptance: { status: string; version: number } | null }>;

  const readBuildings = async () =>
    new Map<string, { id: string; fireAcceptance: { status: string; version: number } | null }>(
      (await office.data(PLACES)).places.edges.map(({ node }: any) => [node.name, node]),
    );

  beforeAll(async () => {
    fixture = await startPlatformFixture(4910);
    [bureau, office] = await Promise.all(['bureau.admin', 'safety.office'].map((name) => fixture.as(name)));
    buildings = await readBuildings();
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('lists the demo buildings in use without acceptance for the bureau, with counts per unit', async () => {
    expect(buildings.get('信息楼')?.fireAcceptance).toMatchObject({ status: 'ACCEPTED' });
    const list = (await bureau.data(UNACCEPTED)).buildingsWithoutFireAcceptance;
    expect(list.edges.map(({ node }: any) => [node.name, node.fireAcceptance.status, node.orgUnit.name])).toEqual([
      ['3号实训楼', 'NOT_ACCEPTED', '机电工程学院'],
      ['危化品仓库', 'IN_PROGRESS', '机电工程学院'],
    ]);
    expect(list.totalCount).toBe(2);
    expect(list.byUnit).toEqual([{ orgUnit: { name: '机电工程学院' }, total: 2, noRecord: 0, notAccepted: 1, inProgress: 1 }]);
  });

  it('records a change by the school with a version check, kept in the history; a stale version is refused', async () => {
    const store = buildings.get('危化品仓库')!;
    const accepted = await office.data(SET, {
      input: { placeId: store.id, version: store.fireAcceptance!.version, status: 'ACCEPTED', documentNumber: '榆建消验字〔2026〕第088号', acceptedOn: '2026-11-20', authority: '县住房和城乡建设局' },
    });
    expect(accepted.setFireAcceptance.fireAcceptance).toMatchObject({ status: 'ACCEPTED', version: 2, documentNumber: '榆建消验字〔2026〕第088号' });
    expect(accepted.setFireAcceptance.fireAcceptance.history.map((change: any) => [change.version, change.status, change.changedBy?.name])).toEqual([
      [2, 'ACCEPTED', '王建国'],
      [1, 'IN_PROGRESS', '王建国'],
    ]);
    const stale = await office.request(SET, { input: { placeId: store.id, version: 1, status: 'NOT_ACCEPTED' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const missing = await office.request(SET, { input: { placeId: store.id, version: 2, status: 'EXEMPT' } });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'exemptReason' }] });
    const list = (await bureau.data(UNACCEPTED)).buildingsWithoutFireAcceptance;
    expect(list.edges.map(({ node }: any) => node.name)).toEqual(['3号实训楼']);
  });

  it('refuses a grid officer (FORBIDDEN) and another college (NOT_FOUND); the school sees only its own list', async () => {
    const info = buildings.get('信息楼')!;
    const grid = await fixture.as('grid.officer');
    const byGrid = await grid.request(SET, { input: { placeId: info.id, version: info.fireAcceptance!.version, status: 'NOT_ACCEPTED' } });
    expect(byGrid.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const jd = await fixture.as('jd.officer');
    const byOtherCollege = await jd.request(SET, { input: { placeId: info.id, version: info.fireAcceptance!.version, status: 'NOT_ACCEPTED' } });
    expect(byOtherCollege.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const xxList = (await (await fixture.as('xx.officer')).data(UNACCEPTED)).buildingsWithoutFireAcceptance;
    expect(xxList).toMatchObject({ totalCount: 0, byUnit: [] });
    const foreign = await jd.request(UNACCEPTED, { filter: { orgUnitId: fixture.unitIds['XDZY-XX'] } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
