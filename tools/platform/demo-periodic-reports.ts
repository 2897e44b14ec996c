import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';

const DAY_MS = 24 * 3600 * 1000;

export interface PeriodicReportsDemoContext {
  /** The bureau's administrator (the bootstrap account). */
  admin: GraphQLClient;
  clients: Record<string, GraphQLClient>;
  unitIds: Record<string, string>;
  log: (line: string) => void;
}

const CREATE = 'mutation($input: CreateReportTemplateInput!) { createPeriodicReportTemplate(input: $input) { template { id periods(last: 3) { key } } } }';
const SUBMIT = 'mutation($input: SubmitPeriodicReportInput!) { submitPeriodicReport(input: $input) { submission { id version late } } }';
const ACKNOWLEDGE = 'mutation($input: ReviewPeriodicReportInput!) { acknowledgePeriodicReport(input: $input) { submission { id } } }';

interface CreatedTemplate {
  id: string;
  /** Newest first: the current period, then the ones before. */
  periods: { key: string }[];
}

/**
 * 周安排、月调度 in the demo campus (seed 002):
 * - the bureau's 月调度 to its schools since two months ago: 现代职业学院 reports the month before last (late,
 *   after the 5th), 县第一中学 reports nothing (missing);
 * - the school's 周安排 to its 二级学院 since last week: 机电工程学院 reports last week's late (after Monday 12:00),
 *   信息工程学院 this week's, acknowledged by the school head; 护理学院 and 经济管理学院 are missing.
 */
export async function seedDemoPeriodicReports({ admin, clients, unitIds, log }: PeriodicReportsDemoContext): Promise<void> {
  const daysAgo = (days: number) => calendarDateOf(new Date(Date.now() - days * DAY_MS));
  const monthly: CreatedTemplate = (
    await admin.data(CREATE, {
      input: {
        orgUnitId: unitIds.BUREAU,
        title: '学校安全工作月调度',
        cadence: 'MONTHLY',
        guidance: '本月安全工作开展情况、隐患排查整治进展、存在问题和下月安排；次月5日前报送。',
        targetKinds: ['SCHOOL'],
        startsOn: `${daysAgo(62).slice(0, 7)}-01`,
      },
    })
  ).createPeriodicReportTemplate.template;
  await clients['safety.office'].data(SUBMIT, {
    input: {
      templateId: monthly.id,
      orgUnitId: unitIds.XDZY,
      periodKey: monthly.periods[2]?.key ?? monthly.periods[0].key,
      content: '一、开展校舍、消防、食品安全检查各1次，发现隐患12处，已整改10处；二、组织宿舍消防疏散演练1次；三、下月重点：冬季防火、防一氧化碳中毒。',
      clientRequestId: 'demo-periodic-monthly-xdzy',
    },
  });

  const weekly: CreatedTemplate = (
    await clients['safety.office'].data(CREATE, {
      input: {
        orgUnitId: unitIds.XDZY,
        title: '二级学院安全工作周安排',
        cadence: 'WEEKLY',
        guidance: '本周安全工作安排（检查、教育、值班）和上周落实情况；每周一12:00前报送。',
        targetKinds: ['COLLEGE'],
        startsOn: daysAgo(7),
      },
    })
  ).createPeriodicReportTemplate.template;
  const [thisWeek, lastWeek] = weekly.periods;
  if (lastWeek) {
    await clients['jd.officer'].data(SUBMIT, {
      input: { templateId: weekly.id, orgUnitId: unitIds['XDZY-JD'], periodKey: lastWeek.key, content: '3号实训楼用电线路检查；危化品仓库双人双锁核查。', clientRequestId: 'demo-periodic-weekly-jd' },
    });
  }
  const infoWeek = await clients['xx.officer'].data(SUBMIT, {
    input: { templateId: weekly.id, orgUnitId: unitIds['XDZY-XX'], periodKey: thisWeek.key, content: '周二301机房消防器材检查；周四主题班会：防范电信诈骗；周末值班安排已落实。', clientRequestId: 'demo-periodic-weekly-xx' },
  });
  const submission = infoWeek.submitPeriodicReport.submission as { id: string; version: number };
  await clients['school.head'].data(ACKNOWLEDGE, { input: { id: submission.id, version: submission.version, comment: '已阅，按安排落实。' } });
  log('periodic reports: the bureau’s 月调度 (one late, one missing) and the school’s 周安排 (one late, one acknowledged, two missing)');
}
