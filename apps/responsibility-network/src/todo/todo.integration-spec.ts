import { Role, Viewer } from '@campus/auth';
import { calendarDateOf, TodoItem } from '@campus/graphql';
import { SchemaRunner, viewerWith } from '@campus/testing';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { addDays } from '../duty-rosters/duty-time';
import { currentYear } from '../letters/letter-rules';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }';
const GRANT_ROLE = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id } } }';
const CREATE_LETTER = 'mutation($input: CreateResponsibilityLetterInput!) { createResponsibilityLetter(input: $input) { responsibilityLetter { id version } } }';
const ISSUE_LETTER = 'mutation($input: IssueResponsibilityLetterInput!) { issueResponsibilityLetter(input: $input) { responsibilityLetter { id } } }';
const CREATE_ROSTER = 'mutation($input: CreateDutyRosterInput!) { createDutyRoster(input: $input) { dutyRoster { id } } }';
const SET_SLOT = 'mutation($input: SetDutySlotInput!) { setDutySlot(input: $input) { slot { date } } }';

const ITEM = 'kind title detail objectType objectId orgUnitId deadline urgency';
const ME = `{ me { todo { personId responsibilityItems { ${ITEM} } } } }`;
const MERGED = `query($r: [_Any!]!) { _entities(representations: $r) { ... on TodoList { personId items { ${ITEM} } counts { kind count } total } } }`;

describe('me { todo } in responsibility-network (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let school: Unit;
  let principal: Viewer;
  let colleague: Viewer;
  let clerk: Viewer;
  let letterId: string;
  let rosterId: string;
  const today = calendarDateOf(new Date());

  async function accountFor(username: string, personId: string | null): Promise<Viewer> {
    const input = { username, password: 'password-1', grants: [{ role: 'STAFF', orgUnitId: school.id }], ...(personId ? { personId } : {}) };
    const accountId = (await runner.data(fx.admin, CREATE_ACCOUNT, { input })).createAccount.account.id;
    return viewerWith(accountId, [[Role.STAFF, school.id, school.path]], personId);
  }

  /** The merge as the gateway asks for it: the other subgraphs' sections in the representation (@requires). */
  const merged = (viewer: Viewer, personId: string, sections: Record<string, TodoItem[] | null>) =>
    runner.data(viewer, MERGED, { r: [{ __typename: 'TodoList', personId, ...sections }] });

  const hazardItem = (overrides: Partial<TodoItem>): TodoItem => ({
    kind: 'HAZARD_RECTIFY' as TodoItem['kind'], title: '隐患待整改：灭火器过期', detail: null, objectType: 'Hazard', objectId: 'h1', orgUnitId: 'u1', deadline: addDays(today, -1), urgency: 'OVERDUE' as TodoItem['urgency'], ...overrides,
  });

  beforeAll(async () => {
    fx = await startResponsibilityFixture('todo_list');
    runner = fx.runner;
    school = await fx.createUnit(fx.root.id, 'S1', OrgUnitKind.SCHOOL);
    const head = await fx.createPerson(school.id, '王校长');
    const teacher = await fx.createPerson(school.id, '李老师');
    principal = await accountFor('principal', head.id);
    colleague = await accountFor('colleague', teacher.id);
    clerk = await accountFor('clerk', null);
    // 王校长 is the school's first responsible person: the letter is addressed to them.
    await runner.data(fx.admin, GRANT_ROLE, { input: { accountId: principal.accountId, role: 'UNIT_LEADER', orgUnitId: school.id } });

    const letter = (await runner.data(fx.admin, CREATE_LETTER, {
      input: { issuerUnitId: fx.root.id, recipientUnitId: school.id, recipientPersonId: head.id, year: currentYear(), title: '年度安全目标责任书', items: [{ content: '落实第一责任人职责' }] },
    })).createResponsibilityLetter.responsibilityLetter;
    letterId = letter.id;
    await runner.data(fx.admin, ISSUE_LETTER, { input: { id: letter.id, version: letter.version } });
    rosterId = (await runner.data(fx.admin, CREATE_ROSTER, {
      input: { orgUnitId: school.id, name: '近期值班表', startDate: today, endDate: addDays(today, 10), periodKind: 'NORMAL', shifts: [{ name: '白班', start: '08:00', end: '20:00' }] },
    })).createDutyRoster.dutyRoster.id;
    await runner.data(fx.admin, SET_SLOT, { input: { rosterId, date: addDays(today, 1), shiftName: '白班', leaderPersonId: null, officerPersonIds: [head.id] } });
    await runner.data(fx.admin, SET_SLOT, { input: { rosterId, date: addDays(today, 5), shiftName: '白班', leaderPersonId: null, officerPersonIds: [head.id] } });
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('lists the person’s letter to sign and tomorrow’s shift (not one in five days)', async () => {
    const todo = (await runner.data(principal, ME)).me.todo;
    expect(todo.personId).toBe(principal.personId);
    expect(todo.responsibilityItems).toEqual([
      { kind: 'DUTY_SHIFT', title: '明日值班：近期值班表 白班', detail: addDays(today, 1), objectType: 'DutyRoster', objectId: rosterId, orgUnitId: null, deadline: addDays(today, 1), urgency: 'DUE_SOON' },
      { kind: 'LETTER_SIGN', title: '责任书待签署：年度安全目标责任书', detail: `${currentYear()} 年度`, objectType: 'ResponsibilityLetter', objectId: letterId, orgUnitId: school.id, deadline: null, urgency: 'LATER' },
    ]);
    expect((await runner.data(colleague, ME)).me.todo.responsibilityItems).toEqual([]);
    expect((await runner.data(clerk, ME)).me.todo).toBeNull();
  });

  it('merges the sections by urgency and counts them per kind; a failed section counts as empty', async () => {
    const overdue = hazardItem({});
    const later = hazardItem({ kind: 'APPRAISAL_SCORE' as TodoItem['kind'], objectType: 'Appraisal', objectId: 'a1', deadline: null, urgency: 'LATER' as TodoItem['urgency'] });
    const list = (await merged(principal, principal.personId as string, { hazardItems: [overdue], educationItems: null, appraisalItems: [later] }))._entities[0];
    expect(list.items.map((item: TodoItem) => item.kind)).toEqual(['HAZARD_RECTIFY', 'DUTY_SHIFT', 'APPRAISAL_SCORE', 'LETTER_SIGN']);
    expect(list.counts).toEqual([
      { kind: 'HAZARD_RECTIFY', count: 1 },
      { kind: 'APPRAISAL_SCORE', count: 1 },
      { kind: 'LETTER_SIGN', count: 1 },
      { kind: 'DUTY_SHIFT', count: 1 },
    ]);
    expect(list.total).toBe(4);
  });

  it('adds nothing of its own to another person’s key', async () => {
    const list = (await merged(colleague, principal.personId as string, { hazardItems: [], educationItems: [], appraisalItems: [] }))._entities[0];
    expect(list).toEqual({ personId: principal.personId, items: [], counts: [], total: 0 });
  });

  it('costs three statements for its section, once for items, counts and total together', async () => {
    const query = jest.spyOn(MysqlQueryRunner.prototype, 'query');
    try {
      await merged(principal, principal.personId as string, { hazardItems: [], educationItems: [], appraisalItems: [] });
      expect(query.mock.calls.length).toBe(3);
    } finally {
      query.mockRestore();
    }
  });
});
