import { CampaignPublished, CampaignReportSubmitted, InspectionPerformed, InspectionTaskScheduled, InspectionTaskStopped } from '@campus/events';
import { createServiceTestDatabase, TestDatabase } from '@campus/testing';
import { AutomaticMetric, MetricPeriod } from '../metrics/metric';
import { CAMPAIGN_REPORTS_ON_TIME } from './campaign-report-metric';
import { at, consumerOf, HAZARD_FACT_SPEC_MODULES, UNITS } from './hazard-facts.testing';
import { INSPECTION_COMPLETION } from './inspection-completion.metric';

const Q1: MetricPeriod = { from: '2026-01-01', to: '2026-03-31', asOf: '2026-04-15' };
const ALL = ['county', 's1', 'k1', 's2'];
const noon = (day: string) => `${day}T04:00:00.000Z`;

/**
 * Inspection tasks (units: county ⊃ s1 ⊃ k1, county ⊃ s2):
 *  t1 s1 weekly from Mon 01-05, open: 12 Sundays due in Q1; checked the weeks ending 01-11 (on time), 01-18 (recorded late), 03-29
 *  t2 k1 monthly from 01-01, stopped 03-10 (its stop arrives first): January and February due; January checked, and March
 *        checked on 03-05 before the stop (done early: due and done)
 *  t3 s2 daily 03-30 to 04-05: 03-30 and 03-31 due in Q1; 03-30 checked
 * Campaign c1 (reporting units k1 and s2, the latter not placed by hazard-tracking), report dates 02-10, 03-31, 04-20:
 *  k1 02-10 on time, s2 02-10 late, k1 03-31 on time (submitted before the campaign's event arrived), s2 03-31 missing.
 */
