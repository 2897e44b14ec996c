import { Role, Viewer } from '@campus/auth';
import { SchemaRunner } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const RECORD_FIELDS = 'id placeId status documentNumber acceptedOn authority exemptReason note version';
const SET = `mutation($input: SetFireAcceptanceInput!) {
  setFireAcceptance(input: $input) { fireAcceptance { ${RECORD_FIELDS} } place { id name } }
}`;
const PLACE = `query($id: ID!) {
  place(id: $id) { id fireAcceptance { ${RECORD_FIELDS} history { version status documentNumber changedBy { id } } } }
}`;
const UNACCEPTED = `query($filter: UnacceptedBuildingFilter, $first: Int, $after: String) {
  buildingsWithoutFireAcceptance(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id name fireAcceptance { status } } }
    byUnit { orgUnitId orgUnit { name } total noRecord notAccepted inProgress }
  }
}`;
const CREATE_PLACE = `mutation($input: CreatePlaceInput!) { createPlace(input: $input) { place { id name version } } }`;

const ACCEPTED = { status: 'ACCEPTED', documentNumber: '县住建消验字〔2023〕8号', acceptedOn: '2023-09-01', authority: '县住房和城乡建设局' };

describe('responsibility-network: fire acceptance (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let admin: Viewer;
  let schoolA: Unit;
  let schoolB: Unit;
  let collegeA: Unit;
  const ids: Record<string, string> = {};

  async function place(unit: Unit, name: string, kind = 'BUILDING', parentId?: string): Promise<string> {
    const data = await runner.data(admin, CREATE_PLACE, { input: { orgUnitId: unit.id, name, kind, parentId } });
    return data.createPlace.place.id;
  }

  function set(viewer: Viewer, placeId: string, version: number, facts: Record<string, unknown>) {
    return runner.run(viewer, SET, { input: { placeId, version, ...facts } });
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('fire_acceptance');
    runner = fx.runner;
    admin = fx.admin;
    schoolA = await fx.createUnit(fx.root.id, 'SCH-A', OrgUnitKind.SCHOOL, '第一中学');
    schoolB = await fx.createUnit(fx.root.id, 'SCH-B', OrgUnitKind.SCHOOL, '第二中学');
    collegeA = await fx.createUnit(schoolA.id, 'COL-A', OrgUnitKind.COLLEGE, '化工学院');
    ids.teaching = await place(schoolA, '1号教学楼');
    ids.lab = await place(collegeA, '化工实验楼');
    ids.dorm = await place(schoolA, '学生宿舍楼');
    ids.gym = await place(schoolB, '体育馆');
    ids.floor = await place(schoolA, '1号教学楼 2F', 'FLOOR', ids.teaching);
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('records acceptance, filing, work in progress and exemption, each change kept in the history', async () => {
    const officer = fx.viewerAt(Role.UNIT_SAFETY_OFFICER, schoolA);
    const first = await set(officer, ids.teaching, 0, { status: 'IN_PROGRESS', note: '已申请验收' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.setFireAcceptance.fireAcceptance).toMatchObject({ status: 'IN_PROGRESS', version: 1, documentNumber: null });
    const second = await set(officer, ids.teaching, 1, ACCEPTED);
    expect(second.data?.setFireAcceptance.fireAcceptance).toMatchObject({ ...ACCEPTED, version: 2, note: null });
    const exempt = await set(admin, ids.dorm, 0, { status: 'EXEMPT', exemptReason: '2000 年前建成，按规定无需验收' });
    expect(exempt.data?.setFireAcceptance.fireAcceptance).toMatchObject({ status: 'EXEMPT', exemptReason: '2000 年前建成，按规定无需验收' });
    const read = (await runner.data(admin, PLACE, { id: ids.teaching })).place.fireAcceptance;
    expect(read.history.map((change: { version: number; status: string }) => [change.version, change.status])).toEqual([
      [2, 'ACCEPTED'],
      [1, 'IN_PROGRESS'],
    ]);
    expect((await runner.data(admin, PLACE, { id: ids.floor })).place.fireAcceptance).toBeNull();
  });

  it('refuses a stale version, a missing document, a room and an inactive building', async () => {
    const stale = await set(admin, ids.teaching, 1, { status: 'NOT_ACCEPTED' });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 2 });
    const notFirst = await set(admin, ids.gym, 3, { status: 'NOT_ACCEPTED' });
    expect(notFirst.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const bare = await set(admin, ids.gym, 0, { status: 'ACCEPTED', documentNumber: '消验字1号' });
    expect(bare.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'acceptedOn' }, { field: 'authority' }] });
    const future = await set(admin, ids.gym, 0, { ...ACCEPTED, acceptedOn: '2999-01-01' });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'acceptedOn' }] });
    const floor = await set(admin, ids.floor, 0, { status: 'NOT_ACCEPTED' });
    expect(floor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'placeId' }] });
    const shed = await place(schoolB, '旧仓库');
    await runner.data(admin, 'mutation($input: DeactivatePlaceInput!) { deactivatePlace(input: $input) { place { id } } }', { input: { id: shed, version: 1 } });
    const inactive = await set(admin, shed, 0, { status: 'NOT_ACCEPTED' });
    expect(inactive.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });
  });

  it('lets only the unit safety managers record: grid officers and staff FORBIDDEN, other schools NOT_FOUND', async () => {
    const grid = fx.viewerAt(Role.GRID_OFFICER, schoolA);
    const staff = fx.viewerAt(Role.STAFF, collegeA);
    const leaderB = fx.viewerAt(Role.UNIT_LEADER, schoolB);
    expect((await set(grid, ids.lab, 0, { status: 'NOT_ACCEPTED' })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect((await set(staff, ids.lab, 0, { status: 'NOT_ACCEPTED' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await set(leaderB, ids.lab, 0, { status: 'NOT_ACCEPTED' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.data(leaderB, PLACE, { id: ids.teaching })).place).toBeNull();
    const byLeader = await set(fx.viewerAt(Role.UNIT_LEADER, collegeA), ids.lab, 0, { status: 'NOT_ACCEPTED' });
    expect(byLeader.data?.setFireAcceptance.fireAcceptance.status).toBe('NOT_ACCEPTED');
  });

  it('lists the buildings in use without acceptance in the viewer scope, with counts per unit', async () => {
    const all = (await runner.data(admin, UNACCEPTED, { first: 10 })).buildingsWithoutFireAcceptance;
    expect(all.edges.map((edge: any) => [edge.node.name, edge.node.fireAcceptance?.status ?? null])).toEqual([
      ['体育馆', null],
      ['化工实验楼', 'NOT_ACCEPTED'],
    ]);
    expect(all.totalCount).toBe(2);
    expect(all.byUnit).toEqual(
      expect.arrayContaining([
        { orgUnitId: schoolB.id, orgUnit: { name: '第二中学' }, total: 1, noRecord: 1, notAccepted: 0, inProgress: 0 },
        { orgUnitId: collegeA.id, orgUnit: { name: '化工学院' }, total: 1, noRecord: 0, notAccepted: 1, inProgress: 0 },
      ]),
    );
    const page = (await runner.data(admin, UNACCEPTED, { first: 1 })).buildingsWithoutFireAcceptance;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = (await runner.data(admin, UNACCEPTED, { first: 1, after: page.pageInfo.endCursor })).buildingsWithoutFireAcceptance;
    expect(next.edges.map((edge: any) => edge.node.name)).toEqual(['化工实验楼']);
    const schoolOnly = (await runner.data(fx.viewerAt(Role.SAFETY_OFFICE, schoolA), UNACCEPTED, {})).buildingsWithoutFireAcceptance;
    expect(schoolOnly.edges.map((edge: any) => edge.node.name)).toEqual(['化工实验楼']);
    const filtered = (await runner.data(admin, UNACCEPTED, { filter: { orgUnitId: schoolB.id } })).buildingsWithoutFireAcceptance;
    expect(filtered.byUnit).toHaveLength(1);
    const foreign = await runner.run(fx.viewerAt(Role.SAFETY_OFFICE, schoolA), UNACCEPTED, { filter: { orgUnitId: schoolB.id } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
