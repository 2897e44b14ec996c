import { Role, Viewer } from '@campus/auth';
import { SchemaRunner, viewerWith } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const DESIGNATE = `mutation($input: DesignateDutyLeaderInput!) {
  designateDutyLeader(input: $input) { dutyLeader { id orgUnitId personId version person { name } } }
}`;
const WITHDRAW = 'mutation($input: WithdrawDutyLeaderInput!) { withdrawDutyLeader(input: $input) { dutyLeader { id personId } } }';
const LEADERS = 'query($unit: ID!) { dutyLeaders(orgUnitId: $unit) { id personId orgUnit { code } person { name } } }';
const CREATE_ROSTER = 'mutation($input: CreateDutyRosterInput!) { createDutyRoster(input: $input) { dutyRoster { id } } }';
const SET_SLOT = 'mutation($input: SetDutySlotInput!) { setDutySlot(input: $input) { slot { leaderPersonId } } }';
const GAPS = 'query($id: ID!) { dutyGaps(rosterId: $id) { date shiftName missing } }';
const CHECK_GAPS = 'mutation($id: ID!) { checkDutyGaps(rosterId: $id) { newlyReported { date shiftName missing } } }';
const ALL_DAY = { name: '全天', start: '08:00', end: '08:00' };
const ON_DUTY = 'query($unit: ID!) { onDutyNow(orgUnitId: $unit, at: "2025-10-01T04:00:00.000Z") { leader { name } officers { name } } }';

