import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';

const DAY_MS = 24 * 3600 * 1000;

const PLACES = '{ places(first: 100) { edges { node { id name } } } }';
const SET_FIRE = 'mutation($input: SetFireAcceptanceInput!) { setFireAcceptance(input: $input) { fireAcceptance { id } } }';
const SET_REQUIREMENTS = 'mutation($input: SetLabRequirementsInput!) { setLabRequirements(input: $input) { requirements { version } } }';
const STUDENTS = `query($unit: ID!) { orgUnit(id: $unit) { people(first: 100, filter: { kind: STUDENT }) { edges { node { id name } } } } }`;
const CREATE_ACTIVITY = 'mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { id } } }';
const MARK = 'mutation($input: MarkEducationAttendanceInput!) { markEducationAttendance(input: $input) { recorded } }';
const CHECK = 'query($lab: ID!, $person: ID!) { labAccessCheck(labId: $lab, personId: $person) { met } }';
const ADMIT = 'mutation($input: AdmitToLabInput!) { admitToLab(input: $input) { entry { id } } }';

/** 消防验收 of the demo buildings: one still 未验收, so the bureau's list shows it. */
const FIRE_ACCEPTANCE: { place: string; facts: Record<string, unknown> }[] = [
  { place: '信息楼', facts: { status: 'ACCEPTED', documentNumber: '榆建消验字〔2019〕第015号', acceptedOn: '2019-08-26', authority: '县住房和城乡建设局' } },
  { place: '第一学生食堂', facts: { status: 'ACCEPTED', documentNumber: '榆建消验字〔2021〕第042号', acceptedOn: '2021-06-18', authority: '县住房和城乡建设局' } },
  { place: '学生公寓5号楼', facts: { status: 'FILED', documentNumber: '榆建消备字〔2022〕第107号', acceptedOn: '2022-09-01', authority: '县住房和城乡建设局' } },
  { place: '危化品仓库', facts: { status: 'IN_PROGRESS', note: '已提交消防验收申请，等待现场评定' } },
  { place: '3号实训楼', facts: { status: 'NOT_ACCEPTED', note: '2016年改建后未办理消防验收，已列入整改计划' } },
];

export interface PlacesSafetyDemoContext {
  clients: Record<string, GraphQLClient>;
  unitIds: Record<string, string>;
  log: (line: string) => void;
}

/** A time `days` from now, at `hour`:00 Beijing time. */
function at(days: number, hour: number): string {
  const day = calendarDateOf(new Date(Date.now() + days * DAY_MS));
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();
}

/**
 * Fire acceptance on the demo buildings and 实验室准入 on 301机房 and 3号实训楼: a held lab-safety training with
 * three students, two of them admitted once their attendance reached responsibility-network, and one refused
 * attempt (a student without the training). Runs after the places and the demo students exist.
 */
export async function seedDemoPlacesSafety({ clients, unitIds, log }: PlacesSafetyDemoContext): Promise<void> {
  const office = clients['safety.office'];
  const xx = clients['xx.officer'];
  const places = new Map<string, string>((await office.data(PLACES)).places.edges.map(({ node }: { node: { id: string; name: string } }) => [node.name, node.id]));
  for (const { place, facts } of FIRE_ACCEPTANCE) await office.data(SET_FIRE, { input: { placeId: places.get(place), version: 0, ...facts } });

  const lab = places.get('301机房');
  await xx.data(SET_REQUIREMENTS, { input: { labId: lab, version: 0, items: [{ kind: 'TRAINING', topic: 'LAB_SAFETY', validDays: 365 }] } });
  await office.data(SET_REQUIREMENTS, {
    input: {
      labId: places.get('3号实训楼'),
      version: 0,
      items: [
        { kind: 'TRAINING', topic: 'LAB_SAFETY', validDays: 365 },
        { kind: 'QUIZ', topic: '消防', validDays: 365 },
      ],
    },
  });

  const students = new Map<string, string>(
    (await xx.data(STUDENTS, { unit: unitIds['XDZY-XX'] })).orgUnit.people.edges.map(({ node }: { node: { id: string; name: string } }) => [node.name, node.id]),
  );
  const trained = ['王子涵', '李欣怡', '张浩然'].map((name) => students.get(name) as string);
  const training = (
    await xx.data(CREATE_ACTIVITY, {
      input: {
        orgUnitId: unitIds['XDZY-XX'], title: '实验室安全准入培训（第一期）', kind: 'HANDS_ON', topics: ['LAB_SAFETY'], audienceKinds: ['STUDENT'],
        startsAt: at(-5, 14), endsAt: at(-5, 16), placeText: '信息楼 301 机房', lecturer: '实验室管理员', materials: '《实验室安全手册》',
      },
    })
  ).createEducationActivity.educationActivity.id;
  await xx.data(MARK, { input: { activityId: training, personIds: trained } });
  // The attendance reaches responsibility-network as an event: wait for it before admitting.
  const arrived = await eventually(() => xx.data(CHECK, { lab, person: trained[0] }), (data) => data.labAccessCheck.met === true, 60_000);
  if (!arrived.labAccessCheck.met) {
    log('demo: lab access requirements set; the lab-safety attendance has not reached responsibility-network yet, so no admissions');
    return;
  }
  const expiresAt = new Date(Date.now() + 180 * DAY_MS).toISOString();
  for (const person of trained.slice(0, 2)) await xx.data(ADMIT, { input: { labId: lab, personId: person, expiresAt } });
  const refused = await xx.request(ADMIT, { input: { labId: lab, personId: students.get('赵一鸣'), expiresAt } });
  if (refused.errors?.[0]?.extensions?.reason !== 'LAB_REQUIREMENTS_NOT_MET') log(`demo: expected a refused lab admission, got ${JSON.stringify(refused).slice(0, 200)}`);
  log(`demo: fire acceptance on ${FIRE_ACCEPTANCE.length} buildings (3号实训楼 未验收); lab access on 301机房 and 3号实训楼, 2 admitted, 1 refused`);
}
