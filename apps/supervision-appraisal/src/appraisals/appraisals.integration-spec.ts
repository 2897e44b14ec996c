import { Role } from '@campus/auth';
import { HazardRegistered, HazardStatusChanged, IncidentReported, OrgUnitCreated } from '@campus/events';
import { FeatureModule } from '@campus/server';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { scoreOf } from '../appraisal-schemes/scoring';
import { at, consumerOf, loop, registered, UNITS } from '../hazard-facts/hazard-facts.testing';
import { automaticMetric } from '../metrics/metric-catalogue';
import { APPRAISAL_MODULES, buildAppraisalSchema } from '../service';
import { AppraisalWorkflowService } from './appraisal-workflow.service';
import { refreshMarked } from './process-refresh';

const PATHS = { county: '/county/', s1: '/county/s1/', k1: '/county/s1/k1/', s2: '/county/s2/', other: '/other/' };
const countyAdmin = viewerWith('county-admin', [[Role.BUREAU_ADMIN, 'county', PATHS.county]]);
const countyStaff = viewerWith('county-staff', [[Role.STAFF, 'county', PATHS.county]]);
const s1Office = viewerWith('s1-office', [[Role.SAFETY_OFFICE, 's1', PATHS.s1]]);
const otherAdmin = viewerWith('other-admin', [[Role.BUREAU_ADMIN, 'other', PATHS.other]]);
const utc = (day: string, time = '02:00') => `${day}T${time}:00.000Z`;

const RECTIFICATION = { kind: 'AUTOMATIC', metric: 'RECTIFICATION_RATE', name: '隐患整改率', weight: 60, rule: { kind: 'LINEAR', zeroAt: 0.5, fullAt: 1 } };
const OVERDUE = { kind: 'AUTOMATIC', metric: 'OVERDUE_HAZARDS', name: '逾期隐患', weight: 20, rule: { kind: 'DEDUCTION', perOccurrence: 10, cap: 20 } };
const MANUAL = { kind: 'MANUAL', name: '制度建设（人工评分）', weight: 20 };
const SCHEME = `mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { appraisalScheme { id version status
  indicators { id name weight rule { kind zeroAt fullAt perOccurrence cap } } } } }`;
const PUBLISH = 'mutation($input: AppraisalSchemeRunInput!) { publishAppraisalScheme(input: $input) { schemeId stage appraisedUnits } }';
const CLOSE = 'mutation($input: AppraisalSchemeRunInput!) { closeAppraisalScheme(input: $input) { schemeId stage appraisedUnits } }';
const UPDATE = 'mutation($input: UpdateAppraisalSchemeInput!) { updateAppraisalScheme(input: $input) { appraisalScheme { id } } }';
const RESULTS = `query($id: ID!, $stage: AppraisalStage) { appraisals(schemeId: $id, stage: $stage, first: 10) { totalCount edges { node {
  orgUnit { id } stage total grade vetoed rank asOf values { indicatorId value numerator denominator score } vetoes { rule evidenceKind evidenceId reason } } } } }`;

/**
 * A county's Q1 2026 scheme over its two schools, s1 (with college k1) and s2, computed from hazard and
 * incident events delivered through the real consumer: values as the metrics give them, points by the
 * rules, a veto for a major incident in s2, grades and ranks; and the refusals around it.
 */
