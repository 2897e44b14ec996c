import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const CREATE_ROSTER = 'mutation($input: CreateDutyRosterInput!) { createDutyRoster(input: $input) { dutyRoster { id } } }';
const SET_SLOT = 'mutation($input: SetDutySlotInput!) { setDutySlot(input: $input) { slot { leader { name } } } }';
const GAPS = 'query($id: ID!) { dutyGaps(rosterId: $id) { date shiftName missing } }';
const DESIGNATE = 'mutation($input: DesignateDutyLeaderInput!) { designateDutyLeader(input: $input) { dutyLeader { id person { name } } } }';
const LEADERS = 'query($unit: ID!) { dutyLeaders(orgUnitId: $unit) { person { name } } }';
const NOTICE = 'query($unit: ID!) { gridNotice(orgUnitId: $unit) { gridName level role personName phone } }';
const ROSTER = 'query($unit: ID!) { gridRoster(orgUnitId: $unit) { personName } }';
const ME = '{ me { person { id } } }';

/** 带班领导 and 公示 through the gateway, on the demo campus (issue 17, parts 2 and 3). */
describe('duty leaders and the posted grid roster', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let head: GraphQLClient;
  let units: Record<string, string>;

  const personOf = async (username: string): Promise<string> => (await (await fixture.as(username)).data(ME)).me.person.id;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4680);
    [office, head] = await Promise.all(['safety.office', 'school.head'].map((name) => fixture.as(name)));
    units = fixture.unitIds;
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('refuses a duty leader the school has not designated, and accepts one it has, closing the gap', async () => {
    expect((await office.data(LEADERS, { unit: units.XDZY })).dutyLeaders).toEqual([{ person: { name: '马建华' } }, { person: { name: '李明' } }]);
    const holiday = calendarDateOf(new Date(Date.now() + 40 * DAY_MS));
    const rosterId = (
      await office.data(CREATE_ROSTER, {
        input: { orgUnitId: units.XDZY, name: '假期值班表', startDate: holiday, endDate: holiday, periodKind: 'HOLIDAY', shifts: [{ name: '全天', start: '08:00', end: '08:00' }] },
      })
    ).createDutyRoster.dutyRoster.id;
    const [mechanic, guard] = await Promise.all([personOf('jd.officer'), personOf('staff')]);
    const slot = { rosterId, date: holiday, shiftName: '全天', leaderPersonId: mechanic, officerPersonIds: [guard] };

    const refused = await office.request(SET_SLOT, { input: slot });
    expect(refused.errors?.[0].message).toContain('刘洋不在本单位指定的带班领导名单内');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_DESIGNATED' });
    expect((await office.data(GAPS, { id: rosterId })).dutyGaps).toEqual([{ date: holiday, shiftName: '全天', missing: ['LEADER', 'OFFICER'] }]);

    const byOfficer = await (await fixture.as('xx.officer')).request(DESIGNATE, { input: { orgUnitId: units.XDZY, personId: mechanic } });
    expect(byOfficer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const designated = await head.data(DESIGNATE, { input: { orgUnitId: units.XDZY, personId: mechanic, clientRequestId: 'e2e-duty-leader-1' } });
    expect(designated.designateDutyLeader.dutyLeader.person).toEqual({ name: '刘洋' });

    expect((await office.data(SET_SLOT, { input: slot })).setDutySlot.slot.leader).toEqual({ name: '刘洋' });
    expect((await office.data(GAPS, { id: rosterId })).dutyGaps).toEqual([]);
  });

  it('posts the grid roster to the school’s own staff, not to staff of another school, and keeps the rest scoped', async () => {
    const staff = await fixture.as('staff');
    const notice = (await staff.data(NOTICE, { unit: units.XDZY })).gridNotice;
    expect(notice).toEqual(
      expect.arrayContaining([
        { gridName: '现代职业学院校园网格', level: 1, role: 'LEADER', personName: '王建国', phone: '13909310001' },
        { gridName: '信息工程学院网格', level: 2, role: 'SAFETY_OFFICER', personName: '陈静', phone: '13909310005' },
      ]),
    );
    expect((await staff.request(ROSTER, { unit: units.XDZY })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const admin = await fixture.as('bureau.admin');
    const person = await admin.data('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', {
      input: { orgUnitId: units.YZ, kind: 'STAFF', name: '韩老师', position: '县第一中学教师' },
    });
    await admin.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
      input: { username: 'yz.staff', password: 'Campus@2026', personId: person.createPerson.person.id, grants: [{ role: 'STAFF', orgUnitId: units.YZ }] },
    });
    const otherStaff = await fixture.as('yz.staff');
    expect((await otherStaff.request(NOTICE, { unit: units.XDZY })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect((await otherStaff.data(NOTICE, { unit: units.YZ })).gridNotice).toEqual([]);
  });
});
