import { calendarDateOf, schoolNoon } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';

/**
 * The campaign of the 兰州现代职业学院校园安全专项整治工作方案 (issued 2021-11-08) on the demo college: its
 * twelve focus areas with their lead and responsible departments, three phases and four report dates, a few
 * hazards found in it, and some units' reports (late for the report date that has come, the others missing;
 * one ahead of the next).
 *
 * Dates: the demo shows the campaign under way, with its first report date passed (so its statistics table
 * is frozen and a missing report shows) and the next ones ahead. Between 11-22 and 01-03 the plan's own
 * days are kept (in the year that makes the campaign current); on other days the whole timetable is moved
 * so that today falls where 11-25 falls in the plan: 17 days after the start, in the 整改完善 phase.
 *
 * The campaign's hazards are registered in units no other demo step or end-to-end test counts hazards of
 * (护理学院, 经济管理学院, 后勤管理处, 安全保卫处, 教务处, 学生工作处). They are linked while the campaign is a
 * draft and it is issued last, so the first snapshot, frozen by the service's scheduler, holds all of them.
 */

/** The plan's timetable as written (2021-11-08 印发). */
const SEED = {
  startsOn: '2021-11-08',
  phases: { SELF_CHECK: '2021-11-15', RECTIFY: '2021-12-15', SUPERVISE: '2021-12-30' },
  reportDates: ['2021-11-22', '2021-12-06', '2021-12-20', '2022-01-03'],
  endsOn: '2022-01-03',
};
/** Where today sits in the moved timetable: as on 2021-11-25, in the 整改完善 phase, 3 days after the first report. */
const DAYS_INTO_CAMPAIGN = 17;

export interface DemoCampaignDates {
  startsOn: string;
  endsOn: string;
  phases: { SELF_CHECK: string; RECTIFY: string; SUPERVISE: string };
  reportDates: string[];
}

const DAY_MS = 24 * 3600 * 1000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Applies a change to every date of the timetable. */
function mapDates(change: (day: string) => string): DemoCampaignDates {
  return {
    startsOn: change(SEED.startsOn),
    endsOn: change(SEED.endsOn),
    phases: { SELF_CHECK: change(SEED.phases.SELF_CHECK), RECTIFY: change(SEED.phases.RECTIFY), SUPERVISE: change(SEED.phases.SUPERVISE) },
    reportDates: SEED.reportDates.map(change),
  };
}

/** The plan's timetable for a day (YYYY-MM-DD): its own month and day when they make it current, else moved. */
export function demoCampaignDates(today: string): DemoCampaignDates {
  const year = Number(today.slice(0, 4));
  for (const startYear of [year, year - 1]) {
    const shift = startYear - 2021;
    const dates = mapDates((day) => `${Number(day.slice(0, 4)) + shift}${day.slice(4)}`);
    if (today >= dates.reportDates[0] && today <= dates.endsOn) return dates;
  }
  const offset = daysBetween(SEED.startsOn, addDays(today, -DAYS_INTO_CAMPAIGN));
  return mapDates((day) => addDays(day, offset));
}

const ALL_COLLEGES = ['XDZY-XX', 'XDZY-JD', 'XDZY-HL', 'XDZY-JG'];
const ALL_DEPARTMENTS = ['XDZY-DZB', 'XDZY-BWC', 'XDZY-JWC', 'XDZY-XG', 'XDZY-HQ', 'XDZY-XC', 'XDZY-TW'];
/** "各二级学院、机关各处室", without the area's lead units. */
const everyoneBut = (leads: string[]) => [...ALL_COLLEGES, ...ALL_DEPARTMENTS].filter((code) => !leads.includes(code));

interface DemoFocusArea {
  name: string;
  category: string | null;
  description: string;
  lead: string[];
  responsible: string[];
}

/**
 * The plan's twelve 整治重点. Units the demo college does not have (心理健康中心, 思政处, 马院) are left
 * out of (六) and (十二); (八) names only lead units and (九) only a responsible one, as the plan does.
 */
