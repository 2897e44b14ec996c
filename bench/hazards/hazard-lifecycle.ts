import { Person, Place, School, Unit } from './org-tree';
import { Random, Weighted } from './random';

/**
 * One generated hazard: its facts and how far its closed loop had got by `now`. Old hazards are mostly
 * archived or closed, recent ones open; some deadlines pass before acceptance (overdue, escalated).
 */
export const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const SHANGHAI = 8 * HOUR;

export interface GeneratedPlan {
  responsiblePersonId: string;
  measures: string;
  deadline: string;
  contingencyPlan: string;
  funds: string | null;
  upwardReportNote: string | null;
  reportedUpwardAt: number | null;
  interimMeasures: string | null;
  submittedAt: number;
}

export interface GeneratedHazard {
  id: string;
  code: string;
  title: string;
  description: string;
  category: string;
  grade: 'GENERAL' | 'MAJOR';
  source: string;
  status: string;
  placeText: string;
  discoveredAt: number;
  discoveredByPersonId: string | null;
  registeredByAccountId: string;
  unit: Unit;
  version: number;
  createdAt: number;
  updatedAt: number;
  voidReason: string | null;
  failedAcceptances: number;
  rectifiedByPersonId: string | null;
  placeId: string | null;
  plan: GeneratedPlan | null;
  acceptedAt: number | null;
  closedAt: number | null;
  acceptedOnTime: 0 | 1 | null;
  /** Escalation tiers recorded by now (open hazards past their deadline), with when. */
  escalations: { tier: 1 | 2 | 3; at: number }[];
}

/** Categories skewed toward fire, electrical and buildings; the chance a hazard of each is MAJOR. */
const CATEGORIES: [string, number, number][] = [
  ['FIRE', 22, 0.03],
  ['ELECTRICAL', 17, 0.025],
  ['BUILDING', 14, 0.06],
  ['FOOD', 8, 0.02],
  ['SECURITY', 7, 0.01],
  ['LAB_CHEMICAL', 5, 0.06],
  ['TRAFFIC', 5, 0.03],
  ['SPECIAL_EQUIPMENT', 4, 0.05],
  ['GAS', 4, 0.07],
  ['CONSTRUCTION', 4, 0.07],
  ['SURROUNDINGS', 3, 0.01],
  ['PUBLIC_HEALTH', 2, 0.01],
  ['NETWORK', 2, 0.01],
  ['PSYCHOLOGICAL', 1, 0.01],
  ['OTHER', 2, 0.01],
];
const MAJOR_SHARE = 0.03;
const MAJOR_SCALE = MAJOR_SHARE / (CATEGORIES.reduce((sum, [, weight, major]) => sum + weight * major, 0) / 100);
const MAJOR_CHANCE = new Map(CATEGORIES.map(([category, , major]) => [category, major * MAJOR_SCALE]));
const CATEGORY = new Weighted(CATEGORIES.map(([category, weight]) => [category, weight] as const));
const SOURCE = new Weighted<string>([
  ['SELF_INSPECTION', 45],
  ['ROUTINE_INSPECTION', 30],
  ['SUPERVISION', 10],
  ['CAMPAIGN', 8],
  ['REPORT', 5],
  ['DRILL', 2],
]);

