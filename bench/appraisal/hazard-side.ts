import { calendarDay, DAY, DiscoveryCalendar, GeneratedHazard, generateHazard } from '../hazards/hazard-lifecycle';
import { sqlTime, tsvLine } from '../hazards/loader';
import { School } from '../hazards/org-tree';
import { Random, Weighted } from '../hazards/random';
import { IdSequence } from '../education/people';
import { dayNumber, dayOf, localInstant, Tables } from './tables';

/**
 * The hazard-side facts of one school as supervision-appraisal keeps them from hazard-tracking's events
 * (migrations 1764600000030–032): hazard_fact from bench/hazards' closed-loop simulation, inspection tasks
 * and their checks, the campaign reports owed and submitted, incidents.
 */
const HOUR = 3_600_000;
const REPORT_LIMIT_MS = 24 * HOUR;

export const HAZARD_SIDE_COLUMNS = {
  hazard_fact: [
    'id', 'code', 'title', 'org_unit_id', 'org_path', 'grade', 'category', 'source', 'status', 'version', 'discovered_at', 'registered_at',
    'reported_at', 'deadline', 'rectified_at', 'rectified_on', 'due_on', 'overdue_at', 'reported_late', 'voided', 'updated_at',
  ],
  inspection_task_fact: ['id', 'name', 'org_unit_id', 'org_path', 'cadence', 'starts_on', 'ends_on', 'stopped_on', 'version'],
  inspection_fact: ['id', 'task_id', 'org_unit_id', 'org_path', 'period_start', 'period_end', 'performed_at', 'recorded_at', 'on_time', 'findings_count'],
  campaign_report_fact: ['campaign_id', 'org_unit_id', 'report_date', 'org_path', 'campaign_title', 'report_id', 'submitted_at', 'on_time'],
  incident_fact: ['id', 'org_unit_id', 'org_path', 'type', 'severity', 'occurred_at', 'occurred_on', 'reported_at', 'report_delay_minutes', 'deaths', 'injuries'],
} as const;

const endOfDay = (day: string) => Date.parse(`${day}T00:00:00+08:00`) + DAY;
const UNREPORTED = ['DISCOVERED', 'REGISTERED', 'VOIDED'];

/**
 * When the 报告 step came: a major hazard within hours of its discovery (rarely later than 24 hours: 迟报),
 * a general one after up to days (as the lifecycle simulation has it); 即查即改 at once; never for hazards
 * still registered or voided.
 */
function reportedAt(random: Random, h: GeneratedHazard, now: number): number | null {
  if (UNREPORTED.includes(h.status)) return null;
  if (!h.plan && h.acceptedAt !== null) return h.acceptedAt;
  const delay = h.grade === 'MAJOR' ? random.uniform(0.2, 1) * HOUR + random.exponential(3 * HOUR) : Math.min(random.exponential(DAY), 10 * DAY);
  return Math.min(h.createdAt + delay, h.acceptedAt ?? now, now);
}

export interface HazardTally {
  hazards: number;
  /** Major hazards discovered in the year reported more than 24 h after discovery, or not yet reported 24 h on (迟报/瞒报). */
  lateMajors: number;
}

/** A school's hazards over the last year, codes numbered per school and year in discovery order. */
export function writeSchoolHazards(
  tables: Tables,
  context: { random: Random; school: School; count: number; calendar: DiscoveryCalendar; ids: IdSequence; now: number; year: number },
): HazardTally {
  const { random, school, now } = context;
  const registrar = random.hex(32);
  const times = Array.from({ length: context.count }, () => context.calendar.draw(random)).sort((a, b) => a - b);
  const perYear = new Map<number, number>();
  let lateMajors = 0;
  for (const discoveredAt of times) {
    const year = Number(calendarDay(discoveredAt).slice(0, 4));
    const number = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, number);
    const code = `${school.unit.code}-YH-${year}-${String(number).padStart(4, '0')}`;
    const h = generateHazard({ random, now, school, registrar, id: context.ids.take(random), code, discoveredAt });
    const reported = reportedAt(random, h, now);
    const deadline = h.plan?.deadline ?? null;
    const rectifiedOn = h.acceptedAt === null ? null : calendarDay(h.acceptedAt);
    const overdue = deadline !== null && h.status !== 'VOIDED' && now > endOfDay(deadline) && (h.acceptedAt === null || h.acceptedAt > endOfDay(deadline));
    const late = h.grade === 'MAJOR' && h.status !== 'VOIDED' && (reported === null ? now - discoveredAt > REPORT_LIMIT_MS : reported - discoveredAt > REPORT_LIMIT_MS);
    if (late && year === context.year) lateMajors++;
    tables.add('hazard_fact', tsvLine([
      h.id, h.code, h.title, h.unit.id, h.unit.path, h.grade, h.category, h.source, h.status, h.version, sqlTime(discoveredAt), sqlTime(h.createdAt),
      reported === null ? null : sqlTime(reported), deadline, h.acceptedAt === null ? null : sqlTime(h.acceptedAt), rectifiedOn, deadline ?? rectifiedOn,
      overdue ? sqlTime(endOfDay(deadline!) + 5 * 60_000) : null, h.grade === 'MAJOR' && reported !== null ? (reported - discoveredAt > REPORT_LIMIT_MS ? 1 : 0) : null,
      h.status === 'VOIDED' ? 1 : 0, sqlTime(h.updatedAt),
    ]));
  }
  return { hazards: times.length, lateMajors };
}

