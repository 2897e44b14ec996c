import { calendarDateOf } from '@campus/graphql';
import type { EducationDemoContext } from './demo-education';

/** What a college plans for each national day (主题日安排). */
const THEMES: Record<string, string> = {
  STUDENT_SAFETY_EDUCATION_DAY: '中小学生安全教育日：防溺水与交通安全主题班会',
  NATIONAL_SECURITY_EDUCATION_DAY: '全民国家安全教育日：国家安全知识讲座',
  DISASTER_PREVENTION_DAY: '防灾减灾日：地震应急疏散演练',
  WORK_SAFETY_MONTH: '安全生产月：实训室安全隐患自查与警示教育',
  ANTI_DRUG_DAY: '国际禁毒日：禁毒知识展览',
  FIRE_SAFETY_DAY: '消防日：消防疏散演练暨灭火器实操',
  TRAFFIC_SAFETY_DAY: '交通安全日：电动车安全骑行宣讲',
};

interface Upcoming {
  upcomingSafetyDays: { occurrence: { day: { id: string; kind: string; name: string }; startDate: string; endDate: string } }[];
}

/** The calendar day `days` after today in the school's time zone. */
function dayFromToday(days: number): string {
  const [year, month, day] = calendarDateOf(new Date()).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * 安全主题日: the school's own annual day 校园开放日安全检查 three weeks from today, and 信息工程学院's plan for
 * the next national day (the other colleges are left unplanned, for the upcoming-days list).
 */
export async function seedDemoSafetyDays({ clients, unitIds, log }: EducationDemoContext): Promise<void> {
  const office = clients['safety.office'];
  const officer = clients['xx.officer'];
  // An annual day may not fall on 29 February.
  const openDay = dayFromToday(21).endsWith('-02-29') ? dayFromToday(22) : dayFromToday(21);
  await office.data('mutation($input: CreateSafetyDayInput!) { createSafetyDay(input: $input) { safetyDay { id } } }', {
    input: {
      orgUnitId: unitIds.XDZY,
      name: '校园开放日安全检查',
      description: '开放日前对教学楼、实训楼、食堂和宿舍开展安全检查，开放日当天安排安保和疏散引导',
      startDate: openDay,
      annual: true,
    },
  });
  const upcoming = await officer.data<Upcoming>(
    'query($unit: ID!) { upcomingSafetyDays(fromUnitId: $unit, days: 366) { occurrence { day { id kind name } startDate endDate } } }',
    { unit: unitIds['XDZY-XX'] },
  );
  const next = upcoming.upcomingSafetyDays.find((entry) => entry.occurrence.day.kind === 'NATIONAL');
  if (!next) return;
  const today = calendarDateOf(new Date());
  const date = next.occurrence.startDate < today ? today : next.occurrence.startDate;
  await officer.data('mutation($input: PlanSafetyDayInput!) { planSafetyDay(input: $input) { plan { id } } }', {
    input: {
      orgUnitId: unitIds['XDZY-XX'],
      dayId: next.occurrence.day.id,
      date,
      theme: THEMES[next.occurrence.day.id] ?? `${next.occurrence.day.name}主题教育活动`,
      note: '全院学生参加，各班安全委员负责组织签到',
    },
  });
  log(`demo: safety days (校园开放日安全检查 on ${openDay}; 信息工程学院 planned ${next.occurrence.day.name} on ${date})`);
}
