import { calendarDateOf } from '@campus/graphql';
import { eventually } from '@campus/testing';
import type { EducationDemoContext } from './demo-education';

const DAY_MS = 24 * 3600 * 1000;

const STUDENTS: { unit: string; names: string[] }[] = [
  { unit: 'XDZY-XX', names: ['王子涵', '李欣怡', '张浩然', '刘雨桐', '陈思远', '杨梓萱', '赵一鸣', '黄诗琪'] },
  { unit: 'XDZY-JD', names: ['周俊杰', '吴佳怡', '徐子轩', '孙梦瑶'] },
];

const CREATE_PERSON = 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }';
const CREATE = 'mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { id } } }';
const MARK = 'mutation($input: MarkEducationAttendanceInput!) { markEducationAttendance(input: $input) { recorded } }';
const POPULATION = `query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) {
  orgUnit(id: $id) { educationCoverage(from: $from, to: $to, kinds: [STUDENT]) { population } } }`;

/** A time `days` from now, at `hour`:00 Beijing time. */
function at(days: number, hour: number): string {
  const day = calendarDateOf(new Date(Date.now() + days * DAY_MS));
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();
}

/**
 * 安全教育 of the demo campus: students of two colleges, three held activities with attendance marked by
 * their organisers (so coverage is partial and 未覆盖 lists someone) and one coming up with its check-in code.
 */
export async function seedDemoEducationActivities({ clients, unitIds, log }: EducationDemoContext): Promise<void> {
  const office = clients['safety.office'];
  const xx = clients['xx.officer'];
  const students: Record<string, string[]> = {};
  for (const { unit, names } of STUDENTS) {
    students[unit] = [];
    for (const name of names) {
      const created = await office.data(CREATE_PERSON, { input: { orgUnitId: unitIds[unit], name, kind: 'STUDENT' } });
      students[unit].push(created.createPerson.person.id);
    }
  }
  const activity = async (client: typeof office, input: Record<string, unknown>) =>
    (await client.data(CREATE, { input })).createEducationActivity.educationActivity.id as string;
  const fireLecture = await activity(xx, {
    orgUnitId: unitIds['XDZY-XX'], title: '冬季消防安全专题讲座', kind: 'LECTURE', topics: ['FIRE'], audienceKinds: ['STUDENT'],
    startsAt: at(-7, 15), endsAt: at(-7, 17), placeText: '信息楼报告厅', lecturer: '城关消防救援站 王教官', materials: '课件《高校宿舍火灾案例》、灭火器使用视频',
  });
  const fraudCase = await activity(xx, {
    orgUnitId: unitIds['XDZY-XX'], title: '防范电信网络诈骗主题班会', kind: 'CLASS_MEETING', topics: ['TELECOM_FRAUD', 'CYBER'], audienceKinds: ['STUDENT'],
    startsAt: at(-3, 19), endsAt: at(-3, 20), placeText: '信息楼 301 教室', lecturer: '辅导员',
  });
  const nationalSecurity = await activity(office, {
    orgUnitId: unitIds.XDZY, title: '全民国家安全教育日专题展览', kind: 'EXHIBITION', topics: ['NATIONAL_SECURITY', 'LEGAL'], audienceKinds: ['STUDENT', 'STAFF'],
    audienceUnitIds: [unitIds['XDZY-XX'], unitIds['XDZY-JD']], startsAt: at(-2, 9), endsAt: at(-2, 17), placeText: '图书馆一楼大厅',
  });
  await activity(xx, {
    orgUnitId: unitIds['XDZY-XX'], title: '实验室安全准入培训（实操）', kind: 'HANDS_ON', topics: ['LAB_SAFETY', 'FIRE'], audienceKinds: ['STUDENT', 'STAFF'],
    startsAt: at(3, 14), endsAt: at(3, 16), placeText: '信息楼 301 机房', lecturer: '实验室管理员', materials: '《实验室安全手册》',
  });
  // The students reach education-drills through responsibility-network's events: wait for them before marking.
  await eventually(
    () => office.data(POPULATION, { id: unitIds['XDZY-XX'], from: calendarDateOf(new Date()), to: calendarDateOf(new Date()) }),
    (data) => (data.orgUnit?.educationCoverage?.population ?? 0) >= STUDENTS[0].names.length,
  );
  const [xxStudents, jdStudents] = [students['XDZY-XX'], students['XDZY-JD']];
  await xx.data(MARK, { input: { activityId: fireLecture, personIds: xxStudents.slice(0, 6) } });
  await xx.data(MARK, { input: { activityId: fraudCase, personIds: xxStudents.slice(2, 7) } });
  await office.data(MARK, { input: { activityId: nationalSecurity, personIds: [...xxStudents.slice(0, 3), ...jdStudents.slice(0, 2)] } });
  log('demo: 4 safety education activities (3 held, with attendance), 12 students');
}