interface Task {
  id: string;
  name: string;
  unit: School['unit'];
  cadence: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'ONCE';
  startsOn: string;
  endsOn: string | null;
  stoppedOn: string | null;
}

/** The last day of each period of a task, from its start up to `lastDay` (and its stop), with the period's first day. */
function periodsOf(task: Task, lastDay: number): [number, number][] {
  const start = dayNumber(task.startsOn);
  const end = Math.min(lastDay, task.endsOn ? dayNumber(task.endsOn) : lastDay, task.stoppedOn ? dayNumber(task.stoppedOn) - 1 : lastDay);
  const periods: [number, number][] = [];
  if (task.cadence === 'ONCE') return end >= dayNumber(task.endsOn!) ? [[start, dayNumber(task.endsOn!)]] : [];
  for (let n = start; n <= end; n++) {
    const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday
    if (task.cadence === 'DAILY') periods.push([n, n]);
    else if (task.cadence === 'WEEKLY' && weekday === 0) periods.push([n - 6, n]);
    else if (task.cadence === 'MONTHLY' && dayOf(n + 1).endsWith('-01')) periods.push([dayNumber(`${dayOf(n).slice(0, 8)}01`), n]);
  }
  return periods;
}

/**
 * A school's inspection tasks (日检查 at the school, 周排查 in each department, 月检查, a 开学检查 once) from
 * December of the year before, and their checks up to yesterday: each school has its own diligence, fewer
 * checks at weekends, a few recorded days late (补录), a few weekly tasks stopped.
 */
export function writeSchoolInspections(tables: Tables, context: { random: Random; school: School; ids: IdSequence; year: number; yesterday: string }): number {
  const { random, school, year } = context;
  const startsOn = `${year - 1}-12-01`;
  const tasks: Task[] = [
    { id: context.ids.take(random), name: '每日安全巡查', unit: school.unit, cadence: 'DAILY', startsOn, endsOn: null, stoppedOn: null },
    { id: context.ids.take(random), name: '每月安全大检查', unit: school.unit, cadence: 'MONTHLY', startsOn, endsOn: null, stoppedOn: null },
    ...school.units.slice(1).map((unit): Task => ({
      id: context.ids.take(random), name: `${unit.name}每周隐患排查`, unit, cadence: 'WEEKLY', startsOn, endsOn: null,
      stoppedOn: random.chance(0.03) ? `${year}-${String(random.int(3, 10)).padStart(2, '0')}-15` : null,
    })),
  ];
  if (random.chance(0.3)) tasks.push({ id: context.ids.take(random), name: '春季开学安全检查', unit: school.unit, cadence: 'ONCE', startsOn: `${year}-02-25`, endsOn: `${year}-03-10`, stoppedOn: null });
  const diligence = Math.max(0.45, Math.min(0.995, 0.985 - random.exponential(0.07)));
  const lastDay = dayNumber(context.yesterday);
  let checks = 0;
  for (const task of tasks.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    tables.add('inspection_task_fact', tsvLine([task.id, task.name, task.unit.id, task.unit.path, task.cadence, task.startsOn, task.endsOn, task.stoppedOn, 1]));
    for (const [first, last] of periodsOf(task, lastDay)) {
      const weekend = task.cadence === 'DAILY' && [0, 6].includes((last + 4) % 7);
      if (!random.chance(weekend ? diligence * 0.3 : diligence)) continue;
      const performed = localInstant(dayOf(random.int(first, last)), random.uniform(8, 18));
      const recorded = random.chance(0.05) ? performed + random.uniform(1, 5) * DAY : performed + random.uniform(0.05, 2) * HOUR;
      const onTime = recorded < endOfDay(dayOf(last)) ? 1 : 0;
      const findings = random.chance(0.8) ? 0 : random.int(1, 3);
      tables.add('inspection_fact', tsvLine([context.ids.take(random), task.id, task.unit.id, task.unit.path, dayOf(first), dayOf(last), sqlTime(performed), sqlTime(recorded), onTime, findings]));
      checks++;
    }
  }
  return checks;
}

