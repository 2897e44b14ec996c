import { sqlTime, tsvLine } from '../hazards/loader';
import { School, Unit } from '../hazards/org-tree';
import { Random, Weighted } from '../hazards/random';
import { attendanceCount, DAY, GeneratedPerson, IdSequence, SchoolCalendar, schoolPeople } from '../education/people';

/**
 * The education- and responsibility-side facts of one school as supervision-appraisal keeps them
 * (migrations 1764600000050–051): people, attendance per person and month (drawn as the education
 * bench draws attendance: the same people per school, the same number of activities per person, on the
 * school calendar), drills, quiz results per quiz and person, notices per recipient unit, letters.
 */
export const EDUCATION_SIDE_COLUMNS = {
  education_person_fact: ['id', 'org_unit_id', 'org_path', 'kind', 'active'],
  education_attendance_fact: ['person_id', 'month', 'org_path', 'first_attended_at'],
  education_drill_fact: ['id', 'org_unit_id', 'org_path', 'drill_type', 'scenario', 'held_at', 'held_month', 'score', 'evaluated_at'],
  education_quiz_fact: ['quiz_id', 'person_id', 'org_unit_id', 'org_path', 'topic', 'attempts', 'best_score', 'first_graded_at', 'graded_month', 'passed_at', 'passed_month'],
  education_notice_fact: ['notice_id', 'org_unit_id', 'org_path', 'title', 'sent_at', 'sent_month', 'recipients', 'acknowledged'],
  education_letter_fact: ['id', 'year', 'title', 'issuer_unit_id', 'recipient_unit_id', 'org_path', 'signed_at', 'expired', 'revoked'],
} as const;

/** YYYY-MM of an instant in school time. */
const monthOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);

interface Sink {
  add(table: string, line: string): void;
}

export interface EducationContext {
  random: Random;
  school: School;
  people: number;
  /** Activities attended per person, on average (the education bench's attendance ÷ people). */
  attendedPerPerson: number;
  calendar: SchoolCalendar;
  ids: IdSequence;
  year: number;
  now: number;
}

export interface EducationTally {
  people: number;
  /** Attendance records drawn (one per person and activity), before keeping one per person and month. */
  attendance: number;
}

/** People and their attendance per month: a person's activities on the school calendar, the month's first kept. */
function writePeople(sink: Sink, context: EducationContext): { members: GeneratedPerson[]; attendance: number } {
  const { random, calendar } = context;
  const members = schoolPeople(random, context.school, context.people, context.ids);
  let attendance = 0;
  for (const person of members.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    sink.add('education_person_fact', tsvLine([person.id, person.unit.id, person.unit.path, person.kind, person.active ? 1 : 0]));
    const firstOfMonth = new Map<string, number>();
    const count = attendanceCount(random, context.attendedPerPerson);
    attendance += count;
    for (let k = 0; k < count; k++) {
      const at = calendar.draw(random);
      const month = monthOf(at);
      firstOfMonth.set(month, Math.min(firstOfMonth.get(month) ?? Infinity, at));
    }
    for (const [month, at] of [...firstOfMonth].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      sink.add('education_attendance_fact', tsvLine([person.id, month, person.unit.path, sqlTime(at).slice(0, 19)]));
    }
  }
  return { members, attendance };
}

const DRILL_TYPES = new Weighted<[string, string]>([
  [['EVACUATION', '教学楼紧急疏散演练'], 40], [['FIRE', '宿舍楼火灾疏散与初期火灾扑救演练'], 25], [['EARTHQUAKE', '防震应急避险演练'], 15],
  [['FLOOD', '防汛应急演练'], 5], [['FOOD_POISONING', '食堂食物中毒应急处置演练'], 5], [['CAMPUS_VIOLENCE', '防范暴力侵害演练'], 7], [['STAMPEDE', '楼道防踩踏演练'], 3],
]);

function writeDrills(sink: Sink, context: EducationContext): void {
  const { random, school } = context;
  const count = random.chance(0.08) ? random.int(0, 1) : random.int(2, 8);
  for (let k = 0; k < count; k++) {
    const [type, scenario] = DRILL_TYPES.draw(random);
    const unit = random.chance(0.7) ? school.unit : random.pick(school.units);
    const held = context.calendar.draw(random);
    const evaluated = random.chance(0.8) ? held + random.uniform(1, 5) * DAY : null;
    sink.add('education_drill_fact', tsvLine([
      context.ids.take(random), unit.id, unit.path, type, scenario, sqlTime(held).slice(0, 19), monthOf(held),
      evaluated === null ? null : random.int(65, 98), evaluated === null ? null : sqlTime(Math.min(evaluated, context.now)).slice(0, 19),
    ]));
  }
}

