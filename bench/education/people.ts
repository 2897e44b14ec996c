import { personName, School, Unit } from '../hazards/org-tree';
import { Random, Weighted } from '../hazards/random';

/**
 * A school's people, activities and attendance over the year, generated school by school (nothing of a
 * school outlives it, so 1.5 M people never sit in memory at once).
 */
export type Kind = 'STAFF' | 'STUDENT' | 'CONTRACTOR';

export interface GeneratedPerson {
  id: string;
  name: string;
  kind: Kind;
  unit: Unit;
  active: boolean;
}

export interface GeneratedActivity {
  id: string;
  unit: Unit;
  audience: Unit;
  kinds: Kind[];
  kind: string;
  topics: string[];
  startsAt: number;
  code: string;
  attended: number;
}

export const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

/** The calendar day (+08:00) of a moment. */
export function calendarDay(ms: number): string {
  return new Date(ms + CHINA).toISOString().slice(0, 10);
}

const KINDS = ['LECTURE', 'CLASS_MEETING', 'ONLINE_COURSE', 'CASE_WARNING', 'EXHIBITION', 'HANDS_ON'] as const;
const KIND_LABELS: Record<string, string> = { LECTURE: '专题讲座', CLASS_MEETING: '主题班会', ONLINE_COURSE: '网络课程', CASE_WARNING: '案例警示教育', EXHIBITION: '展览', HANDS_ON: '体验/实操' };
const TOPICS = new Weighted<string>([
  ['FIRE', 16], ['TRAFFIC', 12], ['TELECOM_FRAUD', 10], ['DROWNING', 9], ['MENTAL_HEALTH', 9], ['LEGAL', 7], ['FOOD', 6],
  ['CYBER', 6], ['NATIONAL_SECURITY', 6], ['DISASTER', 6], ['CAMPUS_BULLYING', 5], ['LAB_SAFETY', 4], ['DRUGS', 3], ['OTHER', 1],
]);
const TOPIC_LABELS: Record<string, string> = {
  FIRE: '消防安全', TRAFFIC: '交通安全', TELECOM_FRAUD: '防电信网络诈骗', LAB_SAFETY: '实验室安全', MENTAL_HEALTH: '心理健康', LEGAL: '法治',
  FOOD: '食品安全', DROWNING: '防溺水', CYBER: '网络安全', NATIONAL_SECURITY: '国家安全', DISASTER: '防灾减灾', CAMPUS_BULLYING: '防校园欺凌', DRUGS: '禁毒', OTHER: '安全',
};

/**
 * Days of the year ending today, weighted by the school calendar: term weekdays, fewer at weekends, little
 * in the winter and summer holidays; an activity starts between 08:00 and 17:00 school time.
 */
export class SchoolCalendar {
  private readonly days: Weighted<number>;

  constructor(readonly start: number, readonly end: number) {
    const entries: [number, number][] = [];
    for (let day = start; day < end; day += DAY) {
      const date = new Date(day + CHINA);
      const month = date.getUTCMonth() + 1;
      const dom = date.getUTCDate();
      const term = (month >= 3 && month <= 6) || (month >= 9 && month <= 12) || (month === 1 && dom <= 15) || (month === 7 && dom <= 10) || (month === 2 && dom >= 25);
      const weekend = [0, 6].includes(date.getUTCDay());
      entries.push([day, term ? (weekend ? 0.15 : 1) : 0.03]);
    }
    this.days = new Weighted(entries);
  }

  draw(random: Random): number {
    return this.days.draw(random) + random.int(8 * 60, 17 * 60) * 60_000;
  }
}

export class IdSequence {
  private next = 0;

  constructor(private readonly prefix: string) {}

  /** Ascending ids: clustered indexes grow at their end. */
  take(random: Random): string {
    return `${this.prefix}${(++this.next).toString(16).padStart(11, '0')}${random.hex(20)}`;
  }
}

