import { Role, Viewer } from '@campus/auth';
import { calendarDateOf } from '@campus/graphql';
import { SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { Workbook } from 'exceljs';
import { SelectQueryBuilder } from 'typeorm';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const GRID_FIELDS = 'id name level orgUnitId parentId version';
const TERM_FIELDS = 'id gridId personId role from to';
const UPDATE_PERSON = 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id version } } }';
const DEACTIVATE_PERSON = 'mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id } } }';
const CREATE_PLACE = 'mutation($input: CreatePlaceInput!) { createPlace(input: $input) { place { id name version } } }';
const DEACTIVATE_PLACE = 'mutation($input: DeactivatePlaceInput!) { deactivatePlace(input: $input) { place { id gridId } } }';
const CREATE_GRID = `mutation($input: CreateGridInput!) { createGrid(input: $input) { grid { ${GRID_FIELDS} } } }`;
const RENAME_GRID = `mutation($input: RenameGridInput!) { renameGrid(input: $input) { grid { ${GRID_FIELDS} } } }`;
const SET_PLACES = `mutation($input: SetGridPlacesInput!) { setGridPlaces(input: $input) { grid { id places { id name } } } }`;
const ASSIGN = `mutation($input: AssignGridRoleInput!) {
  assignGridRole(input: $input) { assignment { ${TERM_FIELDS} person { name } } closed { ${TERM_FIELDS} } }
}`;
const END = `mutation($input: EndGridRoleInput!) { endGridRole(input: $input) { assignment { ${TERM_FIELDS} } } }`;
const GRID = `query($id: ID!) {
  grid(id: $id) { ${GRID_FIELDS} parent { id } children { id name } orgUnit { id name } places { id name } }
}`;
const GRIDS = 'query($filter: GridFilter) { grids(filter: $filter) { totalCount edges { node { name level } } } }';
const ASSIGNMENTS = `query($id: ID!, $includeEnded: Boolean!) {
  grid(id: $id) { assignments(includeEnded: $includeEnded) { ${TERM_FIELDS} person { name } grid { id } } }
}`;
const RESPONSIBLE = `query($gridId: ID!, $date: CalendarDate!) {
  gridResponsibleOn(gridId: $gridId, date: $date) { gridId date leader { personId from to } safetyOfficers { personId } }
}`;
const NEEDING = `query($orgUnitId: ID!) {
  gridRolesNeedingReassignment(orgUnitId: $orgUnitId) { reason assignment { gridId personId role } }
}`;
const ROSTER = 'query($orgUnitId: ID!) { gridRoster(orgUnitId: $orgUnitId) { gridName level role personName phone } }';
const WORKBOOK = 'query($orgUnitId: ID!) { gridRosterWorkbook(orgUnitId: $orgUnitId) { filename contentType base64 } }';
const COVERAGE = `query($orgUnitId: ID!) {
  gridCoverage(orgUnitId: $orgUnitId) {
    placeCount keyPlaceCount uncoveredPlaceCount uncoveredKeyPlaceCount uncoveredPlaces { name } uncoveredKeyPlaces { name }
  }
}`;

interface Ref {
  id: string;
  name: string;
  version: number;
}

interface GridNode {
  id: string;
  name: string;
  level: number;
  parentId: string | null;
  version: number;
}

/** A calendar day counted from today, so "current" terms stay current whenever the suite runs. */
function day(offset: number): string {
  return calendarDateOf(new Date(Date.now() + offset * 86_400_000));
}