const ISSUES: Record<string, string[]> = {
  FIRE: ['疏散通道堆放杂物', '灭火器压力不足', '应急照明灯损坏', '消防栓被遮挡', '安全出口指示标志不亮', '防火门常开', '烟感探测器失效'],
  ELECTRICAL: ['配电箱未上锁', '私拉乱接电线', '插座面板破损', '线路老化发热', '漏电保护器失灵', '大功率电器违规使用'],
  BUILDING: ['外墙瓷砖空鼓', '楼梯扶手松动', '教室吊顶开裂', '围墙局部倾斜', '屋面渗漏', '窗户限位器缺失'],
  FOOD: ['留样记录不全', '冷藏柜温度超标', '从业人员健康证过期', '生熟未分开存放', '防鼠设施缺失'],
  SECURITY: ['门卫登记不落实', '监控探头故障', '防冲撞设施缺失', '一键报警装置失灵'],
  LAB_CHEMICAL: ['危化品未双人双锁', '废液未分类收集', '通风橱失效', '危化品台账不全'],
  TRAFFIC: ['校车安全带损坏', '接送区域无交通标志', '校门口减速带缺失'],
  SPECIAL_EQUIPMENT: ['电梯年检过期', '锅炉压力表未校验', '气瓶未固定'],
  GAS: ['燃气报警器失灵', '燃气管道锈蚀', '燃气软管老化'],
  CONSTRUCTION: ['施工区域未封闭', '脚手架无验收', '施工人员未戴安全帽'],
  SURROUNDINGS: ['校门口流动摊贩', '周边网吧接纳学生', '校外道路积水'],
  PUBLIC_HEALTH: ['晨午检记录缺失', '饮水机未定期消毒'],
  NETWORK: ['弱口令未整改', '服务器未打补丁'],
  PSYCHOLOGICAL: ['心理辅导室未开放', '重点学生台账未更新'],
  OTHER: ['安全台账不规范', '安全培训记录缺失'],
};
const SPOTS = ['一层东侧', '二层走廊', '三层西侧', '北侧', '地下室', '后门', '楼顶', '南侧'];

/** How many hazards a day sees, by the school calendar: terms, holidays, back-to-school checks. */
function seasonOf(month: number, day: number): number {
  const date = month * 100 + day;
  if (date >= 121 && date <= 224) return 0.25; // winter holiday, Spring Festival
  if (date >= 225 && date <= 310) return 1.6; // 开学安全检查
  if (date >= 706 && date <= 825) return 0.3; // summer holiday
  if (date >= 826 && date <= 920) return 1.7; // 开学安全检查
  if (month === 6 || month === 11) return 1.15; // flood season; 119 fire safety month
  return 1;
}

/** Days of the last `years` years (school days in Asia/Shanghai), weighted by season, weekday and adoption. */
export class DiscoveryCalendar {
  private readonly days: number[] = [];
  private readonly weighted: Weighted<number>;

  constructor(
    private readonly now: number,
    years: number,
  ) {
    const today = Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI;
    const count = Math.round(years * 365.25);
    const entries: [number, number][] = [];
    for (let k = count; k >= 0; k--) {
      const start = today - k * DAY;
      const local = new Date(start + SHANGHAI);
      const weekday = local.getUTCDay();
      const weekdayFactor = weekday === 0 ? 0.2 : weekday === 6 ? 0.25 : 1;
      const adoption = 0.7 + 0.5 * (1 - k / count);
      entries.push([start, seasonOf(local.getUTCMonth() + 1, local.getUTCDate()) * weekdayFactor * adoption]);
      this.days.push(start);
    }
    this.weighted = new Weighted(entries);
  }

  /** A discovery time: a weighted day, mostly in school hours. */
  draw(random: Random): number {
    const dayStart = this.weighted.draw(random);
    const hours = random.chance(0.85) ? random.uniform(7.5, 17.5) : random.uniform(17.5, 22);
    const at = dayStart + hours * HOUR;
    return at < this.now - HOUR ? at : this.now - random.uniform(1, 3) * HOUR;
  }
}

export function calendarDay(ms: number): string {
  return new Date(ms + SHANGHAI).toISOString().slice(0, 10);
}

