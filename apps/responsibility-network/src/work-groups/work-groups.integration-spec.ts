import { Role, Viewer } from '@campus/auth';
import { SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const GROUP_FIELDS = `id kind name active responsibilities version officeHostUnitId
  orgUnit { id name } officeHost { id name }
  members { personId role duty person { id name } }`;
const CREATE_GROUP = `mutation($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { workGroup { ${GROUP_FIELDS} } } }`;
const UPDATE_GROUP = `mutation($input: UpdateWorkGroupInput!) { updateWorkGroup(input: $input) { workGroup { ${GROUP_FIELDS} } } }`;
const SET_MEMBERS = `mutation($input: SetWorkGroupMembersInput!) { setWorkGroupMembers(input: $input) { workGroup { ${GROUP_FIELDS} } } }`;
const DISSOLVE = `mutation($input: DissolveWorkGroupInput!) { dissolveWorkGroup(input: $input) { workGroup { ${GROUP_FIELDS} } } }`;
const GROUP = `query($id: ID!) { workGroup(id: $id) { ${GROUP_FIELDS} } }`;
const GROUPS = `query($filter: WorkGroupFilter!, $first: Int, $after: String) {
  workGroups(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind active } } }
}`;

interface Group {
  id: string;
  version: number;
  members: { personId: string; role: string; duty: string | null; person: { id: string; name: string } | null }[];
}

describe('responsibility-network: work groups (integration)', () => {
  let fx: ResponsibilityFixture;
  let db: TestDatabase;
  let runner: SchemaRunner;
  let admin: Viewer;
  let root: Unit;
  let school: Unit;
  let securityOffice: Unit;
  let academicAffairs: Unit;
  let college: Unit;
  let collegeOffice: Unit;
  let otherCollege: Unit;
  let schoolSafety: Viewer;
  let people: Record<string, string>;
  let leadingGroup: Group;

  function leadingGroupInput(members: Record<string, unknown>[]) {
    return {
      orgUnitId: school.id,
      kind: 'LEADING_GROUP',
      name: '校园安全专项整治工作领导小组',
      officeHostUnitId: securityOffice.id,
      responsibilities: '领导小组下设办公室，办公室挂靠在安全保卫处，具体负责专项整治期间各项工作的协调和调度。',
      members,
    };
  }

  async function count(table: string): Promise<number> {
    const [{ total }] = await db.dataSource.query(`SELECT COUNT(*) AS total FROM ${table}`);
    return Number(total);
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('work_groups');
    db = fx.db;
    runner = fx.runner;
    admin = fx.admin;

    root = fx.root;
    school = await fx.createUnit(root.id, 'SCH01', OrgUnitKind.SCHOOL, '兰州现代职业学院');
    securityOffice = await fx.createUnit(school.id, 'DEP-SEC', OrgUnitKind.DEPARTMENT, '安全保卫处');
    academicAffairs = await fx.createUnit(school.id, 'DEP-ACA', OrgUnitKind.DEPARTMENT, '教务处');
    college = await fx.createUnit(school.id, 'COL-INFO', OrgUnitKind.COLLEGE, '信息工程学院');
    collegeOffice = await fx.createUnit(college.id, 'OFF-INFO', OrgUnitKind.OFFICE, '学院办公室');
    otherCollege = await fx.createUnit(school.id, 'COL-MECH', OrgUnitKind.COLLEGE, '机电工程学院');
    schoolSafety = fx.viewerAt(Role.SAFETY_OFFICE, school);

    people = {
      secretary: (await fx.createPerson(school.id, '党委书记')).id,
      discipline: (await fx.createPerson(school.id, '纪委书记')).id,
      vicePresident: (await fx.createPerson(school.id, '副院长')).id,
      dean: (await fx.createPerson(college.id, '信息学院院长')).id,
      securityHead: (await fx.createPerson(securityOffice.id, '安保处处长')).id,
      securityClerk: (await fx.createPerson(securityOffice.id, '安保处干事')).id,
      academicHead: (await fx.createPerson(academicAffairs.id, '教务处处长')).id,
      collegeClerk: (await fx.createPerson(collegeOffice.id, '学院安全员')).id,
      mechDean: (await fx.createPerson(otherCollege.id, '机电学院院长')).id,
    };
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('sets up the leading group of seed 001: the party secretary as leader, the office hosted by the security office', async () => {
    leadingGroup = (
      await runner.data(schoolSafety, CREATE_GROUP, {
        input: leadingGroupInput([
          { personId: people.secretary, role: 'LEADER' },
          { personId: people.discipline, role: 'DEPUTY' },
          { personId: people.vicePresident, role: 'DEPUTY' },
          { personId: people.dean, role: 'DEPUTY', duty: '负责本学院专项整治' },
          { personId: people.academicHead, role: 'MEMBER', duty: '牵头实验实训室危化品安全整治' },
          { personId: people.securityHead, role: 'OFFICE_DIRECTOR', duty: '负责协调和调度' },
          { personId: people.securityClerk, role: 'OFFICE_STAFF' },
        ]),
      })
    ).createWorkGroup.workGroup;

    expect(leadingGroup).toMatchObject({
      kind: 'LEADING_GROUP',
      name: '校园安全专项整治工作领导小组',
      active: true,
      version: 1,
      orgUnit: { id: school.id, name: '兰州现代职业学院' },
      officeHostUnitId: securityOffice.id,
      officeHost: { id: securityOffice.id, name: '安全保卫处' },
    });
    expect(leadingGroup.members.map((member) => [member.person?.name, member.role])).toEqual([
      ['党委书记', 'LEADER'],
      ['纪委书记', 'DEPUTY'],
      ['副院长', 'DEPUTY'],
      ['信息学院院长', 'DEPUTY'],
      ['教务处处长', 'MEMBER'],
      ['安保处处长', 'OFFICE_DIRECTOR'],
      ['安保处干事', 'OFFICE_STAFF'],
    ]);
    expect(leadingGroup.members[5]).toMatchObject({ personId: people.securityHead, duty: '负责协调和调度' });
    expect(leadingGroup.members[6].duty).toBeNull();

    const read = (await runner.data(admin, GROUP, { id: leadingGroup.id })).workGroup;
    expect(read).toEqual(leadingGroup);
  });

  it('refuses a second leader, a person listed twice, members and office hosts outside the owning unit', async () => {
    const before = await count('work_group');
    const twoLeaders = await runner.run(schoolSafety, CREATE_GROUP, {
      input: leadingGroupInput([
        { personId: people.secretary, role: 'LEADER' },
        { personId: people.vicePresident, role: 'LEADER' },
      ]),
    });
    expect(twoLeaders.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      fields: [{ field: 'members[1].role', message: '工作组只能有一名组长' }],
    });

    const twice = await runner.run(schoolSafety, CREATE_GROUP, {
      input: leadingGroupInput([
        { personId: people.secretary, role: 'LEADER' },
        { personId: people.secretary, role: 'MEMBER' },
      ]),
    });
    expect(twice.errors?.[0].extensions?.fields).toEqual([{ field: 'members[1].personId', message: '同一人员在工作组中只能出现一次' }]);

    const taskForce = (members: Record<string, unknown>[], officeHostUnitId: string | null = null) => ({
      orgUnitId: college.id,
      kind: 'TASK_FORCE',
      name: '信息学院校园安全工作专班',
      officeHostUnitId,
      members,
    });
    const outsider = await runner.run(admin, CREATE_GROUP, { input: taskForce([{ personId: people.mechDean, role: 'MEMBER' }]) });
    expect(outsider.errors?.[0].extensions?.fields).toEqual([{ field: 'members[0].personId', message: '成员须为成立单位或其下级单位的人员' }]);
    const unknown = await runner.run(admin, CREATE_GROUP, { input: taskForce([{ personId: 'no-such-person', role: 'MEMBER' }]) });
    expect(unknown.errors?.[0].extensions?.fields).toEqual([{ field: 'members[0].personId', message: '人员不存在或不在您的管辖范围内' }]);
    const foreignOffice = await runner.run(admin, CREATE_GROUP, { input: taskForce([], securityOffice.id) });
    expect(foreignOffice.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'officeHostUnitId', message: expect.any(String) }],
    });
    const shortName = await runner.run(admin, CREATE_GROUP, { input: { ...taskForce([]), name: '专' } });
    expect(shortName.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'name' })]);
    expect(await count('work_group')).toBe(before);
  });

  it("needs an admin role or the unit leader's at the owning unit: STAFF and safety officers are FORBIDDEN, other units NOT_FOUND", async () => {
    const input = { orgUnitId: college.id, kind: 'TASK_FORCE', name: '信息学院校园安全工作专班' };
    const staff = viewerWith('staff', [[Role.STAFF, college.id, college.path]]);
    expect((await runner.run(staff, CREATE_GROUP, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const officer = viewerWith('officer', [[Role.UNIT_SAFETY_OFFICER, college.id, college.path]]);
    expect((await runner.run(officer, CREATE_GROUP, { input })).errors?.[0]).toMatchObject({
      message: expect.stringContaining('本单位负责人'),
      extensions: { code: 'FORBIDDEN' },
    });
    const otherSafety = viewerWith('other-safety', [[Role.SAFETY_OFFICE, otherCollege.id, otherCollege.path]]);
    expect((await runner.run(otherSafety, CREATE_GROUP, { input })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const onLeadingGroup = await runner.run(otherSafety, DISSOLVE, { input: { id: leadingGroup.id, version: leadingGroup.version } });
    expect(onLeadingGroup.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const staffSchool = viewerWith('staff-school', [[Role.STAFF, school.id, school.path]]);
    const staffUpdate = await runner.run(staffSchool, UPDATE_GROUP, { input: { id: leadingGroup.id, version: leadingGroup.version, name: '改名' } });
    expect(staffUpdate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await runner.data(staffSchool, GROUP, { id: leadingGroup.id })).workGroup.name).toBe('校园安全专项整治工作领导小组');
  });

  it('updates name, responsibilities and office host with optimistic locking', async () => {
    const renamed = (
      await runner.data(schoolSafety, UPDATE_GROUP, {
        input: { id: leadingGroup.id, version: leadingGroup.version, name: '校园安全稳定工作领导小组', officeHostUnitId: academicAffairs.id },
      })
    ).updateWorkGroup.workGroup;
    expect(renamed).toMatchObject({ name: '校园安全稳定工作领导小组', officeHost: { id: academicAffairs.id }, version: leadingGroup.version + 1 });
    expect(renamed.responsibilities).toContain('办公室挂靠在安全保卫处');

    const stale = await runner.run(schoolSafety, UPDATE_GROUP, { input: { id: leadingGroup.id, version: leadingGroup.version, name: '旧名' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', id: leadingGroup.id, currentVersion: renamed.version });

    const outside = await runner.run(admin, UPDATE_GROUP, {
      input: { id: leadingGroup.id, version: renamed.version, officeHostUnitId: root.id },
    });
    expect(outside.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'officeHostUnitId' })]);

    const cleared = (
      await runner.data(admin, UPDATE_GROUP, { input: { id: leadingGroup.id, version: renamed.version, officeHostUnitId: '', responsibilities: '' } })
    ).updateWorkGroup.workGroup;
    expect(cleared).toMatchObject({ officeHostUnitId: null, officeHost: null, responsibilities: null, name: '校园安全稳定工作领导小组' });
    leadingGroup = cleared;
  });

  it('replaces the member list as a whole, moving the version on, with the same rules', async () => {
    const replaced = (
      await runner.data(schoolSafety, SET_MEMBERS, {
        input: {
          id: leadingGroup.id,
          version: leadingGroup.version,
          members: [
            { personId: people.vicePresident, role: 'LEADER', duty: '党委书记调离期间主持工作' },
            { personId: people.securityHead, role: 'OFFICE_DIRECTOR' },
          ],
        },
      })
    ).setWorkGroupMembers.workGroup;
    expect(replaced.version).toBe(leadingGroup.version + 1);
    expect(replaced.members).toEqual([
      { personId: people.vicePresident, role: 'LEADER', duty: '党委书记调离期间主持工作', person: { id: people.vicePresident, name: '副院长' } },
      { personId: people.securityHead, role: 'OFFICE_DIRECTOR', duty: null, person: { id: people.securityHead, name: '安保处处长' } },
    ]);
    expect(await db.dataSource.query('SELECT person_id FROM work_group_member WHERE group_id = ?', [leadingGroup.id])).toHaveLength(2);

    const secondLeader = await runner.run(schoolSafety, SET_MEMBERS, {
      input: {
        id: leadingGroup.id,
        version: replaced.version,
        members: [
          { personId: people.vicePresident, role: 'LEADER' },
          { personId: people.secretary, role: 'LEADER' },
        ],
      },
    });
    expect(secondLeader.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const stale = await runner.run(schoolSafety, SET_MEMBERS, { input: { id: leadingGroup.id, version: leadingGroup.version, members: [] } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await runner.data(admin, GROUP, { id: leadingGroup.id })).workGroup.members).toHaveLength(2);
    leadingGroup = replaced;
  });

  it('lists groups by unit or subtree, kind and state, newest first, within scope', async () => {
    const taskForce = (
      await runner.data(admin, CREATE_GROUP, {
        input: {
          orgUnitId: college.id,
          kind: 'TASK_FORCE',
          name: '信息学院校园安全工作专班',
          officeHostUnitId: collegeOffice.id,
          members: [
            { personId: people.dean, role: 'LEADER' },
            { personId: people.collegeClerk, role: 'OFFICE_STAFF' },
          ],
        },
      })
    ).createWorkGroup.workGroup;
    const supervision = (
      await runner.data(schoolSafety, CREATE_GROUP, {
        input: { orgUnitId: school.id, kind: 'SUPERVISION_GROUP', name: '第一督导组', members: [{ personId: people.academicHead, role: 'LEADER' }] },
      })
    ).createWorkGroup.workGroup;
    const ids = (data: any) => data.workGroups.edges.map((edge: any) => edge.node.id);

    const atSchool = await runner.data(admin, GROUPS, { filter: { orgUnitId: school.id } });
    expect(ids(atSchool)).toEqual([supervision.id, leadingGroup.id]);
    const withColleges = await runner.data(admin, GROUPS, { filter: { orgUnitId: school.id, includeSubtree: true } });
    expect(ids(withColleges)).toEqual([supervision.id, taskForce.id, leadingGroup.id]);
    const taskForces = await runner.data(admin, GROUPS, { filter: { orgUnitId: school.id, includeSubtree: true, kind: 'TASK_FORCE' } });
    expect(ids(taskForces)).toEqual([taskForce.id]);

    const page = await runner.data(admin, GROUPS, { filter: { orgUnitId: school.id, includeSubtree: true }, first: 2 });
    expect(page.workGroups).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const rest = await runner.data(admin, GROUPS, { filter: { orgUnitId: school.id, includeSubtree: true }, after: page.workGroups.pageInfo.endCursor });
    expect(ids(rest)).toEqual([leadingGroup.id]);

    const collegeLeader = viewerWith('college-leader', [[Role.UNIT_LEADER, college.id, college.path]]);
    expect(ids(await runner.data(collegeLeader, GROUPS, { filter: { orgUnitId: college.id } }))).toEqual([taskForce.id]);
    expect((await runner.run(collegeLeader, GROUPS, { filter: { orgUnitId: school.id } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.data(collegeLeader, GROUP, { id: leadingGroup.id })).workGroup).toBeNull();

    // A viewer who sees the group but not every member gets those members' people as null.
    const officeStaff = viewerWith('office-staff', [[Role.STAFF, collegeOffice.id, collegeOffice.path]]);
    expect((await runner.data(officeStaff, GROUP, { id: taskForce.id })).workGroup).toBeNull();
    const collegeView = (await runner.data(collegeLeader, GROUP, { id: taskForce.id })).workGroup;
    expect(collegeView.members.map((member: any) => member.person?.name)).toEqual(['信息学院院长', '学院安全员']);
  });

  it('dissolves a group once, keeps it and its members on record and refuses further changes', async () => {
    const dissolved = (await runner.data(schoolSafety, DISSOLVE, { input: { id: leadingGroup.id, version: leadingGroup.version } })).dissolveWorkGroup
      .workGroup;
    expect(dissolved).toMatchObject({ active: false, version: leadingGroup.version + 1 });
    expect(dissolved.members).toHaveLength(2);

    const again = await runner.run(schoolSafety, DISSOLVE, { input: { id: leadingGroup.id, version: dissolved.version } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const update = await runner.run(schoolSafety, UPDATE_GROUP, { input: { id: leadingGroup.id, version: dissolved.version, name: '复活' } });
    expect(update.errors?.[0].extensions?.code).toBe('CONFLICT');
    const members = await runner.run(schoolSafety, SET_MEMBERS, { input: { id: leadingGroup.id, version: dissolved.version, members: [] } });
    expect(members.errors?.[0].extensions?.code).toBe('CONFLICT');

    const active = await runner.data(admin, GROUPS, { filter: { orgUnitId: school.id, active: true } });
    const inactive = await runner.data(admin, GROUPS, { filter: { orgUnitId: school.id, active: false } });
    expect(inactive.workGroups.edges.map((edge: any) => edge.node)).toEqual([
      { id: leadingGroup.id, name: '校园安全稳定工作领导小组', kind: 'LEADING_GROUP', active: false },
    ]);
    expect(active.workGroups.edges.map((edge: any) => edge.node.id)).not.toContain(leadingGroup.id);
  });

  it("lets a college's leader form and staff the college's own 工作专班 (seed 001 五(一)), but not one of the school", async () => {
    const leader = viewerWith('mech-leader', [[Role.UNIT_LEADER, otherCollege.id, otherCollege.path]], people.mechDean);
    const input = { orgUnitId: otherCollege.id, kind: 'TASK_FORCE', name: '机电学院校园安全工作专班', members: [{ personId: people.mechDean, role: 'LEADER' }] };
    const created = (await runner.data(leader, CREATE_GROUP, { input })).createWorkGroup.workGroup;
    expect(created).toMatchObject({ name: '机电学院校园安全工作专班', kind: 'TASK_FORCE', version: 1 });
    const renamed = (await runner.data(leader, UPDATE_GROUP, { input: { id: created.id, version: created.version, name: '机电学院安全稳定工作专班' } })).updateWorkGroup;
    expect(renamed.workGroup).toMatchObject({ name: '机电学院安全稳定工作专班', version: 2 });
    const schoolGroup = await runner.run(leader, CREATE_GROUP, { input: { orgUnitId: school.id, kind: 'TASK_FORCE', name: '全校专班' } });
    expect(schoolGroup.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const outsider = await runner.run(leader, SET_MEMBERS, { input: { id: created.id, version: 2, members: [{ personId: people.dean, role: 'MEMBER' }] } });
    expect(outsider.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('publishes work-group.changed with the version after each change, the last one after dissolving', async () => {
    const events = (await db.dataSource.query("SELECT payload FROM event_outbox WHERE event_type = 'work-group.changed' AND aggregate_id = ? ORDER BY id", [leadingGroup.id])).map(
      (row: { payload: string }) => JSON.parse(row.payload),
    );
    expect(events.map((event: { version: number; active: boolean }) => [event.version, event.active])).toEqual(
      events.map((_: unknown, index: number) => [index + 1, index < events.length - 1]),
    );
    expect(events[0]).toMatchObject({ id: leadingGroup.id, kind: 'LEADING_GROUP', orgUnitId: school.id, orgPath: school.path, active: true, version: 1 });
  });
});
