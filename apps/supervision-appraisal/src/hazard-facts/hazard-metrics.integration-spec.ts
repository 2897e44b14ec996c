import { HazardOverdue, HazardRegistered, HazardStatusChanged, IncidentReported } from '@campus/events';
import { createServiceTestDatabase, TestDatabase } from '@campus/testing';
import { AutomaticMetric, MetricPeriod } from '../metrics/metric';
import { at, changed, consumerOf, fixedOnTheSpot, HAZARD_FACT_SPEC_MODULES, loop, registered, UNITS } from './hazard-facts.testing';
import { MAJOR_HAZARDS_REPORTED_LATE, ON_TIME_RECTIFICATION, OVERDUE_HAZARDS, RECTIFICATION_RATE, SUPERVISION_FINDINGS } from './hazard-metrics';
import { INCIDENTS } from './incident-metric';

/** The first quarter of 2026, taken as of 04-15 (after it) and as of 02-12 (in the middle of it). */
const Q1: MetricPeriod = { from: '2026-01-01', to: '2026-03-31', asOf: '2026-04-15' };
const Q1_MID: MetricPeriod = { ...Q1, asOf: '2026-02-12' };
const ALL = ['county', 's1', 'k1', 's2'];
const utc = (day: string, time = '02:00') => `${day}T${time}:00.000Z`;

/**
 * Hazards built by hand (units: county ⊃ s1 ⊃ k1, county ⊃ s2):
 *  h1 s1  general, deadline 01-20, accepted 01-18            — due, rectified on time
 *  h2 k1  general, deadline 02-10, accepted 02-15            — due, rectified late, overdue (events out of order)
 *  h3 k1  major, discovered 03-01, reported 48 h later, deadline 03-20, not rectified — due, overdue, reported late
 *  h4 s1  general, 即查即改 on 02-01 (no deadline)            — due that day, rectified on time
 *  h5 s2  supervision, registered 01-10, deadline 04-30       — not due in Q1; a finding not rectified
 *  h6 s2  supervision, registered 02-01, deadline 02-20, accepted 02-19 — due, on time; a finding rectified
 *  h7 s1  voided                                              — never counted
 *  h8 s2  major, discovered 03-30, never reported             — reported late (unreported after 24 h)
 *  h9 s1  major, discovered 02-02, reported 10 h later        — not late
 */
