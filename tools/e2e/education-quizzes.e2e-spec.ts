import { eventually, GraphQLClient, GraphQLResponse } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案'];
/** Stem → the answer the sheet gives: what a taker who knows it would choose. */
const QUESTIONS: [string, string, string[], string][] = [
  ['单选', '实验室化学品着火，首先应', ['用水浇灭', '切断电源并用合适的灭火器扑救', '打开门窗通风', '离开不管'], 'B'],
  ['单选', '校园内发生踩踏的主要诱因是', ['楼梯拥挤推搡', '天气晴朗', '下课铃声', '灯光明亮'], 'A'],
  ['多选', '接到"公检法"电话要求转账时应', ['挂断电话', '拨打 110 核实', '按对方要求转入安全账户', '告诉家人或老师'], 'ABD'],
  ['判断', '发现安全隐患应及时向安全员报告', [], '正确'],
];
const CORRECT = new Map(QUESTIONS.map(([kind, stem, , answer]) => [stem, kind === '判断' ? [answer === '正确' ? 'A' : 'B'] : answer.split('')]));

async function sheet(rows: string[][]): Promise<string> {
  const workbook = new Workbook();
  const worksheet = workbook.addWorksheet('题目');
  worksheet.addRow(HEADER);
  for (const row of rows) worksheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
const rowsOf = (questions: typeof QUESTIONS) => questions.map(([kind, stem, options, answer]) => [kind, stem, ...[0, 1, 2, 3].map((i) => options[i] ?? ''), answer]);

const BANK = 'mutation($input: CreateQuizBankInput!) { createQuizBank(input: $input) { quizBank { id } } }';
const IMPORT = 'mutation($input: ImportQuizQuestionsInput!) { importQuizQuestions(input: $input) { imported added rejectedRows { row reasons } } }';
const CREATE_QUIZ = 'mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id version } } }';
const PUBLISH = 'mutation($input: PublishQuizInput!) { publishQuiz(input: $input) { quiz { id status } } }';
const ATTEMPT = 'id deadline submittedAt score passed questions { seq kind stem options { key text } } review { stem chosen correct isCorrect }';
const START = `mutation($quizId: ID!) { startQuizAttempt(input: { quizId: $quizId }) { attempt { ${ATTEMPT} } } }`;
const SUBMIT = `mutation($input: SubmitQuizAttemptInput!) { submitQuizAttempt(input: $input) { attempt { ${ATTEMPT} } } }`;

const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions ?? {};

describe('quizzes through the gateway: 应知应会', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let staff: GraphQLClient;
  let xxOfficer: GraphQLClient;
  let jdOfficer: GraphQLClient;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4340);
    [office, staff, xxOfficer, jdOfficer] = await Promise.all(['safety.office', 'staff', 'xx.officer', 'jd.officer'].map((name) => fixture.as(name)));
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  /** A quiz of the school for the staff of 后勤管理处 (where the demo `staff` works), published. */
  async function quizForCanteenStaff(bankId: string, closesInMs: number): Promise<string> {
    const now = Date.now();
    const input = {
      orgUnitId: fixture.unitIds.XDZY, bankId, title: '后勤职工安全应知应会', questionCount: 4, passMark: 75, timeLimitMinutes: 10,
      opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + closesInMs).toISOString(),
      audienceUnitIds: [fixture.unitIds['XDZY-HQ']], audienceKinds: ['STAFF'],
    };
    const draft = (await office.data(CREATE_QUIZ, { input })).createQuiz.quiz;
    expect((await office.data(PUBLISH, { input: draft })).publishQuiz.quiz.status).toBe('PUBLISHED');
    return draft.id;
  }

  async function schoolBank(): Promise<string> {
    const bank = (await office.data(BANK, { input: { orgUnitId: fixture.unitIds.XDZY, name: '综合安全应知应会', topic: '综合' } })).createQuizBank.quizBank;
    const rejected = (await office.data(IMPORT, { input: { bankId: bank.id, contentBase64: await sheet([...rowsOf(QUESTIONS), ['单选', '只有一个选项', '甲', '', '', '', 'A']]) } })).importQuizQuestions;
    expect(rejected).toEqual({ imported: false, added: 0, rejectedRows: [{ row: 6, reasons: ['选择题至少要有 2 个选项'] }] });
    const imported = (await office.data(IMPORT, { input: { bankId: bank.id, contentBase64: await sheet(rowsOf(QUESTIONS)) } })).importQuizQuestions;
    expect(imported).toEqual({ imported: true, added: 4, rejectedRows: [] });
    return bank.id;
  }

  it('imports a bank, publishes a quiz, and a staff member takes it: graded on the server, the key only after submitting', async () => {
    const bankId = await schoolBank();
    const quizId = await quizForCanteenStaff(bankId, 3600_000);
    const mine = (await staff.data('{ myQuizzes { id title } }')).myQuizzes.map((quiz: any) => quiz.title);
    expect(mine).toEqual(expect.arrayContaining(['后勤职工安全应知应会', '全体教职工消防安全应知应会测试']));

    // The staff member's person reaches education-drills by event; until then the start is refused.
    const started = await eventually(() => staff.request(START, { quizId }), (response) => !response.errors);
    const attempt = started.data!.startQuizAttempt.attempt;
    expect(attempt).toMatchObject({ submittedAt: null, score: null, review: null });
    expect(attempt.questions).toHaveLength(4);

    // The key cannot be selected on the attempt's questions, and the school's bank is outside the taker's scope.
    const keyField = await staff.request('query($id: ID!) { quizAttempt(id: $id) { questions { seq answer } } }', { id: attempt.id });
    expect(keyField.data).toBeUndefined();
    expect(errorOf(keyField).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorOf(await staff.request('query($id: ID!) { quizBank(id: $id) { questions { answer } } }', { id: bankId }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await staff.data('query($id: ID!) { quizAttempt(id: $id) { review { correct } } }', { id: attempt.id })).quizAttempt.review).toBeNull();

    const answers = attempt.questions.map((question: any) => ({ seq: question.seq, choices: CORRECT.get(question.stem) }));
    const wrong = answers.find((answer: any) => answer.choices.length > 1);
    wrong.choices = ['A'];
    const submitted = (await staff.data(SUBMIT, { input: { attemptId: attempt.id, answers } })).submitQuizAttempt.attempt;
    expect(submitted).toMatchObject({ score: 75, passed: true });
    expect(submitted.review.filter((item: any) => !item.isCorrect)).toEqual([
      { stem: '接到"公检法"电话要求转账时应', chosen: ['A'], correct: ['A', 'B', 'D'], isCorrect: false },
    ]);

    const second = await staff.request(START, { quizId });
    expect(errorOf(second)).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });

    const results = (await office.data('query($id: ID!) { quizResults(quizId: $id) { total { attemptedCount passedCount } rows { orgUnit { name } passedCount } } }', { id: quizId })).quizResults;
    expect(results.total).toMatchObject({ attemptedCount: 1, passedCount: 1 });
    expect(results.rows).toContainEqual({ orgUnit: { name: '后勤管理处' }, passedCount: 1 });
    const unit = (await office.data('query($id: ID!, $quizId: ID!) { orgUnit(id: $id) { name quizPassRate(quizId: $quizId) { passedCount passRate } } }', {
      id: fixture.unitIds['XDZY-HQ'],
      quizId,
    })).orgUnit;
    expect(unit.quizPassRate.passedCount).toBe(1);
    expect(unit.quizPassRate.passRate).toBeGreaterThan(0);
  });

  it('refuses a late submission, people outside the audience and another college’s bank', async () => {
    const bankId = await schoolBank();
    const quizId = await quizForCanteenStaff(bankId, 4000);
    const started = await eventually(() => staff.request(START, { quizId }), (response) => !response.errors);
    const attempt = started.data!.startQuizAttempt.attempt;

    // The office sees the quiz (its unit) but is not of its audience; another college does not see it at all.
    expect(errorOf(await office.request(START, { quizId }))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_IN_AUDIENCE' });
    expect(errorOf(await jdOfficer.request(START, { quizId }))).toMatchObject({ code: 'NOT_FOUND' });

    const xxBank = (await xxOfficer.data(BANK, { input: { orgUnitId: fixture.unitIds['XDZY-XX'], name: '实验室安全', topic: '实验室安全' } })).createQuizBank.quizBank;
    const foreign = await jdOfficer.request(IMPORT, { input: { bankId: xxBank.id, contentBase64: await sheet(rowsOf(QUESTIONS)) } });
    expect(errorOf(foreign)).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(errorOf(await jdOfficer.request('query($id: ID!) { quizBank(id: $id) { name } }', { id: xxBank.id })).code).toBe('NOT_FOUND');

    // The quiz closes 4 s after it was set: the attempt's deadline is the close, and a submission after it is refused.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(attempt.deadline).getTime() - Date.now() + 300)));
    const answers = attempt.questions.map((question: any) => ({ seq: question.seq, choices: CORRECT.get(question.stem) }));
    const late = await staff.request(SUBMIT, { input: { attemptId: attempt.id, answers } });
    expect(errorOf(late)).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    expect(late.errors?.[0].message).toContain('已超过答题时限');
    expect((await staff.data('query($id: ID!) { quizAttempt(id: $id) { submittedAt score review { correct } } }', { id: attempt.id })).quizAttempt).toEqual({
      submittedAt: null,
      score: null,
      review: null,
    });
  });
});