describe('responsibility-network: designated duty leaders (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let admin: Viewer;
  let school: Unit;
  let college: Unit;
  let otherSchool: Unit;
  const person: Record<string, string> = {};
  let rosterId: string;

  /** A viewer with one grant; account ids are 32 characters at most, as stored by designations. */
  function as(role: Role, unit: Unit, personId: string): Viewer {
    return viewerWith(`acc-${role}-${unit.code}`.slice(0, 32), [[role, unit.id, unit.path]], personId);
  }

  function errorOf(result: { errors?: { message: string; extensions?: Record<string, any> }[] }): Record<string, any> | undefined {
    return result.errors?.[0] && { message: result.errors[0].message, ...result.errors[0].extensions };
  }

  const slot = (leaderPersonId: string | null) => ({
    input: { rosterId, date: '2025-10-01', shiftName: '全天', leaderPersonId, officerPersonIds: [person.guard] },
  });

  beforeAll(async () => {
    fx = await startResponsibilityFixture('duty_leaders');
    runner = fx.runner;
    admin = fx.admin;
    school = await fx.createUnit(fx.root.id, 'DL-SCH', OrgUnitKind.SCHOOL);
    college = await fx.createUnit(school.id, 'DL-COL', OrgUnitKind.COLLEGE);
    otherSchool = await fx.createUnit(fx.root.id, 'DL-SCH2', OrgUnitKind.SCHOOL);
    person.principal = (await fx.createPerson(school.id, '王校长')).id;
    person.dean = (await fx.createPerson(college.id, '李院长')).id;
    person.teacher = (await fx.createPerson(college.id, '赵老师')).id;
    person.guard = (await fx.createPerson(school.id, '张保卫')).id;
    person.outsider = (await fx.createPerson(otherSchool.id, '孙老师')).id;
    rosterId = (
      await runner.data(admin, CREATE_ROSTER, {
        input: { orgUnitId: school.id, name: '国庆值班', startDate: '2025-10-01', endDate: '2025-10-01', periodKind: 'HOLIDAY', shifts: [ALL_DAY] },
      })
    ).createDutyRoster.dutyRoster.id;
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('lets the unit leader designate a school leader and a 中层干部 of a unit below, once per request id', async () => {
    const leader = as(Role.UNIT_LEADER, school, person.principal);
    const first = await runner.data(leader, DESIGNATE, { input: { orgUnitId: school.id, personId: person.principal, clientRequestId: 'dl-1' } });
    expect(first.designateDutyLeader.dutyLeader).toMatchObject({ orgUnitId: school.id, personId: person.principal, person: { name: '王校长' } });
    const replay = await runner.data(leader, DESIGNATE, { input: { orgUnitId: school.id, personId: person.principal, clientRequestId: 'dl-1' } });
    expect(replay.designateDutyLeader.dutyLeader.id).toBe(first.designateDutyLeader.dutyLeader.id);
    await runner.data(admin, DESIGNATE, { input: { orgUnitId: school.id, personId: person.dean } });

    const staff = as(Role.STAFF, school, person.guard);
    const list = (await runner.data(staff, LEADERS, { unit: school.id })).dutyLeaders;
    expect(list.map((row: { person: { name: string } }) => row.person.name)).toEqual(['王校长', '李院长']);
    expect(list.map((row: { orgUnit: { code: string } }) => row.orgUnit.code)).toEqual(['DL-SCH', 'DL-SCH']);
  });

  it('refuses a second designation, someone of another unit, the safety officer and staff, and other schools', async () => {
    const twice = await runner.run(admin, DESIGNATE, { input: { orgUnitId: school.id, personId: person.principal } });
    expect(errorOf(twice)).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', message: expect.stringContaining('王校长已是') });
    const outsider = await runner.run(admin, DESIGNATE, { input: { orgUnitId: school.id, personId: person.outsider } });
    expect(errorOf(outsider)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'personId', message: expect.stringContaining('不属于') }] });
    const officer = as(Role.UNIT_SAFETY_OFFICER, school, person.guard);
    const byOfficer = await runner.run(officer, DESIGNATE, { input: { orgUnitId: school.id, personId: person.teacher } });
    expect(errorOf(byOfficer)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('只有本单位负责人或安全管理部门') });
    const staff = as(Role.STAFF, school, person.guard);
    expect(errorOf(await runner.run(staff, DESIGNATE, { input: { orgUnitId: school.id, personId: person.teacher } }))?.code).toBe('FORBIDDEN');
    const otherLeader = as(Role.UNIT_LEADER, otherSchool, person.outsider);
    expect(errorOf(await runner.run(otherLeader, DESIGNATE, { input: { orgUnitId: school.id, personId: person.teacher } }))?.code).toBe('NOT_FOUND');
    expect(errorOf(await runner.run(otherLeader, LEADERS, { unit: school.id }))?.code).toBe('NOT_FOUND');
  });

  it('lets only designated people lead a shift, refusing anyone else as NOT_DESIGNATED', async () => {
    const refused = await runner.run(admin, SET_SLOT, slot(person.teacher));
    expect(errorOf(refused)).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_DESIGNATED',
      field: 'leaderPersonId',
      personId: person.teacher,
      message: expect.stringContaining('赵老师不在本单位指定的带班领导名单内'),
    });
    expect((await runner.data(admin, GAPS, { id: rosterId })).dutyGaps).toEqual([{ date: '2025-10-01', shiftName: '全天', missing: ['LEADER', 'OFFICER'] }]);

    const accepted = await runner.data(admin, SET_SLOT, slot(person.dean));
    expect(accepted.setDutySlot.slot.leaderPersonId).toBe(person.dean);
    expect((await runner.data(admin, GAPS, { id: rosterId })).dutyGaps).toEqual([]);
  });

  it('counts a shift led by someone no longer designated as having no leader, and reports it', async () => {
    const list = (await runner.data(admin, LEADERS, { unit: school.id })).dutyLeaders as { id: string; personId: string }[];
    const dean = list.find((row) => row.personId === person.dean)!;
    const officer = as(Role.UNIT_SAFETY_OFFICER, school, person.guard);
    expect(errorOf(await runner.run(officer, WITHDRAW, { input: { id: dean.id } }))?.code).toBe('FORBIDDEN');
    expect((await runner.data(admin, ON_DUTY, { unit: college.id })).onDutyNow).toEqual({ leader: { name: '李院长' }, officers: [{ name: '张保卫' }] });
    const withdrawn = await runner.data(admin, WITHDRAW, { input: { id: dean.id } });
    expect(withdrawn.withdrawDutyLeader.dutyLeader).toEqual({ id: dean.id, personId: person.dean });
    // Who is on duty no longer names the withdrawn leader either.
    expect((await runner.data(admin, ON_DUTY, { unit: college.id })).onDutyNow).toEqual({ leader: null, officers: [{ name: '张保卫' }] });

    expect((await runner.data(admin, GAPS, { id: rosterId })).dutyGaps).toEqual([{ date: '2025-10-01', shiftName: '全天', missing: ['LEADER'] }]);
    const check = await runner.data(admin, CHECK_GAPS, { id: rosterId });
    expect(check.checkDutyGaps.newlyReported).toEqual([{ date: '2025-10-01', shiftName: '全天', missing: ['LEADER'] }]);
    expect(errorOf(await runner.run(admin, SET_SLOT, slot(person.dean)))?.reason).toBe('NOT_DESIGNATED');
    expect(errorOf(await runner.run(admin, WITHDRAW, { input: { id: dean.id } }))?.code).toBe('NOT_FOUND');
  });
});