describe('supervision-appraisal: hazard facts and their metrics from events (integration)', () => {
  let db: TestDatabase;
  let events: ReturnType<typeof consumerOf>;

  async function valuesOf(metric: AutomaticMetric, period: MetricPeriod, ids = ALL) {
    const values = await metric.values(db.dataSource.manager, ids.map((id) => UNITS[id]), period);
    return Object.fromEntries([...values].map(([id, value]) => [id, [value.numerator, value.denominator, value.value]]));
  }

  /** Every source of a unit's value, one row a page, through the cursor. */
  async function sourcesOf(metric: AutomaticMetric, unit: string, period: MetricPeriod) {
    const rows = [];
    let after: string | null = null;
    for (let page = 0; page < 30; page++) {
      const result = await metric.sources(db.dataSource.manager, UNITS[unit], period, 1, after);
      rows.push(...result.rows.map((row) => [row.label, row.counted, row.orgUnitId]));
      if (!result.hasMore) return rows;
      after = result.endCursor;
    }
    throw new Error('sources did not end');
  }

  const hazard = (id: string) => db.dataSource.query('SELECT status, version, deadline, code, rectified_on, due_on, reported_late, voided FROM hazard_fact WHERE id = ?', [id]).then((rows) => rows[0]);

  beforeAll(async () => {
    db = await createServiceTestDatabase('hazardfacts', HAZARD_FACT_SPEC_MODULES);
    events = consumerOf(db);
    const deliverAll = async (list: { contract: typeof HazardRegistered | typeof HazardStatusChanged; payload: any }[]) => {
      for (const { contract, payload } of list) await events.deliver(contract as any, payload);
    };
    const reg = (payload: any) => ({ contract: HazardRegistered, payload });
    const chg = (payloads: any[]) => payloads.map((payload) => ({ contract: HazardStatusChanged, payload }));

    await deliverAll([reg(registered('h1', 's1', utc('2026-01-05'))), ...chg(loop('h1', 's1', { reported: utc('2026-01-05'), rectifying: utc('2026-01-06'), deadline: '2026-01-20', submitted: utc('2026-01-17'), accepted: utc('2026-01-18') }))]);
    // h2 arrives out of order: acceptance first, the registration late, the report last.
    const h2 = loop('h2', 'k1', { reported: utc('2026-02-01'), rectifying: utc('2026-02-02'), deadline: '2026-02-10', submitted: utc('2026-02-14'), accepted: utc('2026-02-15') });
    await deliverAll([...chg([h2[2], h2[3]]), reg(registered('h2', 'k1', utc('2026-02-01'))), ...chg([h2[1], h2[0]])]);
    await events.deliver(HazardOverdue, { id: 'h2', code: 'YH-2026-h2', ...at('k1'), grade: 'GENERAL', deadline: '2026-02-10', detectedAt: utc('2026-02-11') });
    await deliverAll([reg(registered('h3', 'k1', utc('2026-03-01', '00:00'), { grade: 'MAJOR' })), ...chg(loop('h3', 'k1', { reported: utc('2026-03-03', '00:00'), rectifying: utc('2026-03-04'), deadline: '2026-03-20' }, 'MAJOR'))]);
    await deliverAll([reg(registered('h4', 's1', utc('2026-02-01'))), ...chg(fixedOnTheSpot('h4', 's1', utc('2026-02-01')))]);
    const finding = { source: 'SUPERVISION', sourceRefType: 'SUPERVISION_FINDING' };
    await deliverAll([reg(registered('h5', 's2', utc('2026-01-10'), { ...finding, sourceRefId: 'f5' })), ...chg(loop('h5', 's2', { reported: utc('2026-01-10'), rectifying: utc('2026-01-11'), deadline: '2026-04-30' }))]);
    await deliverAll([reg(registered('h6', 's2', utc('2026-02-01'), { ...finding, sourceRefId: 'f6' })), ...chg(loop('h6', 's2', { reported: utc('2026-02-01'), rectifying: utc('2026-02-02'), deadline: '2026-02-20', submitted: utc('2026-02-18'), accepted: utc('2026-02-19') }))]);
    await deliverAll([reg(registered('h7', 's1', utc('2026-01-11'))), ...chg([changed('h7', 's1', ['REGISTERED', 'VOIDED', 2], utc('2026-01-12'))])]);
    await deliverAll([reg(registered('h8', 's2', utc('2026-03-30', '00:00'), { grade: 'MAJOR' }))]);
    await deliverAll([reg(registered('h9', 's1', utc('2026-02-02', '00:00'), { grade: 'MAJOR' })), ...chg([changed('h9', 's1', ['REGISTERED', 'REPORTED', 2], utc('2026-02-02', '10:00'), null, 'MAJOR')])]);

    const incident = { type: '学生意外伤害', severity: 'GENERAL' as const, reportDelayMinutes: 30, deaths: 0, injuries: 1 };
    const i1 = { id: 'i1', ...at('k1'), ...incident, occurredAt: utc('2026-02-14'), reportedAt: utc('2026-02-14', '02:30') };
    const redelivered = await events.deliver(IncidentReported, i1);
    await events.deliver(IncidentReported, i1, redelivered); // the broker delivers the same event again
    await events.deliver(IncidentReported, i1); // a replay under another event id
    await events.deliver(IncidentReported, { ...i1, id: 'i2', ...at('s2'), occurredAt: utc('2026-05-01'), reportedAt: utc('2026-05-01', '03:00') });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('applies every event once and keeps the newest state whatever the order of arrival', async () => {
    expect(await events.parked()).toEqual([]);
    // h2: its registration and first report came after the acceptance; the newest version's state stands.
    expect(await hazard('h2')).toMatchObject({ status: 'ACCEPTED', version: 6, deadline: '2026-02-10', code: 'YH-2026-h2', rectified_on: '2026-02-15', due_on: '2026-02-10' });
    // A stale change (v4, another deadline) after the acceptance changes nothing but what it alone knows.
    await events.deliver(HazardStatusChanged, changed('h1', 's1', ['REPORTED', 'RECTIFYING', 4], utc('2026-01-06'), '2026-01-25'));
    expect(await hazard('h1')).toMatchObject({ status: 'ACCEPTED', version: 6, deadline: '2026-01-20' });
    // 即查即改: five changes under one version end CLOSED, rectified that day with no deadline.
    expect(await hazard('h4')).toMatchObject({ status: 'CLOSED', version: 2, deadline: null, rectified_on: '2026-02-01', due_on: '2026-02-01' });
    expect(await hazard('h3')).toMatchObject({ reported_late: 1 });
    expect(await hazard('h9')).toMatchObject({ reported_late: 0 });
    expect(await hazard('h7')).toMatchObject({ status: 'VOIDED', voided: 1 });
    const [{ count }] = await db.dataSource.query('SELECT COUNT(*) AS count FROM incident_fact');
    expect(Number(count)).toBe(2);
  });

  it('RECTIFICATION_RATE: rectified ÷ due by deadline (or the day fixed on the spot), as of a day', async () => {
    expect(await valuesOf(RECTIFICATION_RATE, Q1)).toEqual({ county: [4, 5, 0.8], s1: [3, 4, 0.75], k1: [1, 2, 0.5], s2: [1, 1, 1] });
    // On 02-12: h1 and h4 done, h2 due 02-10 and not yet accepted; h3 and h6 not yet due.
    expect(await valuesOf(RECTIFICATION_RATE, Q1_MID)).toEqual({ county: [2, 3, 2 / 3], s1: [2, 3, 2 / 3], k1: [0, 1, 0], s2: [0, 0, null] });
    expect(await sourcesOf(RECTIFICATION_RATE, 's1', Q1)).toEqual([
      ['YH-2026-h1 隐患h1', '已整改', 's1'],
      ['YH-2026-h4 隐患h4', '已整改', 's1'],
      ['YH-2026-h2 隐患h2', '已整改', 'k1'],
      ['YH-2026-h3 隐患h3', '未整改', 'k1'],
    ]);
  });

  it('ON_TIME_RECTIFICATION: accepted by the deadline ÷ accepted in the period', async () => {
    expect(await valuesOf(ON_TIME_RECTIFICATION, Q1)).toEqual({ county: [3, 4, 0.75], s1: [2, 3, 2 / 3], k1: [0, 1, 0], s2: [1, 1, 1] });
    expect(await sourcesOf(ON_TIME_RECTIFICATION, 'county', Q1)).toEqual([
      ['YH-2026-h1 隐患h1', '按期整改', 's1'],
      ['YH-2026-h4 隐患h4', '按期整改', 's1'],
      ['YH-2026-h2 隐患h2', '超期整改', 'k1'],
      ['YH-2026-h6 隐患h6', '按期整改', 's2'],
    ]);
  });

  it('OVERDUE_HAZARDS: deadlines of the period passed before acceptance, counted', async () => {
    expect(await valuesOf(OVERDUE_HAZARDS, Q1)).toEqual({ county: [2, null, 2], s1: [2, null, 2], k1: [2, null, 2], s2: [0, null, 0] });
    expect(await valuesOf(OVERDUE_HAZARDS, Q1_MID)).toEqual({ county: [1, null, 1], s1: [1, null, 1], k1: [1, null, 1], s2: [0, null, 0] });
    expect(await sourcesOf(OVERDUE_HAZARDS, 'k1', Q1)).toEqual([
      ['YH-2026-h2 隐患h2', '逾期后整改', 'k1'],
      ['YH-2026-h3 隐患h3', '逾期未整改', 'k1'],
    ]);
  });

  it('MAJOR_HAZARDS_REPORTED_LATE: major hazards reported more than 24 hours after discovery, or not at all', async () => {
    expect(await valuesOf(MAJOR_HAZARDS_REPORTED_LATE, Q1)).toEqual({ county: [2, null, 2], s1: [1, null, 1], k1: [1, null, 1], s2: [1, null, 1] });
    expect(await sourcesOf(MAJOR_HAZARDS_REPORTED_LATE, 'county', Q1)).toEqual([
      ['YH-2026-h3 隐患h3', '超时报告（迟报）', 'k1'],
      ['YH-2026-h8 隐患h8', '逾时未报告', 's2'],
    ]);
    // As of 03-30 (h8 discovered at 08:00 that day): not yet 24 hours, not counted.
    expect(await valuesOf(MAJOR_HAZARDS_REPORTED_LATE, { ...Q1, asOf: '2026-03-30' }, ['s2'])).toEqual({ s2: [0, null, 0] });
  });

  it('SUPERVISION_FINDINGS: hazards raised by supervision in the period, rectified ÷ raised', async () => {
    expect(await valuesOf(SUPERVISION_FINDINGS, Q1)).toEqual({ county: [1, 2, 0.5], s1: [0, 0, null], k1: [0, 0, null], s2: [1, 2, 0.5] });
    expect(await sourcesOf(SUPERVISION_FINDINGS, 's2', Q1)).toEqual([
      ['YH-2026-h5 隐患h5', '未整改', 's2'],
      ['YH-2026-h6 隐患h6', '已整改', 's2'],
    ]);
  });

  it('INCIDENTS: incidents that occurred in the period, each once', async () => {
    expect(await valuesOf(INCIDENTS, Q1)).toEqual({ county: [1, null, 1], s1: [1, null, 1], k1: [1, null, 1], s2: [0, null, 0] });
    expect(await valuesOf(INCIDENTS, { from: '2026-01-01', to: '2026-12-31', asOf: '2027-01-05' }, ['county'])).toEqual({ county: [2, null, 2] });
    expect(await sourcesOf(INCIDENTS, 'county', Q1)).toEqual([['一般安全事件（学生意外伤害）', '死亡 0 人，受伤 1 人', 'k1']]);
  });
});
