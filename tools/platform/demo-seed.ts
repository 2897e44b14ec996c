import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient, GraphQLData } from '@campus/testing';
import { seedDemoAccountability } from './demo-accountability';
import { seedDemoAppraisal } from './demo-appraisal';
import { seedDemoCampaign } from './demo-campaign';
import { seedDemoDutyLeaders } from './demo-duty-leaders';
import { seedDemoEducation } from './demo-education';
import { seedDemoHealthChecks } from './demo-health-checks';
import { seedDemoInspections } from './demo-inspections';
import { seedDemoNotifications } from './demo-notifications';
import { seedDemoPeopleAtRisk } from './demo-people-at-risk';
import { seedDemoPeriodicReports } from './demo-periodic-reports';
import { seedDemoPlacesSafety } from './demo-places-safety';
import { seedDemoSectionPairing } from './demo-section-pairing';
import { seedDemoSpecialEquipment } from './demo-special-equipment';
import { seedDemoSupervision } from './demo-supervision';

/**
 * The demo campus: a county education bureau over a vocational college organised like 兰州现代职业学院
 * (党政办公室, 安全保卫处, 教务处, 学生工作处, 后勤管理处, 宣传统战部, 团委 and several 二级学院) and a
 * middle school; people, one account per role, a few hazards, plans and appraisal schemes.
 * Loaded through the gateway's public API, as the bootstrap administrator.
 */
export const DEMO_PASSWORD = 'Campus@2026';

/** The demo's organisation root and first account (npm start, the gateway benchmark). */
export const DEMO_BOOTSTRAP = { rootCode: 'BUREAU', rootName: '某县教育体育局', adminUsername: 'bureau.admin', adminPassword: DEMO_PASSWORD, adminName: '周文彬' };

export interface DemoAccount {
  username: string;
  role: string;
  unitCode: string;
  person: { name: string; position: string; phone: string };
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'school.head', role: 'UNIT_LEADER', unitCode: 'XDZY', person: { name: '马建华', position: '院长', phone: '13909310010' }, description: '现代职业学院院长（第一责任人）' },
  { username: 'safety.office', role: 'SAFETY_OFFICE', unitCode: 'XDZY', person: { name: '王建国', position: '安全保卫处处长', phone: '13909310001' }, description: '学校安全保卫处（全校）' },
  { username: 'xx.leader', role: 'UNIT_LEADER', unitCode: 'XDZY-XX', person: { name: '李明', position: '信息工程学院院长', phone: '13909310002' }, description: '信息工程学院第一责任人' },
  { username: 'xx.officer', role: 'UNIT_SAFETY_OFFICER', unitCode: 'XDZY-XX', person: { name: '张伟', position: '信息工程学院安全员', phone: '13909310003' }, description: '信息工程学院安全员' },
  { username: 'jd.officer', role: 'UNIT_SAFETY_OFFICER', unitCode: 'XDZY-JD', person: { name: '刘洋', position: '机电工程学院安全员', phone: '13909310004' }, description: '机电工程学院安全员' },
  { username: 'grid.officer', role: 'GRID_OFFICER', unitCode: 'XDZY-XX', person: { name: '陈静', position: '网格安全员', phone: '13909310005' }, description: '信息工程学院网格安全员' },
  { username: 'inspector', role: 'INSPECTOR', unitCode: 'BUREAU', person: { name: '赵刚', position: '督导组成员', phone: '13909310006' }, description: '教育局督导组' },
  { username: 'counselor', role: 'COUNSELOR', unitCode: 'XDZY-XG', person: { name: '孙丽', position: '心理健康中心教师', phone: '13909310007' }, description: '心理健康中心' },
  { username: 'staff', role: 'STAFF', unitCode: 'XDZY-HQ', person: { name: '周强', position: '后勤职工', phone: '13909310008' }, description: '后勤管理处职工' },
];

