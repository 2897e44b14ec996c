import { Role, Viewer } from '@campus/auth';
import { SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { bootstrapIfEmpty } from '../accounts/bootstrap';
import { RESPONSIBILITY_BOOTSTRAP as BOOTSTRAP, ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';
import { OrgUnitKind } from './org-unit-kind';

const UNIT_FIELDS = 'id code name kind parentId path depth version';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { token expiresAt account { id username grants { role orgUnitId orgUnit { ${UNIT_FIELDS} } } } }
}`;
const CREATE_UNIT = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { ${UNIT_FIELDS} } } }`;
const RENAME_UNIT = `mutation($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { orgUnit { ${UNIT_FIELDS} } } }`;
const MOVE_UNIT = `mutation($input: MoveOrgUnitInput!) { moveOrgUnit(input: $input) { orgUnit { ${UNIT_FIELDS} } } }`;
const ORG_UNIT = `query($id: ID!) { orgUnit(id: $id) { ${UNIT_FIELDS} parent { id } children { id code } } }`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { person { id name kind orgUnitId phone version } }
}`;
const PERSON = 'query($id: ID!) { person(id: $id) { id name phone orgUnitId orgUnit { id path } } }';
const PEOPLE_IN = `query($id: ID!) {
  orgUnit(id: $id) { people(filter: { includeSubtree: true }) { totalCount edges { node { id name } } } }
}`;

describe('responsibility-network: org units and people (integration)', () => {
  let fx: ResponsibilityFixture;
  let db: TestDatabase;
  let runner: SchemaRunner;
  let admin: Viewer;
  let root: Unit;
  let school: Unit;
  let collegeA: Unit;
  let collegeB: Unit;

  async function personPathInDb(personId: string): Promise<string> {
    const [row] = await db.dataSource.query('SELECT org_path AS orgPath FROM person WHERE id = ?', [personId]);
    return row.orgPath;
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('responsibility');
    expect(fx.bootstrapped).toBe(true);
    db = fx.db;
    runner = fx.runner;
    admin = fx.admin;
    root = fx.root;

    school = await fx.createUnit(root.id, 'SCH01', OrgUnitKind.SCHOOL, '第一中学');
    collegeA = await fx.createUnit(school.id, 'COL-A', OrgUnitKind.COLLEGE, '信息学院');
    collegeB = await fx.createUnit(school.id, 'COL-B', OrgUnitKind.COLLEGE, '机械学院');
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('bootstraps the root bureau once and builds the tree with materialised paths', async () => {
    expect(await bootstrapIfEmpty(db.dataSource, BOOTSTRAP)).toBe(false);
    expect(root).toMatchObject({ code: 'JYJ', kind: 'BUREAU', parentId: null, depth: 0, path: `/${root.id}/` });
    expect(admin.grants[0].role).toBe(Role.BUREAU_ADMIN);

    const wrongPassword = await runner.run(null, LOGIN, { input: { username: BOOTSTRAP.adminUsername, password: 'not-the-password' } });
    expect(wrongPassword.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    expect(school).toMatchObject({ kind: 'SCHOOL', parentId: root.id, depth: 1, path: `${root.path}${school.id}/`, version: 1 });
    expect(collegeA).toMatchObject({ kind: 'COLLEGE', parentId: school.id, depth: 2, path: `${school.path}${collegeA.id}/` });
    expect(collegeB.path).toBe(`${school.path}${collegeB.id}/`);

    const read = await runner.data(admin, ORG_UNIT, { id: school.id });
    expect(read.orgUnit.parent).toEqual({ id: root.id });
    expect(read.orgUnit.children).toEqual([
      { id: collegeA.id, code: 'COL-A' },
      { id: collegeB.id, code: 'COL-B' },
    ]);

    const colleges = await runner.data(admin, 'query($f: OrgUnitFilter!) { orgUnits(filter: $f) { totalCount edges { node { code } } } }', {
      f: { rootId: school.id, kind: 'COLLEGE' },
    });
    expect(colleges.orgUnits.totalCount).toBe(2);
    expect(colleges.orgUnits.edges.map((edge: any) => edge.node.code)).toEqual(['COL-A', 'COL-B']);
  });

  it('rejects a duplicate code with CONFLICT and a college directly under the bureau with BAD_USER_INPUT on kind', async () => {
    const duplicate = await runner.run(admin, CREATE_UNIT, {
      input: { parentId: school.id, code: 'COL-A', name: '重复学院', kind: 'COLLEGE' },
    });
    expect(duplicate.data).toBeNull();
    expect(duplicate.errors?.[0].message).toBe('单位代码已存在：COL-A (CONFLICT)');
    expect(duplicate.errors?.[0].extensions).toEqual({ code: 'CONFLICT', reason: 'DUPLICATE', unitCode: 'COL-A' });
    const [{ count: duplicates }] = await db.dataSource.query("SELECT COUNT(*) AS count FROM org_unit WHERE code = 'COL-A'");
    expect(Number(duplicates)).toBe(1);

    const misplaced = await runner.run(admin, CREATE_UNIT, {
      input: { parentId: root.id, code: 'COL-X', name: '直属学院', kind: 'COLLEGE' },
    });
    expect(misplaced.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(misplaced.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'kind' })]);

    const [{ count }] = await db.dataSource.query("SELECT COUNT(*) AS count FROM org_unit WHERE code = 'COL-X'");
    expect(Number(count)).toBe(0);
  });

  it('moves an office with its sub-office and people, rewriting every path, and refuses cycles', async () => {
    const office = await fx.createUnit(collegeA.id, 'OFF-1', OrgUnitKind.OFFICE, '实验室管理科');
    const subOffice = await fx.createUnit(office.id, 'OFF-1-1', OrgUnitKind.OFFICE, '危化品库房');
    const inOffice = await fx.createPerson(office.id, '王科长', { phone: '13900000011' });
    const inSubOffice = await fx.createPerson(subOffice.id, '李库管', { phone: '13900000012' });
    expect(await personPathInDb(inSubOffice.id)).toBe(`${collegeA.path}${office.id}/${subOffice.id}/`);

    const moved = (await runner.data(admin, MOVE_UNIT, { input: { id: office.id, newParentId: collegeB.id, version: office.version } }))
      .moveOrgUnit.orgUnit;
    expect(moved).toMatchObject({ parentId: collegeB.id, path: `${collegeB.path}${office.id}/`, depth: 3 });
    expect(moved.version).toBe(office.version + 1);

    const sub = (await runner.data(admin, ORG_UNIT, { id: subOffice.id })).orgUnit;
    expect(sub).toMatchObject({ parentId: office.id, path: `${moved.path}${subOffice.id}/`, depth: 4 });

    expect(await personPathInDb(inOffice.id)).toBe(moved.path);
    expect(await personPathInDb(inSubOffice.id)).toBe(sub.path);
    const person = (await runner.data(admin, PERSON, { id: inSubOffice.id })).person;
    expect(person.orgUnit).toEqual({ id: subOffice.id, path: sub.path });

    const inB = (await runner.data(admin, PEOPLE_IN, { id: collegeB.id })).orgUnit.people;
    expect(inB.edges.map((edge: any) => edge.node.id).sort()).toEqual([inOffice.id, inSubOffice.id].sort());
    const inA = (await runner.data(admin, PEOPLE_IN, { id: collegeA.id })).orgUnit.people;
    expect(inA.totalCount).toBe(0);

    // A leader of college B now covers the moved people; one of college A no longer does.
    const leaderB = viewerWith('leader-b', [[Role.UNIT_LEADER, collegeB.id, collegeB.path]]);
    const leaderA = viewerWith('leader-a', [[Role.UNIT_LEADER, collegeA.id, collegeA.path]]);
    expect((await runner.data(leaderB, PERSON, { id: inSubOffice.id })).person.phone).toBe('13900000012');
    expect((await runner.data(leaderA, PERSON, { id: inSubOffice.id })).person).toBeNull();

    const cycle = await runner.run(admin, MOVE_UNIT, { input: { id: office.id, newParentId: subOffice.id, version: moved.version } });
    expect(cycle.errors?.[0].extensions?.code).toBe('CONFLICT');
    const onItself = await runner.run(admin, MOVE_UNIT, { input: { id: office.id, newParentId: office.id, version: moved.version } });
    expect(onItself.errors?.[0].extensions?.code).toBe('CONFLICT');

    const stale = await runner.run(admin, MOVE_UNIT, { input: { id: office.id, newParentId: collegeA.id, version: office.version } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: moved.version });

    const underSchool = await runner.run(admin, MOVE_UNIT, { input: { id: office.id, newParentId: school.id, version: moved.version } });
    expect(underSchool.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(underSchool.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'kind' })]);

    // Nothing changed by the refused moves.
    expect((await runner.data(admin, ORG_UNIT, { id: office.id })).orgUnit).toMatchObject({ path: moved.path, version: moved.version });
  });

  it('renames with optimistic locking: a stale version is a CONFLICT and leaves the name alone', async () => {
    const renamed = (await runner.data(admin, RENAME_UNIT, { input: { id: collegeB.id, name: '智能制造学院', version: collegeB.version } }))
      .renameOrgUnit.orgUnit;
    expect(renamed).toMatchObject({ name: '智能制造学院', version: collegeB.version + 1 });

    const stale = await runner.run(admin, RENAME_UNIT, { input: { id: collegeB.id, name: '旧名', version: collegeB.version } });
    expect(stale.data).toBeNull();
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', id: collegeB.id, currentVersion: renamed.version });
    expect((await runner.data(admin, ORG_UNIT, { id: collegeB.id })).orgUnit.name).toBe('智能制造学院');
  });

  it('limits a viewer to their subtree and masks phone numbers for non-managers', async () => {
    const person = await fx.createPerson(collegeA.id, '张老师', { phone: '13900000001' });
    const staffA = viewerWith('staff-a', [[Role.STAFF, collegeA.id, collegeA.path]]);
    const leaderA = viewerWith('leader-a', [[Role.UNIT_LEADER, collegeA.id, collegeA.path]]);

    expect((await runner.data(staffA, ORG_UNIT, { id: collegeA.id })).orgUnit).toMatchObject({ id: collegeA.id, parent: null });
    expect((await runner.data(staffA, ORG_UNIT, { id: collegeB.id })).orgUnit).toBeNull();
    expect((await runner.data(staffA, ORG_UNIT, { id: school.id })).orgUnit).toBeNull();

    expect((await runner.data(staffA, PERSON, { id: person.id })).person.phone).toBe('139****0001');
    expect((await runner.data(leaderA, PERSON, { id: person.id })).person.phone).toBe('13900000001');
    const self = viewerWith('self', [[Role.STAFF, collegeA.id, collegeA.path]], person.id);
    expect((await runner.data(self, PERSON, { id: person.id })).person.phone).toBe('13900000001');

    const staffCreates = await runner.run(staffA, CREATE_PERSON, { input: { orgUnitId: collegeA.id, name: '越权', kind: 'STAFF' } });
    expect(staffCreates.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outOfScope = await runner.run(leaderA, CREATE_PERSON, { input: { orgUnitId: collegeB.id, name: '越界', kind: 'STAFF' } });
    expect(outOfScope.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const anonymous = await runner.run(null, ORG_UNIT, { id: collegeA.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('records every org change in the outbox, keyed by the tree root, in the order it happened', async () => {
    const rows: { event_type: string; aggregate_id: string; payload: string; topic: string }[] = await db.dataSource.query(
      'SELECT event_type, aggregate_id, payload, topic FROM event_outbox ORDER BY id',
    );
    const types = rows.map((row) => row.event_type);
    expect(types[0]).toBe('org-unit.created'); // the bootstrapped root
    expect(types).toEqual(expect.arrayContaining(['org-unit.created', 'org-unit.moved', 'org-unit.renamed', 'person.created']));
    for (const row of rows.filter((row) => row.event_type.startsWith('org-unit.'))) {
      expect(row.aggregate_id).toBe(root.id);
      expect(row.topic).toBe('campus.responsibility-network.events');
    }
    const moved = JSON.parse(rows.find((row) => row.event_type === 'org-unit.moved')!.payload);
    expect(moved.newPath.endsWith(`${moved.id}/`)).toBe(true);
    expect(moved.oldPath).not.toBe(moved.newPath);
  });

  it('deactivates a person instead of deleting them, once, with an event', async () => {
    const person = await fx.createPerson(collegeB.id, '退休的老师');
    const DEACTIVATE = 'mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { active version } } }';
    const done = await runner.data(admin, DEACTIVATE, { input: { id: person.id, version: person.version } });
    expect(done.deactivatePerson.person).toEqual({ active: false, version: person.version + 1 });
    const again = await runner.run(admin, DEACTIVATE, { input: { id: person.id, version: person.version + 1 } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const PEOPLE = 'query($id: ID!, $all: Boolean!) { orgUnit(id: $id) { people(filter: { includeInactive: $all }) { totalCount } } }';
    const active = await runner.data(admin, PEOPLE, { id: collegeB.id, all: false });
    const all = await runner.data(admin, PEOPLE, { id: collegeB.id, all: true });
    expect(all.orgUnit.people.totalCount).toBe(active.orgUnit.people.totalCount + 1);
    const [event] = await db.dataSource.query("SELECT aggregate_id, payload FROM event_outbox WHERE event_type = 'person.deactivated'");
    expect(event.aggregate_id).toBe(person.id);
    expect(JSON.parse(event.payload)).toEqual({ id: person.id, orgUnitId: collegeB.id, orgPath: collegeB.path });
  });

  it('reports validation errors as BAD_USER_INPUT naming the field', async () => {
    const badPhone = await runner.run(admin, CREATE_PERSON, { input: { orgUnitId: collegeA.id, name: '赵老师', kind: 'STAFF', phone: '123' } });
    expect(badPhone.data).toBeNull();
    expect(badPhone.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badPhone.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'phone' })]);

    const badCode = await runner.run(admin, CREATE_UNIT, { input: { parentId: school.id, code: 'bad code!', name: '学院', kind: 'COLLEGE' } });
    expect(badCode.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badCode.errors?.[0].extensions?.fields.map((f: any) => f.field)).toEqual(['code']);

    const [{ count }] = await db.dataSource.query("SELECT COUNT(*) AS count FROM person WHERE name = '赵老师'");
    expect(Number(count)).toBe(0);
  });
});