describe('supervision-appraisal: appraisals computed from the facts (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let events: ReturnType<typeof consumerOf>;

  beforeAll(async () => {
    db = await createServiceTestDatabase('appraisals', APPRAISAL_MODULES);
    for (const [id, path] of Object.entries(PATHS)) {
      await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name, code, kind) VALUES (?, ?, ?, ?, ?)', [id, path, `单位${id}`, id.toUpperCase(), id.startsWith('s') ? 'SCHOOL' : 'BUREAU']);
    }
    events = consumerOf(db, APPRAISAL_MODULES as readonly FeatureModule[]);
    const hazard = async (id: string, unit: string, dates: Parameters<typeof loop>[2]) => {
      await events.deliver(HazardRegistered, registered(id, unit, dates.reported));
      for (const change of loop(id, unit, dates)) await events.deliver(HazardStatusChanged, change);
    };
    await hazard('h1', 's1', { reported: utc('2026-01-05'), rectifying: utc('2026-01-06'), deadline: '2026-01-20', submitted: utc('2026-01-17'), accepted: utc('2026-01-18') });
    await hazard('h2', 'k1', { reported: utc('2026-02-01'), rectifying: utc('2026-02-02'), deadline: '2026-02-10' });
    await hazard('h3', 's2', { reported: utc('2026-02-01'), rectifying: utc('2026-02-02'), deadline: '2026-02-20', submitted: utc('2026-02-18'), accepted: utc('2026-02-19') });
    const incident = { type: '校舍坍塌', severity: 'MAJOR' as const, reportDelayMinutes: 30, deaths: 0, injuries: 3, occurredAt: utc('2026-03-02'), reportedAt: utc('2026-03-02', '02:30') };
    await events.deliver(IncidentReported, { id: 'i9', ...at('s2'), ...incident });
    expect(await events.parked()).toEqual([]);
    runner = new SchemaRunner(await buildAppraisalSchema(db.dataSource, fixedOrgDirectory(PATHS)));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('publishes a scheme only with every automatic indicator scored by a rule, and only for its admins', async () => {
    const input = { orgUnitId: 'county', name: '2026年第一季度学校安全工作考核', year: 2026, period: 'Q1', indicators: [{ ...RECTIFICATION, rule: undefined }, OVERDUE, MANUAL] };
    const scheme = (await runner.data(countyAdmin, SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    const incomplete = await runner.run(countyAdmin, PUBLISH, { input: { id: scheme.id, version: scheme.version } });
    expect(incomplete.errors?.[0]).toMatchObject({ message: expect.stringContaining('隐患整改率'), extensions: { code: 'CONFLICT', reason: 'INCOMPLETE' } });
    const staff = await runner.run(countyStaff, PUBLISH, { input: { id: scheme.id, version: scheme.version } });
    expect(staff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const outsider = await runner.run(otherAdmin, PUBLISH, { input: { id: scheme.id, version: scheme.version } });
    expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('computes the year-end appraisal from the facts: values, points by rule, veto, grade and rank; and refuses editing a published scheme', async () => {
    const input = { orgUnitId: 'county', name: '2026年第一季度考核', year: 2026, period: 'Q1', indicators: [RECTIFICATION, OVERDUE, MANUAL], vetoRules: ['MAJOR_INCIDENT'] };
    const scheme = (await runner.data(countyAdmin, SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    expect(scheme.indicators[0].rule).toEqual({ kind: 'LINEAR', zeroAt: 0.5, fullAt: 1, perOccurrence: null, cap: null });
    expect((await runner.data(countyAdmin, PUBLISH, { input: { id: scheme.id, version: scheme.version } })).publishAppraisalScheme).toEqual({ schemeId: scheme.id, stage: 'PROCESS', appraisedUnits: 2 });
    const edit = await runner.run(countyAdmin, UPDATE, { input: { id: scheme.id, version: scheme.version + 1, name: '改名' } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect((await runner.data(countyAdmin, CLOSE, { input: { id: scheme.id, version: scheme.version + 1 } })).closeAppraisalScheme.appraisedUnits).toBe(2);

    const results = (await runner.data(countyAdmin, RESULTS, { id: scheme.id, stage: 'YEAR_END' })).appraisals;
    expect(results.totalCount).toBe(2);
    const [first, second] = results.edges.map((edge: any) => edge.node);
    const period = { from: '2026-01-01', to: '2026-03-31', asOf: '2026-03-31' };
    for (const node of [first, second]) {
      const unit = UNITS[node.orgUnit.id];
      const expected = await Promise.all(
        [RECTIFICATION, OVERDUE].map(async (indicator, index) => {
          const value = (await automaticMetric(indicator.metric!)!.values(db.dataSource.manager, [unit], period)).get(unit.id)!;
          return { indicatorId: scheme.indicators[index].id, ...value, score: scoreOf(indicator.rule as never, indicator.weight, value.value) };
        }),
      );
      expect(node.values).toEqual(expect.arrayContaining(expected));
      expect(node.total).toBeCloseTo(expected[0].score + expected[1].score, 2);
      expect(node.asOf).toBe('2026-03-31');
    }
    // s2 scores better (its hazard was rectified on time) but a major incident vetoes it: 不合格 and ranked after s1.
    expect(first).toMatchObject({ orgUnit: { id: 's1' }, vetoed: false, rank: 1, vetoes: [] });
    expect(second).toMatchObject({ orgUnit: { id: 's2' }, vetoed: true, rank: 2, grade: '不合格', vetoes: [{ rule: 'MAJOR_INCIDENT', evidenceKind: 'INCIDENT', evidenceId: 'i9' }] });
    expect(second.total).toBeGreaterThan(first.total);
    expect(second.vetoes[0].reason).toContain('校舍坍塌');
    // The veto proposes an accountability record against s2 for the county to confirm; nothing is sanctioned by itself.
    const proposals = await db.dataSource.query("SELECT org_unit_id, status, reason, measure FROM accountability_record WHERE source_kind = 'APPRAISAL_VETO'");
    expect(proposals).toEqual([{ org_unit_id: 's2', status: 'PROPOSED', reason: 'VETO', measure: 'DISQUALIFY_HONOURS' }]);

    // A school sees its own result only; another county sees none.
    const own = (await runner.data(s1Office, RESULTS, { id: scheme.id, stage: 'YEAR_END' })).appraisals;
    expect(own.edges.map((edge: any) => edge.node.orgUnit.id)).toEqual(['s1']);
    expect((await runner.data(otherAdmin, RESULTS, { id: scheme.id, stage: 'YEAR_END' })).appraisals.totalCount).toBe(0);

    // On OrgUnit for dashboards: the unit's own results, to those who may see them.
    const DASHBOARD = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id appraisals(stage: YEAR_END) { schemeId grade rank vetoed } } } }';
    const s2Card = (viewer: typeof countyAdmin) => runner.data(viewer, DASHBOARD, { r: [{ __typename: 'OrgUnit', id: 's2' }] }).then((data) => data._entities[0].appraisals);
    expect(await s2Card(countyAdmin)).toEqual(expect.arrayContaining([{ schemeId: scheme.id, grade: '不合格', rank: 2, vetoed: true }]));
    expect(await s2Card(s1Office)).toEqual([]);
  });

  it('refreshes the process appraisal of the units an event touches, and only theirs', async () => {
    const input = { orgUnitId: 'county', name: '2026年第一季度过程考核', year: 2026, period: 'Q1', indicators: [RECTIFICATION, OVERDUE, MANUAL] };
    const scheme = (await runner.data(countyAdmin, SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    await runner.data(countyAdmin, PUBLISH, { input: { id: scheme.id, version: scheme.version } });
    // The set-up's events a moment ago: the publication marks their units in case it computed without them.
    await refreshMarked(db.dataSource, new Date());
    const results = async () =>
      Object.fromEntries((await runner.data(countyAdmin, RESULTS, { id: scheme.id, stage: 'PROCESS' })).appraisals.edges.map((edge: any) => [edge.node.orgUnit.id, edge.node]));
    const before = await results();

    // A hazard of college k1 (in s1) comes due in the quarter unrectified: s1's rectification rate falls.
    await events.deliver(HazardRegistered, registered('h4', 'k1', utc('2026-03-01')));
    for (const change of loop('h4', 'k1', { reported: utc('2026-03-01'), rectifying: utc('2026-03-02'), deadline: '2026-03-10' })) await events.deliver(HazardStatusChanged, change);
    expect(await db.dataSource.query('SELECT org_unit_id FROM appraisal_refresh WHERE scheme_id = ?', [scheme.id])).toEqual([{ org_unit_id: 's1' }]);
    expect(await results()).toEqual(before);

    expect(await refreshMarked(db.dataSource, new Date())).toBe(1);
    const after = await results();
    expect(after.s1.total).toBeLessThan(before.s1.total);
    expect(after.s1.values.find((value: any) => value.indicatorId === scheme.indicators[0].id).denominator).toBe(
      before.s1.values.find((value: any) => value.indicatorId === scheme.indicators[0].id).denominator + 1,
    );
    expect(after.s2).toEqual(before.s2);
    expect(await db.dataSource.query('SELECT * FROM appraisal_refresh')).toEqual([]);
  });

  it('scores manual indicators, reviews and publishes the year-end results, takes objections in the window, and finalises the rest', async () => {
    const input = { orgUnitId: 'county', name: '2026年第一季度考核（人工评分）', year: 2026, period: 'Q1', indicators: [RECTIFICATION, OVERDUE, MANUAL], objectionDays: 5 };
    const scheme = (await runner.data(countyAdmin, SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    await runner.data(countyAdmin, PUBLISH, { input: { id: scheme.id, version: scheme.version } });
    await runner.data(countyAdmin, CLOSE, { input: { id: scheme.id, version: scheme.version + 1 } });
    const read = async () =>
      Object.fromEntries(
        (await runner.data(countyAdmin, `query($id: ID!) { appraisals(schemeId: $id, stage: YEAR_END) { edges { node { id orgUnit { id } status total objectionUntil
          objections { id status } } } } }`, { id: scheme.id })).appraisals.edges.map((edge: any) => [edge.node.orgUnit.id, edge.node]),
      );
    const drafts = await read();
    const SCORE = 'mutation($input: ScoreAppraisalInput!) { scoreAppraisal(input: $input) }';
    const manualId = scheme.indicators[2].id;
    const score = (viewer: typeof countyAdmin, unit: string, points: number, indicatorId = manualId) =>
      runner.run(viewer, SCORE, { input: { appraisalId: drafts[unit].id, indicatorId, score: points, comment: '制度健全，台账齐全' } });

    expect((await score(s1Office, 's1', 20)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_RECORD' });
    expect((await score(countyAdmin, 's1', 25)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await score(countyAdmin, 's1', 10, scheme.indicators[0].id)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Scores of both units at once: each re-ranks the scheme, serialised by the scheme's lock rather than deadlocking on each other's rows.
    const together = await Promise.all([5, 8, 11, 14].flatMap((points) => [score(countyAdmin, 's1', points), score(countyAdmin, 's2', points)]));
    expect(together.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect((await score(countyAdmin, 's1', 15)).errors).toBeUndefined();
    expect((await read()).s1.total).toBeCloseTo(drafts.s1.total + 15, 2);
    await db.dataSource.query("DELETE v FROM appraisal_value v JOIN appraisal a ON a.id = v.appraisal_id WHERE a.org_unit_id = 's2' AND a.scheme_id = ? AND v.scored_by IS NOT NULL", [scheme.id]);

    const REVIEW = 'mutation($id: ID!) { reviewAppraisals(schemeId: $id) }';
    const early = await runner.run(countyAdmin, REVIEW, { id: scheme.id });
    expect(early.errors?.[0]).toMatchObject({ message: expect.stringContaining('尚有 1 个单位的人工指标未评分'), extensions: { reason: 'INCOMPLETE' } });
    await score(countyAdmin, 's2', 18);
    expect((await runner.data(countyAdmin, REVIEW, { id: scheme.id })).reviewAppraisals).toBe(2);
    expect((await score(countyAdmin, 's2', 20)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect((await runner.data(countyAdmin, 'mutation($id: ID!) { publishAppraisals(schemeId: $id) }', { id: scheme.id })).publishAppraisals).toBe(2);
    const published = await read();
    expect(published.s1).toMatchObject({ status: 'PUBLISHED', objectionUntil: expect.any(String) });

    const OBJECT = 'mutation($input: FileAppraisalObjectionInput!) { fileAppraisalObjection(input: $input) { id status } }';
    const objection = (await runner.data(s1Office, OBJECT, { input: { appraisalId: published.s1.id, reason: '隐患h2已于3月整改完毕，系统未及时销号' } })).fileAppraisalObjection;
    expect((await runner.run(s1Office, OBJECT, { input: { appraisalId: published.s1.id, reason: '再次申诉同一结果' } })).errors?.[0].extensions?.reason).toBe('DUPLICATE');
    expect((await runner.run(countyStaff, OBJECT, { input: { appraisalId: published.s2.id, reason: '我不是该校负责人' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const answered = (await runner.data(countyAdmin, 'mutation($input: AnswerAppraisalObjectionInput!) { answerAppraisalObjection(input: $input) { status } }', {
      input: { objectionId: objection.id, accept: true, answer: '受理，退回重新评分' },
    })).answerAppraisalObjection;
    expect(answered.status).toBe('ACCEPTED');

    const afterWindow = new AppraisalWorkflowService(db.dataSource, () => new Date(Date.now() + 6 * 86_400_000));
    expect(await afterWindow.finalize()).toBe(1);
    const settled = await read();
    expect(settled.s1).toMatchObject({ status: 'DRAFT', objectionUntil: null, objections: [{ id: objection.id, status: 'ACCEPTED' }] });
    expect(settled.s2.status).toBe('FINAL');
  });

  it('refuses reviewing and publishing results to a caller who may only view the scheme, whatever its state', async () => {
    const input = { orgUnitId: 'county', name: '2026年第一季度考核（审核权限）', year: 2026, period: 'Q1', indicators: [RECTIFICATION, OVERDUE, MANUAL] };
    const scheme = (await runner.data(countyAdmin, SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    const review = (viewer: typeof countyAdmin, field: 'reviewAppraisals' | 'publishAppraisals') =>
      runner.run(viewer, `mutation($id: ID!) { ${field}(schemeId: $id) }`, { id: scheme.id });
    await runner.data(countyAdmin, PUBLISH, { input: { id: scheme.id, version: scheme.version } });
    expect((await review(countyStaff, 'reviewAppraisals')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await runner.data(countyAdmin, CLOSE, { input: { id: scheme.id, version: scheme.version + 1 } });
    for (const field of ['reviewAppraisals', 'publishAppraisals'] as const) {
      const refused = await review(countyStaff, field);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
    expect((await review(otherAdmin, 'reviewAppraisals')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await review(countyAdmin, 'publishAppraisals')).errors).toBeUndefined();
  });

  it('takes an assessor’s veto under the scheme’s other situations, with its reason and evidence, and keeps it through recomputations', async () => {
    const input = { orgUnitId: 'county', name: '2026年第一季度考核（其他否决情形）', year: 2026, period: 'Q1', indicators: [RECTIFICATION, OVERDUE, MANUAL], vetoRules: ['OTHER'] };
    const scheme = (await runner.data(countyAdmin, SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    await runner.data(countyAdmin, PUBLISH, { input: { id: scheme.id, version: scheme.version } });
    const [s1] = (await runner.data(countyAdmin, RESULTS, { id: scheme.id })).appraisals.edges.map((edge: any) => edge.node).filter((node: any) => node.orgUnit.id === 's1');
    const id = (await db.dataSource.query("SELECT id FROM appraisal WHERE scheme_id = ? AND stage = 'PROCESS' AND org_unit_id = 's1'", [scheme.id]))[0].id;
    const VETO = 'mutation($input: VetoAppraisalInput!) { vetoAppraisal(input: $input) }';
    const veto = { appraisalId: id, reason: '瞒报学生溺水事件，经督导组核实', evidenceKind: 'SUPERVISION_FINDING', evidenceId: 'f-77' };
    expect((await runner.run(s1Office, VETO, { input: veto })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_RECORD' });
    expect((await runner.data(countyAdmin, VETO, { input: veto })).vetoAppraisal).toBe(true);
    const vetoed = async () => (await runner.data(countyAdmin, RESULTS, { id: scheme.id })).appraisals.edges.map((edge: any) => edge.node).find((node: any) => node.orgUnit.id === 's1');
    expect(await vetoed()).toMatchObject({ vetoed: true, grade: '不合格', rank: 2, vetoes: [{ rule: 'OTHER', evidenceKind: 'SUPERVISION_FINDING', evidenceId: 'f-77', reason: veto.reason }] });
    expect(s1.vetoed).toBe(false);

    await runner.data(countyAdmin, 'mutation($id: ID!) { recomputeAppraisals(schemeId: $id) { appraisedUnits } }', { id: scheme.id });
    expect(await vetoed()).toMatchObject({ vetoed: true, vetoes: [{ rule: 'OTHER' }] });
    const elsewhere = await runner.run(countyAdmin, VETO, {
      input: { ...veto, appraisalId: (await db.dataSource.query("SELECT id FROM appraisal WHERE stage = 'YEAR_END' AND org_unit_id = 's1' LIMIT 1"))[0].id },
    });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('marks after a publication the units events touched while it computed, and gives a school created later its process appraisal', async () => {
    const input = { orgUnitId: 'county', name: '2026年第一季度过程考核（发布期间）', year: 2026, period: 'Q1', indicators: [RECTIFICATION, OVERDUE, MANUAL] };
    const scheme = (await runner.data(countyAdmin, SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    await db.dataSource.query('UPDATE appraisal_touched_path SET touched_at = touched_at - INTERVAL 1 HOUR');
    // An event just before the publication: its fact may be newer than what the publication read.
    await events.deliver(HazardRegistered, registered('h5', 's2', utc('2026-03-03')));
    await runner.data(countyAdmin, PUBLISH, { input: { id: scheme.id, version: scheme.version } });
    expect(await db.dataSource.query('SELECT org_unit_id FROM appraisal_refresh WHERE scheme_id = ?', [scheme.id])).toEqual([{ org_unit_id: 's2' }]);
    await refreshMarked(db.dataSource, new Date());

    await events.deliver(OrgUnitCreated, { id: 's3', code: 'S3', name: '新建学校', kind: 'SCHOOL', parentId: 'county', path: '/county/s3/' });
    expect(await events.parked()).toEqual([]);
    expect(await db.dataSource.query('SELECT org_unit_id FROM appraisal_refresh WHERE scheme_id = ?', [scheme.id])).toEqual([{ org_unit_id: 's3' }]);
    expect(await refreshMarked(db.dataSource, new Date())).toBeGreaterThanOrEqual(1);
    const units = (await runner.data(countyAdmin, RESULTS, { id: scheme.id, stage: 'PROCESS' })).appraisals.edges.map((edge: any) => edge.node.orgUnit.id);
    expect(units.sort()).toEqual(['s1', 's2', 's3']);
  });
});