const FOCUS_AREAS: DemoFocusArea[] = [
  { name: '强化责任落实', category: null, lead: ['XDZY-DZB', 'XDZY-BWC'], responsible: everyoneBut(['XDZY-DZB', 'XDZY-BWC']),
    description: '落实各级安全主体责任，建立“人人有责、层层负责、各负其责”的全员安全责任体系，健全“明责、知责、履责、问责”的安全责任运行机制。' },
  { name: '完善网格管理', category: null, lead: ['XDZY-BWC'], responsible: everyoneBut(['XDZY-BWC']),
    description: '针对新生入学、人员变动等情况动态调整网格人员，网格管理人员名单、联系电话在教学、住宿区显著位置张贴公示。' },
  { name: '加强安全防控', category: null, lead: ['XDZY-BWC'], responsible: everyoneBut(['XDZY-BWC']),
    description: '开展安全风险辨识评估，形成风险隐患清单；完善“日检查、周整改、月汇总”隐患排查治理制度，实现排查、登记、整治、报告、销账闭环管理。' },
  { name: '治安安全整治', category: 'SECURITY', lead: ['XDZY-BWC'], responsible: everyoneBut(['XDZY-BWC']),
    description: '配齐配强专业保安，完善安防设施，严格落实门卫值守、内部巡查制度，会同相关部门开展校园周边综合治理。' },
  { name: '涉校违法犯罪防范治理', category: 'SECURITY', lead: ['XDZY-BWC', 'XDZY-XG'], responsible: everyoneBut(['XDZY-BWC', 'XDZY-XG']),
    description: '围绕校园暴力和欺凌、电信网络诈骗等开展线索摸排与移交；落实外聘教师、后勤服务人员入职查询和从业资格审查。' },
  { name: '落实安全教育和心理健康教育任务', category: 'PSYCHOLOGICAL', lead: ['XDZY-XG', 'XDZY-BWC'], responsible: ['XDZY-JWC', 'XDZY-TW', ...ALL_COLLEGES],
    description: '把安全教育纳入日常教育内容，开足心理健康教育课程，建立心理问题学生排查干预工作机制，完善动态教育防范台账。' },
  { name: '消防安全整治', category: 'FIRE', lead: ['XDZY-BWC'], responsible: everyoneBut(['XDZY-BWC']),
    description: '突出对学生食堂、宿舍、教学楼、图书馆、实验实训室、危险品仓库等人员密集场所排查，建立台账，限期整改；一时难以整改的落实风险管控措施。' },
  { name: '通勤车及交通安全整治', category: 'TRAFFIC', lead: ['XDZY-HQ', 'XDZY-DZB', 'XDZY-BWC'], responsible: [],
    description: '做好通勤车辆和公务车辆运行安全管理；重点整治院内机动车辆行驶、电动车乱停乱放、违规充电等现象。' },
  { name: '食品安全整治', category: 'FOOD', lead: [], responsible: ['XDZY-HQ'],
    description: '健全食堂、超市、茶饮店等食品安全管理制度，定期开展食品安全自查自纠，加强农药残留检测和冷链食材溯源管理，落实陪餐制度。' },
  { name: '实验实训室危化品安全整治', category: 'LAB_CHEMICAL', lead: ['XDZY-JWC'], responsible: ['XDZY-BWC', 'XDZY-HQ', ...ALL_COLLEGES],
    description: '重点检查危化品购买、存储、使用及危险废弃物处置等环节；排查电梯、压力容器、气瓶等重点设施设备安全隐患。' },
  { name: '建筑与施工安全整治', category: 'BUILDING', lead: ['XDZY-HQ'], responsible: ['XDZY-BWC', ...ALL_COLLEGES],
    description: '全面排查建筑物安全隐患，逐一建档造册，实行台账管理；对在建项目施工场所严格实行隔离管理。' },
  { name: '维护国家政治安全', category: null, lead: ['XDZY-XC'], responsible: ALL_COLLEGES,
    description: '严格落实意识形态工作责任制，强化对宣传思想文化阵地和网络媒体的监管，及时开展政治安全与意识形态风险研判。' },
];

const PHASE_DESCRIPTIONS = {
  SELF_CHECK: '各牵头部门对照目标要求逐条逐项开展自查，建立工作台账；各二级学院制定具体工作方案，排隐患、查漏项、补短板。',
  RECTIFY: '针对自查发现的未达标任务和薄弱环节逐一制定整改方案，确保隐患整改的责任、措施、时限、预案“四落实”。',
  SUPERVISE: '各牵头部门对各二级学院专项整治各环节开展督导检查，形成督查报告，作为年终考核的一项依据。',
};

