import { GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import type { EducationDemoContext } from './demo-education';

/** The sheet's header as a unit's safety office fills it in (see README: 应知应会). */
const HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析'];

/** 消防安全应知应会: ten questions of the kind a school's fire-safety training asks. */
export const FIRE_SAFETY_QUESTIONS: string[][] = [
  ['单选', '发现火情，应立即拨打的火警电话是', '110', '119', '120', '122', 'B', '火警 119，报警时讲清地址、起火部位和燃烧物'],
  ['单选', '火灾中造成人员死亡的首要原因是', '烧伤', '烟气窒息和中毒', '跳楼摔伤', '踩踏', 'B', '多数遇难者死于烟气'],
  ['单选', '使用干粉灭火器时，喷嘴应对准', '火焰上部', '火焰中部', '火焰根部', '任意位置', 'C', ''],
  ['单选', '逃生时遇浓烟，正确的做法是', '直立快跑', '用湿毛巾捂住口鼻、低姿弯腰撤离', '乘电梯下楼', '返回房间取贵重物品', 'B', ''],
  ['单选', '学生宿舍内允许使用的电器是', '电热毯', '热得快', '台灯（合格产品）', '电饭锅', 'C', '严禁使用大功率及违规电器'],
  ['多选', '灭火的基本方法有', '冷却法', '窒息法', '隔离法', '稀释氧气以外的可燃物法', 'ABC', '另有化学抑制法'],
  ['多选', '"四个能力"建设包括', '检查消除火灾隐患能力', '扑救初起火灾能力', '组织疏散逃生能力', '消防宣传教育能力', 'ABCD', ''],
  ['判断', '电动自行车可以在楼道、疏散通道内停放充电', '', '', '', '', '错误', '严禁在楼道、楼梯间、安全出口充电停放'],
  ['判断', '安全出口、疏散通道应保持畅通，不得上锁或堆放杂物', '', '', '', '', '正确', ''],
  ['判断', '身上着火时应迅速奔跑，让风把火吹灭', '', '', '', '', '错误', '应就地打滚压灭火苗'],
];

export async function questionSheetBase64(rows: string[][]): Promise<string> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('题目');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The school's fire-safety bank (imported from Excel) and one quiz open to all its staff for the next 30 days. */
export async function seedDemoQuizzes(context: EducationDemoContext): Promise<void> {
  const office: GraphQLClient = context.clients['safety.office'];
  const school = context.unitIds.XDZY;
  const bank = await office.data<{ createQuizBank: { quizBank: { id: string } } }>(
    'mutation($input: CreateQuizBankInput!) { createQuizBank(input: $input) { quizBank { id } } }',
    { input: { orgUnitId: school, name: '消防安全应知应会题库', topic: '消防' } },
  );
  const bankId = bank.createQuizBank.quizBank.id;
  const imported = await office.data<{ importQuizQuestions: { added: number; rejectedRows: unknown[] } }>(
    'mutation($input: ImportQuizQuestionsInput!) { importQuizQuestions(input: $input) { added rejectedRows { row reasons } } }',
    { input: { bankId, contentBase64: await questionSheetBase64(FIRE_SAFETY_QUESTIONS) } },
  );
  if (imported.importQuizQuestions.rejectedRows.length) throw new Error(`demo quiz bank rejected: ${JSON.stringify(imported.importQuizQuestions.rejectedRows)}`);
  const now = Date.now();
  const draft = await office.data<{ createQuiz: { quiz: { id: string; version: number } } }>(
    'mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id version } } }',
    {
      input: {
        orgUnitId: school,
        bankId,
        title: '全体教职工消防安全应知应会测试',
        questionCount: 8,
        passMark: 80,
        timeLimitMinutes: 20,
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 30 * 24 * 3600_000).toISOString(),
        audienceUnitIds: [school],
        audienceKinds: ['STAFF'],
      },
    },
  );
  await office.data('mutation($input: PublishQuizInput!) { publishQuiz(input: $input) { quiz { id } } }', { input: draft.createQuiz.quiz });
  context.log(`demo: fire-safety quiz bank (${imported.importQuizQuestions.added} questions) and a quiz open to all staff`);
}
