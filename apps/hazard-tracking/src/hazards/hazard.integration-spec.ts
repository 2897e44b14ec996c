import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { Role } from '@campus/auth';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { HAZARD_MODULES, buildHazardSchema } from '../service';

const SCHOOL = 'school';
const UNIT_A = 'collegea';
const UNIT_B = 'collegeb';
const PATHS = {
  [SCHOOL]: '/bureau/school/',
  [UNIT_A]: '/bureau/school/collegea/',
  [UNIT_B]: '/bureau/school/collegeb/',
};

const HAZARD_FIELDS = 'id code title category status orgUnit { id } createdAt version';
const REGISTER = `mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { ${HAZARD_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateHazardInput!) { updateHazard(input: $input) { hazard { ${HAZARD_FIELDS} } } }`;
const LEDGER = `query($first: Int!, $after: String, $filter: HazardLedgerFilter!) {
  hazards(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${HAZARD_FIELDS} } }
  }
}`;
const ENTITIES_QUERY = `query($r: [_Any!]!, $first: Int!, $after: String) {
  _entities(representations: $r) {
    ... on OrgUnit { id hazards(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }
  }
}`;

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, UNIT_A, PATHS[UNIT_A]]]);
const counselorA = viewerWith('counselor-a', [[Role.COUNSELOR, UNIT_A, PATHS[UNIT_A]]]);
const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, SCHOOL, PATHS[SCHOOL]]]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('hazard-tracking: hazard ledger (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const discoveredAt = new Date(Date.now() - 3600_000);
  const year = discoveredAt.getUTCFullYear();
  const registered: Record<string, any> = {};

  function input(orgUnitId: string, title: string, category: string) {
    return { orgUnitId, title, description: `${title}：现场检查发现`, category, placeText: '实验楼三层', discoveredAt: discoveredAt.toISOString() };
  }

  const titles = (connection: any) => connection.edges.map((edge: any) => edge.node.title);

  beforeAll(async () => {
    db = await createServiceTestDatabase('hazard', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    await db.dataSource.query(
      `INSERT INTO org_unit_projection (id, path, name, code, kind) VALUES
         ('bureau', '/bureau/', '县教体局', 'BUREAU', 'BUREAU'), ('school', '/bureau/school/', '现代职业学院', 'XDZY', 'SCHOOL'),
         ('collegea', '/bureau/school/collegea/', '信息工程学院', 'XX', 'COLLEGE'), ('collegeb', '/bureau/school/collegeb/', '机电工程学院', 'JD', 'COLLEGE')`,
    );
    // Registered a few milliseconds apart so "newest first" is unambiguous (created_at has ms precision).
    for (const [key, viewer, unit, category] of [
      ['A1', officerA, UNIT_A, 'FIRE'],
      ['B1', schoolOffice, UNIT_B, 'ELECTRICAL'],
      ['A2', officerA, UNIT_A, 'ELECTRICAL'],
    ] as const) {
      registered[key] = (await runner.data(viewer, REGISTER, { input: input(unit, `隐患${key}`, category) })).registerHazard.hazard;
      await sleep(15);
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('registers hazards with codes sequential per school and year and refuses units out of scope or roles without the right', async () => {
    expect([registered.A1.code, registered.B1.code, registered.A2.code]).toEqual([
      `XDZY-YH-${year}-0001`,
      `XDZY-YH-${year}-0002`,
      `XDZY-YH-${year}-0003`,
    ]);
    expect(registered.A1).toMatchObject({ status: 'REGISTERED', category: 'FIRE', orgUnit: { id: UNIT_A }, version: 1 });
    expect(new Date(registered.A1.createdAt).getTime()).toBeLessThan(new Date(registered.A2.createdAt).getTime());
    const [row] = await db.dataSource.query('SELECT org_path AS path, registered_by_account_id AS byAccount FROM hazard WHERE id = ?', [
      registered.A1.id,
    ]);
    expect(row).toEqual({ path: PATHS[UNIT_A], byAccount: 'officer-a' });

    const outOfScope = await runner.run(officerA, REGISTER, { input: input(UNIT_B, '越界登记', 'FIRE') });
    expect(outOfScope.data).toBeNull();
    expect(outOfScope.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: UNIT_B });
    const unknownUnit = await runner.run(schoolOffice, REGISTER, { input: input('nosuchunit', '不存在的单位', 'FIRE') });
    expect(unknownUnit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const counselor = await runner.run(counselorA, REGISTER, { input: input(UNIT_A, '心理中心登记', 'FIRE') });
    expect(counselor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const future = await runner.run(officerA, REGISTER, {
      input: { ...input(UNIT_A, '未来的隐患', 'FIRE'), discoveredAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(future.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'discoveredAt' })]);

    const [{ count }] = await db.dataSource.query('SELECT COUNT(*) AS count FROM hazard');
    expect(Number(count)).toBe(3);
  });

  it('scopes the ledger to the viewer and pages newest first with a stable totalCount', async () => {
    const forA = (await runner.data(officerA, LEDGER, { first: 20, filter: {} })).hazards;
    expect(forA.totalCount).toBe(2);
    expect(titles(forA)).toEqual(['隐患A2', '隐患A1']);

    const page1 = (await runner.data(schoolOffice, LEDGER, { first: 1, filter: {} })).hazards;
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(titles(page1)).toEqual(['隐患A2']);
    expect(page1.pageInfo.endCursor).toBe(page1.edges[0].cursor);
    const page2 = (await runner.data(schoolOffice, LEDGER, { first: 1, after: page1.pageInfo.endCursor, filter: {} })).hazards;
    expect(page2).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(titles(page2)).toEqual(['隐患B1']);
    const page3 = (await runner.data(schoolOffice, LEDGER, { first: 2, after: page2.pageInfo.endCursor, filter: {} })).hazards;
    expect(page3).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(titles(page3)).toEqual(['隐患A1']);

    const badCursor = await runner.run(schoolOffice, LEDGER, { first: 1, after: 'not-a-cursor', filter: {} });
    expect(badCursor.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'after' })]);
    const tooMany = await runner.run(schoolOffice, LEDGER, { first: 101, filter: {} });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters the ledger by status, category and unit', async () => {
    const electrical = (await runner.data(schoolOffice, LEDGER, { first: 20, filter: { category: ['ELECTRICAL'] } })).hazards;
    expect(titles(electrical)).toEqual(['隐患A2', '隐患B1']);
    expect(electrical.totalCount).toBe(2);

    const registeredOnes = (await runner.data(schoolOffice, LEDGER, { first: 20, filter: { status: ['REGISTERED', 'REPORTED'] } })).hazards;
    expect(registeredOnes.totalCount).toBe(3);
    const rectifying = (await runner.data(schoolOffice, LEDGER, { first: 20, filter: { status: ['RECTIFYING'] } })).hazards;
    expect(rectifying).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

    const fireInA = (await runner.data(schoolOffice, LEDGER, { first: 20, filter: { orgUnitId: UNIT_A, category: ['FIRE'] } })).hazards;
    expect(titles(fireInA)).toEqual(['隐患A1']);
    const onlyB = (await runner.data(schoolOffice, LEDGER, { first: 20, filter: { orgUnitId: UNIT_B, includeSubtree: false } })).hazards;
    expect(titles(onlyB)).toEqual(['隐患B1']);
    const bForA = await runner.run(officerA, LEDGER, { first: 20, filter: { orgUnitId: UNIT_B } });
    expect(bForA.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('updates with optimistic locking: a stale version is a CONFLICT', async () => {
    const hazard = registered.B1;
    const updated = (await runner.data(schoolOffice, UPDATE, { input: { id: hazard.id, version: hazard.version, title: '配电箱未上锁' } }))
      .updateHazard.hazard;
    expect(updated).toMatchObject({ id: hazard.id, code: hazard.code, title: '配电箱未上锁', category: 'ELECTRICAL', version: hazard.version + 1 });
    registered.B1 = updated;

    const stale = await runner.run(schoolOffice, UPDATE, { input: { id: hazard.id, version: hazard.version, title: '覆盖他人修改' } });
    expect(stale.data).toBeNull();
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', id: hazard.id, currentVersion: updated.version });
    const notMine = await runner.run(officerA, UPDATE, { input: { id: hazard.id, version: updated.version, title: '越权修改' } });
    expect(notMine.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const [row] = await db.dataSource.query('SELECT title, version FROM hazard WHERE id = ?', [hazard.id]);
    expect(row).toEqual({ title: '配电箱未上锁', version: updated.version });
  });

  it('resolves OrgUnit.hazards for many units in one batch, paginated per unit and scoped to the viewer', async () => {
    const representations = [
      { __typename: 'OrgUnit', id: UNIT_A },
      { __typename: 'OrgUnit', id: UNIT_B },
    ];
    const all = (await runner.data(schoolOffice, ENTITIES_QUERY, { r: representations, first: 5 }))._entities;
    expect(all.map((unit: any) => unit.id)).toEqual([UNIT_A, UNIT_B]);
    expect(all[0].hazards).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(titles(all[0].hazards)).toEqual(['隐患A2', '隐患A1']);
    expect(all[1].hazards.totalCount).toBe(1);
    expect(titles(all[1].hazards)).toEqual([registered.B1.title]);

    const firstOnly = (await runner.data(schoolOffice, ENTITIES_QUERY, { r: representations, first: 1 }))._entities;
    expect(firstOnly[0].hazards).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(titles(firstOnly[0].hazards)).toEqual(['隐患A2']);
    expect(firstOnly[1].hazards).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
    expect(titles(firstOnly[1].hazards)).toEqual([registered.B1.title]);

    const nextForA = (
      await runner.data(schoolOffice, ENTITIES_QUERY, { r: [representations[0]], first: 1, after: firstOnly[0].hazards.pageInfo.endCursor })
    )._entities;
    expect(titles(nextForA[0].hazards)).toEqual(['隐患A1']);
    expect(nextForA[0].hazards.pageInfo.hasNextPage).toBe(false);

    const forA = (await runner.data(officerA, ENTITIES_QUERY, { r: representations, first: 5 }))._entities;
    expect(titles(forA[0].hazards)).toEqual(['隐患A2', '隐患A1']);
    expect(forA[1]).toEqual({ id: UNIT_B, hazards: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } });
  });
});