type Outcome = 'REGISTERED' | 'REPORTED' | 'FIXED_ON_THE_SPOT' | 'RECTIFYING_OVERDUE';

interface DemoHazard {
  unit: string;
  title: string;
  category: string;
  grade: string;
  place: string;
  description: string;
  /** Days after the campaign's start; negative: days before today. */
  discovered: number;
  outcome: Outcome;
}

const HAZARDS: DemoHazard[] = [
  { unit: 'XDZY-HL', title: '护理实训楼灭火器压力不足', category: 'FIRE', grade: 'GENERAL', place: '护理实训楼二层', description: '两具干粉灭火器压力指针处于红区。', discovered: 3, outcome: 'FIXED_ON_THE_SPOT' },
  { unit: 'XDZY-HL', title: '护理实训室医用酒精超量存放', category: 'LAB_CHEMICAL', grade: 'MAJOR', place: '护理实训室准备间', description: '准备间存放医用酒精约 60 升，超过规定限量，且未使用防爆柜。', discovered: 5, outcome: 'REPORTED' },
  { unit: 'XDZY-JG', title: '经管学院学生公寓门禁失效', category: 'SECURITY', grade: 'GENERAL', place: '学生公寓3号楼', description: '门禁闸机损坏，夜间无人值守时外来人员可随意进出。', discovered: 6, outcome: 'REGISTERED' },
  { unit: 'XDZY-HQ', title: '第二食堂留样记录不全', category: 'FOOD', grade: 'GENERAL', place: '第二学生食堂', description: '部分餐次未按规定留样 48 小时，留样记录缺少签字。', discovered: 4, outcome: 'FIXED_ON_THE_SPOT' },
  { unit: 'XDZY-HQ', title: '校内电动车集中违规充电', category: 'TRAFFIC', grade: 'GENERAL', place: '学生公寓5号楼北侧', description: '电动车在楼道口飞线充电，未设集中充电桩。', discovered: 7, outcome: 'RECTIFYING_OVERDUE' },
  { unit: 'XDZY-BWC', title: '东门监控摄像头故障', category: 'SECURITY', grade: 'GENERAL', place: '学院东门', description: '东门两台摄像头无画面，监控存在盲区。', discovered: 9, outcome: 'REPORTED' },
  { unit: 'XDZY-JWC', title: '化学实验室危险废物未分类暂存', category: 'LAB_CHEMICAL', grade: 'GENERAL', place: '公共化学实验室', description: '废液桶未按酸碱、有机无机分类，标签缺失。', discovered: 10, outcome: 'FIXED_ON_THE_SPOT' },
  { unit: 'XDZY-XG', title: '心理问题学生排查台账未及时更新', category: 'PSYCHOLOGICAL', grade: 'GENERAL', place: '学生工作处', description: '新生心理普查后重点关注学生台账未更新。', discovered: -1, outcome: 'REGISTERED' },
];

const HAZARD_FIELDS = 'hazard { id version }';

