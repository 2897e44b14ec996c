import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient, GraphQLResponse } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const REVOCATION_WAIT_MS = 60_000;
const DAY_MS = 24 * 3600 * 1000;
const PERIOD = { from: calendarDateOf(new Date(Date.now() - 30 * DAY_MS)), to: calendarDateOf(new Date(Date.now() + DAY_MS)) };
const PAIRINGS = 'query($filter: SectionPairingFilter) { sectionPairings(filter: $filter, first: 10) { edges { node { id version sectionName schoolName leadPersonName } } } }';
const CREATE = 'mutation($input: CreateSectionPairingInput!) { createSectionPairing(input: $input) { sectionPairing { id } } }';
const EDIT = 'mutation($input: EditSectionPairingInput!) { editSectionPairing(input: $input) { sectionPairing { version note } } }';
const END = 'mutation($input: EndSectionPairingInput!) { endSectionPairing(input: $input) { sectionPairing { active } } }';
const HAZARDS = '{ hazards(first: 100) { totalCount edges { node { orgUnit { code } } } } }';
const HAZARD = 'query($id: ID!) { hazard(id: $id) { title } }';
const LETTERS = '{ responsibilityLetters(first: 20) { edges { node { title recipientUnitId } } } }';
const DASHBOARD = 'query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) { orgUnit(id: $id) { name hazardStats(from: $from, to: $to) { total } pairedSections { sectionName leadPersonName } } }';
const REGISTER = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id } } }';

/** 股室联校包抓 through the gateway on the demo campus (issue 17, part 9): the section's scope follows its pairings. */
describe('bureau sections paired with schools', () => {
  let fixture: PlatformFixture;
  let admin: GraphQLClient;
  let units: Record<string, string>;
  let yzHazardId: string;

  const isUnauthenticated = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
  const codesOf = (data: any): string[] => [...new Set<string>(data.hazards.edges.map((edge: any) => edge.node.orgUnit.code))].sort();

  beforeAll(async () => {
    fixture = await startPlatformFixture(4920);
    admin = await fixture.as('bureau.admin');
    units = fixture.unitIds;
    yzHazardId = (
      await admin.data(REGISTER, {
        input: { orgUnitId: units.YZ, title: '教学楼楼梯扶手松动', description: '三楼东侧楼梯扶手松动。', category: 'BUILDING', grade: 'GENERAL', source: 'SELF_INSPECTION', placeText: '教学楼', discoveredAt: new Date().toISOString() },
      })
    ).registerHazard.hazard.id;
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('shows the paired school’s hazards, letters and dashboard to the section, and nothing of an unpaired school', async () => {
    const section = await fixture.as('aqg.staff');
    expect((await section.data('{ me { pairingGrants { role orgUnit { code } } } }')).me.pairingGrants).toEqual([{ role: 'INSPECTOR', orgUnit: { code: 'XDZY' } }]);
    const hazards = await section.data(HAZARDS);
    expect(hazards.hazards.totalCount).toBeGreaterThan(0);
    expect(codesOf(hazards).every((code) => code.startsWith('XDZY'))).toBe(true);
    expect((await section.request(HAZARD, { id: yzHazardId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await (await fixture.as('jyg.staff')).data(HAZARD, { id: yzHazardId })).hazard.title).toBe('教学楼楼梯扶手松动');

    const letters = (await section.data(LETTERS)).responsibilityLetters.edges.map((edge: any) => edge.node);
    expect(letters.length).toBeGreaterThan(0);
    expect(letters.some((letter: any) => letter.recipientUnitId === units.XDZY)).toBe(true);

    const dashboard = (await section.data(DASHBOARD, { id: units.XDZY, ...PERIOD })).orgUnit;
    expect(dashboard).toMatchObject({ name: '现代职业学院', pairedSections: [{ sectionName: '安全股', leadPersonName: '刘振华' }] });
    expect(dashboard.hazardStats.total).toBeGreaterThan(0);
    expect((await section.data(DASHBOARD, { id: units.YZ, ...PERIOD })).orgUnit).toBeNull();
    // The school names its section on its own reports.
    expect((await (await fixture.as('safety.office')).data(DASHBOARD, { id: units.XDZY, ...PERIOD })).orgUnit.pairedSections).toEqual([{ sectionName: '安全股', leadPersonName: '刘振华' }]);
  });

  it('refuses a pairing by a school’s safety office and a change against a stale version', async () => {
    const office = await fixture.as('safety.office');
    const refused = await office.request(CREATE, { input: { sectionId: units['BUREAU-AQG'], schoolId: units.XDZY } });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [pairing] = (await admin.data(PAIRINGS, { filter: { sectionUnitId: units['BUREAU-JYG'] } })).sectionPairings.edges.map((edge: any) => edge.node);
    expect(pairing).toMatchObject({ sectionName: '基教股', schoolName: '县第一中学' });
    expect((await admin.data(EDIT, { input: { id: pairing.id, version: pairing.version, note: '春季开学检查' } })).editSectionPairing.sectionPairing).toEqual({ version: pairing.version + 1, note: '春季开学检查' });
    const stale = await admin.request(END, { input: { id: pairing.id, version: pairing.version } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  it('takes the school away when the pairing ends: the old token is refused, a new one carries no access', async () => {
    const section = await fixture.as('aqg.staff');
    const [pairing] = (await admin.data(PAIRINGS, { filter: { sectionUnitId: units['BUREAU-AQG'] } })).sectionPairings.edges.map((edge: any) => edge.node);
    expect((await admin.data(END, { input: { id: pairing.id, version: pairing.version } })).endSectionPairing.sectionPairing.active).toBe(false);

    const refused = await eventually(() => section.request(HAZARDS), isUnauthenticated, REVOCATION_WAIT_MS, 250);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await fixture.as('aqg.staff');
    expect((await again.data(HAZARDS)).hazards.totalCount).toBe(0);
    expect((await again.data(DASHBOARD, { id: units.XDZY, ...PERIOD })).orgUnit).toBeNull();
    expect((await admin.data(DASHBOARD, { id: units.XDZY, ...PERIOD })).orgUnit.pairedSections).toEqual([]);
  });
});