const UNITS: { code: string; name: string; kind: string; parent: string }[] = [
  { code: 'XDZY', name: '现代职业学院', kind: 'SCHOOL', parent: 'BUREAU' },
  { code: 'YZ', name: '县第一中学', kind: 'SCHOOL', parent: 'BUREAU' },
  { code: 'XDZY-DZB', name: '党政办公室', kind: 'DEPARTMENT', parent: 'XDZY' },
  { code: 'XDZY-BWC', name: '安全保卫处', kind: 'DEPARTMENT', parent: 'XDZY' },
  { code: 'XDZY-JWC', name: '教务处', kind: 'DEPARTMENT', parent: 'XDZY' },
  { code: 'XDZY-XG', name: '学生工作处', kind: 'DEPARTMENT', parent: 'XDZY' },
  { code: 'XDZY-HQ', name: '后勤管理处', kind: 'DEPARTMENT', parent: 'XDZY' },
  { code: 'XDZY-XC', name: '宣传统战部', kind: 'DEPARTMENT', parent: 'XDZY' },
  { code: 'XDZY-TW', name: '团委', kind: 'DEPARTMENT', parent: 'XDZY' },
  { code: 'XDZY-XX', name: '信息工程学院', kind: 'COLLEGE', parent: 'XDZY' },
  { code: 'XDZY-JD', name: '机电工程学院', kind: 'COLLEGE', parent: 'XDZY' },
  { code: 'XDZY-HL', name: '护理学院', kind: 'COLLEGE', parent: 'XDZY' },
  { code: 'XDZY-JG', name: '经济管理学院', kind: 'COLLEGE', parent: 'XDZY' },
  { code: 'YZ-ZWC', name: '政教处', kind: 'DEPARTMENT', parent: 'YZ' },
];

const HAZARDS = [
  { unit: 'XDZY-XX', title: '3号实训楼二层疏散通道堆放杂物', category: 'FIRE', grade: 'GENERAL', place: '3号实训楼二层东侧通道', description: '疏散通道堆放纸箱和废旧桌椅，影响紧急疏散。' },
  { unit: 'XDZY-XX', title: '机房配电箱未上锁且无警示标识', category: 'ELECTRICAL', grade: 'GENERAL', place: '信息楼301机房', description: '配电箱门未上锁，缺少“有电危险”标识。' },
  { unit: 'XDZY-JD', title: '危化品仓库双人双锁制度未落实', category: 'LAB_CHEMICAL', grade: 'MAJOR', place: '机电实训中心危化品仓库', description: '仓库仅一把锁，领用登记不全，存在流失风险。' },
  { unit: 'XDZY-JD', title: '实训车间行车年检过期', category: 'SPECIAL_EQUIPMENT', grade: 'GENERAL', place: '机电实训车间', description: '5吨行车检验合格证已过期两个月。' },
  { unit: 'XDZY-HQ', title: '学生食堂后厨燃气报警器失灵', category: 'GAS', grade: 'MAJOR', place: '第一学生食堂后厨', description: '燃气泄漏报警器测试无响应。' },
  { unit: 'XDZY-HL', title: '学生公寓5号楼消防栓水压不足', category: 'FIRE', grade: 'GENERAL', place: '学生公寓5号楼', description: '六层消防栓出水压力不足。' },
];

const PLANS = [
  { unit: 'XDZY', title: '现代职业学院突发事件总体应急预案', type: 'COMPREHENSIVE', scenario: null, versionLabel: '2026版', reviewDate: '2027-03-01' },
  { unit: 'XDZY-BWC', title: '校园火灾事故专项应急预案', type: 'SPECIAL', scenario: '火灾', versionLabel: '2026版', reviewDate: '2026-12-15' },
  { unit: 'XDZY-JD', title: '实训室危化品泄漏现场处置方案', type: 'ON_SITE', scenario: '危化品泄漏', versionLabel: 'v2.1', reviewDate: '2027-01-10' },
  { unit: 'XDZY-HQ', title: '食物中毒事件专项应急预案', type: 'SPECIAL', scenario: '食物中毒', versionLabel: '2025版', reviewDate: '2026-10-01' },
];