async function step(client: GraphQLClient, mutation: string, inputType: string, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const data = await client.data(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${HAZARD_FIELDS} } }`, { input });
  return data[mutation].hazard;
}

async function registerHazard(
  office: GraphQLClient,
  hazard: DemoHazard,
  campaignId: string,
  unitIds: Record<string, string>,
  dates: DemoCampaignDates,
  today: string,
  responsiblePersonId: string,
): Promise<void> {
  const discoveredOn = hazard.discovered >= 0 ? addDays(dates.startsOn, hazard.discovered) : addDays(today, hazard.discovered);
  let current = await step(office, 'registerHazard', 'RegisterHazardInput', {
    orgUnitId: unitIds[hazard.unit],
    title: hazard.title,
    description: hazard.description,
    category: hazard.category,
    grade: hazard.grade,
    source: 'CAMPAIGN',
    placeText: hazard.place,
    discoveredAt: schoolNoon(discoveredOn).toISOString(),
    campaignId,
  });
  const versioned = () => ({ id: current.id, version: current.version });
  if (hazard.outcome === 'FIXED_ON_THE_SPOT') {
    await step(office, 'fixOnTheSpot', 'FixOnTheSpotInput', { ...versioned(), measures: '现场整改到位' });
    return;
  }
  if (hazard.outcome === 'REGISTERED') return;
  current = await step(office, 'reportHazard', 'ReportHazardInput', { ...versioned(), comment: '专项整治排查发现，报学院安保处' });
  if (hazard.outcome === 'REPORTED') return;
  // A plan whose deadline fell before the first report date: rectifying and overdue there.
  current = await step(office, 'submitRectificationPlan', 'SubmitRectificationPlanInput', {
    ...versioned(),
    responsiblePersonId,
    measures: '设置集中充电区，清理楼道飞线',
    deadline: addDays(dates.reportDates[0], -4),
    contingencyPlan: '整改完成前安排专人夜间巡查，发现飞线充电立即断电',
  });
  await step(office, 'startRectification', 'StartRectificationInput', versioned());
}

/** Seeds the campaign as the school's safety office; the units' reports as the office and two college officers. */
export async function seedDemoCampaign(
  clients: Record<string, GraphQLClient>,
  unitIds: Record<string, string>,
  log: (line: string) => void,
): Promise<void> {
  const office = clients['safety.office'];
  const today = calendarDateOf(new Date());
  const dates = demoCampaignDates(today);
  const ids = (codes: string[]) => codes.map((code) => unitIds[code]);
  const created = await office.data(
    'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id version } } }',
    {
      input: {
        orgUnitId: unitIds.XDZY,
        title: '校园安全专项整治',
        description:
          '按照省委教育工委、省教育厅校园安全专项整顿工作要求，压实各二级学院、机关各处室主体责任，查漏洞、补短板、建台账、明责任，全面消除可能对校园安全造成影响的各类风险隐患。',
        startsOn: dates.startsOn,
        endsOn: dates.endsOn,
        phases: (['SELF_CHECK', 'RECTIFY', 'SUPERVISE'] as const).map((kind) => ({ kind, deadline: dates.phases[kind], description: PHASE_DESCRIPTIONS[kind] })),
        focusAreas: FOCUS_AREAS.map((area) => ({
          name: area.name,
          category: area.category,
          description: area.description,
          leadUnitIds: ids(area.lead),
          responsibleUnitIds: ids(area.responsible),
        })),
        reportDates: dates.reportDates,
      },
    },
  );
  const campaign: { id: string; version: number } = created.createCampaign.campaign;
  const staff = await clients.staff.data('{ me { person { id } } }');
  for (const hazard of HAZARDS) {
    await registerHazard(office, hazard, campaign.id, unitIds, dates, today, staff.me.person.id);
  }
  await office.data('mutation($input: PublishCampaignInput!) { publishCampaign(input: $input) { campaign { id } } }', {
    input: { id: campaign.id, version: campaign.version },
  });

  const submit = (client: GraphQLClient, reportDate: string, unit: string, note: string) =>
    client.data('mutation($input: SubmitCampaignReportInput!) { submitCampaignReport(input: $input) { report { id } } }', {
      input: { campaignId: campaign.id, reportDate, orgUnitId: unitIds[unit], note },
    });
  // The latest report date that has come (late reports from two units, the others missing once it has
  // passed) and the next one (one unit reporting ahead of it).
  const due = dates.reportDates.filter((day) => day <= today).at(-1);
  const next = dates.reportDates.find((day) => day > today);
  let reports = 0;
  if (due) {
    await submit(office, due, 'XDZY-BWC', '安全保卫处本期新发现隐患 1 处，已上报');
    await submit(clients['xx.officer'], due, 'XDZY-XX', '信息工程学院本期自查未发现新增隐患');
    reports += 2;
  }
  if (next) {
    await submit(clients['jd.officer'], next, 'XDZY-JD', '机电工程学院本期统计表已填报');
    reports += 1;
  }
  log(`demo: campaign 校园安全专项整治 (${dates.startsOn} – ${dates.endsOn}), ${FOCUS_AREAS.length} focus areas, ${HAZARDS.length} hazards, ${reports} unit reports`);
}
