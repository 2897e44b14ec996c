import { Role, Viewer } from '@campus/auth';
import { calendarDateOf } from '@campus/graphql';
import { SchemaRunner, viewerWith } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const CREATE_GRID = 'mutation($input: CreateGridInput!) { createGrid(input: $input) { grid { id } } }';
const ASSIGN = 'mutation($input: AssignGridRoleInput!) { assignGridRole(input: $input) { assignment { id } } }';
const DEACTIVATE_PERSON = 'mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id } } }';
const NOTICE = 'query($orgUnitId: ID!) { gridNotice(orgUnitId: $orgUnitId) { gridName level role personName phone } }';
const ROSTER = 'query($orgUnitId: ID!) { gridRoster(orgUnitId: $orgUnitId) { personName } }';
const GRIDS = 'query { grids { totalCount } }';

describe('responsibility-network: the posted grid roster, 公示 (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let admin: Viewer;
  let school: Unit;
  let college: Unit;
  let otherSchool: Unit;
  const person: Record<string, string> = {};
  const today = calendarDateOf(new Date());

  function codeOf(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
    return result.errors?.[0].extensions?.code;
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('grid_notice');
    runner = fx.runner;
    admin = fx.admin;
    school = await fx.createUnit(fx.root.id, 'GN-SCH', OrgUnitKind.SCHOOL, '第二中学');
    college = await fx.createUnit(school.id, 'GN-COL', OrgUnitKind.COLLEGE, '信息学院');
    otherSchool = await fx.createUnit(fx.root.id, 'GN-SCH2', OrgUnitKind.SCHOOL, '第三中学');
    person.leader = (await fx.createPerson(school.id, '周校长', { phone: '13900000011' })).id;
    person.officer = (await fx.createPerson(college.id, '吴老师', { phone: '13900000012' })).id;
    person.staff = (await fx.createPerson(school.id, '郑师傅')).id;
    person.collegeStaff = (await fx.createPerson(college.id, '冯老师')).id;
    person.outsider = (await fx.createPerson(otherSchool.id, '陈老师')).id;
    person.retired = (await fx.createPerson(school.id, '褚退休')).id;
    const schoolGrid = (await runner.data(admin, CREATE_GRID, { input: { orgUnitId: school.id, name: '第二中学一级网格' } })).createGrid.grid.id;
    const collegeGrid = (await runner.data(admin, CREATE_GRID, { input: { orgUnitId: college.id, name: '信息学院网格', parentId: schoolGrid } })).createGrid.grid.id;
    await runner.data(admin, ASSIGN, { input: { gridId: schoolGrid, personId: person.leader, role: 'LEADER', from: today } });
    await runner.data(admin, ASSIGN, { input: { gridId: collegeGrid, personId: person.officer, role: 'SAFETY_OFFICER', from: today } });
    await runner.data(admin, DEACTIVATE_PERSON, { input: { id: person.retired, version: 1 } });
  });

  afterAll(async () => {
    await fx?.drop();
  });

  const posted = [
    { gridName: '第二中学一级网格', level: 1, role: 'LEADER', personName: '周校长', phone: '13900000011' },
    { gridName: '信息学院网格', level: 2, role: 'SAFETY_OFFICER', personName: '吴老师', phone: '13900000012' },
  ];

  it('shows the roster with names, roles and phone numbers to every person of the unit, whatever their role', async () => {
    const staff = viewerWith('acc-gn-staff', [[Role.STAFF, school.id, school.path]], person.staff);
    expect((await runner.data(staff, NOTICE, { orgUnitId: school.id })).gridNotice).toEqual(posted);
    // A staff member granted only at the college is still a person of the school: the school's roster is theirs too.
    const collegeStaff = viewerWith('acc-gn-col', [[Role.STAFF, college.id, college.path]], person.collegeStaff);
    expect((await runner.data(collegeStaff, NOTICE, { orgUnitId: school.id })).gridNotice).toEqual(posted);
    expect((await runner.data(collegeStaff, NOTICE, { orgUnitId: college.id })).gridNotice).toEqual(posted.slice(1));
    const noGrant = viewerWith('acc-gn-none', [], person.collegeStaff);
    expect((await runner.data(noGrant, NOTICE, { orgUnitId: school.id })).gridNotice).toEqual(posted);
    expect((await runner.data(admin, NOTICE, { orgUnitId: school.id })).gridNotice).toEqual(posted);
  });

  it('keeps everything else about grids scoped: the full roster, the grids, and other units', async () => {
    const collegeStaff = viewerWith('acc-gn-col', [[Role.STAFF, college.id, college.path]], person.collegeStaff);
    expect(codeOf(await runner.run(collegeStaff, ROSTER, { orgUnitId: school.id }))).toBe('NOT_FOUND');
    expect(codeOf(await runner.run(collegeStaff, ROSTER, { orgUnitId: college.id }))).toBe('FORBIDDEN');
    const noGrant = viewerWith('acc-gn-none', [], person.collegeStaff);
    expect((await runner.data(noGrant, GRIDS)).grids.totalCount).toBe(0);

    const outsider = viewerWith('acc-gn-out', [[Role.STAFF, otherSchool.id, otherSchool.path]], person.outsider);
    expect(codeOf(await runner.run(outsider, NOTICE, { orgUnitId: school.id }))).toBe('NOT_FOUND');
    const noPerson = viewerWith('acc-gn-bare', [[Role.STAFF, otherSchool.id, otherSchool.path]]);
    expect(codeOf(await runner.run(noPerson, NOTICE, { orgUnitId: school.id }))).toBe('NOT_FOUND');
    const retired = viewerWith('acc-gn-ret', [], person.retired);
    expect(codeOf(await runner.run(retired, NOTICE, { orgUnitId: school.id }))).toBe('NOT_FOUND');
    expect(codeOf(await runner.run(outsider, NOTICE, { orgUnitId: 'no-such-unit' }))).toBe('NOT_FOUND');
  });
});