const SCHOOL_INDICATORS = [
  { name: '隐患整改率', weight: 25, kind: 'AUTOMATIC', metric: 'RECTIFICATION_RATE' },
  { name: '按期整改率', weight: 15, kind: 'AUTOMATIC', metric: 'ON_TIME_RECTIFICATION' },
  { name: '安全教育覆盖率', weight: 15, kind: 'AUTOMATIC', metric: 'EDUCATION_COVERAGE' },
  { name: '应急演练开展', weight: 15, kind: 'AUTOMATIC', metric: 'DRILLS_HELD' },
  { name: '责任书签订', weight: 10, kind: 'AUTOMATIC', metric: 'LETTERS_SIGNED' },
  { name: '统计表按时报送', weight: 10, kind: 'AUTOMATIC', metric: 'CAMPAIGN_REPORTS_ON_TIME' },
  { name: '安全台账规范性', weight: 10, kind: 'MANUAL' },
];

export interface SeedResult {
  seeded: boolean;
  unitIds: Record<string, string>;
}

export async function seedDemoCampus(admin: GraphQLClient, log: (line: string) => void = () => undefined): Promise<SeedResult> {
  const me = await admin.data<{ me: { grants: { orgUnit: { id: string; code: string } }[] } }>(
    '{ me { grants { orgUnit { id code } } } }',
  );
  const root = me.me.grants[0].orgUnit;
  const tree = await admin.data<{ orgUnits: { totalCount: number; edges: { node: { id: string; code: string } }[] } }>(
    'query { orgUnits(first: 100) { totalCount edges { node { id code } } } }',
  );
  const unitIds: Record<string, string> = Object.fromEntries(tree.orgUnits.edges.map(({ node }) => [node.code, node.id]));
  if (tree.orgUnits.totalCount > 1) return { seeded: false, unitIds };
  unitIds[root.code] = root.id;

  for (const unit of UNITS) {
    const created = await admin.data<{ createOrgUnit: { orgUnit: { id: string } } }>(
      'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }',
      { input: { parentId: unitIds[unit.parent], code: unit.code, name: unit.name, kind: unit.kind } },
    );
    unitIds[unit.code] = created.createOrgUnit.orgUnit.id;
  }
  log(`demo: ${UNITS.length} units`);

  const clients: Record<string, GraphQLClient> = {};
  const personIds: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const person = await admin.data<{ createPerson: { person: { id: string } } }>(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
      { input: { orgUnitId: unitIds[account.unitCode], kind: 'STAFF', ...account.person } },
    );
    await admin.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
      input: {
        username: account.username,
        password: DEMO_PASSWORD,
        personId: person.createPerson.person.id,
        grants: [{ role: account.role, orgUnitId: unitIds[account.unitCode] }],
      },
    });
    personIds[account.username] = person.createPerson.person.id;
    clients[account.username] = await admin.login(account.username, DEMO_PASSWORD);
  }
  log(`demo: ${DEMO_ACCOUNTS.length} people with accounts`);

  const safetyOffice = clients['safety.office'];
  const discoveredAt = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
  for (const hazard of HAZARDS) {
    await safetyOffice.data('mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id } } }', {
      input: {
        orgUnitId: unitIds[hazard.unit],
        title: hazard.title,
        description: hazard.description,
        category: hazard.category,
        grade: hazard.grade,
        source: 'CAMPAIGN',
        placeText: hazard.place,
        discoveredAt,
      },
    });
  }
  for (const plan of PLANS) {
    await safetyOffice.data('mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { id } } }', {
      input: { orgUnitId: unitIds[plan.unit], title: plan.title, type: plan.type, scenario: plan.scenario, versionLabel: plan.versionLabel, reviewDate: plan.reviewDate },
    });
  }
  await admin.data('mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { appraisalScheme { id } } }', {
    input: { orgUnitId: unitIds.BUREAU, name: '2026年度学校安全工作目标考核方案', year: 2026, period: 'ANNUAL', indicators: SCHOOL_INDICATORS },
  });
  await safetyOffice.data('mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { appraisalScheme { id } } }', {
    input: { orgUnitId: unitIds.XDZY, name: '2026年二级学院安全工作过程考核方案', year: 2026, period: 'SECOND_HALF', indicators: SCHOOL_INDICATORS },
  });
  log(`demo: ${HAZARDS.length} hazards, ${PLANS.length} emergency plans, 2 appraisal schemes`);
  await seedResponsibilityNetwork(admin, clients, unitIds, personIds, log);
  await seedDemoInspections(clients, unitIds, personIds, log);
  await seedDemoCampaign(clients, unitIds, log);
  await seedDemoSpecialEquipment({ clients, unitIds, log });
  await seedDemoEducation({ clients, unitIds, personIds, log });
  await seedDemoHealthChecks({ clients, unitIds, personIds, log });
  await seedDemoPeopleAtRisk({ clients, unitIds, personIds, log });
  await seedDemoSupervision({ clients, unitIds, personIds, log });
  await seedDemoAccountability({ clients, unitIds, personIds, log });
  await seedDemoAppraisal({ clients, unitIds, log });
  await seedDemoSectionPairing({ admin, unitIds, log });
  await seedDemoPeriodicReports({ admin, clients, unitIds, log });
  await seedDemoPlacesSafety({ clients, unitIds, log });
  await seedDemoNotifications({ admin, clients, password: DEMO_PASSWORD, log });
  return { seeded: true, unitIds };
}