/** A school's people: mostly students (in its colleges when it has any), ~9% staff, ~2% contractors; ~4% inactive. */
export function schoolPeople(random: Random, school: School, count: number, ids: IdSequence): GeneratedPerson[] {
  const colleges = school.units.filter((unit) => unit.kind === 'COLLEGE');
  const departments = school.units.slice(1);
  const people: GeneratedPerson[] = school.staff.map((staff) => ({ id: staff.id, name: staff.name, kind: 'STAFF', unit: staff.unit, active: true }));
  const staff = Math.max(3, Math.round(count * 0.09)) - people.length;
  const contractors = Math.round(count * 0.02);
  const add = (kind: Kind, unit: Unit) => people.push({ id: ids.take(random), name: personName(random), kind, unit, active: random.chance(0.96) });
  for (let k = 0; k < staff; k++) add('STAFF', departments.length && random.chance(0.5) ? random.pick(departments) : school.unit);
  for (let k = 0; k < contractors; k++) add('CONTRACTOR', school.unit);
  while (people.length < count) add('STUDENT', colleges.length ? random.pick(colleges) : school.unit);
  return people;
}

/** The audiences activities are for: whole-school assemblies, students' class meetings, staff training, one department. */
function audienceOf(random: Random, school: School): { audience: Unit; kinds: Kind[] } {
  const departments = school.units.slice(1);
  const draw = random.next();
  if (draw < 0.35) return { audience: school.unit, kinds: ['STAFF', 'STUDENT'] };
  if (draw < 0.5) return { audience: school.unit, kinds: ['CONTRACTOR', 'STAFF', 'STUDENT'] };
  if (draw < 0.75) return { audience: school.unit, kinds: ['STUDENT'] };
  if (draw < 0.88 || !departments.length) return { audience: school.unit, kinds: ['CONTRACTOR', 'STAFF'] };
  return { audience: random.pick(departments), kinds: ['STAFF', 'STUDENT'] };
}

export function schoolActivities(random: Random, school: School, people: number, calendar: SchoolCalendar, ids: IdSequence, codes: { next: number }): GeneratedActivity[] {
  const count = Math.min(120, Math.max(6, Math.round(6 + people / 120)));
  return Array.from({ length: count }, () => {
    const { audience, kinds } = audienceOf(random, school);
    const topics = [TOPICS.draw(random), ...(random.chance(0.25) ? [TOPICS.draw(random)] : [])];
    return {
      id: ids.take(random),
      unit: audience,
      audience,
      kinds,
      kind: kinds.length === 1 && kinds[0] === 'STUDENT' ? random.pick(['CLASS_MEETING', 'ONLINE_COURSE', 'HANDS_ON']) : random.pick(KINDS),
      topics: [...new Set(topics)],
      startsAt: calendar.draw(random),
      // Unique 8-character check-in codes: the sequence in base 36 behind a letter the service never draws.
      code: `Z${(++codes.next).toString(36).toUpperCase().padStart(7, '0')}`,
      attended: 0,
    };
  }).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function activityTitle(activity: GeneratedActivity): string {
  return `${TOPIC_LABELS[activity.topics[0]]}${KIND_LABELS[activity.kind]}`;
}

/**
 * How many activities a person attends in the year: ~8% none, the rest 1 + a geometric number whose mean
 * makes the total come out at `mean` per person (before the cap at what the person's audiences offer).
 */
export function attendanceCount(random: Random, mean: number): number {
  if (random.chance(0.08)) return 0;
  const extra = Math.max(0, mean / 0.92 - 1);
  const p = 1 / (1 + extra);
  return 1 + Math.floor(Math.log(1 - random.next()) / Math.log(1 - p));
}

/** The activities a person may attend: of the person's kind, in an audience unit above or at the person's unit. */
export function eligibleActivities(activities: GeneratedActivity[], person: GeneratedPerson): number[] {
  const out: number[] = [];
  activities.forEach((activity, index) => {
    if (activity.kinds.includes(person.kind) && person.unit.path.startsWith(activity.audience.path)) out.push(index);
  });
  return out;
}

/** k distinct indexes out of the candidates. */
export function drawDistinct(random: Random, candidates: number[], k: number): number[] {
  if (k >= candidates.length) return [...candidates];
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(candidates[random.int(0, candidates.length - 1)]);
  return [...chosen];
}