describe('responsibility-network: grids (integration)', () => {
  let fx: ResponsibilityFixture;
  let db: TestDatabase;
  let runner: SchemaRunner;
  let admin: Viewer;
  let school: Unit;
  let collegeA: Unit;
  let collegeB: Unit;
  let schoolGrid: GridNode;
  let gridA: GridNode;
  let gridB: GridNode;
  const place: Record<string, Ref> = {};
  const person: Record<string, Ref> = {};

  async function createPlace(unit: Unit, input: Record<string, unknown>): Promise<Ref> {
    return (await runner.data(admin, CREATE_PLACE, { input: { orgUnitId: unit.id, ...input } })).createPlace.place;
  }

  async function createGrid(unit: Unit, name: string, parent?: GridNode, viewer: Viewer = admin): Promise<GridNode> {
    return (await runner.data(viewer, CREATE_GRID, { input: { orgUnitId: unit.id, name, parentId: parent?.id } })).createGrid.grid;
  }

  async function assign(grid: GridNode, who: Ref, role: string, from: string): Promise<any> {
    return (await runner.data(admin, ASSIGN, { input: { gridId: grid.id, personId: who.id, role, from } })).assignGridRole;
  }

  async function responsible(grid: GridNode, date: string): Promise<any> {
    return (await runner.data(admin, RESPONSIBLE, { gridId: grid.id, date })).gridResponsibleOn;
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('grids');
    db = fx.db;
    runner = fx.runner;
    admin = fx.admin;
    school = await fx.createUnit(fx.root.id, 'SCH01', OrgUnitKind.SCHOOL, '第一中学');
    collegeA = await fx.createUnit(school.id, 'COL-A', OrgUnitKind.COLLEGE, '化工学院');
    collegeB = await fx.createUnit(school.id, 'COL-B', OrgUnitKind.COLLEGE, '机械学院');

    person.zhang = await fx.createPerson(collegeA.id, '张主任', { phone: '13900000001' });
    person.li = await fx.createPerson(collegeA.id, '李老师', { phone: '13900000002' });
    person.wang = await fx.createPerson(collegeA.id, '王老师', { phone: '13900000003' });
    person.zhao = await fx.createPerson(collegeA.id, '赵老师', { phone: '13900000004' });
    person.qian = await fx.createPerson(collegeB.id, '钱老师', { phone: '13900000005' });

    place.building = await createPlace(collegeA, { name: '化工实验楼', kind: 'BUILDING', function: 'LAB' });
    place.lab = await createPlace(collegeA, { name: '危化品库', kind: 'ROOM', function: 'HAZMAT_STORE', keyPlace: true, parentId: place.building.id });
    place.classroom = await createPlace(collegeA, { name: '阶梯教室', kind: 'ROOM', function: 'TEACHING', parentId: place.building.id });
    place.gate = await createPlace(school, { name: '南校门', kind: 'OPEN_AREA', function: 'GATE', keyPlace: true });
    place.workshop = await createPlace(collegeB, { name: '金工车间', kind: 'BUILDING', function: 'LAB', keyPlace: true });
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('builds grids three levels deep under units and refuses a fourth level, a misplaced parent and a duplicate name', async () => {
    schoolGrid = await createGrid(school, '第一中学校园网格');
    gridA = await createGrid(collegeA, '化工学院网格', schoolGrid);
    gridB = await createGrid(collegeB, '机械学院网格', schoolGrid);
    const floorGrid = await createGrid(collegeA, '化工实验楼网格', gridA);
    expect([schoolGrid.level, gridA.level, floorGrid.level]).toEqual([1, 2, 3]);
    expect(gridA).toMatchObject({ parentId: schoolGrid.id, version: 1 });

    const fourth = await runner.run(admin, CREATE_GRID, { input: { orgUnitId: collegeA.id, name: '四级网格', parentId: floorGrid.id } });
    expect(fourth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'parentId' }] });
    // A parent grid must belong to the same unit or one above it.
    const upward = await runner.run(admin, CREATE_GRID, { input: { orgUnitId: school.id, name: '错挂网格', parentId: gridA.id } });
    expect(upward.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'parentId' }] });
    const sideways = await runner.run(admin, CREATE_GRID, { input: { orgUnitId: collegeB.id, name: '错挂网格', parentId: gridA.id } });
    expect(sideways.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const duplicate = await runner.run(admin, CREATE_GRID, { input: { orgUnitId: collegeA.id, name: '化工学院网格' } });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', gridName: '化工学院网格' });

    const read = (await runner.data(admin, GRID, { id: gridA.id })).grid;
    expect(read.parent).toEqual({ id: schoolGrid.id });
    expect(read.children).toEqual([{ id: floorGrid.id, name: '化工实验楼网格' }]);
    expect(read.orgUnit).toEqual({ id: collegeA.id, name: '化工学院' });

    const inSchool = (await runner.data(admin, GRIDS, { filter: { orgUnitId: school.id, includeSubtree: true } })).grids;
    expect(inSchool.totalCount).toBe(4);
    expect(inSchool.edges.map((edge: any) => edge.node.level)).toEqual([1, 2, 2, 3]);
    expect((await runner.data(admin, GRIDS, { filter: { orgUnitId: school.id } })).grids.totalCount).toBe(1);
    expect((await runner.data(admin, GRIDS, { filter: { level: 2 } })).grids.edges.map((edge: any) => edge.node.name)).toEqual([
      '化工学院网格',
      '机械学院网格',
    ]);
    const badLevel = await runner.run(admin, GRIDS, { filter: { level: 4 } });
    expect(badLevel.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets staff read but not write grids, hides other units, and renames with optimistic locking', async () => {
    const staffA = viewerWith('staff-a', [[Role.STAFF, collegeA.id, collegeA.path]]);
    const leaderB = viewerWith('leader-b', [[Role.UNIT_LEADER, collegeB.id, collegeB.path]]);
    const forbidden = await runner.run(staffA, CREATE_GRID, { input: { orgUnitId: collegeA.id, name: '员工网格' } });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const staffSetsPlaces = await runner.run(staffA, SET_PLACES, { input: { gridId: gridA.id, placeIds: [] } });
    expect(staffSetsPlaces.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await runner.data(staffA, GRID, { id: gridA.id })).grid.name).toBe('化工学院网格');
    expect((await runner.data(leaderB, GRID, { id: gridA.id })).grid).toBeNull();
    const leaderBAssigns = await runner.run(leaderB, ASSIGN, { input: { gridId: gridA.id, personId: person.li.id, role: 'LEADER', from: day(0) } });
    expect(leaderBAssigns.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // The level-1 grid of the school is out of college B's scope: its parent reads as null.
    expect((await runner.data(leaderB, GRID, { id: gridB.id })).grid.parent).toBeNull();

    const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, collegeA.id, collegeA.path]]);
    const renamed = (await runner.data(officerA, RENAME_GRID, { input: { id: gridA.id, version: gridA.version, name: '化工学院二级网格' } }))
      .renameGrid.grid;
    expect(renamed).toMatchObject({ name: '化工学院二级网格', version: gridA.version + 1 });
    const stale = await runner.run(admin, RENAME_GRID, { input: { id: gridA.id, version: gridA.version, name: '旧名' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: renamed.version });
    gridA = { ...gridA, ...renamed };
  });

  it('sets the places a grid covers, replacing the set and refusing places of other grids or other units', async () => {
    const set = (await runner.data(admin, SET_PLACES, { input: { gridId: gridA.id, placeIds: [place.lab.id, place.classroom.id, place.lab.id] } }))
      .setGridPlaces.grid;
    expect(set.places.map((p: any) => p.name)).toEqual(['危化品库', '阶梯教室']);

    const inGrid = await runner.data(admin, `query($id: ID!) { place(id: $id) { gridId grid { id name } } }`, { id: place.lab.id });
    expect(inGrid.place).toEqual({ gridId: gridA.id, grid: { id: gridA.id, name: '化工学院二级网格' } });

    const replaced = (await runner.data(admin, SET_PLACES, { input: { gridId: gridA.id, placeIds: [place.lab.id, place.building.id] } }))
      .setGridPlaces.grid;
    expect(replaced.places.map((p: any) => p.name)).toEqual(['化工实验楼', '危化品库']);
    expect((await runner.data(admin, `query($id: ID!) { place(id: $id) { grid { id } } }`, { id: place.classroom.id })).place.grid).toBeNull();

    const taken = await runner.run(admin, SET_PLACES, { input: { gridId: schoolGrid.id, placeIds: [place.gate.id, place.lab.id] } });
    expect(taken.data).toBeNull();
    expect(taken.errors?.[0].message).toContain('「危化品库」已属于网格「化工学院二级网格」');
    expect(taken.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      coveredByOtherGrid: [{ placeId: place.lab.id, gridId: gridA.id }],
      outsideUnit: [],
    });
    const outside = await runner.run(admin, SET_PLACES, { input: { gridId: gridB.id, placeIds: [place.workshop.id, place.classroom.id] } });
    expect(outside.errors?.[0].message).toContain('「阶梯教室」不属于网格所属单位');
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', outsideUnit: [place.classroom.id] });
    const unknown = await runner.run(admin, SET_PLACES, { input: { gridId: gridB.id, placeIds: ['no-such-place'] } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-place' });

    // Refusals change nothing.
    const [{ count }] = await db.dataSource.query('SELECT COUNT(*) AS count FROM place WHERE grid_id IS NOT NULL');
    expect(Number(count)).toBe(2);

    await runner.data(admin, SET_PLACES, { input: { gridId: gridB.id, placeIds: [place.workshop.id] } });
    const byGrid = await runner.data(admin, 'query($f: PlaceFilter) { places(filter: $f) { edges { node { name } } } }', { f: { gridId: gridA.id } });
    expect(byGrid.places.edges.map((edge: any) => edge.node.name)).toEqual(['化工实验楼', '危化品库']);
  });

  it('reports coverage: places and key places in use, and those no grid covers', async () => {
    const inSchool = (await runner.data(admin, COVERAGE, { orgUnitId: school.id })).gridCoverage;
    expect(inSchool).toEqual({
      placeCount: 5,
      keyPlaceCount: 3,
      uncoveredPlaceCount: 2,
      uncoveredKeyPlaceCount: 1,
      uncoveredPlaces: [{ name: '南校门' }, { name: '阶梯教室' }],
      uncoveredKeyPlaces: [{ name: '南校门' }],
    });
    const inA = (await runner.data(admin, COVERAGE, { orgUnitId: collegeA.id })).gridCoverage;
    expect(inA).toMatchObject({ placeCount: 3, keyPlaceCount: 1, uncoveredPlaceCount: 1, uncoveredKeyPlaceCount: 0 });
    const leaderB = viewerWith('leader-b', [[Role.UNIT_LEADER, collegeB.id, collegeB.path]]);
    const hidden = await runner.run(leaderB, COVERAGE, { orgUnitId: collegeA.id });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('hands the leader over the day before the new one starts and answers who was responsible on each day', async () => {
    const first = await assign(gridA, person.zhang, 'LEADER', day(-90));
    expect(first).toMatchObject({ assignment: { role: 'LEADER', from: day(-90), to: null, person: { name: '张主任' } }, closed: null });
    const li = (await assign(gridA, person.li, 'SAFETY_OFFICER', day(-90))).assignment;
    const wang = (await assign(gridA, person.wang, 'SAFETY_OFFICER', day(-60))).assignment;

    const handover = await assign(gridA, person.zhao, 'LEADER', day(-10));
    expect(handover.closed).toMatchObject({ id: first.assignment.id, personId: person.zhang.id, from: day(-90), to: day(-11) });
    expect(handover.assignment).toMatchObject({ personId: person.zhao.id, from: day(-10), to: null });

    expect(await responsible(gridA, day(-91))).toEqual({ gridId: gridA.id, date: day(-91), leader: null, safetyOfficers: [] });
    expect(await responsible(gridA, day(-61))).toMatchObject({ leader: { personId: person.zhang.id }, safetyOfficers: [{ personId: person.li.id }] });
    expect(await responsible(gridA, day(-11))).toMatchObject({
      leader: { personId: person.zhang.id, to: day(-11) },
      safetyOfficers: [{ personId: person.li.id }, { personId: person.wang.id }],
    });
    expect((await responsible(gridA, day(-10))).leader).toEqual({ personId: person.zhao.id, from: day(-10), to: null });

    const ended = (await runner.data(admin, END, { input: { assignmentId: wang.id, to: day(-5) } })).endGridRole.assignment;
    expect(ended).toMatchObject({ id: wang.id, to: day(-5) });
    expect((await responsible(gridA, day(-5))).safetyOfficers).toHaveLength(2);
    expect((await responsible(gridA, day(-4))).safetyOfficers).toEqual([{ personId: person.li.id }]);

    const current = (await runner.data(admin, ASSIGNMENTS, { id: gridA.id, includeEnded: false })).grid.assignments;
    expect(current.map((term: any) => [term.role, term.person.name])).toEqual([
      ['LEADER', '赵老师'],
      ['SAFETY_OFFICER', '李老师'],
    ]);
    expect(current[0].grid).toEqual({ id: gridA.id });
    const history = (await runner.data(admin, ASSIGNMENTS, { id: gridA.id, includeEnded: true })).grid.assignments;
    expect(history.map((term: any) => term.person.name)).toEqual(['张主任', '赵老师', '李老师', '王老师']);
    expect(li.to).toBeNull();
  });

  it('refuses overlapping leaders, repeated terms, ineligible people and bad end dates', async () => {
    const refusals: [Record<string, unknown>, string, Record<string, unknown>?][] = [
      [{ gridId: gridA.id, personId: person.zhang.id, role: 'LEADER', from: day(-10) }, 'CONFLICT'],
      [{ gridId: gridA.id, personId: person.zhang.id, role: 'LEADER', from: day(-30) }, 'CONFLICT'],
      [{ gridId: gridA.id, personId: person.zhao.id, role: 'LEADER', from: day(5) }, 'CONFLICT'],
      [{ gridId: gridA.id, personId: person.li.id, role: 'SAFETY_OFFICER', from: day(1) }, 'CONFLICT'],
      [{ gridId: gridA.id, personId: person.qian.id, role: 'SAFETY_OFFICER', from: day(0) }, 'BAD_USER_INPUT', { fields: [{ field: 'personId' }] }],
      [{ gridId: gridA.id, personId: 'no-such-person', role: 'SAFETY_OFFICER', from: day(0) }, 'NOT_FOUND'],
      [{ gridId: gridA.id, personId: person.li.id, role: 'SAFETY_OFFICER', from: '2026-02-30' }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code, extensions] of refusals) {
      const result = await runner.run(admin, ASSIGN, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code, ...extensions });
    }

    const [current] = (await runner.data(admin, ASSIGNMENTS, { id: gridA.id, includeEnded: false })).grid.assignments;
    const early = await runner.run(admin, END, { input: { assignmentId: current.id, to: day(-11) } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to' }] });
    const [closed] = (await runner.data(admin, ASSIGNMENTS, { id: gridA.id, includeEnded: true })).grid.assignments;
    const again = await runner.run(admin, END, { input: { assignmentId: closed.id, to: day(0) } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const staffA = viewerWith('staff-a', [[Role.STAFF, collegeA.id, collegeA.path]]);
    const byStaff = await runner.run(staffA, END, { input: { assignmentId: current.id, to: day(0) } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const leaderB = viewerWith('leader-b', [[Role.UNIT_LEADER, collegeB.id, collegeB.path]]);
    const hidden = await runner.run(leaderB, END, { input: { assignmentId: current.id, to: day(0) } });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const hiddenDay = await runner.run(leaderB, RESPONSIBLE, { gridId: gridA.id, date: day(0) });
    expect(hiddenDay.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('records grid.assignment-changed for every assignment and ending, keyed by the grid', async () => {
    const rows = await db.dataSource.query(
      "SELECT aggregate_id, topic, payload FROM event_outbox WHERE event_type = 'grid.assignment-changed' ORDER BY id",
    );
    expect(rows.every((row: any) => row.aggregate_id === gridA.id && row.topic === 'campus.responsibility-network.events')).toBe(true);
    const payloads = rows.map((row: any) => JSON.parse(row.payload));
    const base = { gridId: gridA.id, gridName: '化工学院二级网格', orgUnitId: collegeA.id, orgPath: collegeA.path };
    expect(payloads).toEqual([
      { ...base, personId: person.zhang.id, role: 'LEADER', from: day(-90), to: null },
      { ...base, personId: person.li.id, role: 'SAFETY_OFFICER', from: day(-90), to: null },
      { ...base, personId: person.wang.id, role: 'SAFETY_OFFICER', from: day(-60), to: null },
      { ...base, personId: person.zhang.id, role: 'LEADER', from: day(-90), to: day(-11) },
      { ...base, personId: person.zhao.id, role: 'LEADER', from: day(-10), to: null },
      { ...base, personId: person.wang.id, role: 'SAFETY_OFFICER', from: day(-60), to: day(-5) },
    ]);
  });

  it('publishes the current roster with full phone numbers to unit leaders and admins only', async () => {
    await assign(gridB, person.qian, 'LEADER', day(-30));
    const expected = [
      { gridName: '化工学院二级网格', level: 2, role: 'LEADER', personName: '赵老师', phone: '13900000004' },
      { gridName: '化工学院二级网格', level: 2, role: 'SAFETY_OFFICER', personName: '李老师', phone: '13900000002' },
      { gridName: '机械学院网格', level: 2, role: 'LEADER', personName: '钱老师', phone: '13900000005' },
    ];
    expect((await runner.data(admin, ROSTER, { orgUnitId: school.id })).gridRoster).toEqual(expected);

    const leaderA = viewerWith('leader-a', [[Role.UNIT_LEADER, collegeA.id, collegeA.path]]);
    expect((await runner.data(leaderA, ROSTER, { orgUnitId: collegeA.id })).gridRoster).toEqual(expected.slice(0, 2));
    const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, collegeA.id, collegeA.path]]);
    expect((await runner.run(officerA, ROSTER, { orgUnitId: collegeA.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await runner.run(officerA, WORKBOOK, { orgUnitId: collegeA.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await runner.run(leaderA, ROSTER, { orgUnitId: school.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const file = (await runner.data(admin, WORKBOOK, { orgUnitId: school.id })).gridRosterWorkbook;
    expect(file.filename).toBe(`网格公示-SCH01-${day(0)}.xlsx`);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('网格公示');
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('第一中学');
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(2)).toEqual(['网格', '级别', '职责', '姓名', '联系电话']);
    expect(values(3)).toEqual(['化工学院二级网格', '二级', '网格责任人', '赵老师', '13900000004']);
    expect(values(4)).toEqual(['化工学院二级网格', '二级', '网格安全员', '李老师', '13900000002']);
    expect(values(5)).toEqual(['机械学院网格', '二级', '网格责任人', '钱老师', '13900000005']);
    expect(sheet.rowCount).toBe(5);
  });

  it('lists open terms whose person left or moved out of the grid unit, for reassignment', async () => {
    expect((await runner.data(admin, NEEDING, { orgUnitId: school.id })).gridRolesNeedingReassignment).toEqual([]);

    await runner.data(admin, DEACTIVATE_PERSON, { input: { id: person.li.id, version: person.li.version } });
    const moved = (await runner.data(admin, UPDATE_PERSON, { input: { id: person.zhao.id, version: person.zhao.version, orgUnitId: collegeB.id } }))
      .updatePerson.person;
    const needing = (await runner.data(admin, NEEDING, { orgUnitId: school.id })).gridRolesNeedingReassignment;
    expect(needing).toEqual([
      { reason: 'PERSON_MOVED', assignment: { gridId: gridA.id, personId: person.zhao.id, role: 'LEADER' } },
      { reason: 'PERSON_INACTIVE', assignment: { gridId: gridA.id, personId: person.li.id, role: 'SAFETY_OFFICER' } },
    ]);
    expect((await runner.data(admin, NEEDING, { orgUnitId: collegeB.id })).gridRolesNeedingReassignment).toEqual([]);

    // The departed leave the posted roster; an inactive person cannot take a new role.
    expect((await runner.data(admin, ROSTER, { orgUnitId: collegeA.id })).gridRoster.map((row: any) => row.personName)).toEqual(['赵老师']);
    const inactive = await runner.run(admin, ASSIGN, { input: { gridId: gridB.id, personId: person.li.id, role: 'SAFETY_OFFICER', from: day(0) } });
    expect(inactive.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const inactiveInUnit = await runner.run(admin, ASSIGN, { input: { gridId: gridA.id, personId: person.li.id, role: 'LEADER', from: day(1) } });
    expect(inactiveInUnit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', personId: person.li.id });

    // Reassigning clears the list.
    await assign(gridA, person.wang, 'LEADER', day(0));
    const [liTerm] = (await runner.data(admin, ASSIGNMENTS, { id: gridA.id, includeEnded: false })).grid.assignments.filter(
      (term: any) => term.personId === person.li.id,
    );
    await runner.data(admin, END, { input: { assignmentId: liTerm.id, to: day(0) } });
    expect(moved.version).toBe(person.zhao.version + 1);
    expect((await runner.data(admin, NEEDING, { orgUnitId: school.id })).gridRolesNeedingReassignment).toEqual([]);
  });

  it('drops a deactivated place from its grid and resolves Grid references in one statement per request', async () => {
    const store = await createPlace(collegeA, { name: '试剂间', kind: 'ROOM', parentId: place.building.id });
    await runner.data(admin, SET_PLACES, { input: { gridId: gridA.id, placeIds: [place.lab.id, place.building.id, store.id] } });
    const deactivated = (await runner.data(admin, DEACTIVATE_PLACE, { input: { id: store.id, version: store.version + 1 } })).deactivatePlace.place;
    expect(deactivated.gridId).toBeNull();
    expect((await runner.data(admin, GRID, { id: gridA.id })).grid.places.map((p: any) => p.name)).toEqual(['化工实验楼', '危化品库']);

    const representations = [gridA, gridB, schoolGrid].map((grid) => ({ __typename: 'Grid', id: grid.id }));
    const leaderA = viewerWith('leader-a', [[Role.UNIT_LEADER, collegeA.id, collegeA.path]]);
    const getMany = jest.spyOn(SelectQueryBuilder.prototype, 'getMany');
    try {
      const data = await runner.data(leaderA, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { id level } } }', {
        r: representations,
      });
      expect(data._entities).toEqual([{ id: gridA.id, level: 2 }, null, null]);
      expect(getMany).toHaveBeenCalledTimes(1);
    } finally {
      getMany.mockRestore();
    }
  });
});
