import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import type { EducationDemoContext } from './demo-education';
import { DEMO_PASSWORD } from './demo-seed';

const DAY_MS = 24 * 3600 * 1000;
const CHECK = 'mutation($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { healthCheck { id version timeliness } } }';
const ABSENCE = 'illnessAbsence { id version }';

/** The demo's classes: code, name, and the students each holds. */
export const DEMO_CLASSES = [
  { code: 'XDZY-XX-JY2401', name: '计算机应用2401班', students: ['郑可欣', '黄子轩', '何雨桐'] },
  { code: 'XDZY-XX-RJ2401', name: '软件技术2401班', students: ['罗浩然', '梁思琪'] },
];

/** The demo's class teacher (班主任) of 计算机应用2401班: STAFF at the class. */
export const DEMO_CLASS_TEACHER = 'xx.banzhuren';

interface Written {
  id: string;
  version: number;
}

/** A mutation, retried while the class or student has not reached education-drills yet (its projection learns from events). */
async function write(client: GraphQLClient, mutation: string, input: Record<string, unknown>): Promise<Record<string, Record<string, Written>>> {
  const response = await eventually(() => client.request(mutation, { input }), (answer) => !answer.errors?.some((error) => error.extensions?.code === 'NOT_FOUND'));
  if (response.errors?.length || !response.data) throw new Error(`demo health checks: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** The school days (Monday to Friday) before today, the latest first. */
function pastSchoolDays(count: number): string[] {
  const days: string[] = [];
  for (let back = 1; days.length < count; back += 1) {
    const day = calendarDateOf(new Date(Date.now() - back * DAY_MS));
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

const figures = (enrolled: number, present: number, ill = 0, fever = 0) => ({ enrolled, present, absentForIllness: ill, fever });

/**
 * 晨午晚检 and 因病缺课追踪 in 信息工程学院: two classes (班级) with their students and 计算机应用2401班's class
 * teacher. The demo loads in real time, so every check of an earlier day is entered late by definition — 补填:
 * the last three school days are back-filled but for one missing noon check, today's morning check is entered now
 * (迟报 after 09:00, else on time), and 软件技术2401班 only back-fills one morning (the rest shows as 漏填). One
 * illness absence is followed to its cause (suspected influenza) and the return; another is still without a cause.
 */
export async function seedDemoHealthChecks({ clients, unitIds, log }: EducationDemoContext): Promise<void> {
  const office = clients['safety.office'];
  const students: string[] = [];
  for (const { code, name, students: names } of DEMO_CLASSES) {
    const unit = await office.data<{ createOrgUnit: { orgUnit: { id: string } } }>(
      'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }',
      { input: { parentId: unitIds['XDZY-XX'], code, name, kind: 'CLASS' } },
    );
    unitIds[code] = unit.createOrgUnit.orgUnit.id;
    for (const [index, student] of names.entries()) {
      const created = await office.data<{ createPerson: { person: { id: string } } }>(
        'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
        { input: { orgUnitId: unitIds[code], kind: 'STUDENT', name: student, employeeNo: `${code.slice(-6)}${index + 1}` } },
      );
      students.push(created.createPerson.person.id);
    }
  }
  const [jy, rj] = DEMO_CLASSES.map((entry) => unitIds[entry.code]);
  const teacherPerson = await office.data<{ createPerson: { person: { id: string } } }>(
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
    { input: { orgUnitId: jy, kind: 'STAFF', name: '冯晓燕', position: '计算机应用2401班班主任', phone: '13909310021' } },
  );
  await office.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
    input: { username: DEMO_CLASS_TEACHER, password: DEMO_PASSWORD, personId: teacherPerson.createPerson.person.id, grants: [{ role: 'STAFF', orgUnitId: jy }] },
  });
  const teacher = await office.login(DEMO_CLASS_TEACHER, DEMO_PASSWORD);

  const [yesterday, twoDaysAgo, threeDaysAgo] = pastSchoolDays(3);
  const today = calendarDateOf(new Date());
  const todayIsSchoolDay = ![0, 6].includes(new Date(`${today}T00:00:00Z`).getUTCDay());
  const backFilled: [string, string, ReturnType<typeof figures>][] = [
    [threeDaysAgo, 'MORNING', figures(3, 3)],
    [twoDaysAgo, 'MORNING', figures(3, 2, 1, 1)],
    [twoDaysAgo, 'NOON', figures(3, 2, 1, 1)],
    [yesterday, 'MORNING', figures(3, 3)],
    [yesterday, 'NOON', figures(3, 3)],
  ];
  // threeDaysAgo's noon check is left out: 漏填.
  const checks: Written[] = [];
  for (const [checkDate, session, counts] of backFilled) {
    checks.push((await write(teacher, CHECK, { orgUnitId: jy, checkDate, session, figures: counts })).recordHealthCheck.healthCheck);
  }
  await teacher.data('mutation($input: CorrectHealthCheckInput!) { correctHealthCheck(input: $input) { healthCheck { id } } }', {
    input: { id: checks[3].id, version: checks[3].version, reason: '早读后补到一名迟到学生，实到人数更正', figures: { ...figures(3, 3), notes: '一名学生迟到，已到校' } },
  });
  if (todayIsSchoolDay) await write(teacher, CHECK, { orgUnitId: jy, checkDate: today, session: 'MORNING', figures: figures(3, 3) });
  await write(clients['xx.officer'], CHECK, { orgUnitId: rj, checkDate: yesterday, session: 'MORNING', figures: figures(2, 2) });

  const absence = (mutation: string, type: string, input: Record<string, unknown>, by = teacher): Promise<Written> =>
    write(by, `mutation($input: ${type}!) { ${mutation}(input: $input) { ${ABSENCE} } }`, input).then((data) => data[mutation].illnessAbsence);
  const flu = await absence('recordIllnessAbsence', 'RecordIllnessAbsenceInput', { studentId: students[1], absentOn: twoDaysAgo, symptoms: ['FEVER', 'COUGH'], symptomNote: '晨检体温 38.5℃' });
  const contacted = await absence('contactIllnessAbsenceParents', 'ContactIllnessAbsenceParentsInput', {
    id: flu.id, version: flu.version, contactedAt: new Date(Date.now() - 60_000).toISOString(), note: '已电话通知家长接回就医',
  });
  const found = await absence('recordIllnessAbsenceCause', 'RecordIllnessAbsenceCauseInput', {
    id: contacted.id, version: contacted.version, cause: '流行性感冒', diagnosis: '甲型流感（县人民医院）', infectiousSuspected: true, expectedReturnOn: today,
  });
  await absence('recordIllnessAbsenceReturn', 'RecordIllnessAbsenceReturnInput', { id: found.id, version: found.version, returnedOn: today });
  await absence('recordIllnessAbsence', 'RecordIllnessAbsenceInput', { studentId: students[3], absentOn: threeDaysAgo, symptoms: ['DIARRHOEA'] }, clients['xx.officer']);
  log(`demo: 2 classes with ${students.length} students and a class teacher (${DEMO_CLASS_TEACHER}); health checks back-filled, late and missing; 2 illness absences (one returned, one without a cause)`);
}
