import { Role, Viewer } from '@campus/auth';
import { calendarDateOf } from '@campus/graphql';
import { SchemaRunner } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ASSIGN, CREATE_POST, DEACTIVATE_PERSON, VACATE } from '../posts/posts-testing';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const GROUP = `id version members { personId role placedByRule person { name } } memberRules { role includeSubunits personKind postKind orgUnit { id } }`;
const CREATE_GROUP = `mutation($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { workGroup { ${GROUP} } } }`;
const SET_MEMBERS = `mutation($input: SetWorkGroupMembersInput!) { setWorkGroupMembers(input: $input) { workGroup { ${GROUP} } } }`;
const SET_RULES = `mutation($input: SetWorkGroupMemberRulesInput!) { setWorkGroupMemberRules(input: $input) { workGroup { ${GROUP} } } }`;
const READ_GROUP = `query($id: ID!) { workGroup(id: $id) { ${GROUP} } }`;
const UPDATE_PERSON = 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id version } } }';
const CREATE_GRID = 'mutation($input: CreateGridInput!) { createGrid(input: $input) { grid { id } } }';
const SET_GRID_RULES = `mutation($input: SetGridOfficerRulesInput!) {
  setGridOfficerRules(input: $input) { grid { id } rules { postKind includeSubunits orgUnit { id } } }
}`;
const TERMS = `query($id: ID!) { grid(id: $id) { officerRules { postKind } assignments(includeEnded: true) { personId role from to placedByRule } } }`;

type Member = { personId: string; role: string; placedByRule: boolean; person: { name: string } };
type Group = { id: string; version: number; members: Member[] };