/** A students' quiz (about a third take it) and a staff quiz (most take it); scores around 78, 60 to pass, retakes. */
function writeQuizzes(sink: Sink, context: EducationContext, members: GeneratedPerson[]): void {
  const { random } = context;
  const quizzes = [
    { kinds: ['STUDENT'], share: 0.35, topic: '校园安全应知应会' },
    { kinds: ['STAFF', 'CONTRACTOR'], share: 0.8, topic: '教职工安全职责应知应会' },
  ];
  for (const quiz of quizzes) {
    const id = context.ids.take(random);
    const opens = context.calendar.draw(random);
    for (const person of members) {
      if (!quiz.kinds.includes(person.kind) || !random.chance(quiz.share)) continue;
      const graded = Math.min(opens + random.uniform(0, 10) * DAY, context.now - 3_600_000);
      const attempts = random.chance(0.8) ? 1 : random.int(2, 3);
      const best = Math.max(20, Math.min(100, Math.round(78 + 12 * random.normal())));
      const passedAt = best >= 60 ? Math.min(graded + (attempts - 1) * random.uniform(1, 7) * DAY, context.now - 60_000) : null;
      sink.add('education_quiz_fact', tsvLine([
        id, person.id, person.unit.id, person.unit.path, quiz.topic, attempts, best, sqlTime(graded).slice(0, 19), monthOf(graded),
        passedAt === null ? null : sqlTime(passedAt).slice(0, 19), passedAt === null ? null : monthOf(passedAt),
      ]));
    }
  }
}

const NOTICES = ['防溺水安全告家长书', '寒假安全告家长书', '暑假安全告家长书', '交通安全告家长书', '防范电信网络诈骗告家长书', '秋冬季传染病防控告家长书', '国庆假期安全提醒', '冬季防火防一氧化碳中毒提醒'];

/** Home-school notices: several a year, to the school's (or each college's) students; most acknowledged. */
function writeNotices(sink: Sink, context: EducationContext, members: GeneratedPerson[]): void {
  const { random, school } = context;
  const colleges = school.units.filter((unit) => unit.kind === 'COLLEGE');
  const targets: Unit[] = colleges.length ? colleges : [school.unit];
  const students = new Map<string, number>();
  for (const person of members) if (person.kind === 'STUDENT' && person.active) students.set(person.unit.id, (students.get(person.unit.id) ?? 0) + 1);
  const diligence = random.uniform(0.6, 1);
  for (let k = random.int(5, 9); k > 0; k--) {
    const id = context.ids.take(random);
    const sent = context.calendar.draw(random);
    for (const unit of targets) {
      const recipients = colleges.length ? (students.get(unit.id) ?? 0) : [...students.values()].reduce((a, b) => a + b, 0);
      if (!recipients) continue;
      const acknowledged = Math.round(recipients * Math.min(1, diligence + random.uniform(-0.1, 0.1)));
      sink.add('education_notice_fact', tsvLine([id, unit.id, unit.path, random.pick(NOTICES), sqlTime(sent).slice(0, 19), monthOf(sent), recipients, acknowledged]));
    }
  }
}

/** The year's 安全责任书: the county to the school, the school to each department; most signed within weeks. */
function writeLetters(sink: Sink, context: EducationContext): void {
  const { random, school, year } = context;
  const letters: [Unit, Unit][] = [[school.county, school.unit], ...school.units.slice(1).map((unit): [Unit, Unit] => [school.unit, unit])];
  for (const [issuer, recipient] of letters) {
    const issued = Date.parse(`${year}-02-20T09:00:00+08:00`) + random.uniform(0, 30) * DAY;
    const signed = random.chance(0.93) ? Math.min(issued + random.exponential(10) * DAY, context.now - 60_000) : null;
    sink.add('education_letter_fact', tsvLine([
      context.ids.take(random), year, `${year}年度学校安全工作目标责任书（${recipient.name}）`, issuer.id, recipient.id, recipient.path,
      signed === null ? null : sqlTime(signed).slice(0, 19), signed === null && random.chance(0.4) ? 1 : 0, random.chance(0.01) ? 1 : 0,
    ]));
  }
}

export function writeSchoolEducation(sink: Sink, context: EducationContext): EducationTally {
  const { members, attendance } = writePeople(sink, context);
  writeDrills(sink, context);
  writeQuizzes(sink, context, members);
  writeNotices(sink, context, members);
  writeLetters(sink, context);
  return { people: members.length, attendance };
}
