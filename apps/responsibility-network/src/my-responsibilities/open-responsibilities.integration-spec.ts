import { Role, Viewer } from '@campus/auth';
import { calendarDateOf } from '@campus/graphql';
import { SchemaRunner, viewerWith } from '@campus/testing';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { addDays } from '../duty-rosters/duty-time';
import { currentYear } from '../letters/letter-rules';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }';
const GRANT_ROLE = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id } } }';
const CREATE_GRID = 'mutation($input: CreateGridInput!) { createGrid(input: $input) { grid { id } } }';
const ASSIGN_GRID_ROLE = 'mutation($input: AssignGridRoleInput!) { assignGridRole(input: $input) { assignment { id } } }';
const END_GRID_ROLE = 'mutation($input: EndGridRoleInput!) { endGridRole(input: $input) { assignment { id } } }';
const CREATE_POST = 'mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }';
const CREATE_LETTER = 'mutation($input: CreateResponsibilityLetterInput!) { createResponsibilityLetter(input: $input) { responsibilityLetter { id version } } }';
const ISSUE_LETTER = 'mutation($input: IssueResponsibilityLetterInput!) { issueResponsibilityLetter(input: $input) { responsibilityLetter { id } } }';
const CREATE_ROSTER = 'mutation($input: CreateDutyRosterInput!) { createDutyRoster(input: $input) { dutyRoster { id } } }';
const SET_SLOT = 'mutation($input: SetDutySlotInput!) { setDutySlot(input: $input) { slot { date } } }';
const DESIGNATE_LEADER = 'mutation($input: DesignateDutyLeaderInput!) { designateDutyLeader(input: $input) { dutyLeader { id } } }';

const BARE_ME = '{ me { id } }';
const ME = `{
  me {
    id
    openResponsibilities {
      gridRoles { gridId role from to }
      posts { title }
      lettersToSign { title status }
      dutyShifts { rosterName date shiftName asLeader }
    }
  }
}`;

describe('me { openResponsibilities } (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let admin: Viewer;
  let school: Unit;
  let principal: Viewer;
  let clerk: Viewer;
  let gridId: string;
  const today = calendarDateOf(new Date());

  async function accountFor(username: string, personId: string | null): Promise<Viewer> {
    const input = { username, password: 'password-1', grants: [{ role: 'STAFF', orgUnitId: school.id }], ...(personId ? { personId } : {}) };
    const accountId = (await runner.data(admin, CREATE_ACCOUNT, { input })).createAccount.account.id;
    return viewerWith(accountId, [[Role.STAFF, school.id, school.path]], personId);
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('my_responsibilities');
    runner = fx.runner;
    admin = fx.admin;
    school = await fx.createUnit(fx.root.id, 'S1', OrgUnitKind.SCHOOL);
    const person = await fx.createPerson(school.id, '王校长');
    const colleague = await fx.createPerson(school.id, '李老师');
    principal = await accountFor('principal', person.id);
    clerk = await accountFor('clerk', null);
    // 王校长 is the school's first responsible person: the letters below are addressed to them.
    await runner.data(admin, GRANT_ROLE, { input: { accountId: principal.accountId, role: 'UNIT_LEADER', orgUnitId: school.id } });

    gridId = (await runner.data(admin, CREATE_GRID, { input: { orgUnitId: school.id, name: '第一中学网格' } })).createGrid.grid.id;
    await runner.data(admin, ASSIGN_GRID_ROLE, { input: { gridId, personId: person.id, role: 'LEADER', from: addDays(today, -30) } });
    const ended = (await runner.data(admin, ASSIGN_GRID_ROLE, { input: { gridId, personId: person.id, role: 'SAFETY_OFFICER', from: addDays(today, -30) } }))
      .assignGridRole.assignment.id;
    await runner.data(admin, END_GRID_ROLE, { input: { assignmentId: ended, to: addDays(today, -1) } });

    await runner.data(admin, CREATE_POST, { input: { orgUnitId: school.id, title: '校长', kind: 'UNIT_HEAD', holderId: person.id } });
    await runner.data(admin, CREATE_POST, { input: { orgUnitId: school.id, title: '任课教师', kind: 'TEACHER', holderId: colleague.id } });

    const letterInput = (title: string) => ({
      issuerUnitId: fx.root.id,
      recipientUnitId: school.id,
      recipientPersonId: person.id,
      year: currentYear(),
      title,
      items: [{ content: '落实校长安全第一责任人职责' }],
    });
    const issued = (await runner.data(admin, CREATE_LETTER, { input: letterInput('年度安全目标责任书') })).createResponsibilityLetter.responsibilityLetter;
    await runner.data(admin, ISSUE_LETTER, { input: { id: issued.id, version: issued.version } });
    await runner.data(admin, CREATE_LETTER, { input: letterInput('草稿责任书') });

    const rosterId = (
      await runner.data(admin, CREATE_ROSTER, {
        input: {
          orgUnitId: school.id,
          name: '近期值班表',
          startDate: today,
          endDate: addDays(today, 20),
          periodKind: 'NORMAL',
          shifts: [
            { name: '白班', start: '08:00', end: '20:00' },
            { name: '夜班', start: '20:00', end: '08:00' },
          ],
        },
      })
    ).createDutyRoster.dutyRoster.id;
    const slot = (date: string, shiftName: string, leaderPersonId: string | null, officerPersonIds: string[]) =>
      runner.data(admin, SET_SLOT, { input: { rosterId, date, shiftName, leaderPersonId, officerPersonIds } });
    await runner.data(admin, DESIGNATE_LEADER, { input: { orgUnitId: school.id, personId: person.id } });
    await slot(today, '白班', person.id, [colleague.id]);
    await slot(addDays(today, 1), '夜班', null, [person.id]);
    await slot(addDays(today, 20), '白班', person.id, []); // beyond the two weeks shown
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('gathers the person’s open grid roles, posts, letters to sign and coming shifts', async () => {
    const open = (await runner.data(principal, ME)).me.openResponsibilities;
    expect(open).toEqual({
      gridRoles: [{ gridId, role: 'LEADER', from: addDays(today, -30), to: null }],
      posts: [{ title: '校长' }],
      lettersToSign: [{ title: '年度安全目标责任书', status: 'ISSUED' }],
      dutyShifts: [
        { rosterName: '近期值班表', date: today, shiftName: '白班', asLeader: true },
        { rosterName: '近期值班表', date: addDays(today, 1), shiftName: '夜班', asLeader: false },
      ],
    });
  });

  it('is empty for an account without a person', async () => {
    expect((await runner.data(clerk, ME)).me.openResponsibilities).toBeNull();
  });

  it('asks each area once: four statements', async () => {
    const query = jest.spyOn(MysqlQueryRunner.prototype, 'query');
    try {
      await runner.data(principal, BARE_ME);
      const bare = query.mock.calls.length;
      query.mockClear();
      await runner.data(principal, ME);
      expect(query.mock.calls.length - bare).toBe(4);
    } finally {
      query.mockRestore();
    }
  });
});