/** R3: members placed by their unit, kind and post, and kept current as people move, join, leave and change posts. */
describe('responsibility-network: membership rules for work groups and grids (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let admin: Viewer;
  let school: Unit;
  let collegeA: Unit;
  let collegeB: Unit;
  let other: Unit;
  let group: Group;
  const people: Record<string, { id: string; version: number }> = {};
  const today = calendarDateOf(new Date());

  const readGroup = async (): Promise<Group> => (await runner.data(admin, READ_GROUP, { id: group.id })).workGroup;
  const names = (members: Member[]) => members.map((member) => `${member.person.name}:${member.role}:${member.placedByRule ? 'rule' : 'hand'}`);

  beforeAll(async () => {
    fx = await startResponsibilityFixture('membership_rules');
    ({ runner, admin } = fx);
    school = await fx.createUnit(fx.root.id, 'MR-SCH', OrgUnitKind.SCHOOL);
    collegeA = await fx.createUnit(school.id, 'MR-A', OrgUnitKind.COLLEGE);
    collegeB = await fx.createUnit(school.id, 'MR-B', OrgUnitKind.COLLEGE);
    other = await fx.createUnit(fx.root.id, 'MR-OTHER', OrgUnitKind.SCHOOL);
    people.dean = await fx.createPerson(school.id, '院长');
    people.teacherA = await fx.createPerson(collegeA.id, '甲老师');
    people.teacherB = await fx.createPerson(collegeA.id, '乙老师');
    people.student = await fx.createPerson(collegeA.id, '学生丙', { kind: 'STUDENT' });
    people.officerB = await fx.createPerson(collegeB.id, '丁安全员');
    const input = { orgUnitId: school.id, kind: 'TASK_FORCE', name: '校园安全工作专班', members: [{ personId: people.dean.id, role: 'LEADER' }] };
    group = (await runner.data(admin, CREATE_GROUP, { input })).createWorkGroup.workGroup;
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it("places a college's staff and the school's safety officers by rule, after the members named by hand", async () => {
    await runner.data(admin, CREATE_POST, { input: { orgUnitId: collegeB.id, title: '机电学院安全员', kind: 'SAFETY_OFFICER', holderId: people.officerB.id } });
    const rules = [
      { orgUnitId: collegeA.id, includeSubunits: true, personKind: 'STAFF', role: 'MEMBER' },
      { orgUnitId: school.id, includeSubunits: true, postKind: 'SAFETY_OFFICER', role: 'OFFICE_STAFF' },
    ];
    const set = (await runner.data(admin, SET_RULES, { input: { id: group.id, version: group.version, rules } })).setWorkGroupMemberRules.workGroup;
    expect(set.version).toBe(group.version + 1);
    // Named by hand first; then by rule, in rule order (people of one rule in the database's name order).
    const placed = names(set.members);
    expect(placed[0]).toBe('院长:LEADER:hand');
    expect(placed.slice(1, 3).sort()).toEqual(['乙老师:MEMBER:rule', '甲老师:MEMBER:rule']);
    expect(placed[3]).toBe('丁安全员:OFFICE_STAFF:rule');
    expect(set.memberRules).toEqual([
      { role: 'MEMBER', includeSubunits: true, personKind: 'STAFF', postKind: null, orgUnit: { id: collegeA.id } },
      { role: 'OFFICE_STAFF', includeSubunits: true, personKind: null, postKind: 'SAFETY_OFFICER', orgUnit: { id: school.id } },
    ]);
    group = set;
  });

  it('keeps the members current as people move, join and leave, moving the group version on each time', async () => {
    const moved = await runner.data(admin, UPDATE_PERSON, { input: { id: people.teacherB.id, version: people.teacherB.version, orgUnitId: collegeB.id } });
    people.teacherB.version = moved.updatePerson.person.version;
    await fx.createPerson(collegeA.id, '戊老师');
    await runner.data(admin, DEACTIVATE_PERSON, { input: { id: people.teacherA.id, version: people.teacherA.version } });
    const now = await readGroup();
    expect(names(now.members)).toEqual(['院长:LEADER:hand', '丁安全员:OFFICE_STAFF:rule', '戊老师:MEMBER:rule']);
    expect(now.version).toBe(group.version + 3);
    group = now;
  });

  it('follows posts: a holder placed by a post rule leaves with the post', async () => {
    const post = (await runner.data(admin, CREATE_POST, { input: { orgUnitId: collegeA.id, title: '信息学院安全员', kind: 'SAFETY_OFFICER' } })).createPost.post;
    const held = (await runner.data(admin, ASSIGN, { input: { id: post.id, version: post.version, holderId: people.student.id } })).assignPostHolder.post;
    expect(names((await readGroup()).members)).toContain('学生丙:OFFICE_STAFF:rule');
    await runner.data(admin, VACATE, { input: { id: held.id, version: held.version } });
    group = await readGroup();
    expect(names(group.members)).not.toContain('学生丙:OFFICE_STAFF:rule');
  });

  it('lets a member named by hand win over a rule, and gives the seat back to the rule when no longer named', async () => {
    const officer = people.officerB.id;
    const byHand = [{ personId: people.dean.id, role: 'LEADER' }, { personId: officer, role: 'DEPUTY' }];
    const named = (await runner.data(admin, SET_MEMBERS, { input: { id: group.id, version: group.version, members: byHand } })).setWorkGroupMembers.workGroup;
    expect(names(named.members).filter((line: string) => line.startsWith('丁安全员'))).toEqual(['丁安全员:DEPUTY:hand']);
    const unnamed = (await runner.data(admin, SET_MEMBERS, { input: { id: named.id, version: named.version, members: [byHand[0]] } })).setWorkGroupMembers.workGroup;
    expect(names(unnamed.members).filter((line: string) => line.startsWith('丁安全员'))).toEqual(['丁安全员:OFFICE_STAFF:rule']);
    group = unnamed;
  });

  it('refuses a leader by rule, a rule unit outside the group, staff and a stale version', async () => {
    const leaderRule = await runner.run(admin, SET_RULES, { input: { id: group.id, version: group.version, rules: [{ orgUnitId: collegeA.id, role: 'LEADER' }] } });
    expect(leaderRule.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'rules[0].role', message: expect.stringContaining('组长') }] });
    const outside = await runner.run(admin, SET_RULES, { input: { id: group.id, version: group.version, rules: [{ orgUnitId: other.id }] } });
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'rules[0].orgUnitId' }] });
    const staff = fx.viewerAt(Role.STAFF, school);
    expect((await runner.run(staff, SET_RULES, { input: { id: group.id, version: group.version, rules: [] } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stale = await runner.run(admin, SET_RULES, { input: { id: group.id, version: group.version - 1, rules: [] } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const cleared = (await runner.data(admin, SET_RULES, { input: { id: group.id, version: group.version, rules: [] } })).setWorkGroupMemberRules.workGroup;
    expect(names(cleared.members)).toEqual(['院长:LEADER:hand']);
  });

  it("makes a grid's lab directors its safety officers by rule, starting and ending their terms as the post changes hands", async () => {
    const grid = (await runner.data(admin, CREATE_GRID, { input: { orgUnitId: collegeA.id, name: '信息学院网格' } })).createGrid.grid;
    const set = await runner.data(admin, SET_GRID_RULES, { input: { gridId: grid.id, rules: [{ orgUnitId: collegeA.id, postKind: 'LAB_DIRECTOR' }] } });
    expect(set.setGridOfficerRules.rules).toEqual([{ postKind: 'LAB_DIRECTOR', includeSubunits: true, orgUnit: { id: collegeA.id } }]);
    const lab = (await runner.data(admin, CREATE_POST, { input: { orgUnitId: collegeA.id, title: '机房主任', kind: 'LAB_DIRECTOR', holderId: people.student.id } })).createPost.post;
    const terms = async () => (await runner.data(admin, TERMS, { id: grid.id })).grid.assignments;
    expect(await terms()).toEqual([{ personId: people.student.id, role: 'SAFETY_OFFICER', from: today, to: null, placedByRule: true }]);
    await runner.data(admin, VACATE, { input: { id: lab.id, version: lab.version } });
    expect(await terms()).toEqual([{ personId: people.student.id, role: 'SAFETY_OFFICER', from: today, to: today, placedByRule: true }]);

    const gridOfficer = fx.viewerAt(Role.GRID_OFFICER, collegeA);
    expect((await runner.run(gridOfficer, SET_GRID_RULES, { input: { gridId: grid.id, rules: [] } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherOffice = fx.viewerAt(Role.SAFETY_OFFICE, other);
    expect((await runner.run(otherOffice, SET_GRID_RULES, { input: { gridId: grid.id, rules: [] } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
