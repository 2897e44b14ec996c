import { Role } from '@campus/auth';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { Workbook } from 'exceljs';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { PEOPLE_MODULE } from '../people/people.module';
import { buildEducationSchema } from '../service';
import { QUIZZES_MODULE } from './quizzes.module';

/** Only this area's tables and resolvers, so the other areas' work in progress cannot break these tests. */
const MODULES = [QUIZZES_MODULE, PEOPLE_MODULE, ORG_PROJECTION_MODULE];

const PATHS = {
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  collegeb: '/bureau/school/collegeb/',
  other: '/bureau/other/',
};

const HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析'];
const GOOD_ROWS = [
  ['单选', '发现火情首先应拨打的报警电话是', '110', '119', '120', '122', '', '', 'B', '火警电话 119'],
  ['多选', '使用灭火器的正确做法有', '拔掉保险销', '对准火焰根部', '站在下风方向', '压下压把', '', '', 'ABD', ''],
  ['判断', '楼道内可以给电动自行车充电', '', '', '', '', '', '', '错误', '严禁楼道充电'],
  ['单选', '被困火场时应', '乘电梯逃生', '用湿毛巾捂住口鼻低姿撤离', '跳楼', '躲进衣柜', '', '', 'B', ''],
];

async function sheet(rows: string[][]): Promise<string> {
  const workbook = new Workbook();
  const worksheet = workbook.addWorksheet('题目');
  worksheet.addRow(HEADER);
  for (const row of rows) worksheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const BANK = 'mutation($input: CreateQuizBankInput!) { createQuizBank(input: $input) { quizBank { id topic } } }';
const IMPORT = `mutation($input: ImportQuizQuestionsInput!) { importQuizQuestions(input: $input) { imported totalRows added rejectedRows { row reasons } } }`;
const BANK_QUESTIONS = 'query($id: ID!) { quizBank(id: $id) { questionCount questions { seq kind stem options { key text } answer } } }';
const CREATE_QUIZ = 'mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id version status audienceKinds audienceUnits { id } } } }';
const PUBLISH = 'mutation($input: PublishQuizInput!) { publishQuiz(input: $input) { quiz { id status publishedAt version } } }';
const ATTEMPT_FIELDS = 'id attemptNo deadline submittedAt score passed correctCount questions { seq kind stem options { key text } } review { seq chosen correct isCorrect }';
const START = `mutation($input: StartQuizAttemptInput!) { startQuizAttempt(input: $input) { attempt { ${ATTEMPT_FIELDS} } } }`;
const SUBMIT = `mutation($input: SubmitQuizAttemptInput!) { submitQuizAttempt(input: $input) { attempt { ${ATTEMPT_FIELDS} } } }`;
const RESULTS = `query($quizId: ID!) { quizResults(quizId: $quizId) {
  total { audienceCount attemptedCount passedCount passRate averageScore } rows { orgUnit { id } audienceCount attemptedCount passedCount passRate } } }`;
const PASS_RATE = `query($r: [_Any!]!, $quizId: ID!) { _entities(representations: $r) { ... on OrgUnit { id quizPassRate(quizId: $quizId) { audienceCount passedCount passRate } } } }`;

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'pofficera');
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]], 'pofficerb');
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'poffice');
const staffA1 = viewerWith('staff-a1', [[Role.STAFF, 'collegea', PATHS.collegea]], 'pstaffa1');
const staffA2 = viewerWith('staff-a2', [[Role.STAFF, 'collegea', PATHS.collegea]], 'pstaffa2');
const studentA = viewerWith('student-a', [[Role.STAFF, 'collegea', PATHS.collegea]], 'pstudenta');
const outsider = viewerWith('outsider', [[Role.STAFF, 'other', PATHS.other]], 'poutsider');
const unlinked = viewerWith('unlinked', [[Role.STAFF, 'collegea', PATHS.collegea]]);

