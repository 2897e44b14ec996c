import { Role, Viewer } from '@campus/auth';
import { calendarDateOf } from '@campus/graphql';
import { SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { BootstrapSettings } from '../accounts/bootstrap';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { RESPONSIBILITY_BOOTSTRAP, ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';
import { flagLettersForNewLeader } from './new-leader';
import { appointLeader, COVERAGE, CREATE, EXPIRE, ISSUE, LETTER, LETTERS, MOVE_UNIT, REVOKE, SIGN, UPDATE } from './letters-testing';

const BOOTSTRAP: BootstrapSettings = { ...RESPONSIBILITY_BOOTSTRAP, rootName: '汉阴县教体科技局' };

const THIS_YEAR = Number(calendarDateOf(new Date()).slice(0, 4));
const LAST_YEAR = THIS_YEAR - 1;
const NEXT_YEAR = THIS_YEAR + 1;

interface Letter {
  id: string;
  status: string;
  version: number;
  [field: string]: any;
}

const ITEMS = [
  { content: '落实校园安全“党政同责、一岗双责”，校长为第一责任人', weight: 20 },
  { content: '开展消防安全隐患排查，做到“一患、一案、一档”闭环整改' },
];

describe('responsibility-network: responsibility letters (integration)', () => {
  let fx: ResponsibilityFixture;
  let db: TestDatabase;
  let runner: SchemaRunner;
  let admin: Viewer;
  let root: Unit;
  let school1: Unit;
  let school2: Unit;
  let school3: Unit;
  let collegeA: Unit;
  let principal1: string;
  let principal2: string;
  let newPrincipal1: string;
  let deanA: string;
  let leader1: Viewer;
  let leader2: Viewer;
  let newLeader1: Viewer;
  let deanViewer: Viewer;
  /** Last year's letter to school 1, taken through its whole life. */
  let lifecycleLetter: Letter;

  function letterInput(issuer: Unit, recipient: Unit, recipientPersonId: string, overrides: Record<string, unknown> = {}) {
    return {
      issuerUnitId: issuer.id,
      recipientUnitId: recipient.id,
      recipientPersonId,
      year: THIS_YEAR,
      title: '全县教体系统冬春季安全稳定暨消防安全目标责任书',
      items: ITEMS,
      ...overrides,
    };
  }

  async function draft(viewer: Viewer, input: Record<string, unknown>): Promise<Letter> {
    return (await runner.data(viewer, CREATE, { input })).createResponsibilityLetter.responsibilityLetter;
  }

  async function issue(viewer: Viewer, letter: Letter): Promise<Letter> {
    return (await runner.data(viewer, ISSUE, { input: { id: letter.id, version: letter.version } })).issueResponsibilityLetter.responsibilityLetter;
  }

  async function sign(viewer: Viewer, letter: Letter): Promise<Letter> {
    return (await runner.data(viewer, SIGN, { input: { id: letter.id, version: letter.version } })).signResponsibilityLetter.responsibilityLetter;
  }

  async function coverage(issuer: Unit, year: number) {
    return (await runner.data(admin, COVERAGE, { issuerUnitId: issuer.id, year })).letterSigningCoverage;
  }

  function errorOf(result: { errors?: { message: string; extensions?: Record<string, any> }[] }) {
    return result.errors?.[0];
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('letters', BOOTSTRAP);
    db = fx.db;
    runner = fx.runner;
    admin = fx.admin;
    root = fx.root;

    school1 = await fx.createUnit(root.id, 'SCH01', OrgUnitKind.SCHOOL);
    school2 = await fx.createUnit(root.id, 'SCH02', OrgUnitKind.SCHOOL);
    school3 = await fx.createUnit(root.id, 'SCH03', OrgUnitKind.SCHOOL);
    collegeA = await fx.createUnit(school1.id, 'SCH01-A', OrgUnitKind.COLLEGE);
    principal1 = (await fx.createPerson(school1.id, '王校长')).id;
    newPrincipal1 = (await fx.createPerson(school1.id, '李校长')).id;
    principal2 = (await fx.createPerson(school2.id, '赵校长')).id;
    deanA = (await fx.createPerson(collegeA.id, '陈院长')).id;
    // The first responsible persons letters are addressed to; school 3 has none yet (李校长 takes over school 1 only by flagging below).
    await appointLeader(runner, admin, school1, principal1);
    await appointLeader(runner, admin, school2, principal2);
    await appointLeader(runner, admin, collegeA, deanA);
    leader1 = fx.viewerAt(Role.UNIT_LEADER, school1, principal1);
    newLeader1 = fx.viewerAt(Role.UNIT_LEADER, school1, newPrincipal1);
    leader2 = fx.viewerAt(Role.UNIT_LEADER, school2, principal2);
    deanViewer = fx.viewerAt(Role.UNIT_LEADER, collegeA, deanA);
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('drafts, edits, issues and has the recipient sign a letter, readable from both sides', async () => {
    const created = await draft(admin, letterInput(root, school1, principal1, { year: LAST_YEAR, items: [ITEMS[0]] }));
    expect(created).toMatchObject({
      year: LAST_YEAR,
      status: 'DRAFT',
      issuerUnitId: root.id,
      recipientUnitId: school1.id,
      recipientPersonId: principal1,
      needsResigning: false,
      issuedAt: null,
      signedAt: null,
      version: 1,
      items: [{ number: 1, content: ITEMS[0].content, weight: 20 }],
    });

    const updated = (
      await runner.data(admin, UPDATE, { input: { id: created.id, version: created.version, title: '年度安全目标责任书', items: ITEMS } })
    ).updateResponsibilityLetter.responsibilityLetter;
    expect(updated).toMatchObject({ title: '年度安全目标责任书', version: 2 });
    expect(updated.items).toEqual([
      { number: 1, content: ITEMS[0].content, weight: 20 },
      { number: 2, content: ITEMS[1].content, weight: null },
    ]);
    const stale = await runner.run(admin, UPDATE, { input: { id: created.id, version: created.version, title: '旧稿' } });
    expect(errorOf(stale)?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const issued = await issue(admin, updated);
    expect(issued).toMatchObject({ status: 'ISSUED', version: 3 });
    expect(issued.issuedAt).not.toBeNull();
    const editIssued = await runner.run(admin, UPDATE, { input: { id: issued.id, version: issued.version, title: '改' } });
    expect(errorOf(editIssued)?.extensions?.code).toBe('CONFLICT');
    expect(errorOf(editIssued)?.message).toContain('只有草稿状态的责任书可以修改');
    const issueAgain = await runner.run(admin, ISSUE, { input: { id: issued.id, version: issued.version } });
    expect(errorOf(issueAgain)?.extensions?.code).toBe('CONFLICT');

    const signed = (await runner.data(leader1, SIGN, { input: { id: issued.id, version: issued.version } })).signResponsibilityLetter
      .responsibilityLetter;
    expect(signed).toMatchObject({ status: 'SIGNED', signedByPersonId: principal1, signedBy: { id: principal1, name: '王校长' }, version: 4 });
    expect(signed.signedAt).not.toBeNull();
    const signAgain = await runner.run(leader1, SIGN, { input: { id: signed.id, version: signed.version } });
    expect(errorOf(signAgain)?.extensions?.code).toBe('CONFLICT');
    lifecycleLetter = signed;

    // The bureau sees everything; the school sees its own letter, and the issuer's name though the bureau is out of its scope.
    const asBureau = (await runner.data(admin, LETTER, { id: signed.id })).responsibilityLetter;
    expect(asBureau).toMatchObject({ issuer: { id: root.id }, recipient: { id: school1.id }, recipientPerson: { id: principal1 } });
    const asSchool = (await runner.data(leader1, LETTER, { id: signed.id })).responsibilityLetter;
    expect(asSchool).toMatchObject({ issuer: null, issuerName: BOOTSTRAP.rootName, recipient: { id: school1.id }, signedBy: { id: principal1 } });
    expect(asSchool.items).toHaveLength(2);
  });

  it('lets only the named recipient sign, and only an issued letter', async () => {
    const letter = await issue(admin, await draft(admin, letterInput(root, school2, principal2, { year: LAST_YEAR })));

    const byAdmin = await runner.run(admin, SIGN, { input: { id: letter.id, version: letter.version } });
    expect(byAdmin.data).toBeNull();
    expect(errorOf(byAdmin)?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(byAdmin)?.message).toBe('不能代他人签署责任书 (FORBIDDEN)');
    const sameUnitColleague = viewerWith('colleague', [[Role.UNIT_LEADER, school2.id, school2.path]], (await fx.createPerson(school2.id, '孙副校长')).id);
    expect(errorOf(await runner.run(sameUnitColleague, SIGN, { input: { id: letter.id, version: letter.version } }))?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const otherSchool = await runner.run(leader1, SIGN, { input: { id: letter.id, version: letter.version } });
    expect(errorOf(otherSchool)?.extensions?.code).toBe('NOT_FOUND');
    const stale = await runner.run(leader2, SIGN, { input: { id: letter.id, version: letter.version - 1 } });
    expect(errorOf(stale)?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: letter.version });

    const unissued = await draft(admin, letterInput(root, school2, principal2, { year: LAST_YEAR }));
    const signDraft = await runner.run(leader2, SIGN, { input: { id: unissued.id, version: unissued.version } });
    expect(errorOf(signDraft)?.extensions?.code).toBe('CONFLICT');
    expect(errorOf(signDraft)?.message).toBe('责任书尚未下达，不能签署 (CONFLICT)');

    // The recipient reads and signs the letter addressed to them even without a grant covering it.
    const personally = viewerWith('principal-2-personal', [], principal2);
    expect((await runner.data(personally, LETTER, { id: letter.id })).responsibilityLetter.id).toBe(letter.id);
    expect((await sign(leader2, letter)).status).toBe('SIGNED');
  });

  it('refuses letters that do not go down the tree, to anyone but the first responsible person, and from the wrong role', async () => {
    const toItself = await runner.run(admin, CREATE, { input: letterInput(school1, school1, principal1) });
    expect(errorOf(toItself)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'recipientUnitId' })] });
    const toSibling = await runner.run(admin, CREATE, { input: letterInput(school1, school2, principal2) });
    expect(errorOf(toSibling)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'recipientUnitId' })] });
    const upwards = await runner.run(admin, CREATE, { input: letterInput(school1, root, principal1) });
    expect(errorOf(upwards)?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongPerson = await runner.run(admin, CREATE, { input: letterInput(root, school1, principal2) });
    expect(errorOf(wrongPerson)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_FIRST_RESPONSIBLE_PERSON', field: 'recipientPersonId' });
    const blankItem = await runner.run(admin, CREATE, { input: letterInput(root, school1, principal1, { items: [ITEMS[0], { content: '  ' }] }) });
    expect(errorOf(blankItem)?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields: [{ field: 'items.1.content', message: '目标内容不能为空' }] });
    const tooLong = await runner.run(admin, CREATE, { input: letterInput(root, school1, principal1, { items: [{ content: '责'.repeat(501) }] }) });
    expect(errorOf(tooLong)?.extensions?.fields).toEqual([{ field: 'items.0.content', message: '目标内容最多 500 个字符' }]);

    const badYear = await runner.run(admin, CREATE, { input: letterInput(root, school1, principal1, { year: 1999 }) });
    expect(errorOf(badYear)?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields: [{ field: 'year', message: '年度不早于 2000' }] });

    const staff = viewerWith('staff', [[Role.STAFF, root.id, root.path]]);
    expect(errorOf(await runner.run(staff, CREATE, { input: letterInput(root, school1, principal1) }))?.extensions?.code).toBe('FORBIDDEN');
    const aboveOwnUnit = await runner.run(leader1, CREATE, { input: letterInput(root, school1, principal1) });
    expect(errorOf(aboveOwnUnit)?.extensions?.code).toBe('NOT_FOUND');
    const toOtherSchool = await runner.run(leader1, CREATE, { input: letterInput(school1, school2, principal2) });
    expect(errorOf(toOtherSchool)?.extensions?.code).toBe('NOT_FOUND');

    // A school's leader issues letters to its own colleges; an empty draft cannot go out.
    const empty = await draft(leader1, letterInput(school1, collegeA, deanA, { items: [] }));
    expect(empty).toMatchObject({ status: 'DRAFT', items: [] });
    const issueEmpty = await runner.run(leader1, ISSUE, { input: { id: empty.id, version: empty.version } });
    expect(errorOf(issueEmpty)?.extensions?.code).toBe('CONFLICT');
    expect(errorOf(issueEmpty)?.message).toContain('至少需要一项');
    const filled = (await runner.data(leader1, UPDATE, { input: { id: empty.id, version: empty.version, items: ITEMS } }))
      .updateResponsibilityLetter.responsibilityLetter;
    expect(filled).toMatchObject({ version: empty.version + 1, items: [{ number: 1 }, { number: 2 }] });
    const issued = await issue(leader1, filled);
    expect(issued.status).toBe('ISSUED');
    expect(errorOf(await runner.run(deanViewer, ISSUE, { input: { id: issued.id, version: issued.version } }))?.extensions?.code).toBe('FORBIDDEN');
    expect((await sign(deanViewer, issued)).signedByPersonId).toBe(deanA);
  });

  it('limits reading to the viewer scope on either side of the letter', async () => {
    expect(errorOf(await runner.run(leader2, LETTER, { id: lifecycleLetter.id }))?.extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await runner.run(deanViewer, LETTER, { id: lifecycleLetter.id }))?.extensions?.code).toBe('NOT_FOUND');

    const bySchool2 = (await runner.data(leader2, LETTERS, { filter: {} })).responsibilityLetters;
    expect(bySchool2.totalCount).toBe(2);
    expect(bySchool2.edges.every((edge: any) => edge.node.recipientPersonId === principal2)).toBe(true);

    const bySchool1 = (await runner.data(leader1, LETTERS, { filter: {} })).responsibilityLetters;
    expect(bySchool1.totalCount).toBe(2); // the bureau's letter to it and its own letter to college A
    const issuedBySchool1 = (await runner.data(leader1, LETTERS, { filter: { issuerUnitId: school1.id } })).responsibilityLetters;
    expect(issuedBySchool1.totalCount).toBe(1);

    const all = (await runner.data(admin, LETTERS, { filter: { year: LAST_YEAR, issuerUnitId: root.id } })).responsibilityLetters;
    expect(all.totalCount).toBe(3);
    const drafts = (await runner.data(admin, LETTERS, { filter: { status: 'DRAFT', recipientUnitId: school2.id } })).responsibilityLetters;
    expect(drafts.totalCount).toBe(1);
    const anonymous = await runner.run(null, LETTERS, { filter: {} });
    expect(errorOf(anonymous)?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('revokes an issued or signed letter from the issuer side with a reason', async () => {
    const letter = await issue(admin, await draft(admin, letterInput(root, school2, principal2)));
    const byRecipient = await runner.run(leader2, REVOKE, { input: { id: letter.id, version: letter.version, reason: '不想签' } });
    expect(errorOf(byRecipient)?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await runner.run(admin, REVOKE, { input: { id: letter.id, version: letter.version, reason: '' } });
    expect(errorOf(noReason)?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields: [{ field: 'reason', message: '撤销原因不能为空' }] });

    const revoked = (await runner.data(admin, REVOKE, { input: { id: letter.id, version: letter.version, reason: '目标内容调整，重新下达' } }))
      .revokeResponsibilityLetter.responsibilityLetter;
    expect(revoked).toMatchObject({ status: 'REVOKED', revokeReason: '目标内容调整，重新下达', version: letter.version + 1 });
    expect(revoked.revokedAt).not.toBeNull();
    const again = await runner.run(admin, REVOKE, { input: { id: revoked.id, version: revoked.version, reason: '再撤' } });
    expect(errorOf(again)?.extensions?.code).toBe('CONFLICT');
    const signRevoked = await runner.run(leader2, SIGN, { input: { id: revoked.id, version: revoked.version } });
    expect(errorOf(signRevoked)?.extensions?.code).toBe('CONFLICT');

    const draftOnly = await draft(admin, letterInput(root, school2, principal2));
    const revokeDraft = await runner.run(admin, REVOKE, { input: { id: draftOnly.id, version: draftOnly.version, reason: '草稿' } });
    expect(errorOf(revokeDraft)?.extensions?.code).toBe('CONFLICT');
  });

  it('shows which direct subordinates have signed, and asks a new leader to re-sign', async () => {
    const toSchool1 = await sign(leader1, await issue(admin, await draft(admin, letterInput(root, school1, principal1, { year: NEXT_YEAR }))));
    const toSchool2 = await issue(admin, await draft(admin, letterInput(root, school2, principal2, { year: NEXT_YEAR })));

    const before = await coverage(root, NEXT_YEAR);
    expect(before.units).toEqual([
      { orgUnit: { id: school1.id }, status: 'SIGNED', letterId: toSchool1.id },
      { orgUnit: { id: school2.id }, status: 'ISSUED', letterId: toSchool2.id },
      { orgUnit: { id: school3.id }, status: 'NOT_ISSUED', letterId: null },
    ]);
    expect(before.totals).toEqual({ units: 3, signed: 1, unsigned: 2 });

    // Last year's letter is left alone: only this year's and later letters follow the new leader.
    expect(await flagLettersForNewLeader(db.dataSource.manager, school1.id, newPrincipal1)).toBe(1);
    expect(await flagLettersForNewLeader(db.dataSource.manager, school1.id, newPrincipal1)).toBe(0);
    const past = (await runner.data(admin, LETTER, { id: lifecycleLetter.id })).responsibilityLetter;
    expect(past).toMatchObject({ recipientPersonId: principal1, needsResigning: false });

    const flagged = await coverage(root, NEXT_YEAR);
    expect(flagged.units[0]).toEqual({ orgUnit: { id: school1.id }, status: 'NEEDS_RESIGNING', letterId: toSchool1.id });
    expect(flagged.totals).toEqual({ units: 3, signed: 0, unsigned: 3 });
    const waiting = (await runner.data(admin, LETTERS, { filter: { needsResigning: true } })).responsibilityLetters;
    expect(waiting.edges.map((edge: any) => edge.node)).toEqual([
      { id: toSchool1.id, status: 'SIGNED', recipientPersonId: newPrincipal1, needsResigning: true },
    ]);

    const current = (await runner.data(admin, LETTER, { id: toSchool1.id })).responsibilityLetter;
    expect(current.version).toBe(toSchool1.version + 1);
    const oldLeader = await runner.run(leader1, SIGN, { input: { id: current.id, version: current.version } });
    expect(errorOf(oldLeader)?.extensions?.code).toBe('FORBIDDEN');
    const staleResign = await runner.run(newLeader1, SIGN, { input: { id: current.id, version: toSchool1.version } });
    expect(errorOf(staleResign)?.extensions?.code).toBe('CONFLICT');
    const resigned = await sign(newLeader1, current);
    expect(resigned).toMatchObject({ status: 'SIGNED', needsResigning: false, signedByPersonId: newPrincipal1, recipientPersonId: newPrincipal1 });

    const after = await coverage(root, NEXT_YEAR);
    expect(after.units.map((unit: any) => unit.status)).toEqual(['SIGNED', 'ISSUED', 'NOT_ISSUED']);
    expect(after.totals).toEqual({ units: 3, signed: 1, unsigned: 2 });

    // A school's coverage counts its colleges only; the bureau's coverage is out of a school's scope.
    const schoolView = (await runner.data(leader1, COVERAGE, { issuerUnitId: school1.id, year: THIS_YEAR })).letterSigningCoverage;
    expect(schoolView.units).toEqual([{ orgUnit: { id: collegeA.id }, status: 'SIGNED', letterId: expect.any(String) }]);
    const bureauView = await runner.run(leader1, COVERAGE, { issuerUnitId: root.id, year: NEXT_YEAR });
    expect(errorOf(bureauView)?.extensions?.code).toBe('NOT_FOUND');
  });

  it('expires the issued and signed letters of a year that has ended, and refuses a year still running', async () => {
    const notOver = await runner.run(admin, EXPIRE, { input: { issuerUnitId: root.id, year: THIS_YEAR } });
    expect(errorOf(notOver)?.extensions?.code).toBe('CONFLICT');
    const outOfScope = await runner.run(leader1, EXPIRE, { input: { issuerUnitId: root.id, year: LAST_YEAR } });
    expect(errorOf(outOfScope)?.extensions?.code).toBe('NOT_FOUND');

    const expired = (await runner.data(admin, EXPIRE, { input: { issuerUnitId: root.id, year: LAST_YEAR } })).expireResponsibilityLetters;
    // Last year: two signed letters expire; the draft stays a draft.
    expect(expired.expiredCount).toBe(2);
    expect(expired.responsibilityLetters.every((letter: any) => letter.status === 'EXPIRED' && letter.expiredAt)).toBe(true);
    expect(expired.responsibilityLetters.map((letter: any) => letter.id)).toContain(lifecycleLetter.id);
    const nothingLeft = (await runner.data(admin, EXPIRE, { input: { issuerUnitId: root.id, year: LAST_YEAR } })).expireResponsibilityLetters;
    expect(nothingLeft.expiredCount).toBe(0);

    const last = await coverage(root, LAST_YEAR);
    expect(last.units.map((unit: any) => unit.status)).toEqual(['EXPIRED', 'DRAFT', 'NOT_ISSUED']);
    expect(last.totals).toEqual({ units: 3, signed: 0, unsigned: 3 });
    const signExpired = await runner.run(leader1, SIGN, { input: { id: lifecycleLetter.id, version: lifecycleLetter.version + 1 } });
    expect(errorOf(signExpired)?.extensions?.code).toBe('CONFLICT');
  });

  it('will not issue a draft whose recipient has since moved out from under the issuer', async () => {
    const collegeC = await fx.createUnit(school1.id, 'SCH01-C', OrgUnitKind.COLLEGE);
    const deanC = (await fx.createPerson(collegeC.id, '周院长')).id;
    await appointLeader(runner, admin, collegeC, deanC);
    const letter = await draft(leader1, letterInput(school1, collegeC, deanC));
    await runner.data(admin, MOVE_UNIT, { input: { id: collegeC.id, newParentId: school2.id, version: collegeC.version } });

    const moved = await runner.run(leader1, ISSUE, { input: { id: letter.id, version: letter.version } });
    expect(errorOf(moved)?.extensions?.code).toBe('CONFLICT');
    expect(errorOf(moved)?.message).toContain('受领单位已不在发文单位之下');
  });

  it('records issue, sign, expiry and revocation in the outbox, keyed by the letter', async () => {
    const rows: { event_type: string; aggregate_id: string; payload: string; topic: string }[] = await db.dataSource.query(
      "SELECT event_type, aggregate_id, payload, topic FROM event_outbox WHERE event_type LIKE 'letter.%' ORDER BY id",
    );
    const ofLifecycle = rows.filter((row) => row.aggregate_id === lifecycleLetter.id);
    expect(ofLifecycle.map((row) => row.event_type)).toEqual(['letter.issued', 'letter.signed', 'letter.expired']);
    const facts = {
      id: lifecycleLetter.id,
      year: LAST_YEAR,
      title: '年度安全目标责任书',
      issuerUnitId: root.id,
      recipientUnitId: school1.id,
      recipientPath: school1.path,
    };
    expect(JSON.parse(ofLifecycle[0].payload)).toEqual({ ...facts, recipientPersonId: principal1 });
    expect(JSON.parse(ofLifecycle[1].payload)).toEqual({ ...facts, signedByPersonId: principal1, signedAt: lifecycleLetter.signedAt });
    expect(JSON.parse(ofLifecycle[2].payload)).toEqual(facts);
    expect(rows.every((row) => row.topic === 'campus.responsibility-network.events')).toBe(true);

    const counts = rows.reduce<Record<string, number>>((count, row) => ({ ...count, [row.event_type]: (count[row.event_type] ?? 0) + 1 }), {});
    // Issued: 2 last year, college A, the revoked one, 2 next year; signed: 4 signatures and 1 re-signing.
    expect(counts).toEqual({ 'letter.issued': 6, 'letter.signed': 5, 'letter.expired': 2, 'letter.revoked': 1 });
    const revoked = JSON.parse(rows.find((row) => row.event_type === 'letter.revoked')!.payload);
    expect(revoked.reason).toBe('目标内容调整，重新下达');
  });
});
