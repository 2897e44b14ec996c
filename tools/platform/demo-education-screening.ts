import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import type { EducationDemoContext } from './demo-education';
import { DEMO_PASSWORD } from './demo-seed';

const DAY_MS = 24 * 3600 * 1000;
const RECORD = 'screeningRecord { id version }';

interface Written {
  id: string;
  version: number;
}

/** A mutation returning a screening record; retried while the student has not reached education-drills yet. */
async function screeningWrite(client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>): Promise<Written> {
  const mutation = `mutation($input: ${inputType}!) { ${name}(input: $input) { ${RECORD} } }`;
  const response = await eventually(() => client.request(mutation, { input }), (answer) => !answer.errors?.length);
  if (response.errors?.length || !response.data) throw new Error(`demo screening ${name}: ${JSON.stringify(response.errors)}`);
  return response.data[name].screeningRecord;
}

/**
 * 心理问题学生排查干预台账: the psychological centre's counsellor is given 信息工程学院 (by the school's safety
 * office), two of its students are screened — one at medium risk whose follow-up is overdue, one at high
 * risk who had an intervention and was referred to the city mental health centre.
 */
export async function seedDemoScreening({ clients, unitIds, log }: EducationDemoContext): Promise<void> {
  const office = clients['safety.office'];
  const account = await clients.counselor.data<{ me: { id: string } }>('{ me { id } }');
  await office.data('mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id } } }', {
    input: { accountId: account.me.id, role: 'COUNSELOR', orgUnitId: unitIds['XDZY-XX'] },
  });
  // The grant is in the token: log in again to act with it.
  const counselor = await clients.counselor.login('counselor', DEMO_PASSWORD);
  const students: Record<string, string> = {};
  for (const [name, number] of [['周子涵', '20240101'], ['吴佳怡', '20240102']]) {
    const created = await office.data<{ createPerson: { person: { id: string } } }>(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
      { input: { orgUnitId: unitIds['XDZY-XX'], kind: 'STUDENT', name, employeeNo: number } },
    );
    students[name] = created.createPerson.person.id;
  }
  const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));

  await screeningWrite(counselor, 'createScreeningRecord', 'CreateScreeningRecordInput', {
    studentId: students['周子涵'],
    screeningDate: day(-20),
    instrument: 'PHQ_9',
    riskLevel: 'MEDIUM',
    finding: 'PHQ-9 得分 12，入学适应困难，睡眠不佳',
    nextFollowUpDate: day(-3),
  });
  const high = await screeningWrite(counselor, 'createScreeningRecord', 'CreateScreeningRecordInput', {
    studentId: students['吴佳怡'],
    screeningDate: day(-10),
    instrument: 'SCL_90',
    riskLevel: 'HIGH',
    finding: 'SCL-90 抑郁因子分偏高，访谈中流露消极念头',
    nextFollowUpDate: day(-8),
  });
  const helped = await screeningWrite(counselor, 'addScreeningEntry', 'AddScreeningEntryInput', {
    id: high.id,
    version: high.version,
    kind: 'INTERVENTION',
    occurredOn: day(-8),
    action: '个体心理辅导；通知家长到校面谈，落实 24 小时陪护',
    performedBy: '孙丽（心理健康中心）',
    nextFollowUpDate: day(7),
  });
  await screeningWrite(counselor, 'referScreeningRecord', 'ReferScreeningRecordInput', {
    id: helped.id,
    version: helped.version,
    institution: '市精神卫生中心',
    referredOn: day(-7),
    note: '家长陪同就诊，医院建议门诊治疗并定期复诊',
  });
  log('demo: counsellor granted at 信息工程学院, 2 screening records (one follow-up overdue, one referred)');
}