async function created<T>(
  client: GraphQLClient,
  mutation: string,
  input: Record<string, unknown>,
  pick: (data: GraphQLData) => T,
): Promise<T> {
  return pick(await client.data(mutation, { input }));
}

/** Places, grids, posts, the leading group, letters and duty rosters of the demo college. */
async function seedResponsibilityNetwork(
  admin: GraphQLClient,
  clients: Record<string, GraphQLClient>,
  unitIds: Record<string, string>,
  personIds: Record<string, string>,
  log: (line: string) => void,
): Promise<void> {
  const office = clients['safety.office'];
  const today = calendarDate(0);
  const place = (input: Record<string, unknown>) =>
    created(office, 'mutation($input: CreatePlaceInput!) { createPlace(input: $input) { place { id } } }', input, (d) => d.createPlace.place.id as string);
  const infoBuilding = await place({ orgUnitId: unitIds['XDZY-XX'], name: '信息楼', kind: 'BUILDING', function: 'TEACHING' });
  const infoFloor = await place({ orgUnitId: unitIds['XDZY-XX'], name: '信息楼三层', kind: 'FLOOR', parentId: infoBuilding });
  const lab = await place({ orgUnitId: unitIds['XDZY-XX'], name: '301机房', kind: 'ROOM', function: 'LAB', keyPlace: true, parentId: infoFloor });
  const workshop = await place({ orgUnitId: unitIds['XDZY-JD'], name: '3号实训楼', kind: 'BUILDING', function: 'LAB' });
  await place({ orgUnitId: unitIds['XDZY-JD'], name: '危化品仓库', kind: 'BUILDING', function: 'HAZMAT_STORE', keyPlace: true });
  const canteen = await place({ orgUnitId: unitIds['XDZY-HQ'], name: '第一学生食堂', kind: 'BUILDING', function: 'CANTEEN', keyPlace: true });
  await place({ orgUnitId: unitIds['XDZY-HQ'], name: '学生公寓5号楼', kind: 'BUILDING', function: 'DORMITORY', keyPlace: true });

  const grid = (input: Record<string, unknown>) =>
    created(office, 'mutation($input: CreateGridInput!) { createGrid(input: $input) { grid { id version } } }', input, (d) => d.createGrid.grid as { id: string; version: number });
  const campusGrid = await grid({ orgUnitId: unitIds.XDZY, name: '现代职业学院校园网格' });
  const xxGrid = await grid({ orgUnitId: unitIds['XDZY-XX'], name: '信息工程学院网格', parentId: campusGrid.id });
  const jdGrid = await grid({ orgUnitId: unitIds['XDZY-JD'], name: '机电工程学院网格', parentId: campusGrid.id });
  const setPlaces = 'mutation($input: SetGridPlacesInput!) { setGridPlaces(input: $input) { grid { id } } }';
  await office.data(setPlaces, { input: { gridId: xxGrid.id, placeIds: [infoBuilding, infoFloor, lab] } });
  await office.data(setPlaces, { input: { gridId: jdGrid.id, placeIds: [workshop] } });
  await office.data(setPlaces, { input: { gridId: campusGrid.id, placeIds: [canteen] } });
  const assign = 'mutation($input: AssignGridRoleInput!) { assignGridRole(input: $input) { assignment { id } } }';
  const from = calendarDate(-30);
  for (const [gridId, username, role] of [
    [campusGrid.id, 'safety.office', 'LEADER'],
    [xxGrid.id, 'xx.leader', 'LEADER'],
    [xxGrid.id, 'grid.officer', 'SAFETY_OFFICER'],
    [jdGrid.id, 'jd.officer', 'SAFETY_OFFICER'],
  ]) {
    await office.data(assign, { input: { gridId, personId: personIds[username], role, from } });
  }

  const post = 'mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }';
  await office.data(post, { input: { orgUnitId: unitIds['XDZY-XX'], title: '信息楼实验室主任', kind: 'LAB_DIRECTOR', holderId: personIds['xx.officer'] } });
  await office.data(post, { input: { orgUnitId: unitIds['XDZY-HQ'], title: '第一学生食堂负责人', kind: 'CANTEEN_MANAGER', holderId: personIds.staff } });
  await office.data(post, { input: { orgUnitId: unitIds['XDZY-JD'], title: '机电工程学院安全员', kind: 'SAFETY_OFFICER', holderId: personIds['jd.officer'] } });
  await office.data('mutation($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { workGroup { id } } }', {
    input: {
      orgUnitId: unitIds.XDZY,
      kind: 'LEADING_GROUP',
      name: '校园安全专项整治工作领导小组',
      officeHostUnitId: unitIds['XDZY-BWC'],
      responsibilities: '统筹校园安全专项整治，办公室设在安全保卫处，负责日常协调、督促检查和情况汇总。',
      members: [
        { personId: personIds['school.head'], role: 'LEADER', duty: '全面负责' },
        { personId: personIds['xx.leader'], role: 'MEMBER', duty: '二级学院安全责任落实' },
        { personId: personIds['safety.office'], role: 'OFFICE_DIRECTOR', duty: '办公室日常工作' },
      ],
    },
  });

  // A letter is signed by its recipient unit's first responsible person (the UNIT_LEADER there), found by the
  // platform. 机电工程学院 gets its dean as leader first (login jd.leader), so its letter waits for the dean's signature.
  await seedCollegeDean(admin, unitIds['XDZY-JD']);
  const year = Number(today.slice(0, 4));
  const letter = async (issuer: GraphQLClient, issuerUnit: string, recipientUnit: string, title: string) => {
    const draft = await created(
      issuer,
      'mutation($input: CreateResponsibilityLetterInput!) { createResponsibilityLetter(input: $input) { responsibilityLetter { id version } } }',
      {
        issuerUnitId: issuerUnit,
        recipientUnitId: recipientUnit,
        year,
        title,
        items: [
          { content: '全年不发生重特大校园安全责任事故', weight: 40 },
          { content: '隐患排查整改率达到100%，重大隐患按期销号', weight: 30 },
          { content: '每学期开展不少于2次应急疏散演练', weight: 30 },
        ],
      },
      (d) => d.createResponsibilityLetter.responsibilityLetter as { id: string; version: number },
    );
    return created(
      issuer,
      'mutation($input: IssueResponsibilityLetterInput!) { issueResponsibilityLetter(input: $input) { responsibilityLetter { id version } } }',
      { id: draft.id, version: draft.version },
      (d) => d.issueResponsibilityLetter.responsibilityLetter as { id: string; version: number },
    );
  };
  const toSchool = await letter(admin, unitIds.BUREAU, unitIds.XDZY, `${year}年度学校安全工作目标责任书`);
  await clients['school.head'].data('mutation($input: SignResponsibilityLetterInput!) { signResponsibilityLetter(input: $input) { responsibilityLetter { id } } }', {
    input: toSchool,
  });
  const toCollege = await letter(clients['school.head'], unitIds.XDZY, unitIds['XDZY-XX'], `${year}年度二级学院安全工作目标责任书`);
  await clients['xx.leader'].data('mutation($input: SignResponsibilityLetterInput!) { signResponsibilityLetter(input: $input) { responsibilityLetter { id } } }', {
    input: toCollege,
  });
  await letter(clients['school.head'], unitIds.XDZY, unitIds['XDZY-JD'], `${year}年度二级学院安全工作目标责任书`);

  await seedDemoDutyLeaders({ clients, unitIds, personIds, log });
  const roster = await created(
    office,
    'mutation($input: CreateDutyRosterInput!) { createDutyRoster(input: $input) { dutyRoster { id } } }',
    {
      orgUnitId: unitIds.XDZY,
      name: '校园24小时值班表',
      startDate: calendarDate(-1),
      endDate: calendarDate(6),
      periodKind: 'SENSITIVE',
      shifts: [
        { name: '白班', start: '08:00', end: '20:00' },
        { name: '夜班', start: '20:00', end: '08:00' },
      ],
    },
    (d) => d.createDutyRoster.dutyRoster.id as string,
  );
  for (let day = -1; day <= 4; day++) {
    for (const [shiftName, leader, officer] of [
      ['白班', 'school.head', 'safety.office'],
      ['夜班', 'xx.leader', 'staff'],
    ]) {
      await office.data('mutation($input: SetDutySlotInput!) { setDutySlot(input: $input) { slot { date } } }', {
        input: { rosterId: roster, date: calendarDate(day), shiftName, leaderPersonId: personIds[leader], officerPersonIds: [personIds[officer]] },
      });
    }
  }
  await office.data('mutation($id: ID!) { checkDutyGaps(rosterId: $id) { __typename } }', { id: roster });
  log('demo: 7 places, 3 grids, 3 posts, 1 leading group, 3 responsibility letters, 1 duty roster (last two days unstaffed)');
}

/** 机电工程学院's dean, its first responsible person: the UNIT_LEADER its responsibility letter is addressed to. */
async function seedCollegeDean(admin: GraphQLClient, collegeId: string): Promise<void> {
  const dean = await created(
    admin,
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
    { orgUnitId: collegeId, kind: 'STAFF', name: '高志远', position: '机电工程学院院长', phone: '13909310011' },
    (d) => d.createPerson.person.id as string,
  );
  await admin.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
    input: { username: 'jd.leader', password: DEMO_PASSWORD, personId: dean, grants: [{ role: 'UNIT_LEADER', orgUnitId: collegeId }] },
  });
}

/** A day relative to today in the school's time zone, YYYY-MM-DD. */
function calendarDate(offsetDays: number): string {
  return calendarDateOf(new Date(Date.now() + offsetDays * 24 * 3600 * 1000));
}
