import { Role, Viewer } from '@campus/auth';
import { SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { SelectQueryBuilder } from 'typeorm';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const PLACE_FIELDS = 'id name kind function keyPlace orgUnitId parentId gridId active version';
const CREATE_PLACE = `mutation($input: CreatePlaceInput!) { createPlace(input: $input) { place { ${PLACE_FIELDS} } } }`;
const UPDATE_PLACE = `mutation($input: UpdatePlaceInput!) { updatePlace(input: $input) { place { ${PLACE_FIELDS} } } }`;
const DEACTIVATE_PLACE = `mutation($input: DeactivatePlaceInput!) { deactivatePlace(input: $input) { place { ${PLACE_FIELDS} } } }`;
const PLACE = `query($id: ID!) {
  place(id: $id) { ${PLACE_FIELDS} parent { id name } children { id name kind } orgUnit { id name } }
}`;
const PLACES = `query($filter: PlaceFilter, $first: Int, $after: String) {
  places(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } }
}`;
const ENTITIES_QUERY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Place { id name kind } }
}`;

interface PlaceNode {
  id: string;
  name: string;
  kind: string;
  function: string | null;
  keyPlace: boolean;
  parentId: string | null;
  active: boolean;
  version: number;
}

describe('responsibility-network: places (integration)', () => {
  let fx: ResponsibilityFixture;
  let db: TestDatabase;
  let runner: SchemaRunner;
  let admin: Viewer;
  let school: Unit;
  let collegeA: Unit;
  let collegeB: Unit;

  async function createPlace(viewer: Viewer, input: Record<string, unknown>): Promise<PlaceNode> {
    return (await runner.data(viewer, CREATE_PLACE, { input })).createPlace.place;
  }

  async function names(filter: Record<string, unknown>, viewer: Viewer = admin): Promise<string[]> {
    const data = await runner.data(viewer, PLACES, { filter, first: 100 });
    return data.places.edges.map((edge: any) => edge.node.name);
  }

  async function placeEvents(placeId: string): Promise<any[]> {
    const rows = await db.dataSource.query(
      "SELECT event_type, topic, payload FROM event_outbox WHERE aggregate_id = ? AND event_type = 'place.changed' ORDER BY id",
      [placeId],
    );
    return rows.map((row: any) => ({ ...row, payload: JSON.parse(row.payload) }));
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('places');
    db = fx.db;
    runner = fx.runner;
    admin = fx.admin;
    school = await fx.createUnit(fx.root.id, 'SCH01', OrgUnitKind.SCHOOL, '第一中学');
    collegeA = await fx.createUnit(school.id, 'COL-A', OrgUnitKind.COLLEGE, '化工学院');
    collegeB = await fx.createUnit(school.id, 'COL-B', OrgUnitKind.COLLEGE, '机械学院');
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('builds building → floor → room and open areas, reads them back as a tree, and records place.changed', async () => {
    const building = await createPlace(admin, { orgUnitId: collegeA.id, name: '化工实验楼', kind: 'BUILDING', function: 'LAB' });
    const floor = await createPlace(admin, { orgUnitId: collegeA.id, name: '化工实验楼 3F', kind: 'FLOOR', parentId: building.id });
    const room = await createPlace(admin, {
      orgUnitId: collegeA.id,
      name: '危化品暂存间 301',
      kind: 'ROOM',
      function: 'HAZMAT_STORE',
      keyPlace: true,
      parentId: floor.id,
    });
    const lobby = await createPlace(admin, { orgUnitId: collegeA.id, name: '一楼大厅', kind: 'ROOM', parentId: building.id });
    const yard = await createPlace(admin, { orgUnitId: collegeA.id, name: '实验楼后院', kind: 'OPEN_AREA', parentId: building.id });
    const gate = await createPlace(admin, { orgUnitId: school.id, name: '南校门', kind: 'OPEN_AREA', function: 'GATE', keyPlace: true });

    expect(building).toMatchObject({ kind: 'BUILDING', function: 'LAB', keyPlace: false, parentId: null, gridId: null, active: true, version: 1 });
    expect(room).toMatchObject({ kind: 'ROOM', function: 'HAZMAT_STORE', keyPlace: true, parentId: floor.id });
    expect(gate).toMatchObject({ kind: 'OPEN_AREA', parentId: null, keyPlace: true });

    const read = (await runner.data(admin, PLACE, { id: building.id })).place;
    expect(read.parent).toBeNull();
    expect(read.orgUnit).toEqual({ id: collegeA.id, name: '化工学院' });
    expect(read.children).toEqual([
      { id: lobby.id, name: '一楼大厅', kind: 'ROOM' },
      { id: floor.id, name: '化工实验楼 3F', kind: 'FLOOR' },
      { id: yard.id, name: '实验楼后院', kind: 'OPEN_AREA' },
    ]);
    const readRoom = (await runner.data(admin, PLACE, { id: room.id })).place;
    expect(readRoom.parent).toEqual({ id: floor.id, name: '化工实验楼 3F' });
    expect(readRoom.children).toEqual([]);

    const [event] = await placeEvents(room.id);
    expect(event.topic).toBe('campus.responsibility-network.events');
    expect(event.payload).toEqual({
      id: room.id,
      name: '危化品暂存间 301',
      kind: 'ROOM',
      function: 'HAZMAT_STORE',
      keyPlace: true,
      parentId: floor.id,
      orgUnitId: collegeA.id,
      orgPath: collegeA.path,
      active: true,
    });
  });

  it('filters places by unit (with or without subtree), kind, function, key place and parent, paging by name', async () => {
    const [building] = (await runner.data(admin, PLACES, { filter: { kind: 'BUILDING' } })).places.edges.map((edge: any) => edge.node);
    expect(await names({ orgUnitId: school.id })).toEqual(['南校门']);
    expect(await names({ orgUnitId: school.id, includeSubtree: true })).toHaveLength(6);
    expect(await names({ orgUnitId: collegeA.id, kind: 'ROOM' })).toEqual(['一楼大厅', '危化品暂存间 301']);
    expect(await names({ function: 'HAZMAT_STORE' })).toEqual(['危化品暂存间 301']);
    expect(await names({ keyPlace: true })).toEqual(['南校门', '危化品暂存间 301']);
    expect(await names({ parentId: building.id })).toEqual(['一楼大厅', '化工实验楼 3F', '实验楼后院']);

    const firstPage = (await runner.data(admin, PLACES, { filter: {}, first: 4 })).places;
    expect(firstPage).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
    const secondPage = (await runner.data(admin, PLACES, { filter: {}, first: 4, after: firstPage.pageInfo.endCursor })).places;
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    const all = [...firstPage.edges, ...secondPage.edges].map((edge: any) => edge.node.name);
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(6);
  });

  it('refuses places that break the kind rules with BAD_USER_INPUT naming kind or parentId', async () => {
    const [floor] = (await runner.data(admin, PLACES, { filter: { kind: 'FLOOR' } })).places.edges.map((edge: any) => edge.node);
    const [room] = (await runner.data(admin, PLACES, { filter: { function: 'HAZMAT_STORE' } })).places.edges.map((edge: any) => edge.node);
    const [building] = (await runner.data(admin, PLACES, { filter: { kind: 'BUILDING' } })).places.edges.map((edge: any) => edge.node);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'FLOOR' }, 'kind', '楼层必须设在上级场所之下'],
      [{ kind: 'ROOM' }, 'kind', '房间必须设在上级场所之下'],
      [{ kind: 'BUILDING', parentId: building.id }, 'parentId', '楼栋下不能设立楼栋'],
      [{ kind: 'FLOOR', parentId: floor.id }, 'parentId', '楼层下不能设立楼层'],
      [{ kind: 'OPEN_AREA', parentId: floor.id }, 'parentId', '楼层下不能设立室外区域'],
      [{ kind: 'ROOM', parentId: room.id }, 'parentId', '房间下不能设立房间'],
    ];
    for (const [input, field, message] of cases) {
      const result = await runner.run(admin, CREATE_PLACE, { input: { orgUnitId: collegeA.id, name: '违规场所', ...input } });
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field, message }] });
    }

    // The parent must lie within the owning unit's subtree: a college B room cannot hang under college A's floor.
    const foreignParent = await runner.run(admin, CREATE_PLACE, {
      input: { orgUnitId: collegeB.id, name: '借用教室', kind: 'ROOM', parentId: floor.id },
    });
    expect(foreignParent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'parentId' }] });

    const blankName = await runner.run(admin, CREATE_PLACE, { input: { orgUnitId: collegeA.id, name: '', kind: 'BUILDING' } });
    expect(blankName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'name' })] });

    const [{ count }] = await db.dataSource.query("SELECT COUNT(*) AS count FROM place WHERE name IN ('违规场所', '借用教室')");
    expect(Number(count)).toBe(0);
  });

  it('lets unit leaders and safety officers write in their unit, forbids staff, and hides other units (NOT_FOUND)', async () => {
    const staff = viewerWith('staff-a', [[Role.STAFF, collegeA.id, collegeA.path]]);
    const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, collegeA.id, collegeA.path]]);
    const leaderB = viewerWith('leader-b', [[Role.UNIT_LEADER, collegeB.id, collegeB.path]]);

    const byStaff = await runner.run(staff, CREATE_PLACE, { input: { orgUnitId: collegeA.id, name: '学生宿舍 5 号楼', kind: 'BUILDING' } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const dorm = await createPlace(officerA, { orgUnitId: collegeA.id, name: '学生宿舍 5 号楼', kind: 'BUILDING', function: 'DORMITORY' });
    const workshop = await createPlace(leaderB, { orgUnitId: collegeB.id, name: '金工实训车间', kind: 'BUILDING', function: 'LAB' });

    expect((await runner.data(leaderB, PLACE, { id: dorm.id })).place).toBeNull();
    expect(await names({}, leaderB)).toEqual(['金工实训车间']);
    expect(await names({}, staff)).toContain('学生宿舍 5 号楼');

    const intoA = await runner.run(leaderB, CREATE_PLACE, { input: { orgUnitId: collegeA.id, name: '越权楼', kind: 'BUILDING' } });
    expect(intoA.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const renameA = await runner.run(leaderB, UPDATE_PLACE, { input: { id: dorm.id, version: dorm.version, name: '越权改名' } });
    expect(renameA.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: dorm.id });
    const underA = await runner.run(leaderB, CREATE_PLACE, {
      input: { orgUnitId: collegeB.id, name: '越权楼层', kind: 'FLOOR', parentId: dorm.id },
    });
    expect(underA.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const listA = await runner.run(leaderB, PLACES, { filter: { orgUnitId: collegeA.id } });
    expect(listA.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const staffUpdate = await runner.run(staff, UPDATE_PLACE, { input: { id: dorm.id, version: dorm.version, keyPlace: true } });
    expect(staffUpdate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await runner.data(admin, PLACE, { id: workshop.id })).place.orgUnit).toEqual({ id: collegeB.id, name: '机械学院' });
  });

  it('updates name, function, key-place flag and parent with optimistic locking', async () => {
    const building = await createPlace(admin, { orgUnitId: collegeB.id, name: '实训楼', kind: 'BUILDING' });
    const other = await createPlace(admin, { orgUnitId: collegeB.id, name: '综合楼', kind: 'BUILDING' });
    const floor = await createPlace(admin, { orgUnitId: collegeB.id, name: '实训楼 1F', kind: 'FLOOR', parentId: building.id });
    const room = await createPlace(admin, { orgUnitId: collegeB.id, name: '101', kind: 'ROOM', parentId: floor.id });
    const area = await createPlace(admin, { orgUnitId: collegeB.id, name: '堆场', kind: 'OPEN_AREA', parentId: building.id });

    const renamed = (
      await runner.data(admin, UPDATE_PLACE, {
        input: { id: room.id, version: room.version, name: '焊接实训室 101', function: 'LAB', keyPlace: true, parentId: building.id },
      })
    ).updatePlace.place;
    expect(renamed).toMatchObject({ name: '焊接实训室 101', function: 'LAB', keyPlace: true, parentId: building.id, version: room.version + 1 });

    const stale = await runner.run(admin, UPDATE_PLACE, { input: { id: room.id, version: room.version, name: '旧版本改名' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: renamed.version });
    expect((await runner.data(admin, PLACE, { id: room.id })).place.name).toBe('焊接实训室 101');

    const movedFloor = (await runner.data(admin, UPDATE_PLACE, { input: { id: floor.id, version: floor.version, parentId: other.id } }))
      .updatePlace.place;
    expect(movedFloor.parentId).toBe(other.id);

    const topArea = (await runner.data(admin, UPDATE_PLACE, { input: { id: area.id, version: area.version, clearParent: true } })).updatePlace
      .place;
    expect(topArea.parentId).toBeNull();

    const topRoom = await runner.run(admin, UPDATE_PLACE, { input: { id: room.id, version: renamed.version, clearParent: true } });
    expect(topRoom.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'kind' }] });
    const floorUnderFloor = await runner.run(admin, UPDATE_PLACE, {
      input: { id: movedFloor.id, version: movedFloor.version, parentId: movedFloor.id },
    });
    expect(floorUnderFloor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const both = await runner.run(admin, UPDATE_PLACE, {
      input: { id: room.id, version: renamed.version, parentId: building.id, clearParent: true },
    });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'clearParent' }] });

    const events = await placeEvents(room.id);
    expect(events.map((event) => event.payload.name)).toEqual(['101', '焊接实训室 101']);
    expect(events[1].payload).toMatchObject({ function: 'LAB', keyPlace: true, parentId: building.id, active: true });
  });

  it('deactivates leaves first, once, keeps them out of default lists and refuses further changes', async () => {
    const building = await createPlace(admin, { orgUnitId: collegeB.id, name: '旧食堂', kind: 'BUILDING', function: 'CANTEEN' });
    const kitchen = await createPlace(admin, { orgUnitId: collegeB.id, name: '旧食堂后厨', kind: 'ROOM', parentId: building.id });

    const early = await runner.run(admin, DEACTIVATE_PLACE, { input: { id: building.id, version: building.version } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', activeChildren: 1 });

    const closedKitchen = (await runner.data(admin, DEACTIVATE_PLACE, { input: { id: kitchen.id, version: kitchen.version } })).deactivatePlace
      .place;
    expect(closedKitchen).toMatchObject({ active: false, version: kitchen.version + 1 });
    const again = await runner.run(admin, DEACTIVATE_PLACE, { input: { id: kitchen.id, version: closedKitchen.version } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const renameClosed = await runner.run(admin, UPDATE_PLACE, { input: { id: kitchen.id, version: closedKitchen.version, name: '新名' } });
    expect(renameClosed.errors?.[0].extensions?.code).toBe('CONFLICT');
    const store = await createPlace(admin, { orgUnitId: collegeB.id, name: '新仓库', kind: 'ROOM', function: 'WAREHOUSE', parentId: building.id });

    expect(await names({ parentId: building.id })).toEqual(['新仓库']);
    expect(await names({ parentId: building.id, active: null })).toEqual(['新仓库', '旧食堂后厨']);
    expect(await names({ parentId: building.id, active: false })).toEqual(['旧食堂后厨']);
    const tree = await runner.data(admin, `query($id: ID!) { place(id: $id) { children { name } all: children(includeInactive: true) { name } } }`, {
      id: building.id,
    });
    expect(tree.place.children).toEqual([{ name: '新仓库' }]);
    expect(tree.place.all).toEqual([{ name: '新仓库' }, { name: '旧食堂后厨' }]);

    const [, deactivated] = await placeEvents(kitchen.id);
    expect(deactivated.payload).toMatchObject({ id: kitchen.id, active: false });

    await runner.data(admin, DEACTIVATE_PLACE, { input: { id: store.id, version: store.version } });
    await runner.data(admin, DEACTIVATE_PLACE, { input: { id: building.id, version: building.version } });
    const underClosed = await runner.run(admin, CREATE_PLACE, {
      input: { orgUnitId: collegeB.id, name: '临时库房', kind: 'ROOM', parentId: building.id },
    });
    expect(underClosed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', parentId: building.id });
  });

  it('resolves Place references for the gateway in one statement per request, within the viewer scope', async () => {
    const all = (await runner.data(admin, PLACES, { filter: { orgUnitId: collegeA.id }, first: 3 })).places.edges.map((edge: any) => edge.node);
    const [outside] = (await runner.data(admin, PLACES, { filter: { orgUnitId: collegeB.id }, first: 1 })).places.edges.map(
      (edge: any) => edge.node,
    );
    const representations = [...all, outside].map((place: any) => ({ __typename: 'Place', id: place.id }));
    const getMany = jest.spyOn(SelectQueryBuilder.prototype, 'getMany');
    try {
      const leaderA = viewerWith('leader-a', [[Role.UNIT_LEADER, collegeA.id, collegeA.path]]);
      const data = await runner.data(leaderA, ENTITIES_QUERY, { representations });
      expect(data._entities.map((entity: any) => entity?.id ?? null)).toEqual([...all.map((place: any) => place.id), null]);
      expect(getMany).toHaveBeenCalledTimes(1);
    } finally {
      getMany.mockRestore();
    }
  });
});