describe('education-drills: quizzes 应知应会 (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let now = new Date('2026-11-09T01:00:00Z');
  const at = (iso: string) => (now = new Date(iso));

  beforeAll(async () => {
    db = await createServiceTestDatabase('quizzes', MODULES);
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, { now: () => now }, MODULES));
    const people = [
      ['pofficera', '张伟', 'STAFF', 'collegea'],
      ['pofficerb', '刘洋', 'STAFF', 'collegeb'],
      ['poffice', '王建国', 'STAFF', 'school'],
      ['pstaffa1', '周强', 'STAFF', 'collegea'],
      ['pstaffa2', '陈静', 'STAFF', 'collegea'],
      ['pstudenta', '李同学', 'STUDENT', 'collegea'],
      ['pstaffb', '孙丽', 'STAFF', 'collegeb'],
      ['pgone', '已离职', 'STAFF', 'collegea'],
      ['poutsider', '赵刚', 'STAFF', 'other'],
    ];
    for (const [id, name, kind, unit] of people) {
      await db.dataSource.query('INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES (?, ?, ?, ?, ?, ?)', [
        id, name, kind, unit, PATHS[unit as keyof typeof PATHS], id !== 'pgone',
      ]);
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function bankWithQuestions(viewer = officerA, unit = 'collegea'): Promise<string> {
    const bank = (await runner.data(viewer, BANK, { input: { orgUnitId: unit, name: '消防安全应知应会', topic: '消防' } })).createQuizBank.quizBank;
    const report = (await runner.data(viewer, IMPORT, { input: { bankId: bank.id, contentBase64: await sheet(GOOD_ROWS) } })).importQuizQuestions;
    expect(report).toEqual({ imported: true, totalRows: 4, added: 4, rejectedRows: [] });
    return bank.id;
  }

  async function publishedQuiz(bankId: string, overrides: Record<string, unknown> = {}) {
    const input = {
      orgUnitId: 'collegea', bankId, title: '消防安全应知应会测试', questionCount: 4, passMark: 75, timeLimitMinutes: 20,
      opensAt: '2026-11-09T00:00:00Z', closesAt: '2026-11-16T00:00:00Z', audienceUnitIds: ['collegea'], audienceKinds: ['STAFF'], ...overrides,
    };
    const draft = (await runner.data(officerA, CREATE_QUIZ, { input })).createQuiz.quiz;
    return (await runner.data(officerA, PUBLISH, { input: { id: draft.id, version: draft.version } })).publishQuiz.quiz;
  }

  /** The right answers, read from the stored key (as a test only can). */
  async function rightAnswers(quizId: string) {
    const items: { seq: number; answer: string }[] = await db.dataSource.query('SELECT seq, answer FROM quiz_item WHERE quiz_id = ? ORDER BY seq', [quizId]);
    return items.map((item) => ({ seq: item.seq, choices: item.answer.split('') }));
  }

  it('imports a bank all or nothing, naming every rejected row with its reasons', async () => {
    const bank = (await runner.data(officerA, BANK, { input: { orgUnitId: 'collegea', name: '交通安全', topic: '交通' } })).createQuizBank.quizBank;
    const bad = [
      GOOD_ROWS[0],
      ['填空', '题型不对', '', '', '', '', '', '', 'A', ''],
      ['单选', '答案不在选项中', '甲', '乙', '', '', '', '', 'C', ''],
      ['多选', '多选只有一个答案', '甲', '乙', '丙', '', '', '', 'A', ''],
      ['判断', '判断题答案', '', '', '', '', '', '', '也许', ''],
      GOOD_ROWS[0],
    ];
    const report = (await runner.data(officerA, IMPORT, { input: { bankId: bank.id, contentBase64: await sheet(bad) } })).importQuizQuestions;
    expect(report.imported).toBe(false);
    expect(report.added).toBe(0);
    expect(report.rejectedRows.map((row: any) => row.row)).toEqual([3, 4, 5, 6, 7]);
    expect(report.rejectedRows[0].reasons[0]).toContain('题型"填空"无效');
    expect(report.rejectedRows[1].reasons).toContain('答案"C"不在选项中');
    expect(report.rejectedRows[2].reasons).toContain('多选题至少要有两个正确答案');
    expect(report.rejectedRows[4].reasons).toContain('题干与第 2 行重复');
    expect((await runner.data(officerA, BANK_QUESTIONS, { id: bank.id })).quizBank.questionCount).toBe(0);

    const dryRun = (await runner.data(officerA, IMPORT, { input: { bankId: bank.id, contentBase64: await sheet(GOOD_ROWS), dryRun: true } })).importQuizQuestions;
    expect(dryRun).toMatchObject({ imported: false, added: 0, rejectedRows: [] });
    await runner.data(officerA, IMPORT, { input: { bankId: bank.id, contentBase64: await sheet(GOOD_ROWS) } });
    const questions = (await runner.data(officerA, BANK_QUESTIONS, { id: bank.id })).quizBank.questions;
    expect(questions[1]).toMatchObject({ seq: 2, kind: 'MULTIPLE', answer: ['A', 'B', 'D'] });
    expect(questions[2]).toMatchObject({ kind: 'TRUE_FALSE', options: [{ key: 'A', text: '正确' }, { key: 'B', text: '错误' }], answer: ['B'] });
    const again = (await runner.data(officerA, IMPORT, { input: { bankId: bank.id, contentBase64: await sheet(GOOD_ROWS.slice(0, 1)) } })).importQuizQuestions;
    expect(again.rejectedRows).toEqual([{ row: 2, reasons: ['题库中已有相同题干的题目'] }]);

    const garbage = await runner.run(officerA, IMPORT, { input: { bankId: bank.id, contentBase64: Buffer.from('not excel').toString('base64') } });
    expect(garbage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
  });

  it('keeps banks to their unit managers: staff FORBIDDEN, another college NOT_FOUND', async () => {
    const bankId = await bankWithQuestions();
    const staff = await runner.run(staffA1, BANK, { input: { orgUnitId: 'collegea', name: '教职工的题库', topic: '消防' } });
    expect(staff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const staffReads = await runner.run(staffA1, BANK_QUESTIONS, { id: bankId });
    expect(staffReads.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherCollege = await runner.run(officerB, IMPORT, { input: { bankId, contentBase64: await sheet(GOOD_ROWS) } });
    expect(otherCollege.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect((await runner.run(officerB, BANK_QUESTIONS, { id: bankId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.data(office, BANK_QUESTIONS, { id: bankId })).quizBank.questionCount).toBe(4);
  });

  it('checks a quiz before creating it and fixes its questions when publishing', async () => {
    const bankId = await bankWithQuestions();
    const base = { orgUnitId: 'collegea', bankId, title: '测验', passMark: 60, timeLimitMinutes: 10, opensAt: '2026-11-09T00:00:00Z', audienceKinds: ['STAFF'] };
    const wrong = await runner.run(office, CREATE_QUIZ, {
      input: { ...base, questionCount: 9, closesAt: '2026-11-08T00:00:00Z', audienceUnitIds: ['school'] },
    });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = wrong.errors?.[0].extensions?.fields as { field: string }[];
    expect(fields.map((field) => field.field).sort()).toEqual(['audienceUnitIds', 'closesAt', 'closesAt', 'questionCount']);
    expect((await runner.run(officerA, CREATE_QUIZ, { input: { ...base, questionCount: 2, closesAt: '2026-11-20T00:00:00Z', audienceUnitIds: ['collegeb'] } }))
      .errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const quiz = await publishedQuiz(bankId, { questionCount: 3 });
    expect(quiz).toMatchObject({ status: 'PUBLISHED', version: 2 });
    const fixed = await db.dataSource.query('SELECT seq, stem, answer FROM quiz_item WHERE quiz_id = ? ORDER BY seq', [quiz.id]);
    expect(fixed).toHaveLength(3);
    await db.dataSource.query("UPDATE quiz_bank_question SET answer = 'A' WHERE bank_id = ?", [bankId]);
    expect(await db.dataSource.query('SELECT seq, stem, answer FROM quiz_item WHERE quiz_id = ? ORDER BY seq', [quiz.id])).toEqual(fixed);
    const twice = await runner.run(officerA, PUBLISH, { input: { id: quiz.id, version: 2 } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
  });

  it('lets a person of the audience take it once, grades it here, and shows the key only after submitting', async () => {
    at('2026-11-10T02:00:00Z');
    const bankId = await bankWithQuestions();
    const quiz = await publishedQuiz(bankId);
    const attempt = (await runner.data(staffA1, START, { input: { quizId: quiz.id } })).startQuizAttempt.attempt;
    expect(attempt).toMatchObject({ attemptNo: 1, deadline: '2026-11-10T02:20:00.000Z', submittedAt: null, score: null, review: null });
    expect(attempt.questions).toHaveLength(4);
    expect(JSON.stringify(attempt)).not.toContain('"answer"');
    const keyField = await runner.run(staffA1, 'query($id: ID!) { quizAttempt(id: $id) { questions { seq answer } } }', { id: attempt.id });
    expect(keyField.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const bank = await runner.run(staffA1, BANK_QUESTIONS, { id: bankId });
    expect(bank.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A reload gives back the attempt in progress, not a second one.
    expect((await runner.data(staffA1, START, { input: { quizId: quiz.id } })).startQuizAttempt.attempt.id).toBe(attempt.id);

    const answers = await rightAnswers(quiz.id);
    answers[0].choices = answers[0].choices[0] === 'A' ? ['B'] : ['A'];
    at('2026-11-10T02:15:00Z');
    const submitted = (await runner.data(staffA1, SUBMIT, { input: { attemptId: attempt.id, answers } })).submitQuizAttempt.attempt;
    expect(submitted).toMatchObject({ correctCount: 3, score: 75, passed: true, submittedAt: '2026-11-10T02:15:00.000Z' });
    expect(submitted.review[0]).toMatchObject({ seq: 1, isCorrect: false, chosen: answers[0].choices });
    expect(submitted.review.slice(1).every((item: any) => item.isCorrect)).toBe(true);
    const [event] = await db.dataSource.query("SELECT aggregate_id, payload FROM event_outbox WHERE event_type = 'quiz.passed'");
    expect(event.aggregate_id).toBe(attempt.id);
    expect(JSON.parse(event.payload)).toMatchObject({ quizId: quiz.id, personId: 'pstaffa1', orgUnitId: 'collegea', topic: '消防', score: 75 });

    const listed = (await runner.data(staffA1, '{ myQuizzes { id myAttempts { id score } } }')).myQuizzes;
    expect(listed.find((entry: any) => entry.id === quiz.id).myAttempts).toEqual([{ id: attempt.id, score: 75 }]);
    expect((await runner.data(studentA, '{ myQuizzes { id } }')).myQuizzes).toEqual([]);

    const resubmit = await runner.run(staffA1, SUBMIT, { input: { attemptId: attempt.id, answers } });
    expect(resubmit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const second = await runner.run(staffA1, START, { input: { quizId: quiz.id } });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', attemptId: attempt.id });
  });

  it('refuses late submissions, people outside the audience and quizzes not open', async () => {
    at('2026-11-10T03:00:00Z');
    const quiz = await publishedQuiz(await bankWithQuestions(), { timeLimitMinutes: 10 });
    const attempt = (await runner.data(staffA2, START, { input: { quizId: quiz.id } })).startQuizAttempt.attempt;
    const othersAttempt = await runner.run(staffA1, SUBMIT, { input: { attemptId: attempt.id, answers: [] } });
    expect(othersAttempt.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await runner.run(officerB, 'query($id: ID!) { quizAttempt(id: $id) { id } }', { id: attempt.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    at('2026-11-10T03:10:01Z');
    const late = await runner.run(staffA2, SUBMIT, { input: { attemptId: attempt.id, answers: await rightAnswers(quiz.id) } });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE', deadline: '2026-11-10T03:10:00.000Z' });
    expect(late.errors?.[0].message).toContain('已超过答题时限');
    const [stored] = await db.dataSource.query('SELECT submitted_at, score FROM quiz_attempt WHERE id = ?', [attempt.id]);
    expect(stored).toEqual({ submitted_at: null, score: null });

    const student = await runner.run(studentA, START, { input: { quizId: quiz.id } });
    expect(student.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_IN_AUDIENCE' });
    expect((await runner.run(outsider, START, { input: { quizId: quiz.id } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.run(unlinked, START, { input: { quizId: quiz.id } })).errors?.[0].extensions?.reason).toBe('NO_LINKED_PERSON');

    const draft = (await runner.data(officerA, CREATE_QUIZ, {
      input: { orgUnitId: 'collegea', bankId: await bankWithQuestions(), title: '草稿', questionCount: 1, passMark: 60, timeLimitMinutes: 5,
        opensAt: '2026-11-10T00:00:00Z', closesAt: '2026-11-12T00:00:00Z', audienceUnitIds: ['collegea'], audienceKinds: ['STAFF'] },
    })).createQuiz.quiz;
    expect((await runner.run(staffA1, START, { input: { quizId: draft.id } })).errors?.[0].extensions?.reason).toBe('ILLEGAL_TRANSITION');
    expect((await runner.run(staffA1, 'query($id: ID!) { quiz(id: $id) { status } }', { id: draft.id })).data?.quiz).toEqual({ status: 'DRAFT' });

    const later = await publishedQuiz(await bankWithQuestions(), { opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-12-02T00:00:00Z' });
    expect((await runner.run(staffA1, START, { input: { quizId: later.id } })).errors?.[0].extensions?.reason).toBe('NOT_YET_DUE');
    at('2026-11-16T00:00:00Z');
    expect((await runner.run(staffA1, START, { input: { quizId: quiz.id } })).errors?.[0].extensions?.reason).toBe('OUTSIDE_RANGE');
  });

  it('counts pass rates per unit over the audience in the viewer’s scope, one statement for many units', async () => {
    at('2026-11-11T01:00:00Z');
    const bankId = await bankWithQuestions(office, 'school');
    const draft = (await runner.data(office, CREATE_QUIZ, {
      input: {
        orgUnitId: 'school', bankId, title: '全校消防测验', questionCount: 4, passMark: 100, timeLimitMinutes: 30, allowRetakes: true,
        opensAt: '2026-11-11T00:00:00Z', closesAt: '2026-11-20T00:00:00Z', audienceUnitIds: ['collegea', 'collegeb'], audienceKinds: ['STAFF'],
      },
    })).createQuiz.quiz;
    const quiz = (await runner.data(office, PUBLISH, { input: { id: draft.id, version: draft.version } })).publishQuiz.quiz;
    const right = await rightAnswers(quiz.id);
    const take = async (viewer: typeof staffA1, answers: typeof right) => {
      const attempt = (await runner.data(viewer, START, { input: { quizId: quiz.id } })).startQuizAttempt.attempt;
      return (await runner.data(viewer, SUBMIT, { input: { attemptId: attempt.id, answers } })).submitQuizAttempt.attempt;
    };
    expect((await take(staffA1, right.slice(1))).passed).toBe(false);
    const retake = await take(staffA1, right);
    expect(retake).toMatchObject({ attemptNo: 2, passed: true, score: 100 });
    expect((await take(officerB, right)).passed).toBe(true);
    // Every graded attempt is published (the pass rate's denominator), a pass also as quiz.passed.
    const graded = await db.dataSource.query(
      "SELECT aggregate_id, payload FROM event_outbox WHERE event_type = 'quiz.attempt-graded' AND JSON_VALUE(payload, '$.quizId') = ? ORDER BY id",
      [quiz.id],
    );
    expect(graded.map((event: any) => JSON.parse(event.payload)).map(({ personId, orgUnitId, score, passed, topic }: any) => ({ personId, orgUnitId, score, passed, topic }))).toEqual([
      { personId: 'pstaffa1', orgUnitId: 'collegea', score: 75, passed: false, topic: '消防' },
      { personId: 'pstaffa1', orgUnitId: 'collegea', score: 100, passed: true, topic: '消防' },
      { personId: expect.any(String), orgUnitId: 'collegeb', score: 100, passed: true, topic: '消防' },
    ]);
    expect(graded.every((event: any) => event.aggregate_id === JSON.parse(event.payload).attemptId)).toBe(true);
    const passes = await db.dataSource.query("SELECT COUNT(*) AS n FROM event_outbox WHERE event_type = 'quiz.passed' AND JSON_VALUE(payload, '$.quizId') = ?", [quiz.id]);
    expect(Number(passes[0].n)).toBe(2);

    const all = (await runner.data(office, RESULTS, { quizId: quiz.id })).quizResults;
    // Audience: staff of A (张伟, 周强, 陈静 — not the student, not the one who left) and of B (刘洋, 孙丽).
    expect(all.total).toEqual({ audienceCount: 5, attemptedCount: 2, passedCount: 2, passRate: 0.4, averageScore: 100 });
    const byUnit = Object.fromEntries(all.rows.map((row: any) => [row.orgUnit.id, [row.audienceCount, row.passedCount, row.passRate]]));
    expect(byUnit).toEqual({ collegea: [3, 1, 0.3333], collegeb: [2, 1, 0.5] });
    const mine = (await runner.data(officerA, RESULTS, { quizId: quiz.id })).quizResults;
    expect(mine.rows.map((row: any) => row.orgUnit.id)).toEqual(['collegea']);
    expect((await runner.run(outsider, RESULTS, { quizId: quiz.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const query = jest.spyOn(db.dataSource, 'query');
    const units = (await runner.data(office, PASS_RATE, { r: ['school', 'collegea', 'collegeb', 'other'].map((id) => ({ __typename: 'OrgUnit', id })), quizId: quiz.id }))._entities;
    expect(query.mock.calls.filter(([sql]) => String(sql).includes('person_projection'))).toHaveLength(1);
    query.mockRestore();
    expect(units.map((unit: any) => unit.quizPassRate)).toEqual([
      { audienceCount: 5, passedCount: 2, passRate: 0.4 },
      { audienceCount: 3, passedCount: 1, passRate: 0.3333 },
      { audienceCount: 2, passedCount: 1, passRate: 0.5 },
      null,
    ]);
  });
});
