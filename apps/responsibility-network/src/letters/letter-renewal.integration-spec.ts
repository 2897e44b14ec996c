import { Role, Viewer } from '@campus/auth';
import { SchemaRunner, viewerWith } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';
import { appointLeader, COVERAGE, CREATE, ISSUE, LETTER, REVOKE_GRANT, SIGN } from './letters-testing';

const RENEW = `mutation($input: RenewResponsibilityLettersInput!) {
  renewResponsibilityLetters(input: $input) {
    responsibilityLetters { id year title status recipientUnitId recipientPersonId renewedFromId version items { number content weight } }
    skipped { recipientUnitId reason message }
  }
}`;
const ITEMS = [
  { content: '落实校长为学校安全工作第一责任人', weight: 50 },
  { content: '每月开展一次安全隐患排查', weight: 30 },
];

type Letter = { id: string; version: number };

/** 续签: next year's letters drafted from this year's, addressed to each unit's leader now. */
describe('responsibility-network: renewing responsibility letters for the next year (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let admin: Viewer;
  let root: Unit;
  let signedSchool: Unit;
  let issuedSchool: Unit;
  let leaderlessSchool: Unit;
  let draftSchool: Unit;
  let principal: Record<string, string>;
  let signed: Letter;
  let issued: Letter;
  let leaderlessGrant: string;

  const draft = async (recipient: Unit, year = 2025): Promise<Letter> =>
    (await runner.data(admin, CREATE, { input: { issuerUnitId: root.id, recipientUnitId: recipient.id, year, title: `${year}年度学校安全工作目标责任书`, items: ITEMS } }))
      .createResponsibilityLetter.responsibilityLetter;
  const issue = async (letter: Letter): Promise<Letter> =>
    (await runner.data(admin, ISSUE, { input: { id: letter.id, version: letter.version } })).issueResponsibilityLetter.responsibilityLetter;

  beforeAll(async () => {
    fx = await startResponsibilityFixture('letter_renewal');
    ({ runner, admin, root } = fx);
    signedSchool = await fx.createUnit(root.id, 'RNW1', OrgUnitKind.SCHOOL);
    issuedSchool = await fx.createUnit(root.id, 'RNW2', OrgUnitKind.SCHOOL);
    leaderlessSchool = await fx.createUnit(root.id, 'RNW3', OrgUnitKind.SCHOOL);
    draftSchool = await fx.createUnit(root.id, 'RNW4', OrgUnitKind.SCHOOL);
    principal = {};
    for (const school of [signedSchool, issuedSchool, leaderlessSchool, draftSchool]) principal[school.code] = (await fx.createPerson(school.id, `${school.code}校长`)).id;
    await appointLeader(runner, admin, signedSchool, principal.RNW1);
    await appointLeader(runner, admin, issuedSchool, principal.RNW2);
    leaderlessGrant = (await appointLeader(runner, admin, leaderlessSchool, principal.RNW3)).grantId;
    await appointLeader(runner, admin, draftSchool, principal.RNW4);

    issued = await issue(await draft(signedSchool));
    const leader = viewerWith('rnw1-leader', [[Role.UNIT_LEADER, signedSchool.id, signedSchool.path]], principal.RNW1);
    signed = (await runner.data(leader, SIGN, { input: { id: issued.id, version: issued.version } })).signResponsibilityLetter.responsibilityLetter;
    issued = await issue(await draft(issuedSchool));
    await issue(await draft(leaderlessSchool));
    await draft(draftSchool); // a draft of 2025 is not renewed: it never went out
    await runner.data(admin, REVOKE_GRANT, { id: leaderlessGrant });
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it("drafts next year's letters with the same targets, the title's year moved on, addressed to each leader; skips units with no leader", async () => {
    const result = (await runner.data(admin, RENEW, { input: { issuerUnitId: root.id, fromYear: 2025 } })).renewResponsibilityLetters;
    const byUnit = Object.fromEntries(result.responsibilityLetters.map((letter: { recipientUnitId: string }) => [letter.recipientUnitId, letter]));
    expect(Object.keys(byUnit).sort()).toEqual([signedSchool.id, issuedSchool.id].sort());
    expect(byUnit[signedSchool.id]).toMatchObject({
      year: 2026,
      title: '2026年度学校安全工作目标责任书',
      status: 'DRAFT',
      recipientPersonId: principal.RNW1,
      renewedFromId: signed.id,
      items: [
        { number: 1, content: ITEMS[0].content, weight: 50 },
        { number: 2, content: ITEMS[1].content, weight: 30 },
      ],
    });
    expect(byUnit[issuedSchool.id]).toMatchObject({ recipientPersonId: principal.RNW2, renewedFromId: issued.id });
    expect(result.skipped).toEqual([{ recipientUnitId: leaderlessSchool.id, reason: 'NO_FIRST_RESPONSIBLE_PERSON', message: expect.stringContaining('尚未确定第一责任人') }]);
    // The renewed letter reads like any draft, and the old one is untouched.
    expect((await runner.data(admin, LETTER, { id: signed.id })).responsibilityLetter).toMatchObject({ year: 2025, status: 'SIGNED' });
  });

  it('creates nothing twice: a second renewal skips every unit that already has a letter for the new year', async () => {
    const again = (await runner.data(admin, RENEW, { input: { issuerUnitId: root.id, fromYear: 2025, recipientUnitIds: [signedSchool.id, issuedSchool.id] } }))
      .renewResponsibilityLetters;
    expect(again.responsibilityLetters).toEqual([]);
    expect(again.skipped.map((skip: { reason: string }) => skip.reason)).toEqual(['ALREADY_EXISTS', 'ALREADY_EXISTS']);
  });

  it("refuses callers without the issuer's letter role (FORBIDDEN) and issuers outside scope (NOT_FOUND)", async () => {
    const schoolLeader = viewerWith('rnw2-leader', [[Role.UNIT_LEADER, issuedSchool.id, issuedSchool.path]], principal.RNW2);
    expect((await runner.run(schoolLeader, RENEW, { input: { issuerUnitId: root.id, fromYear: 2025 } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const staff = viewerWith('rnw-staff', [[Role.STAFF, root.id, root.path]]);
    expect((await runner.run(staff, RENEW, { input: { issuerUnitId: root.id, fromYear: 2025 } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badYear = await runner.run(admin, RENEW, { input: { issuerUnitId: root.id, fromYear: 1999 } });
    expect(badYear.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'fromYear' })] });
  });

  it("leaves the issuer's own offices (a bureau's 安全股) out of its signing coverage", async () => {
    const section = await fx.createUnit(root.id, 'RNW-AQG', OrgUnitKind.OFFICE, '安全股');
    const coverage = (await runner.data(admin, COVERAGE, { issuerUnitId: root.id, year: 2026 })).letterSigningCoverage;
    const listed = coverage.units.map((unit: { orgUnit: { id: string } }) => unit.orgUnit.id);
    expect(listed).toEqual(expect.arrayContaining([signedSchool.id, issuedSchool.id, leaderlessSchool.id, draftSchool.id]));
    expect(listed).not.toContain(section.id);
    expect(coverage.totals.units).toBe(4);
  });
});