/** The instant a school day ends (the next day's midnight in Asia/Shanghai). */
function endOfDay(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`) + DAY;
}

const GENERAL_DEADLINE_DAYS = [3, 7, 7, 10, 14, 15, 20, 30, 30, 45, 60];
const MAJOR_DEADLINE_DAYS = [30, 60, 90, 90, 120, 180];

interface Loop {
  status: string;
  at: number;
}

export interface HazardContext {
  random: Random;
  now: number;
  school: School;
  registrar: string;
  id: string;
  code: string;
  discoveredAt: number;
}

function pickUnit(random: Random, school: School): Unit {
  return school.units.length === 1 || random.chance(0.4) ? school.unit : random.pick(school.units.slice(1));
}

function staffOf(random: Random, school: School, unit: Unit): Person {
  const own = school.staff.filter((person) => person.unit === unit);
  return own.length && random.chance(0.7) ? random.pick(own) : random.pick(school.staff);
}

/** Simulates one hazard's closed loop up to now. */
export function generateHazard(context: HazardContext): GeneratedHazard {
  const { random, now, school } = context;
  const category = CATEGORY.draw(random);
  const grade = random.chance(MAJOR_CHANCE.get(category) ?? 0.01) ? 'MAJOR' : 'GENERAL';
  const unit = pickUnit(random, school);
  const place: Place | null = random.chance(0.75) ? random.pick(school.places) : null;
  const issue = random.pick(ISSUES[category]);
  const spot = random.pick(SPOTS);
  const createdAt = Math.min(context.discoveredAt + Math.min(random.exponential(2 * HOUR), 72 * HOUR), now);
  const hazard: GeneratedHazard = {
    id: context.id,
    code: context.code,
    title: `${place?.name ?? ''}${spot}${issue}`,
    description: `${place?.name ?? '校园'}${spot}${issue}，${grade === 'MAJOR' ? '存在较大安全风险，需立即管控' : '需按期整改'}。`,
    category,
    grade,
    source: SOURCE.draw(random),
    status: 'REGISTERED',
    placeText: `${place?.name ?? '校园'}${spot}`,
    discoveredAt: context.discoveredAt,
    discoveredByPersonId: random.chance(0.6) ? staffOf(random, school, unit).id : null,
    registeredByAccountId: context.registrar,
    unit,
    version: 1,
    createdAt,
    updatedAt: createdAt,
    voidReason: null,
    failedAcceptances: 0,
    rectifiedByPersonId: null,
    placeId: place?.id ?? null,
    plan: null,
    acceptedAt: null,
    closedAt: null,
    acceptedOnTime: null,
    escalations: [],
  };
  const loop: Loop[] = [];
  if (random.chance(0.02)) {
    loop.push({ status: 'VOIDED', at: createdAt + random.uniform(1, 72) * HOUR });
  } else if (grade === 'GENERAL' && random.chance(0.28)) {
    onTheSpot(hazard, loop, random);
  } else if (!random.chance(0.002)) {
    rectify(hazard, loop, random, school, now);
  }
  settle(hazard, loop, now, staffOf(random, school, unit).id);
  return hazard;
}

/** 即查即改: every step at once, then archived with the month's files. */
function onTheSpot(hazard: GeneratedHazard, loop: Loop[], random: Random): void {
  const at = hazard.createdAt + random.uniform(5 / 60, 3) * HOUR;
  for (const status of ['REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'ACCEPTED', 'CLOSED']) loop.push({ status, at });
  loop.push({ status: 'ARCHIVED', at: at + random.uniform(20, 60) * DAY });
}

/** The planned loop: report, plan (四落实), rectify (sometimes late, sometimes stuck), accept, close, archive. */
function rectify(hazard: GeneratedHazard, loop: Loop[], random: Random, school: School, now: number): void {
  const major = hazard.grade === 'MAJOR';
  const reported = hazard.createdAt + Math.min(random.exponential(DAY), 10 * DAY);
  loop.push({ status: 'REPORTED', at: reported });
  const planned = reported + Math.min(random.exponential(1.5 * DAY), 14 * DAY);
  if (planned > now) return;
  const deadlineDays = random.pick(major ? MAJOR_DEADLINE_DAYS : GENERAL_DEADLINE_DAYS);
  const deadline = calendarDay(planned + deadlineDays * DAY);
  const due = endOfDay(deadline);
  hazard.plan = {
    responsiblePersonId: staffOf(random, school, hazard.unit).id,
    measures: `落实整改措施：${hazard.title.slice(-8)}整改到位，明确专人负责`,
    deadline,
    contingencyPlan: '整改期间设置警示标识，专人巡查，发现异常立即启动应急预案',
    funds: major ? String(random.int(5, 200) * 1000) + '.00' : null,
    upwardReportNote: major ? '已书面报告上级教育行政部门' : null,
    reportedUpwardAt: major ? reported + random.uniform(1, 12) * HOUR : null,
    interimMeasures: deadlineDays > 7 ? '设置隔离围挡和警示标志，每日巡查' : null,
    submittedAt: planned,
  };
  const started = planned + Math.min(random.exponential(DAY / 2), 5 * DAY);
  loop.push({ status: 'RECTIFYING', at: started });
  if (random.chance(0.002)) return; // abandoned: never finished
  // Most finish before the deadline; some late by days; a few (悬而不决, more often MAJOR) by weeks or months.
  const dragging = random.chance(major ? 0.06 : 0.01);
  const late = dragging || random.chance(major ? 0.25 : 0.12);
  let submitted = late ? due + random.exponential((dragging ? 45 : 7) * DAY) : started + random.uniform(0.2, 0.95) * Math.max(due - started, HOUR);
  loop.push({ status: 'PENDING_ACCEPTANCE', at: submitted });
  if (random.chance(0.06)) {
    const failed = submitted + Math.min(random.exponential(2 * DAY), 10 * DAY);
    loop.push({ status: 'RECTIFYING', at: failed });
    submitted = failed + random.uniform(2, 10) * DAY;
    loop.push({ status: 'PENDING_ACCEPTANCE', at: submitted });
    if (failed <= now) hazard.failedAcceptances = 1;
  }
  const accepted = submitted + Math.min(random.exponential(2 * DAY), 10 * DAY);
  loop.push({ status: 'ACCEPTED', at: accepted });
  const closed = accepted + Math.min(random.exponential(2 * DAY), 14 * DAY);
  loop.push({ status: 'CLOSED', at: closed });
  loop.push({ status: 'ARCHIVED', at: closed + random.uniform(20, 60) * DAY });
}

/** Applies the steps taken by now: status, version, times; and the escalations of an open, overdue hazard. */
function settle(hazard: GeneratedHazard, loop: Loop[], now: number, rectifier: string): void {
  for (const step of loop) {
    if (step.at > now) break;
    hazard.status = step.status;
    hazard.version += 1;
    hazard.updatedAt = Math.max(hazard.updatedAt, step.at);
    if (step.status === 'PENDING_ACCEPTANCE') hazard.rectifiedByPersonId = rectifier;
    if (step.status === 'ACCEPTED') hazard.acceptedAt = step.at;
    if (step.status === 'CLOSED') hazard.closedAt = step.at;
    if (step.status === 'VOIDED') hazard.voidReason = '重复登记';
  }
  if (hazard.plan) hazard.version += 1;
  const deadline = hazard.plan?.deadline;
  if (deadline && hazard.acceptedAt !== null) hazard.acceptedOnTime = hazard.acceptedAt < endOfDay(deadline) ? 1 : 0;
  if (deadline && ['REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE'].includes(hazard.status)) hazard.escalations = dueEscalations(deadline, hazard.grade, now);
}

/** What the overdue escalator would have recorded by now: tier 1 the day after the deadline, 2 after 3 days, 3 after 7; MAJOR straight to 3. */
function dueEscalations(deadline: string, grade: string, now: number): { tier: 1 | 2 | 3; at: number }[] {
  const due = endOfDay(deadline);
  if (now < due) return [];
  if (grade === 'MAJOR') return [{ tier: 3, at: due }];
  const tiers: { tier: 1 | 2 | 3; at: number }[] = [{ tier: 1, at: due }];
  if (now >= due + 2 * DAY) tiers.push({ tier: 2, at: due + 2 * DAY });
  if (now >= due + 6 * DAY) tiers.push({ tier: 3, at: due + 6 * DAY });
  return tiers;
}
