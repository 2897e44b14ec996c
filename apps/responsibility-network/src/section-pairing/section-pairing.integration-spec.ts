import { createTokenVerifier, Role, Viewer } from '@campus/auth';
import { SchemaRunner } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { pairingGrantsOf } from './section-pairing-grants';
import { Person, ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';

const FIELDS = 'id version sectionId sectionName schoolId schoolName leadPersonId leadPersonName startedOn endedOn active note';
const CREATE = `mutation($input: CreateSectionPairingInput!) { createSectionPairing(input: $input) { sectionPairing { ${FIELDS} } } }`;
const EDIT = `mutation($input: EditSectionPairingInput!) { editSectionPairing(input: $input) { sectionPairing { ${FIELDS} history { action leadPersonId note } } } }`;
const END = `mutation($input: EndSectionPairingInput!) { endSectionPairing(input: $input) { sectionPairing { ${FIELDS} history { action endedOn } } } }`;
const LIST = 'query($filter: SectionPairingFilter) { sectionPairings(filter: $filter, first: 10) { totalCount edges { node { sectionName schoolName active } } } }';
const PAIRED = `query($school: ID!, $section: ID!) {
  school: orgUnit(id: $school) { pairedSections { sectionName leadPersonName } }
  section: orgUnit(id: $section) { pairedSchools { schoolName } }
}`;
const UNPAIRED = 'query($bureau: ID!) { unpairedSchools(bureauId: $bureau, first: 10) { totalCount edges { node { code } } } }';
const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';

type Result = { errors?: readonly { message: string; extensions?: Record<string, any> }[] };

describe('responsibility-network: 股室联校包抓 and the grants it derives (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let section: Unit;
  let otherSection: Unit;
  let school: Unit;
  let otherSchool: Unit;
  let lead: Person;
  let sectionAccountId: string;
  const verify = createTokenVerifier({ jwtSecret: 'integration-secret' });

  const errorOf = (result: Result) => result.errors?.[0] && { message: result.errors[0].message, ...result.errors[0].extensions };
  const signIn = async (): Promise<Viewer> =>
    verify((await runner.data(null, LOGIN, { input: { username: 'sp.section', password: 'Campus@2026' } })).login.token);
  const revocations = async (accountId: string): Promise<string[]> => {
    const rows: { payload: string }[] = await fx.db.dataSource.query(
      "SELECT payload FROM event_outbox WHERE event_type = 'account.access-revoked' AND aggregate_id = ? ORDER BY id",
      [accountId],
    );
    return rows.map((row) => JSON.parse(row.payload).cause);
  };

  beforeAll(async () => {
    fx = await startResponsibilityFixture('section_pairing');
    runner = fx.runner;
    section = await fx.createUnit(fx.root.id, 'SP-AQG', OrgUnitKind.OFFICE, '安全股');
    otherSection = await fx.createUnit(fx.root.id, 'SP-JYG', OrgUnitKind.OFFICE, '教育股');
    school = await fx.createUnit(fx.root.id, 'SP-YZ', OrgUnitKind.SCHOOL, '县第一中学');
    otherSchool = await fx.createUnit(fx.root.id, 'SP-EZ', OrgUnitKind.SCHOOL, '县第二中学');
    lead = await fx.createPerson(section.id, '刘股长');
    const member = await fx.createPerson(section.id, '何干事');
    sectionAccountId = (
      await runner.data(fx.admin, CREATE_ACCOUNT, {
        input: { username: 'sp.section', password: 'Campus@2026', personId: member.id, grants: [{ role: 'STAFF', orgUnitId: section.id }] },
      })
    ).createAccount.account.id;
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('lets only the bureau admin pair a section directly under the bureau with one of its schools', async () => {
    const input = { sectionId: section.id, schoolId: school.id, leadPersonId: lead.id, startedOn: '2026-01-01', note: '冬春季安全包抓' };
    expect(errorOf(await runner.run(fx.viewerAt(Role.SAFETY_OFFICE, school), CREATE, { input }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await runner.run(fx.viewerAt(Role.STAFF, section), CREATE, { input }))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('只有教育局安全管理员可以安排股室联校包抓'),
    });
    expect(errorOf(await runner.run(fx.admin, CREATE, { input: { ...input, sectionId: school.id } }))).toMatchObject({
      reason: 'INVALID_INPUT',
      fields: [{ field: 'sectionId', message: '县第一中学不是教育局直属的股室（科室）' }],
    });
    expect(errorOf(await runner.run(fx.admin, CREATE, { input: { ...input, schoolId: otherSection.id } }))).toMatchObject({
      fields: [{ field: 'schoolId', message: '教育股不是学校' }],
    });

    const created = (await runner.data(fx.admin, CREATE, { input })).createSectionPairing.sectionPairing;
    expect(created).toMatchObject({ version: 1, sectionName: '安全股', schoolName: '县第一中学', leadPersonName: '刘股长', startedOn: '2026-01-01', endedOn: null, active: true });
    expect(errorOf(await runner.run(fx.admin, CREATE, { input }))).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', message: expect.stringContaining('安全股已在包抓县第一中学') });
  });

  it('names the section on the school, the school on the section, and lists the schools left unpaired', async () => {
    const paired = await runner.data(fx.admin, PAIRED, { school: school.id, section: section.id });
    expect(paired).toEqual({ school: { pairedSections: [{ sectionName: '安全股', leadPersonName: '刘股长' }] }, section: { pairedSchools: [{ schoolName: '县第一中学' }] } });
    const asSchool = await runner.data(fx.viewerAt(Role.SAFETY_OFFICE, school), 'query($id: ID!) { orgUnit(id: $id) { pairedSections { sectionName } } }', { id: school.id });
    expect(asSchool.orgUnit.pairedSections).toEqual([{ sectionName: '安全股' }]);
    expect((await runner.data(fx.admin, UNPAIRED, { bureau: fx.root.id })).unpairedSchools).toEqual({ totalCount: 1, edges: [{ node: { code: 'SP-EZ' } }] });
    expect((await runner.data(fx.viewerAt(Role.STAFF, section), LIST, {})).sectionPairings.totalCount).toBe(1);
    expect((await runner.data(fx.viewerAt(Role.SAFETY_OFFICE, otherSchool), LIST, {})).sectionPairings.totalCount).toBe(0);
  });

  it('puts INSPECTOR at the paired school into the section member’s token, not at an unpaired school', async () => {
    const viewer = await signIn();
    expect(viewer.grants).toEqual([
      { role: Role.STAFF, unitId: section.id, path: section.path },
      { role: Role.INSPECTOR, unitId: school.id, path: school.path },
    ]);
    const visible = await runner.run(viewer, 'query($id: ID!) { orgUnit(id: $id) { name } }', { id: otherSchool.id });
    expect(visible.data?.orgUnit ?? null).toBeNull();
    const me = await runner.data(viewer, '{ me { grants { role } pairingGrants { id role orgUnit { code } } } }');
    expect(me.me).toEqual({ grants: [{ role: 'STAFF' }], pairingGrants: [{ id: null, role: 'INSPECTOR', orgUnit: { code: 'SP-YZ' } }] });
    // Not before the pairing starts (2026-01-01), and never for an account without a grant at the section.
    expect(await pairingGrantsOf(fx.db.dataSource.manager, sectionAccountId, '2025-12-31')).toEqual([]);
    expect(await pairingGrantsOf(fx.db.dataSource.manager, fx.admin.accountId)).toEqual([]);
  });

  it('refuses a stale version, keeps the history, and ends the pairing revoking the section’s tokens', async () => {
    const [current] = (await runner.data(fx.admin, 'query { sectionPairings(first: 1) { edges { node { id version } } } }')).sectionPairings.edges.map((edge: any) => edge.node);
    const edited = (await runner.data(fx.admin, EDIT, { input: { id: current.id, version: current.version, leadPersonId: null, note: '调整包抓领导' } })).editSectionPairing.sectionPairing;
    expect(edited).toMatchObject({ version: current.version + 1, leadPersonId: null, note: '调整包抓领导' });
    expect(edited.history.map((entry: any) => entry.action)).toEqual(['CREATED', 'EDITED']);
    expect(errorOf(await runner.run(fx.admin, EDIT, { input: { id: current.id, version: current.version, note: '旧版本' } }))).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(errorOf(await runner.run(fx.viewerAt(Role.SAFETY_OFFICE, school), END, { input: { id: current.id, version: edited.version } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await runner.run(fx.admin, END, { input: { id: current.id, version: edited.version, endedOn: '2099-01-01' } }))).toMatchObject({
      fields: [{ field: 'endedOn', message: '结束日期不能晚于今天' }],
    });

    const ended = (await runner.data(fx.admin, END, { input: { id: current.id, version: edited.version } })).endSectionPairing.sectionPairing;
    expect(ended).toMatchObject({ active: false, endedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(ended.history.map((entry: any) => entry.action)).toEqual(['CREATED', 'EDITED', 'ENDED']);
    expect(await revocations(sectionAccountId)).toEqual(['PAIRING_ENDED']);
    expect((await signIn()).grants).toEqual([{ role: Role.STAFF, unitId: section.id, path: section.path }]);
    expect(errorOf(await runner.run(fx.admin, END, { input: { id: current.id, version: ended.version } }))).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });
    expect((await runner.data(fx.admin, PAIRED, { school: school.id, section: section.id })).school.pairedSections).toEqual([]);
    expect((await runner.data(fx.admin, UNPAIRED, { bureau: fx.root.id })).unpairedSchools.totalCount).toBe(2);
    expect((await runner.data(fx.admin, LIST, { filter: { includeEnded: true } })).sectionPairings.totalCount).toBe(1);
  });
  it('gives nothing at a school once it has moved away from the pairing’s bureau', async () => {
    const county = await fx.createUnit(fx.root.id, 'SP-XJ', OrgUnitKind.BUREAU, '某县教育局');
    const countySection = await fx.createUnit(county.id, 'SP-XJ-AQG', OrgUnitKind.OFFICE, '县安全股');
    const countySchool = await fx.createUnit(county.id, 'SP-XJ-XX', OrgUnitKind.SCHOOL, '县实验小学');
    const accountId = (
      await runner.data(fx.admin, CREATE_ACCOUNT, { input: { username: 'sp.county', password: 'Campus@2026', grants: [{ role: 'STAFF', orgUnitId: countySection.id }] } })
    ).createAccount.account.id;
    await runner.data(fx.admin, CREATE, { input: { sectionId: countySection.id, schoolId: countySchool.id } });
    expect((await pairingGrantsOf(fx.db.dataSource.manager, accountId)).map((grant) => grant.unitId)).toEqual([countySchool.id]);

    await runner.data(fx.admin, 'mutation($input: MoveOrgUnitInput!) { moveOrgUnit(input: $input) { orgUnit { id } } }', {
      input: { id: countySchool.id, version: countySchool.version, newParentId: fx.root.id },
    });
    expect(await pairingGrantsOf(fx.db.dataSource.manager, accountId)).toEqual([]);
  });
});