describe('supervision-appraisal: inspection and campaign report facts and metrics from events (integration)', () => {
  let db: TestDatabase;
  let events: ReturnType<typeof consumerOf>;

  async function valuesOf(metric: AutomaticMetric, period: MetricPeriod, ids = ALL) {
    const values = await metric.values(db.dataSource.manager, ids.map((id) => UNITS[id]), period);
    return Object.fromEntries([...values].map(([id, value]) => [id, [value.numerator, value.denominator]]));
  }

  async function sourcesOf(metric: AutomaticMetric, unit: string, period: MetricPeriod, pageSize = 1) {
    const rows = [];
    let after: string | null = null;
    for (let page = 0; page < 40; page++) {
      const result = await metric.sources(db.dataSource.manager, UNITS[unit], period, pageSize, after);
      rows.push(...result.rows.map((row) => [row.at, row.label, row.counted]));
      if (!result.hasMore) return rows;
      after = result.endCursor;
    }
    throw new Error('sources did not end');
  }

  const check = (id: string, taskId: string, unit: string, period: [string, string], recorded: string, findingsCount = 0) => ({
    id,
    taskId,
    taskName: `任务${taskId}`,
    ...at(unit),
    periodStart: period[0],
    periodEnd: period[1],
    performedAt: noon(recorded),
    recordedAt: noon(recorded),
    onTime: recorded <= period[1],
    findingsCount,
  });

  beforeAll(async () => {
    db = await createServiceTestDatabase('activityfacts', HAZARD_FACT_SPEC_MODULES);
    await db.dataSource.query("INSERT INTO org_unit_projection (id, path, name) VALUES ('s2', '/county/s2/', '第二中学')");
    events = consumerOf(db);
    const task = (id: string, unit: string, cadence: 'DAILY' | 'WEEKLY' | 'MONTHLY', startsOn: string, endsOn: string | null = null) =>
      ({ id, name: `任务${id}`, ...at(unit), cadence, startsOn, endsOn, version: 1, scheduledAt: noon(startsOn) });
    await events.deliver(InspectionTaskScheduled, task('t1', 's1', 'WEEKLY', '2026-01-05'));
    await events.deliver(InspectionTaskStopped, { id: 't2', ...at('k1'), stoppedOn: '2026-03-10', version: 2, stoppedAt: noon('2026-03-10') });
    await events.deliver(InspectionTaskScheduled, task('t2', 'k1', 'MONTHLY', '2026-01-01'));
    await events.deliver(InspectionTaskScheduled, task('t3', 's2', 'DAILY', '2026-03-30', '2026-04-05'));
    const first = await events.deliver(InspectionPerformed, check('c1', 't1', 's1', ['2026-01-05', '2026-01-11'], '2026-01-09', 2));
    await events.deliver(InspectionPerformed, check('c1', 't1', 's1', ['2026-01-05', '2026-01-11'], '2026-01-09', 2), first); // redelivered
    await events.deliver(InspectionPerformed, check('c1', 't1', 's1', ['2026-01-05', '2026-01-11'], '2026-01-09', 2)); // replayed
    await events.deliver(InspectionPerformed, check('c2', 't1', 's1', ['2026-01-12', '2026-01-18'], '2026-01-20'));
    await events.deliver(InspectionPerformed, check('c3', 't1', 's1', ['2026-03-23', '2026-03-29'], '2026-03-27'));
    await events.deliver(InspectionPerformed, check('c4', 't2', 'k1', ['2026-01-01', '2026-01-31'], '2026-01-28'));
    await events.deliver(InspectionPerformed, check('c5', 't2', 'k1', ['2026-03-01', '2026-03-31'], '2026-03-05', 1));
    await events.deliver(InspectionPerformed, check('c6', 't3', 's2', ['2026-03-30', '2026-03-30'], '2026-03-30'));

    const submitted = (id: string, unit: string, reportDate: string, day: string) =>
      ({ id, campaignId: 'c1', campaignTitle: '冬季校园安全专项整治', ...at(unit), reportDate, submittedAt: noon(day), onTime: day <= reportDate });
    await events.deliver(CampaignReportSubmitted, submitted('r3', 'k1', '2026-03-31', '2026-03-31'));
    await events.deliver(CampaignPublished, {
      id: 'c1',
      title: '冬季校园安全专项整治',
      ...at('s1'),
      reportDates: ['2026-02-10', '2026-03-31', '2026-04-20'],
      reportingUnits: [{ orgUnitId: 'k1', orgPath: UNITS.k1.path }, { orgUnitId: 's2', orgPath: null }],
      publishedAt: noon('2026-01-15'),
    });
    await events.deliver(CampaignReportSubmitted, submitted('r1', 'k1', '2026-02-10', '2026-02-09'));
    await events.deliver(CampaignReportSubmitted, submitted('r2', 's2', '2026-02-10', '2026-02-12'));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('keeps each task, check and report once, whatever the order they arrive in', async () => {
    expect(await events.parked()).toEqual([]);
    expect(await db.dataSource.query("SELECT cadence, stopped_on, version FROM inspection_task_fact WHERE id = 't2'")).toEqual([{ cadence: 'MONTHLY', stopped_on: '2026-03-10', version: 2 }]);
    expect(await db.dataSource.query('SELECT COUNT(*) AS n FROM inspection_fact')).toEqual([{ n: '6' }]);
    const reports = await db.dataSource.query('SELECT org_unit_id, report_date, org_path, report_id, on_time FROM campaign_report_fact ORDER BY report_date, org_unit_id');
    expect(reports).toEqual([
      { org_unit_id: 'k1', report_date: '2026-02-10', org_path: '/county/s1/k1/', report_id: 'r1', on_time: 1 },
      { org_unit_id: 's2', report_date: '2026-02-10', org_path: '/county/s2/', report_id: 'r2', on_time: 0 },
      { org_unit_id: 'k1', report_date: '2026-03-31', org_path: '/county/s1/k1/', report_id: 'r3', on_time: 1 },
      { org_unit_id: 's2', report_date: '2026-03-31', org_path: '/county/s2/', report_id: null, on_time: null },
      { org_unit_id: 'k1', report_date: '2026-04-20', org_path: '/county/s1/k1/', report_id: null, on_time: null },
      { org_unit_id: 's2', report_date: '2026-04-20', org_path: '/county/s2/', report_id: null, on_time: null },
    ]);
  });

  it('INSPECTION_COMPLETION: checks performed ÷ checks due, a stopped task no longer due', async () => {
    expect(await valuesOf(INSPECTION_COMPLETION, Q1)).toEqual({ county: [6, 17], s1: [5, 15], k1: [2, 3], s2: [1, 2] });
    // As of 01-29: t1's weeks ending 01-11, 01-18 and 01-25 due (two done), t2's January not due yet but done early (01-28).
    expect(await valuesOf(INSPECTION_COMPLETION, { ...Q1, asOf: '2026-01-29' }, ['s1'])).toEqual({ s1: [3, 4] });
    expect(await sourcesOf(INSPECTION_COMPLETION, 'k1', Q1)).toEqual([
      ['2026-01-31', '任务t2（2026-01-01 至 2026-01-31）', '按期完成'],
      ['2026-02-28', '任务t2（2026-02-01 至 2026-02-28）', '未完成'],
      ['2026-03-31', '任务t2（2026-03-01 至 2026-03-31）', '按期完成'],
    ]);
    const s1 = await sourcesOf(INSPECTION_COMPLETION, 's1', Q1, 4);
    expect(s1).toHaveLength(15);
    expect(s1.slice(0, 3)).toEqual([
      ['2026-01-11', '任务t1（2026-01-05 至 2026-01-11）', '按期完成'],
      ['2026-01-18', '任务t1（2026-01-12 至 2026-01-18）', '补录完成'],
      ['2026-01-25', '任务t1（2026-01-19 至 2026-01-25）', '未完成'],
    ]);
    expect(s1.filter((row) => row[2] !== '未完成')).toHaveLength(5);
  });

  it('CAMPAIGN_REPORTS_ON_TIME: reports submitted on time ÷ reports owed by report dates past', async () => {
    expect(await valuesOf(CAMPAIGN_REPORTS_ON_TIME, Q1)).toEqual({ county: [2, 4], s1: [2, 2], k1: [2, 2], s2: [0, 2] });
    // As of 03-31 the 03-31 reports are not owed yet, except k1's, already in.
    expect(await valuesOf(CAMPAIGN_REPORTS_ON_TIME, { ...Q1, asOf: '2026-03-31' }, ['county'])).toEqual({ county: [2, 3] });
    expect(await sourcesOf(CAMPAIGN_REPORTS_ON_TIME, 'county', Q1)).toEqual([
      ['2026-02-10', '冬季校园安全专项整治 2026-02-10 统计表', '按时报送'],
      ['2026-02-10', '冬季校园安全专项整治 2026-02-10 统计表', '逾期报送'],
      ['2026-03-31', '冬季校园安全专项整治 2026-03-31 统计表', '按时报送'],
      ['2026-03-31', '冬季校园安全专项整治 2026-03-31 统计表', '未报送'],
    ]);
  });
});