export interface Campaign {
  id: string;
  title: string;
  dates: string[];
}

/** The province's 专项整治 of the year and their 隐患问题统计表 report dates. */
export function campaignsOf(random: Random, year: number): Campaign[] {
  const campaign = (title: string, dates: string[]) => ({ id: random.hex(32), title: `${year}年${title}`, dates: dates.map((date) => `${year}-${date}`) });
  return [
    campaign('春季开学校园安全隐患排查整治', ['03-15', '03-31', '04-15']),
    campaign('汛期校园安全专项整治', ['06-15', '06-30', '07-15', '07-31']),
    campaign('秋季开学安全大检查', ['09-15', '09-30', '10-15']),
    campaign('冬季校园消防安全专项整治', ['11-15', '11-30', '12-15', '12-31']),
  ];
}

/** Each school's reports: most on time, some late, a few never; dates still ahead mostly not submitted yet. */
export function writeSchoolReports(tables: Tables, context: { random: Random; school: School; campaigns: Campaign[]; now: number }): number {
  const { random, school, now } = context;
  const punctual = random.chance(0.15) ? 0.55 : 0.9;
  let rows = 0;
  for (const campaign of context.campaigns) {
    for (const date of campaign.dates) {
      const due = endOfDay(date);
      const draw = random.next();
      let submitted: number | null = null;
      if (draw < punctual) submitted = due - random.uniform(0.1, 3) * DAY;
      else if (draw < punctual + (1 - punctual) * 0.7) submitted = due + random.uniform(0.2, 10) * DAY;
      if (submitted !== null && submitted > now) submitted = due < now || random.chance(0.7) ? null : now - random.uniform(1, 48) * HOUR;
      const onTime = submitted === null ? null : submitted < due ? 1 : 0;
      tables.add('campaign_report_fact', tsvLine([campaign.id, school.unit.id, date, school.unit.path, campaign.title, submitted === null ? null : random.hex(32), submitted === null ? null : sqlTime(submitted), onTime]));
      rows++;
    }
  }
  return rows;
}

const INCIDENT_TYPES = new Weighted<string>([
  ['学生意外伤害', 30], ['校园欺凌', 14], ['交通事故', 12], ['食物中毒', 6], ['溺水', 5], ['火灾', 5], ['实验室事故', 4], ['踩踏', 2], ['其他', 22],
]);

/**
 * A school's incidents of the year: about 1.5 a school, mostly 一般, some 较大; the 重大/特别重大 ones are
 * given to a few chosen schools (the major-incident vetoes).
 */
export function writeSchoolIncidents(tables: Tables, context: { random: Random; school: School; calendar: DiscoveryCalendar; ids: IdSequence; major: 'MAJOR' | 'GRAVE' | null }): number {
  const { random, school } = context;
  const severities: string[] = Array.from({ length: Math.floor(random.exponential(1.5)) }, () => (random.chance(0.11) ? 'LARGER' : 'GENERAL'));
  if (context.major) severities.push(context.major);
  for (const severity of severities) {
    const occurred = context.calendar.draw(random);
    const delay = Math.round(random.exponential(severity === 'GENERAL' ? 90 : 40));
    const unit = random.chance(0.5) ? school.unit : random.pick(school.units);
    const deaths = severity === 'GRAVE' ? random.int(3, 8) : severity === 'MAJOR' ? random.int(1, 2) : 0;
    const injuries = severity === 'GENERAL' ? random.int(0, 2) : random.int(2, 12);
    tables.add('incident_fact', tsvLine([
      context.ids.take(random), unit.id, unit.path, INCIDENT_TYPES.draw(random), severity, sqlTime(occurred), calendarDay(occurred), sqlTime(occurred + delay * 60_000), delay, deaths, injuries,
    ]));
  }
  return severities.length;
}
