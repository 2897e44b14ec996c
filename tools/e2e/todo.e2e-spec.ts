import { compareTodoItems, TodoItem } from '@campus/graphql';
import { DEMO_ACCOUNTS, DEMO_BOOTSTRAP } from '@campus/platform';
import { gatewayProofHeaders } from '@campus/server';
import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

/** Every demo login with a person (the bureau's bootstrap admin has none, so no list: see below). */
const LOGINS = DEMO_ACCOUNTS.map((account) => account.username);
const ITEM_FIELDS = 'kind title detail objectType objectId orgUnitId deadline urgency';
const TODO = `{ me { username person { id } todo { personId total counts { kind count } items { ${ITEM_FIELDS} } } } }`;
const SECTIONS: Record<string, string> = {
  'hazard-tracking': 'hazardItems',
  'education-drills': 'educationItems',
  'supervision-appraisal': 'appraisalItems',
};

interface TodoAnswer {
  me: { username: string; person: { id: string }; todo: { personId: string; total: number; counts: { kind: string; count: number }[]; items: TodoItem[] } };
}

/** The objects hazard-tracking's section points at. */
const HAZARD_OBJECTS = ['Hazard', 'InspectionTask', 'Campaign', 'SpecialEquipment'];

/** Root fields not named after their type. */
const OPENED_BY: Record<string, string> = { SupervisionInspection: 'supervision' };

/** The root query that opens an item's object: its type's name in lower camel case (hazard, inspectionTask, …). */
function openQuery(objectType: string): string {
  const field = OPENED_BY[objectType] ?? objectType[0].toLowerCase() + objectType.slice(1);
  return `query($id: ID!) { ${field}(id: $id) { __typename } }`;
}

/** 我的待办 through the gateway, on the demo campus (issue 15 part 1). */
describe('my to-do list', () => {
  let fixture: PlatformFixture;
  const answers = new Map<string, TodoAnswer['me']>();

  beforeAll(async () => {
    fixture = await startPlatformFixture(4960);
    for (const username of LOGINS) answers.set(username, (await (await fixture.as(username)).data<TodoAnswer>(TODO)).me);
  }, 180_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('gives every demo login a non-empty list, sorted by urgency, with counts per kind that add up to the total', () => {
    for (const username of LOGINS) {
      const { person, todo } = answers.get(username) as TodoAnswer['me'];
      expect({ username, empty: todo.items.length === 0 }).toEqual({ username, empty: false });
      expect(todo.personId).toBe(person.id);
      expect(todo.total).toBe(todo.items.length);
      expect([...todo.items].sort(compareTodoItems)).toEqual(todo.items);
      const counted = new Map<string, number>();
      for (const item of todo.items) counted.set(item.kind, (counted.get(item.kind) ?? 0) + 1);
      expect(Object.fromEntries(todo.counts.map((count) => [count.kind, count.count]))).toEqual(Object.fromEntries(counted));
    }
  });

  it("gives the bootstrap administrator (a person of the bureau, BOOTSTRAP_ADMIN_NAME) the county's list", async () => {
    const admin = await fixture.as(DEMO_BOOTSTRAP.adminUsername);
    const { me } = await admin.data(TODO);
    expect(me.todo.personId).toBe(me.person.id);
    expect(me.todo.total).toBeGreaterThan(0);
    expect(me.todo.items.length).toBe(Math.min(me.todo.total, me.todo.items.length));
  });

  it('lists the hazards awaiting each manager by role and scope, and nothing of another college', () => {
    const kindsOf = (username: string) => new Set((answers.get(username) as TodoAnswer['me']).todo.items.map((item) => item.kind));
    const hazardUnits = (username: string) =>
      new Set((answers.get(username) as TodoAnswer['me']).todo.items.filter((item) => item.objectType === 'Hazard').map((item) => item.orgUnitId));
    expect([...kindsOf('safety.office')].some((kind) => kind.startsWith('HAZARD_'))).toBe(true);
    expect([...hazardUnits('xx.officer')]).toEqual([fixture.unitIds['XDZY-XX']]);
    expect(hazardUnits('jd.officer').has(fixture.unitIds['XDZY-XX'])).toBe(false);
    // A grid officer holds no step of the loop but rectification: no hazard to assess, report or accept.
    expect([...kindsOf('grid.officer')].filter((kind) => ['HAZARD_ASSESS', 'HAZARD_REPORT', 'HAZARD_ACCEPT'].includes(kind))).toEqual([]);
  });

  it('points every item at an object its viewer can open', async () => {
    for (const username of LOGINS) {
      const client = await fixture.as(username);
      const { todo } = answers.get(username) as TodoAnswer['me'];
      for (const item of todo.items.slice(0, 20)) {
        const opened = await client.request(openQuery(item.objectType), { id: item.objectId });
        expect({ username, item: item.title, errors: opened.errors ?? [] }).toEqual({ username, item: item.title, errors: [] });
      }
    }
  });

  it('answers a subgraph called directly with someone else’s person id with nothing of theirs', async () => {
    const office = answers.get('safety.office') as TodoAnswer['me'];
    const staffClient = await fixture.as('staff');
    const proof = gatewayProofHeaders(fixture.platform.gatewaySecret);
    for (const [subgraph, field] of Object.entries(SECTIONS)) {
      const direct = new GraphQLClient(fixture.platform.subgraphUrl(subgraph as never), staffClient.token, proof);
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on TodoList { personId ${field} { objectId } } } }`;
      const stolen = await direct.data<{ _entities: Record<string, unknown>[] }>(query, { r: [{ __typename: 'TodoList', personId: office.person.id }] });
      expect(stolen._entities).toEqual([{ personId: office.person.id, [field]: [] }]);
    }
    const rn = new GraphQLClient(fixture.platform.subgraphUrl('responsibility-network'), staffClient.token, proof);
    const merged = await rn.data<{ _entities: { items: unknown[]; responsibilityItems: unknown[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on TodoList { responsibilityItems { objectId } items { objectId } } } }',
      { r: [{ __typename: 'TodoList', personId: office.person.id, hazardItems: [], educationItems: [], appraisalItems: [] }] },
    );
    expect(merged._entities).toEqual([{ responsibilityItems: [], items: [] }]);
  });

  it('keeps the list and the other sections when one subgraph is down, without the merged items', async () => {
    const office = answers.get('safety.office') as TodoAnswer['me'];
    await fixture.platform.stopService('hazard-tracking');
    const sections = `{ me { todo { personId items { kind } total hazardItems { kind } educationItems { objectId } appraisalItems { objectId } responsibilityItems { objectId } } } }`;
    const result = await (await fixture.as('safety.office')).request(sections);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'hazard-tracking' });
    const todo = result.data?.me.todo;
    expect(todo).toMatchObject({ personId: office.person.id, items: null, total: null, hazardItems: null });
    const survived = [...todo.educationItems, ...todo.appraisalItems, ...todo.responsibilityItems].map((item: { objectId: string }) => item.objectId).sort();
    const expected = office.todo.items.filter((item) => !HAZARD_OBJECTS.includes(item.objectType)).map((item) => item.objectId).sort();
    expect(survived.length).toBeGreaterThan(0);
    expect(survived).toEqual(expected);
  });
});
