import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const YEAR = Number(calendarDateOf(new Date()).slice(0, 4));
const CREATE = `mutation($input: CreateResponsibilityLetterInput!) {
  createResponsibilityLetter(input: $input) { responsibilityLetter { id version status recipientPerson { name } } }
}`;
const DELETE = 'mutation($input: DeleteResponsibilityLetterInput!) { deleteResponsibilityLetter(input: $input) { id } }';
const COVERAGE = `query($id: ID!, $year: Int!) {
  letterSigningCoverage(issuerUnitId: $id, year: $year) { units { orgUnit { code } status letterId } }
}`;
const FIRST_RESPONSIBLE = `query($rootId: ID!, $kind: OrgUnitKind) {
  orgUnits(filter: { rootId: $rootId, kind: $kind }, first: 50) { edges { node { code name firstResponsiblePerson { name position } } } }
}`;
const ITEMS = [{ content: '全年不发生重特大校园安全责任事故', weight: 100 }];

/** 安全责任书 through the gateway: signed by the recipient unit's 第一责任人 only, who the bureau can look up; drafts deleted. */
describe('responsibility letters: the first responsible person signs (through the gateway)', () => {
  let fixture: PlatformFixture;
  let bureau: GraphQLClient;
  let units: Record<string, string>;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4600);
    bureau = await fixture.as('bureau.admin');
    units = fixture.unitIds;
  }, 180_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  const personNamed = async (unitCode: string, name: string): Promise<string> => {
    const data = await bureau.data('query($id: ID!, $name: String!) { orgUnit(id: $id) { people(filter: { nameContains: $name }) { edges { node { id } } } } }', {
      id: units[unitCode], name,
    });
    return data.orgUnit.people.edges[0].node.id;
  };
  const letterTo = (unitCode: string, extra: Record<string, unknown> = {}) => ({
    issuerUnitId: units.BUREAU, recipientUnitId: units[unitCode], year: YEAR, title: `${YEAR}年度学校安全工作目标责任书（补充）`, items: ITEMS, ...extra,
  });

  it('refuses a letter addressed to the safety office director instead of the first responsible person, and a school with none', async () => {
    const director = await personNamed('XDZY', '王建国');
    const refused = await bureau.request(CREATE, { input: letterTo('XDZY', { recipientPersonId: director }) });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('责任书的签署人必须是现代职业学院的第一责任人'),
      extensions: { code: 'CONFLICT', reason: 'NOT_FIRST_RESPONSIBLE_PERSON' },
    });
    const noLeader = await bureau.request(CREATE, { input: letterTo('YZ') });
    expect(noLeader.errors?.[0]).toMatchObject({
      message: expect.stringContaining('县第一中学尚未确定第一责任人'),
      extensions: { code: 'CONFLICT', reason: 'NO_FIRST_RESPONSIBLE_PERSON' },
    });
  });

  it("lets the bureau read its schools' 第一责任人 in one query, and the demo letters go to them", async () => {
    const schools = await bureau.data(FIRST_RESPONSIBLE, { rootId: units.BUREAU, kind: 'SCHOOL' });
    expect(schools.orgUnits.edges.map((edge: any) => edge.node)).toEqual([
      { code: 'XDZY', name: '现代职业学院', firstResponsiblePerson: { name: '马建华', position: '院长' } },
      { code: 'YZ', name: '县第一中学', firstResponsiblePerson: null },
    ]);
    const colleges = await bureau.data(FIRST_RESPONSIBLE, { rootId: units.XDZY, kind: 'COLLEGE' });
    const leaders = Object.fromEntries(colleges.orgUnits.edges.map((edge: any) => [edge.node.code, edge.node.firstResponsiblePerson?.name ?? null]));
    expect(leaders).toEqual({ 'XDZY-XX': '李明', 'XDZY-JD': '高志远', 'XDZY-HL': null, 'XDZY-JG': null });

    const office = await fixture.as('safety.office');
    const coverage = (await office.data(COVERAGE, { id: units.XDZY, year: YEAR })).letterSigningCoverage.units;
    const jdLetterId = coverage.find((row: any) => row.orgUnit.code === 'XDZY-JD').letterId;
    const jdLetter = await office.data('query($id: ID!) { responsibilityLetter(id: $id) { status recipientPerson { name } } }', { id: jdLetterId });
    expect(jdLetter.responsibilityLetter).toEqual({ status: 'ISSUED', recipientPerson: { name: '高志远' } });
  });

  it('deletes a mistaken draft so the school shows as before, and refuses deleting an issued letter', async () => {
    const coverage = async () => (await bureau.data(COVERAGE, { id: units.BUREAU, year: YEAR })).letterSigningCoverage.units.find((row: any) => row.orgUnit.code === 'XDZY');
    const before = await coverage();
    const draft = (await bureau.data(CREATE, { input: letterTo('XDZY') })).createResponsibilityLetter.responsibilityLetter;
    expect(draft).toMatchObject({ status: 'DRAFT', recipientPerson: { name: '马建华' } });
    expect((await coverage()).status).toBe('DRAFT');
    expect((await bureau.data(DELETE, { input: { id: draft.id, version: draft.version } })).deleteResponsibilityLetter).toEqual({ id: draft.id });
    expect(await coverage()).toEqual(before);

    const signed = (await bureau.data('query($id: ID!) { responsibilityLetter(id: $id) { id version status } }', { id: before.letterId })).responsibilityLetter;
    const refused = await bureau.request(DELETE, { input: { id: signed.id, version: signed.version } });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' } });
  });
});
