import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import type { EducationDemoContext } from './demo-education';
import { DEMO_PASSWORD } from './demo-seed';

const DAY_MS = 24 * 3600 * 1000;

interface Written {
  id: string;
  version: number;
}

/** A mutation answering { <field> { id version } }; retried while the people named have not reached education-drills yet. */
async function write(client: GraphQLClient, name: string, inputType: string, field: string, input: Record<string, unknown>): Promise<Written> {
  const mutation = `mutation($input: ${inputType}!) { ${name}(input: $input) { ${field} { id version } } }`;
  const response = await eventually(() => client.request(mutation, { input }), (answer) => !answer.errors?.length);
  if (response.errors?.length || !response.data) throw new Error(`demo people at risk ${name}: ${JSON.stringify(response.errors)}`);
  return response.data[name][field];
}

async function person(office: GraphQLClient, orgUnitId: string, kind: string, name: string, employeeNo: string): Promise<string> {
  const created = await office.data<{ createPerson: { person: { id: string } } }>(
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
    { input: { orgUnitId, kind, name, employeeNo } },
  );
  return created.createPerson.person.id;
}

/**
 * 师生矛盾纠纷 and 重点关注学生 at 信息工程学院 (where the screening demo made the counsellor a COUNSELOR): one
 * dispute between a class teacher and a student, mediated once; two key students with follow-ups, one overdue.
 * The grid officer of the college sees only their counts.
 */
export async function seedDemoPeopleAtRisk({ clients, unitIds, log }: EducationDemoContext): Promise<void> {
  const office = clients['safety.office'];
  const college = unitIds['XDZY-XX'];
  const counselor = await clients.counselor.login('counselor', DEMO_PASSWORD);
  const teacher = await person(office, college, 'STAFF', '刘海燕', 'T2019031');
  const [student, second] = [await person(office, college, 'STUDENT', '郑浩然', '20240131'), await person(office, college, 'STUDENT', '黄雨欣', '20240132')];
  const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));

  const dispute = await write(counselor, 'registerDispute', 'RegisterDisputeInput', 'dispute', {
    orgUnitId: college,
    category: 'DISCIPLINE',
    cause: '学生因上课使用手机被没收，与班主任当堂争执，家长认为处理方式不当',
    parties: [
      { personId: teacher, side: 'TEACHER' },
      { personId: student, side: 'STUDENT' },
      { name: '郑先生（学生家长）', side: 'PARENT' },
    ],
    foundOn: day(-5),
    foundBy: '辅导员 孙丽',
    riskLevel: 'MEDIUM',
  });
  await write(counselor, 'addDisputeMediation', 'AddDisputeMediationInput', 'dispute', {
    id: dispute.id,
    version: dispute.version,
    occurredOn: day(-3),
    mediator: '孙丽（心理健康中心）、学院副书记',
    action: '分别与班主任、学生谈话；约家长到校三方沟通',
    outcome: '班主任说明管理规定，学生当面道歉，家长表示理解；一周后回访',
    riskLevel: 'LOW',
  });

  const family = await write(counselor, 'addKeyStudent', 'AddKeyStudentInput', 'keyStudent', {
    studentId: student,
    reasonCategory: 'BEHAVIOR',
    description: '与班主任发生冲突，情绪易激动，近期多次旷课',
    responsibleTeacherId: teacher,
    since: day(-5),
    nextFollowUpDate: day(-1),
  });
  await write(counselor, 'addKeyStudentFollowUp', 'AddKeyStudentFollowUpInput', 'keyStudent', {
    id: family.id,
    version: family.version,
    occurredOn: day(-2),
    performedBy: '刘海燕（班主任）',
    content: '课后谈心，学生承认情绪失控；与家长电话沟通',
    nextFollowUpDate: day(5),
  });
  const hardship = await write(counselor, 'addKeyStudent', 'AddKeyStudentInput', 'keyStudent', {
    studentId: second,
    reasonCategory: 'FAMILY_HARDSHIP',
    description: '父亲重病住院，家庭经济困难，学生精神压力大',
    responsibleTeacherId: teacher,
    since: day(-30),
    nextFollowUpDate: day(-20),
  });
  await write(counselor, 'addKeyStudentFollowUp', 'AddKeyStudentFollowUpInput', 'keyStudent', {
    id: hardship.id,
    version: hardship.version,
    occurredOn: day(-20),
    performedBy: '刘海燕（班主任）',
    content: '协助申请临时困难补助，推荐勤工助学岗位',
    nextFollowUpDate: day(-6),
  });
  log('demo: 1 teacher–student dispute (mediated once), 2 key students (one follow-up overdue) at 信息工程学院');
}
