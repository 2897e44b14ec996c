import { GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const REGISTER = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id version code placeText } } }';
const LEDGER_PAGE = `query LedgerPage($filter: HazardLedgerFilter) {
  hazards(first: 100, filter: $filter) { totalCount edges { node {
    code title status deadline orgUnit { name } responsiblePerson { name } place { name } } } } }`;

/** SQL statements every subgraph logged for one gateway request (each subgraph logs `sql` on its request line). */
function sqlStatementsOf(logDir: string, requestId: string): number {
  let total = 0;
  for (const service of ['responsibility-network', 'hazard-tracking', 'education-drills', 'supervision-appraisal']) {
    const lines = readFileSync(path.join(logDir, `${service}.log`), 'utf8').split('\n');
    for (const line of lines) {
      if (!line.includes(requestId)) continue;
      const entry = JSON.parse(line);
      if (entry.msg === 'request' && entry.requestId === requestId) total += entry.sql ?? 0;
    }
  }
  return total;
}

async function download(fixture: PlatformFixture, client: GraphQLClient, pathAndQuery: string) {
  const response = await fetch(`${fixture.platform.gatewayUrl.replace(/\/graphql$/, '')}${pathAndQuery}`, {
    headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

async function sheetOf(body: Buffer, name: string) {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

async function until<T>(probe: () => Promise<T | null>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the hazard ledger through the gateway', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  const created: { id: string; version: number; code: string }[] = [];

  beforeAll(async () => {
    fixture = await startPlatformFixture(4200);
    office = await fixture.as('safety.office');
    const { places } = await office.data('{ places(first: 5, filter: { orgUnitId: "' + fixture.unitIds['XDZY-XX'] + '", includeSubtree: true }) { edges { node { id name } } } }');
    const place = places.edges[0].node;
    const { me } = await office.data('{ me { person { id name } } }');
    // The place reaches hazard-tracking as an event; until it has, registering there is refused as unknown.
    const first = await until(async () => {
      const response = await office.request(REGISTER, { input: hazardInput('楼道应急灯不亮', place.id) });
      return response.data?.registerHazard.hazard ?? null;
    }, 'the place to be projected into hazard-tracking');
    created.push(first);
    for (const title of ['配电箱门未关闭', '灭火器压力不足']) {
      created.push((await office.data(REGISTER, { input: hazardInput(title, place.id) })).registerHazard.hazard);
    }
    for (const [index, hazard] of created.entries()) {
      const reported = (await office.data('mutation($input: ReportHazardInput!) { reportHazard(input: $input) { hazard { id version } } }', {
        input: { id: hazard.id, version: hazard.version },
      })).reportHazard.hazard;
      const deadline = new Date(Date.now() + (index + 2) * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
      await office.data('mutation($input: SubmitRectificationPlanInput!) { submitRectificationPlan(input: $input) { hazard { id } } }', {
        input: { id: reported.id, version: reported.version, responsiblePersonId: me.person.id, measures: '立即整改', deadline, contingencyPlan: '专人值守' },
      });
    }

    function hazardInput(title: string, placeId: string) {
      return { orgUnitId: fixture.unitIds['XDZY-XX'], title, description: `${title}，周检发现`, category: 'FIRE', placeId, discoveredAt: new Date(Date.now() - 3600_000).toISOString() };
    }
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('serves a 100-hazard page with unit, responsible person and place in at most 4 SQL statements across subgraphs', async () => {
    const requestId = `ledger-sql-${Date.now()}`;
    const response = await fetch(fixture.platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office.token}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: LEDGER_PAGE, variables: { filter: { orgUnitId: fixture.unitIds.XDZY } } }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    const nodes = body.data.hazards.edges.map((edge: any) => edge.node);
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    const codes = created.map((hazard) => hazard.code);
    const linked = nodes.filter((node: any) => codes.includes(node.code));
    expect(linked).toHaveLength(3);
    for (const node of linked) {
      expect(node.orgUnit.name).toBe('信息工程学院');
      expect(node.responsiblePerson.name).toEqual(expect.any(String));
      expect(node.place.name).toEqual(expect.any(String));
    }
    await new Promise((resolve) => setTimeout(resolve, 300)); // log lines are written when each response finishes
    const statements = sqlStatementsOf(fixture.logDir, requestId);
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(4);
  });

  it('downloads the filtered ledger and a hazard’s file as Excel with Chinese headers', async () => {
    const filter = encodeURIComponent(JSON.stringify({ orgUnitId: fixture.unitIds['XDZY-XX'], search: '配电箱门未关闭' }));
    const ledger = await download(fixture, office, `/exports/hazard-ledger?filter=${filter}&orderBy=DEADLINE_SOONEST_FIRST`);
    expect(ledger.status).toBe(200);
    expect(ledger.headers.get('content-disposition')).toContain(encodeURIComponent('隐患台账'));
    const ledgerSheet = await sheetOf(ledger.body, '隐患台账');
    expect(ledgerSheet.getRow(2).values).toEqual(expect.arrayContaining(['隐患编号', '隐患标题', '责任单位', '整改期限', '是否逾期']));
    expect(ledgerSheet.rowCount).toBe(3);
    expect(ledgerSheet.getRow(3).getCell(2).value).toBe('配电箱门未关闭');
    expect(ledgerSheet.getRow(3).getCell(7).value).toBe('信息工程学院');

    const badFilter = await download(fixture, office, '/exports/hazard-ledger?filter=%7Bnot-json');
    expect(badFilter.status).toBe(400);

    const file = await download(fixture, office, `/exports/hazard-file?hazardId=${created[0].id}`);
    expect(file.status).toBe(200);
    const timeline = await sheetOf(file.body, '全过程记录');
    const actions = [3, 4, 5].map((row) => timeline.getRow(row).getCell(3).value);
    expect(actions).toEqual(['登记', '报告', '提交整改方案（四落实）']);
    const facts = await sheetOf(file.body, '基本情况');
    expect(facts.getRow(3).values).toEqual(expect.arrayContaining(['隐患编号', created[0].code]));

    const outsider = await fixture.as('jd.officer');
    const refused = await download(fixture, outsider, `/exports/hazard-file?hazardId=${created[0].id}`);
    expect(refused.status).toBe(404);
  });
});
