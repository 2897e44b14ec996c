import { Role, Viewer } from '@campus/auth';
import { calendarDateOf } from '@campus/graphql';
import { SchemaRunner, viewerWith } from '@campus/testing';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';
import { appointLeader, COVERAGE, CREATE, DELETE, GRANT, ISSUE, LETTER, REVOKE_GRANT, SIGN, UPDATE } from './letters-testing';

const YEAR = Number(calendarDateOf(new Date()).slice(0, 4));
const ITEMS = [{ content: '落实校长为学校安全工作第一责任人', weight: 50 }];
const FIRST_RESPONSIBLE = `query($rootId: ID!) {
  orgUnits(filter: { rootId: $rootId }, first: 50) { edges { node { code firstResponsiblePerson { id name } } } }
}`;

type Letter = { id: string; version: number; status: string; recipientPersonId: string; needsResigning: boolean };
type GraphQLError = { message: string; extensions?: Record<string, unknown> };

/** 第一责任人: letters are signed by the recipient unit's UNIT_LEADER, follow a change of leader; drafts can be deleted. */
describe('responsibility-network: letters signed by the first responsible person (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let admin: Viewer;
  let root: Unit;
  let school1: Unit;
  let school2: Unit;
  let school3: Unit;
  let principal1: string;
  let safetyDirector1: string;
  let principal2: string;
  let leader1GrantId: string;

  const letterInput = (recipient: Unit, overrides: Record<string, unknown> = {}) => ({
    issuerUnitId: root.id, recipientUnitId: recipient.id, year: YEAR, title: '学校安全工作目标责任书', items: ITEMS, ...overrides,
  });
  const draft = async (input: Record<string, unknown>): Promise<Letter> => (await runner.data(admin, CREATE, { input })).createResponsibilityLetter.responsibilityLetter;
  const issue = async (letter: Letter): Promise<Letter> =>
    (await runner.data(admin, ISSUE, { input: { id: letter.id, version: letter.version } })).issueResponsibilityLetter.responsibilityLetter;
  const letterById = async (id: string): Promise<Letter> => (await runner.data(admin, LETTER, { id })).responsibilityLetter;
  const errorOf = (result: { errors?: readonly GraphQLError[] }) => result.errors?.[0];
  const coverageOf = async (unit: Unit) =>
    (await runner.data(admin, COVERAGE, { issuerUnitId: root.id, year: YEAR })).letterSigningCoverage.units.find((row: any) => row.orgUnit.id === unit.id);

  beforeAll(async () => {
    fx = await startResponsibilityFixture('letters_signer');
    ({ runner, admin, root } = fx);
    school1 = await fx.createUnit(root.id, 'FRP1', OrgUnitKind.SCHOOL);
    school2 = await fx.createUnit(root.id, 'FRP2', OrgUnitKind.SCHOOL);
    school3 = await fx.createUnit(root.id, 'FRP3', OrgUnitKind.SCHOOL);
    principal1 = (await fx.createPerson(school1.id, '王校长')).id;
    safetyDirector1 = (await fx.createPerson(school1.id, '刘主任', { position: '安全办主任' })).id;
    principal2 = (await fx.createPerson(school2.id, '赵校长')).id;
    leader1GrantId = (await appointLeader(runner, admin, school1, principal1)).grantId;
    await appointLeader(runner, admin, school2, principal2);
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('addresses a letter to the unit leader without being told, and refuses a letter addressed to anyone else', async () => {
    const resolved = await draft(letterInput(school1));
    expect(resolved).toMatchObject({ status: 'DRAFT', recipientPersonId: principal1 });
    expect((await draft(letterInput(school1, { recipientPersonId: principal1 }))).recipientPersonId).toBe(principal1);

    const toSafetyDirector = await runner.run(admin, CREATE, { input: letterInput(school1, { recipientPersonId: safetyDirector1 }) });
    expect(toSafetyDirector.data).toBeNull();
    expect(errorOf(toSafetyDirector)).toMatchObject({
      message: expect.stringContaining('责任书的签署人必须是FRP1的第一责任人'),
      extensions: { code: 'CONFLICT', reason: 'NOT_FIRST_RESPONSIBLE_PERSON', field: 'recipientPersonId', orgUnitId: school1.id },
    });
    const editedToDirector = await runner.run(admin, UPDATE, { input: { id: resolved.id, version: resolved.version, recipientPersonId: safetyDirector1 } });
    expect(errorOf(editedToDirector)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_FIRST_RESPONSIBLE_PERSON' });

    // Moving a draft to another school re-addresses it to that school's leader.
    const moved = (await runner.data(admin, UPDATE, { input: { id: resolved.id, version: resolved.version, recipientUnitId: school2.id } }))
      .updateResponsibilityLetter.responsibilityLetter;
    expect(moved).toMatchObject({ recipientUnitId: school2.id, recipientPersonId: principal2 });
  });

  it('refuses a letter to a unit with no first responsible person, when drafted and when issued', async () => {
    const noLeader = await runner.run(admin, CREATE, { input: letterInput(school3) });
    expect(errorOf(noLeader)).toMatchObject({
      message: expect.stringContaining('FRP3尚未确定第一责任人'),
      extensions: { code: 'CONFLICT', reason: 'NO_FIRST_RESPONSIBLE_PERSON', orgUnitId: school3.id },
    });

    // School 3 gets a leader, a draft is made, then the grant is taken away before it goes out.
    const principal3 = (await fx.createPerson(school3.id, '孙校长')).id;
    const { grantId } = await appointLeader(runner, admin, school3, principal3);
    const letter = await draft(letterInput(school3));
    expect(letter.recipientPersonId).toBe(principal3);
    await runner.data(admin, REVOKE_GRANT, { id: grantId });
    const issued = await runner.run(admin, ISSUE, { input: { id: letter.id, version: letter.version } });
    expect(errorOf(issued)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_FIRST_RESPONSIBLE_PERSON' });
    expect((await letterById(letter.id)).status).toBe('DRAFT');
  });

  it('re-addresses the open letters to a new leader on the grant: drafts follow, letters in force wait for re-signing', async () => {
    const signed = await issue(await draft(letterInput(school1, { title: '年度责任书' })));
    const signedByPrincipal = (await runner.data(viewerWith('p1', [], principal1), SIGN, { input: { id: signed.id, version: signed.version } }))
      .signResponsibilityLetter.responsibilityLetter;
    expect(signedByPrincipal.status).toBe('SIGNED');
    const pending = await draft(letterInput(school1, { title: '寒假安全专项责任书' }));

    // 刘主任 becomes the principal: an account of theirs is granted UNIT_LEADER at school 1.
    const account = (await runner.data(admin, 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
      input: { username: 'new-principal', password: 'Leader@2026!x', personId: safetyDirector1, grants: [{ role: 'STAFF', orgUnitId: school1.id }] },
    })).createAccount.account;
    await runner.data(admin, GRANT, { input: { accountId: account.id, role: 'UNIT_LEADER', orgUnitId: school1.id } });

    expect(await letterById(pending.id)).toMatchObject({ status: 'DRAFT', recipientPersonId: safetyDirector1, needsResigning: false });
    expect(await letterById(signed.id)).toMatchObject({ status: 'SIGNED', recipientPersonId: safetyDirector1, needsResigning: true });
    expect(await coverageOf(school1)).toMatchObject({ status: 'DRAFT' });

    // The old principal's grant is taken away too; the draft goes out to the new one, who re-signs the annual letter.
    await runner.data(admin, REVOKE_GRANT, { id: leader1GrantId });
    expect((await issue(await letterById(pending.id))).recipientPersonId).toBe(safetyDirector1);
    const current = await letterById(signed.id);
    const oldPrincipal = await runner.run(viewerWith('p1', [[Role.STAFF, school1.id, school1.path]], principal1), SIGN, { input: { id: current.id, version: current.version } });
    expect(errorOf(oldPrincipal)?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_THE_NAMED_PERSON' });
    const newPrincipal = viewerWith(account.id, [[Role.UNIT_LEADER, school1.id, school1.path]], safetyDirector1);
    const resigned = (await runner.data(newPrincipal, SIGN, { input: { id: current.id, version: current.version } })).signResponsibilityLetter.responsibilityLetter;
    expect(resigned).toMatchObject({ status: 'SIGNED', needsResigning: false, signedByPersonId: safetyDirector1 });
  });

  it('gives the letters back to the earlier leader when the newer leader grant is revoked', async () => {
    const letter = await issue(await draft(letterInput(school2, { title: '二校年度责任书' })));
    expect(letter.recipientPersonId).toBe(principal2);
    const acting = (await fx.createPerson(school2.id, '代理校长')).id;
    const { grantId } = await appointLeader(runner, admin, school2, acting);
    expect(await letterById(letter.id)).toMatchObject({ recipientPersonId: acting, needsResigning: true });

    await runner.data(admin, REVOKE_GRANT, { id: grantId });
    expect(await letterById(letter.id)).toMatchObject({ status: 'ISSUED', recipientPersonId: principal2, needsResigning: true });
  });

  it('deletes a draft as if it had never been drawn up, and nothing else', async () => {
    const before = await coverageOf(school2);
    const letter = await draft(letterInput(school2, { year: YEAR, title: '误建的草稿' }));
    expect((await coverageOf(school2)).status).toBe('DRAFT');

    const principal = viewerWith('p2', [[Role.UNIT_LEADER, school2.id, school2.path]], principal2);
    const byRecipient = await runner.run(principal, DELETE, { input: { id: letter.id, version: letter.version } });
    expect(errorOf(byRecipient)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const stale = await runner.run(admin, DELETE, { input: { id: letter.id, version: letter.version + 1 } });
    expect(errorOf(stale)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    expect((await runner.data(admin, DELETE, { input: { id: letter.id, version: letter.version } })).deleteResponsibilityLetter).toEqual({ id: letter.id });
    expect(errorOf(await runner.run(admin, LETTER, { id: letter.id }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await coverageOf(school2)).toEqual(before);
    expect(await fx.db.dataSource.query('SELECT COUNT(*) AS n FROM responsibility_letter_item WHERE letter_id = ?', [letter.id])).toEqual([{ n: '0' }]);

    const issued = await issue(await draft(letterInput(school2, { title: '已下达的责任书' })));
    const deleteIssued = await runner.run(admin, DELETE, { input: { id: issued.id, version: issued.version } });
    expect(errorOf(deleteIssued)).toMatchObject({
      message: expect.stringContaining('只有草稿状态的责任书可以删除'),
      extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', status: 'ISSUED' },
    });
    expect((await letterById(issued.id)).status).toBe('ISSUED');
  });

  it("reads every school's 第一责任人 in one query, with one statement for all the units", async () => {
    const query = jest.spyOn(MysqlQueryRunner.prototype, 'query');
    try {
      const edges = (await runner.data(admin, FIRST_RESPONSIBLE, { rootId: root.id })).orgUnits.edges;
      const byCode = Object.fromEntries(edges.map((edge: any) => [edge.node.code, edge.node.firstResponsiblePerson]));
      expect(byCode).toMatchObject({
        FRP1: { id: safetyDirector1, name: '刘主任' },
        FRP2: { id: principal2, name: '赵校长' },
        FRP3: null,
      });
      const grantStatements = query.mock.calls.filter(([sql]) => String(sql).includes('role_grant'));
      expect(grantStatements).toHaveLength(1);
      const personStatements = query.mock.calls.filter(([sql]) => /FROM `person`/.test(String(sql)));
      expect(personStatements).toHaveLength(1);
    } finally {
      query.mockRestore();
    }

    // Scoped as the units and people are: a school sees its own leader, not the other schools.
    const school2Staff = viewerWith('s2-staff', [[Role.UNIT_LEADER, school2.id, school2.path]], principal2);
    const own = (await runner.data(school2Staff, FIRST_RESPONSIBLE, { rootId: school2.id })).orgUnits.edges;
    expect(own.map((edge: any) => edge.node)).toEqual([{ code: 'FRP2', firstResponsiblePerson: { id: principal2, name: '赵校长' } }]);
    expect(errorOf(await runner.run(school2Staff, FIRST_RESPONSIBLE, { rootId: school1.id }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
