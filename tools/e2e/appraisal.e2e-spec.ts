import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const COLLEGES = ['XDZY-XX', 'XDZY-JD', 'XDZY-HL', 'XDZY-JG'];
const SCHEME_FIELDS = 'id version status name orgUnit { id } indicators { id name kind metric }';
const CREATE_SCHEME = `mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { appraisalScheme { ${SCHEME_FIELDS} } } }`;
const UPDATE_SCHEME = 'mutation($input: UpdateAppraisalSchemeInput!) { updateAppraisalScheme(input: $input) { appraisalScheme { id } } }';
const PUBLISH_SCHEME = 'mutation($input: AppraisalSchemeRunInput!) { publishAppraisalScheme(input: $input) { stage appraisedUnits } }';
const CLOSE_SCHEME = 'mutation($input: AppraisalSchemeRunInput!) { closeAppraisalScheme(input: $input) { stage appraisedUnits } }';
const RESULTS = `query($id: ID!, $stage: AppraisalStage) { appraisals(schemeId: $id, stage: $stage, first: 20) { totalCount edges { node {
  id status total grade vetoed rank objectionUntil orgUnit { id } values { indicatorId value numerator denominator score comment }
  vetoes { rule evidenceKind evidenceId reason } objections { id status } } } } }`;
const SCORE = 'mutation($input: ScoreAppraisalInput!) { scoreAppraisal(input: $input) }';
const OBJECT = 'mutation($input: FileAppraisalObjectionInput!) { fileAppraisalObjection(input: $input) { id status } }';
const REPORT_INCIDENT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }';
const RECORD = 'id version status reason proposedByPlatform orgUnit { id } evidence { kind refId }';
const ACCOUNTABILITY = `query($filter: AccountabilityRecordFilter) { accountabilityRecords(filter: $filter, first: 50) { edges { node { ${RECORD} } } } }`;
const hazardStep = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { hazard { id version status } } }`;

const today = calendarDateOf(new Date());
const year = Number(today.slice(0, 4));
const half = Number(today.slice(5, 7)) <= 6 ? { period: 'FIRST_HALF', from: `${year}-01-01`, to: `${year}-06-30` } : { period: 'SECOND_HALF', from: `${year}-07-01`, to: `${year}-12-31` };

/** The school's scheme over its colleges: five automatic indicators from three services' events, one manual, 一票否决 for a major incident. */
const INDICATORS = [
  { name: '隐患整改率', weight: 25, kind: 'AUTOMATIC', metric: 'RECTIFICATION_RATE', rule: { kind: 'LINEAR', zeroAt: 0.5, fullAt: 1 } },
  { name: '按期整改率', weight: 15, kind: 'AUTOMATIC', metric: 'ON_TIME_RECTIFICATION', rule: { kind: 'LINEAR', zeroAt: 0.5, fullAt: 1 } },
  { name: '逾期隐患', weight: 10, kind: 'AUTOMATIC', metric: 'OVERDUE_HAZARDS', rule: { kind: 'DEDUCTION', perOccurrence: 5, cap: 10 } },
  { name: '安全教育覆盖率', weight: 20, kind: 'AUTOMATIC', metric: 'EDUCATION_COVERAGE', rule: { kind: 'LINEAR', zeroAt: 0, fullAt: 1 } },
  { name: '责任书签订率', weight: 20, kind: 'AUTOMATIC', metric: 'LETTERS_SIGNED', rule: { kind: 'LINEAR', zeroAt: 0, fullAt: 1 } },
  { name: '安全台账规范性', weight: 10, kind: 'MANUAL' },
];

type Result = { id: string; status: string; total: number; grade: string; vetoed: boolean; rank: number; values: any[]; vetoes: any[]; objections: any[] };

/**
 * 考核 end to end through the gateway: the demo's published scheme with 护理学院 vetoed; a scheme whose
 * process appraisal follows real events of hazard-tracking, education-drills and responsibility-network;
 * a veto from a major incident; close, manual scores, review, publication, objections and accountability;
 * and the refusals (a unit scoring itself, editing a published scheme, another unit's results, late or
 * unentitled objections).
 */
describe('supervision-appraisal: the appraisal chain through the gateway', () => {
  let fixture: PlatformFixture;
  let admin: GraphQLClient;
  let office: GraphQLClient;
  let head: GraphQLClient;
  let xxLeader: GraphQLClient;
  let xxOfficer: GraphQLClient;
  let jdOfficer: GraphQLClient;
  let staff: GraphQLClient;
  let scheme: { id: string; version: number; indicators: { id: string; name: string; kind: string; metric: string | null }[] };
  let jgIncidentId: string;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4560);
    [admin, office, head, xxLeader, xxOfficer, jdOfficer, staff] = await Promise.all(
      ['bureau.admin', 'safety.office', 'school.head', 'xx.leader', 'xx.officer', 'jd.officer', 'staff'].map((name) => fixture.as(name)),
    );
  }, 180_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  const unit = (code: string) => fixture.unitIds[code];
  const indicator = (metric: string | null) => scheme.indicators.find((candidate) => candidate.metric === metric)!;
  const valueOf = (result: Result, metric: string | null) => result.values.find((value) => value.indicatorId === indicator(metric).id);

  const versionOf = async (client: GraphQLClient, id: string): Promise<number> =>
    (await client.data('query($id: ID!) { appraisalScheme(id: $id) { version } }', { id })).appraisalScheme.version;

  /** The 考核结果 download through the gateway, opened: each sheet's rows. */
  async function downloadResults(client: GraphQLClient, schemeId: string): Promise<Record<string, unknown[][]>> {
    const response = await fetch(`${fixture.platform.gatewayUrl.replace(/\/graphql$/, '')}/exports/appraisal-results?schemeId=${schemeId}&stage=YEAR_END`, {
      headers: { authorization: `Bearer ${client.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheets: Record<string, unknown[][]> = {};
    for (const sheet of workbook.worksheets) {
      sheets[sheet.name] = [];
      sheet.eachRow((row) => sheets[sheet.name].push((row.values as unknown[]).slice(1)));
    }
    return sheets;
  }

  async function results(client: GraphQLClient, schemeId: string, stage: 'PROCESS' | 'YEAR_END'): Promise<Record<string, Result>> {
    const data = await client.data(RESULTS, { id: schemeId, stage });
    const codeOf = (id: string) => Object.keys(fixture.unitIds).find((code) => fixture.unitIds[code] === id)!;
    return Object.fromEntries(data.appraisals.edges.map((edge: any) => [codeOf(edge.node.orgUnit.id), edge.node]));
  }

  it('shows the demo’s published scheme over the four colleges, 护理学院 vetoed for its major incident', async () => {
    const listed = await office.data(`query($year: Int!) { appraisalSchemes(filter: { year: $year }) { edges { node { id status appraisedUnitKind vetoRules indicators { kind } } } } }`, { year });
    const demo = listed.appraisalSchemes.edges.map((edge: any) => edge.node).find((node: any) => node.status === 'PUBLISHED');
    expect(demo).toMatchObject({ appraisedUnitKind: 'COLLEGE', vetoRules: ['MAJOR_INCIDENT'] });
    expect(demo.indicators.filter((item: any) => item.kind === 'AUTOMATIC')).toHaveLength(6);

    const read = () => results(office, demo.id, 'PROCESS');
    const process = await eventually(read, (byCode) => byCode['XDZY-HL']?.vetoed === true, 20_000, 300);
    expect(Object.keys(process).sort()).toEqual([...COLLEGES].sort());
    expect(Object.entries(process).filter(([, result]) => result.vetoed).map(([code]) => code)).toEqual(['XDZY-HL']);
    expect(process['XDZY-HL']).toMatchObject({ grade: '不合格', rank: 4, vetoes: [{ rule: 'MAJOR_INCIDENT', evidenceKind: 'INCIDENT' }] });
    // The 安全台账 points the safety office gave so far count in the process appraisal.
    expect(process['XDZY-XX'].values).toContainEqual(expect.objectContaining({ score: 9, comment: expect.stringContaining('台账齐全') }));
  });

  it('computes the process appraisal of a new scheme from real events of hazard-tracking and education-drills', async () => {
    const input = { orgUnitId: unit('XDZY'), name: `${year}年二级学院安全工作考核（端到端）`, year, period: half.period, appraisedUnitKind: 'COLLEGE', vetoRules: ['MAJOR_INCIDENT'], objectionDays: 7, indicators: INDICATORS };
    scheme = (await office.data(CREATE_SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    expect((await office.data(PUBLISH_SCHEME, { input: { id: scheme.id, version: scheme.version } })).publishAppraisalScheme).toEqual({ stage: 'PROCESS', appraisedUnits: 4 });
    const edit = await office.request(UPDATE_SCHEME, { input: { id: scheme.id, version: await versionOf(office, scheme.id), name: '发布后改名' } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    const before = await results(office, scheme.id, 'PROCESS');

    // hazard-tracking: 信息工程学院's safety officer registers a hazard, rectifies it by today's deadline; the office accepts it.
    const leaderPerson = (await xxLeader.data('{ me { person { id } } }')).me.person.id;
    const rectifying = async (title: string, deadline: string) => {
      let hazard = (await xxOfficer.data(hazardStep('registerHazard', 'RegisterHazardInput'), {
        input: { orgUnitId: unit('XDZY-XX'), title, description: `${title}，需限期整改`, category: 'FIRE', grade: 'GENERAL', placeText: '信息楼三层', discoveredAt: new Date().toISOString() },
      })).registerHazard.hazard;
      const act = async (client: GraphQLClient, name: string, inputType: string, fields: Record<string, unknown> = {}) => {
        hazard = (await client.data(hazardStep(name, inputType), { input: { id: hazard.id, version: hazard.version, ...fields } }))[name].hazard;
      };
      await act(xxOfficer, 'reportHazard', 'ReportHazardInput');
      await act(xxOfficer, 'submitRectificationPlan', 'SubmitRectificationPlanInput', { responsiblePersonId: leaderPerson, measures: '限期整改到位', deadline, contingencyPlan: '整改期间专人巡查' });
      await act(xxOfficer, 'startRectification', 'StartRectificationInput');
      return { act, current: () => hazard };
    };
    const fixed = await rectifying('考核链端到端：机房灭火器过期', today);
    await fixed.act(xxOfficer, 'submitForAcceptance', 'SubmitForAcceptanceInput', { rectificationNote: '已更换两具灭火器' });
    await fixed.act(office, 'acceptHazard', 'AcceptHazardInput', { passed: true, comment: '验收合格' });
    expect(fixed.current().status).toBe('ACCEPTED');
    // A second one is being rectified, due tomorrow: neither rectified nor overdue yet.
    await rectifying('考核链端到端：楼道应急照明损坏', calendarDateOf(new Date(Date.now() + 86_400_000)));

    // education-drills: a lecture attended by a person of 信息工程学院 not yet covered this half year.
    const coverage = await office.data(
      `query($unit: ID!, $from: String!, $to: String!) { appraisalMetric(metric: EDUCATION_COVERAGE, orgUnitId: $unit, from: $from, to: $to) { sources(first: 200) { rows { id counted } } } }`,
      { unit: unit('XDZY-XX'), from: half.from, to: half.to },
    );
    const uncovered = coverage.appraisalMetric.sources.rows.find((row: any) => row.counted === '未覆盖');
    expect(uncovered).toBeDefined();
    const minutes = (offset: number) => new Date(Date.now() + offset * 60_000).toISOString();
    const activity = (await xxOfficer.data('mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { id } } }', {
      input: { orgUnitId: unit('XDZY-XX'), title: '考核链端到端：机房消防安全培训', kind: 'LECTURE', topics: ['FIRE'], audienceKinds: ['STUDENT', 'STAFF', 'CONTRACTOR'], startsAt: minutes(-20), endsAt: minutes(40) },
    })).createEducationActivity.educationActivity;
    await xxOfficer.data('mutation($input: MarkEducationAttendanceInput!) { markEducationAttendance(input: $input) { recorded } }', { input: { activityId: activity.id, personIds: [uncovered.id] } });

    const after = await eventually(
      () => results(office, scheme.id, 'PROCESS'),
      (byCode) =>
        valueOf(byCode['XDZY-XX'], 'RECTIFICATION_RATE').numerator === valueOf(before['XDZY-XX'], 'RECTIFICATION_RATE').numerator + 1 &&
        valueOf(byCode['XDZY-XX'], 'EDUCATION_COVERAGE').numerator === valueOf(before['XDZY-XX'], 'EDUCATION_COVERAGE').numerator + 1,
      30_000,
      300,
    );
    const [xxBefore, xxAfter] = [before['XDZY-XX'], after['XDZY-XX']];
    expect(valueOf(xxAfter, 'RECTIFICATION_RATE').denominator).toBe((valueOf(xxBefore, 'RECTIFICATION_RATE').denominator ?? 0) + 1);
    expect(valueOf(xxAfter, 'ON_TIME_RECTIFICATION').numerator).toBe(valueOf(xxBefore, 'ON_TIME_RECTIFICATION').numerator + 1);
    expect(valueOf(xxAfter, 'EDUCATION_COVERAGE').denominator).toBe(valueOf(xxBefore, 'EDUCATION_COVERAGE').denominator);
    // 护理学院's demo incident vetoes it here too; 经济管理学院 is not touched.
    expect(after['XDZY-HL'].vetoed).toBe(true);
    const unranked = (result: Result) => ({ total: result.total, vetoed: result.vetoed, values: result.values });
    expect(unranked(after['XDZY-JG'])).toEqual(unranked(before['XDZY-JG']));
  });

  it('follows a responsibility letter signed in responsibility-network into the process appraisal', async () => {
    const before = (await results(office, scheme.id, 'PROCESS'))['XDZY-JD'];
    expect(valueOf(before, 'LETTERS_SIGNED')).toMatchObject({ value: 0, numerator: 0, denominator: 1, score: 0 });
    // responsibility-network: 机电工程学院's dean (its first responsible person) signs the responsibility letter the school issued it.
    const jdLeader = await fixture.as('jd.leader');
    const letters = await office.data('query($id: ID!, $year: Int!) { letterSigningCoverage(issuerUnitId: $id, year: $year) { units { orgUnit { code } letterId } } }', { id: unit('XDZY'), year });
    const letterId = letters.letterSigningCoverage.units.find((row: any) => row.orgUnit.code === 'XDZY-JD').letterId;
    const letter = (await jdLeader.data('query($id: ID!) { responsibilityLetter(id: $id) { id version } }', { id: letterId })).responsibilityLetter;
    await jdLeader.data('mutation($input: SignResponsibilityLetterInput!) { signResponsibilityLetter(input: $input) { responsibilityLetter { status } } }', { input: letter });

    // The signature reaches supervision-appraisal's facts (the metric counts it) …
    const metric = () =>
      office.data(`query($unit: ID!, $from: String!, $to: String!) { appraisalMetric(metric: LETTERS_SIGNED, orgUnitId: $unit, from: $from, to: $to) { value } }`, {
        unit: unit('XDZY-JD'), from: half.from, to: half.to,
      });
    expect((await eventually(metric, (data) => data.appraisalMetric.value === 1, 20_000, 300)).appraisalMetric.value).toBe(1);
    // … and the refresh job (every 500 ms) brings it into 机电工程学院's process appraisal.
    const after = (await eventually(() => results(office, scheme.id, 'PROCESS'), (byCode) => valueOf(byCode['XDZY-JD'], 'LETTERS_SIGNED').value === 1, 5_000, 300))['XDZY-JD'];
    expect(valueOf(after, 'LETTERS_SIGNED')).toMatchObject({ value: 1, numerator: 1, denominator: 1, score: 20 });
    expect(after.total).toBeCloseTo(before.total + 20, 2);
  });

  it('vetoes a college whose major incident hazard-tracking reports: 不合格, ranked after every other', async () => {
    const occurredAt = new Date(Date.now() - 3 * 3600_000);
    const incident = await office.data(REPORT_INCIDENT, {
      input: {
        orgUnitId: unit('XDZY-JG'), type: 'VIOLENCE', severity: 'MAJOR', occurredAt: occurredAt.toISOString(), reportedAt: new Date(occurredAt.getTime() + 20 * 60_000).toISOString(),
        placeText: '学生公寓3号楼', deaths: 0, injuries: 2, description: '校外人员经损坏的门禁闸机进入学生公寓，与学生发生冲突，2 名学生受伤。', immediateMeasures: '保卫处到场控制人员并报警，伤员送医，门禁处增派值守。',
      },
    });
    jgIncidentId = incident.reportIncident.incident.id;
    const vetoed = await eventually(() => results(office, scheme.id, 'PROCESS'), (byCode) => byCode['XDZY-JG'].vetoed, 20_000, 300);
    expect(vetoed['XDZY-JG']).toMatchObject({ grade: '不合格', vetoes: [{ rule: 'MAJOR_INCIDENT', evidenceKind: 'INCIDENT', evidenceId: jgIncidentId }] });
    expect(vetoed['XDZY-JG'].vetoes[0].reason).toContain('重大及以上安全事件');
    const ranks = (codes: string[]) => codes.map((code) => vetoed[code].rank);
    expect(Math.min(...ranks(['XDZY-HL', 'XDZY-JG']))).toBeGreaterThan(Math.max(...ranks(['XDZY-XX', 'XDZY-JD'])));
  });

  it('closes the scheme, scores the manual indicator, reviews and publishes the year-end results, and takes an objection', async () => {
    expect((await office.data(CLOSE_SCHEME, { input: { id: scheme.id, version: await versionOf(office, scheme.id) } })).closeAppraisalScheme).toEqual({ stage: 'YEAR_END', appraisedUnits: 4 });
    const drafts = await results(office, scheme.id, 'YEAR_END');
    expect(Object.entries(drafts).filter(([, result]) => result.vetoed).map(([code]) => code).sort()).toEqual(['XDZY-HL', 'XDZY-JG']);
    expect(valueOf(drafts['XDZY-JD'], 'LETTERS_SIGNED').value).toBe(1);

    const early = await office.request('mutation($id: ID!) { reviewAppraisals(schemeId: $id) }', { id: scheme.id });
    expect(early.errors?.[0]).toMatchObject({ message: expect.stringContaining('尚有 4 个单位的人工指标未评分'), extensions: { code: 'CONFLICT', reason: 'INCOMPLETE' } });
    const points: Record<string, number> = { 'XDZY-XX': 9, 'XDZY-JD': 7, 'XDZY-HL': 6, 'XDZY-JG': 8 };
    for (const code of COLLEGES) {
      await office.data(SCORE, { input: { appraisalId: drafts[code].id, indicatorId: indicator(null).id, score: points[code], comment: '查阅年度安全台账' } });
    }
    const scored = await results(office, scheme.id, 'YEAR_END');
    for (const code of COLLEGES) expect(scored[code].total).toBeCloseTo(drafts[code].total + points[code], 2);
    expect(scored['XDZY-JG'].grade).toBe('不合格');

    expect((await office.data('mutation($id: ID!) { reviewAppraisals(schemeId: $id) }', { id: scheme.id })).reviewAppraisals).toBe(4);
    expect((await office.data('mutation($id: ID!) { publishAppraisals(schemeId: $id) }', { id: scheme.id })).publishAppraisals).toBe(4);
    const published = await results(office, scheme.id, 'YEAR_END');
    expect(published['XDZY-XX']).toMatchObject({ status: 'PUBLISHED', objectionUntil: expect.any(String), total: scored['XDZY-XX'].total });

    // The college's leader objects within the window; its safety officer and a staff member of another unit may not.
    const objection = (await xxLeader.data(OBJECT, { input: { appraisalId: published['XDZY-XX'].id, reason: '本学院 11 月组织的消防培训签到未计入覆盖率' } })).fileAppraisalObjection;
    expect(objection.status).toBe('OPEN');
    const byOfficer = await xxOfficer.request(OBJECT, { input: { appraisalId: published['XDZY-XX'].id, reason: '安全员代学院申诉' } });
    expect(byOfficer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const byStaff = await staff.request(OBJECT, { input: { appraisalId: published['XDZY-XX'].id, reason: '后勤职工对学院结果申诉' } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const answer = 'mutation($input: AnswerAppraisalObjectionInput!) { answerAppraisalObjection(input: $input) { status answer } }';
    expect((await office.data(answer, { input: { objectionId: objection.id, accept: false, answer: '该培训签到已计入，覆盖率无误，驳回' } })).answerAppraisalObjection.status).toBe('REJECTED');
    expect((await results(xxLeader, scheme.id, 'YEAR_END'))['XDZY-XX']).toMatchObject({ status: 'PUBLISHED', objections: [{ id: objection.id, status: 'REJECTED' }] });
  });

  it('counts no hazard as due or overdue before its deadline in a year-end appraisal closed before the period ends', async () => {
    // Closed today, the year-end appraisal takes its figures as of the period's last day: 信息工程学院's hazard due
    // tomorrow, under rectification, must not count as unrectified and overdue yet (its process appraisal, as of today, agrees).
    const process = (await results(office, scheme.id, 'PROCESS'))['XDZY-XX'];
    const yearEnd = (await results(office, scheme.id, 'YEAR_END'))['XDZY-XX'];
    expect(valueOf(yearEnd, 'OVERDUE_HAZARDS')).toMatchObject({ numerator: valueOf(process, 'OVERDUE_HAZARDS').numerator });
    expect(valueOf(yearEnd, 'RECTIFICATION_RATE')).toMatchObject({ denominator: valueOf(process, 'RECTIFICATION_RATE').denominator });
  });

  it('downloads the published results as an .xlsx, and the same figures again after a later event', async () => {
    const published = await results(office, scheme.id, 'YEAR_END');
    const sheets = await downloadResults(office, scheme.id);
    expect(Object.keys(sheets)).toEqual(['汇总', '指标明细', '一票否决']);
    const summary = sheets.汇总.slice(3);
    expect(summary).toHaveLength(4);
    const byName = Object.fromEntries(summary.map((row) => [row[2], row]));
    expect(byName['经济管理学院'].slice(1)).toEqual([published['XDZY-JG'].rank, '经济管理学院', 'XDZY-JG', published['XDZY-JG'].total, '不合格', '是', expect.any(String)]);
    expect(byName['信息工程学院'].slice(4, 7)).toEqual([published['XDZY-XX'].total, published['XDZY-XX'].grade, '否']);
    expect(sheets.一票否决.slice(3).map((row) => [row[0], row[3]])).toContainEqual(['经济管理学院', jgIncidentId]);

    // A major incident in 信息工程学院 vetoes it in the demo's scheme (in force), but not in these published results.
    await office.data(REPORT_INCIDENT, {
      input: {
        orgUnitId: unit('XDZY-XX'), type: 'FIRE', severity: 'MAJOR', occurredAt: new Date(Date.now() - 3600_000).toISOString(), placeText: '信息楼301机房',
        deaths: 0, injuries: 1, description: '机房配电箱短路起火，1 名教师扑救时轻度烧伤。', immediateMeasures: '切断电源，使用二氧化碳灭火器扑灭，伤员送医。',
      },
    });
    const demoScheme = (await office.data(`query($year: Int!) { appraisalSchemes(filter: { year: $year }) { edges { node { id status } } } }`, { year })).appraisalSchemes.edges
      .map((edge: any) => edge.node).find((node: any) => node.status === 'PUBLISHED' && node.id !== scheme.id);
    await eventually(() => results(office, demoScheme.id, 'PROCESS'), (byCode) => byCode['XDZY-XX'].vetoed, 20_000, 300);
    expect(await downloadResults(office, scheme.id)).toEqual(sheets);
    expect((await results(office, scheme.id, 'YEAR_END'))['XDZY-XX']).toMatchObject({ vetoed: false, total: published['XDZY-XX'].total });
  });

  it('proposes an accountability record for each veto, which the school confirms for 经济管理学院', async () => {
    const yearEnd = await results(office, scheme.id, 'YEAR_END');
    const vetoProposals = (data: any) => data.accountabilityRecords.edges.map((edge: any) => edge.node).filter((node: any) => node.proposedByPlatform && node.reason === 'VETO');
    for (const code of ['XDZY-HL', 'XDZY-JG']) {
      const listed = await office.data(ACCOUNTABILITY, { filter: { orgUnitId: unit(code) } });
      expect(vetoProposals(listed)).toEqual([
        expect.objectContaining({ status: 'PROPOSED', orgUnit: { id: unit(code) }, evidence: [{ kind: 'APPRAISAL_VETO', refId: yearEnd[code].id }] }),
      ]);
    }
    const xx = await office.data(ACCOUNTABILITY, { filter: { orgUnitId: unit('XDZY-XX') } });
    expect(vetoProposals(xx)).toEqual([]);

    const [proposal] = vetoProposals(await office.data(ACCOUNTABILITY, { filter: { orgUnitId: unit('XDZY-JG') } }));
    const confirm = `mutation($input: ConfirmAccountabilityInput!) { confirmAccountability(input: $input) { accountabilityRecord { ${RECORD} } } }`;
    const byLeader = await xxLeader.request(confirm, { input: { id: proposal.id, version: proposal.version } });
    expect(byLeader.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const confirmed = (await office.data(confirm, { input: { id: proposal.id, version: proposal.version, measure: 'CRITICISM_NOTICE', note: '学生公寓重大安全事件，全校通报批评' } }))
      .confirmAccountability.accountabilityRecord;
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', reason: 'VETO', evidence: [{ kind: 'APPRAISAL_VETO', refId: yearEnd['XDZY-JG'].id }] });
  });

  it('names the incident’s type in Chinese in the veto reason', async () => {
    const jg = (await results(office, scheme.id, 'YEAR_END'))['XDZY-JG'];
    expect(jg.vetoes[0].reason).toContain('校园欺凌/暴力');
    expect(jg.vetoes[0].reason).not.toMatch(/VIOLENCE/);
  });

  it('refuses a unit scoring itself, editing a published scheme, another unit’s results and an objection after the window', async () => {
    // The bureau appraises its schools; the college's school (its safety office) may not score itself.
    const input = { orgUnitId: unit('BUREAU'), name: `${year}年学校安全工作考核（端到端）`, year, period: half.period, appraisedUnitKind: 'SCHOOL', objectionDays: 0, indicators: [INDICATORS[0], { ...INDICATORS[5], weight: 75 }] };
    const bureauScheme = (await admin.data(CREATE_SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    await admin.data(PUBLISH_SCHEME, { input: { id: bureauScheme.id, version: bureauScheme.version } });
    const manualId = bureauScheme.indicators.find((item: any) => item.kind === 'MANUAL').id;
    const schools = await results(admin, bureauScheme.id, 'PROCESS');
    expect(Object.keys(schools).sort()).toEqual(['XDZY', 'YZ']);
    const self = await office.request(SCORE, { input: { appraisalId: schools.XDZY.id, indicatorId: manualId, score: 70 } });
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_RECORD' });
    const edit = await admin.request(UPDATE_SCHEME, { input: { id: bureauScheme.id, version: await versionOf(admin, bureauScheme.id), objectionDays: 5 } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });

    // Another school's, another college's results: not in the list, NOT_FOUND by id; nothing for a unit outside the scheme.
    expect(Object.keys(await results(office, bureauScheme.id, 'PROCESS'))).toEqual(['XDZY']);
    expect(Object.keys(await results(jdOfficer, scheme.id, 'YEAR_END'))).toEqual(['XDZY-JD']);
    expect((await staff.data(RESULTS, { id: scheme.id, stage: 'YEAR_END' })).appraisals.totalCount).toBe(0);
    const xxResult = (await results(office, scheme.id, 'YEAR_END'))['XDZY-XX'];
    const elsewhere = await jdOfficer.request('query($id: ID!) { appraisal(id: $id) { id total } }', { id: xxResult.id });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(elsewhere.data?.appraisal ?? null).toBeNull();

    // The bureau's results are public with no objection window: the school's leader objects too late.
    await admin.data(CLOSE_SCHEME, { input: { id: bureauScheme.id, version: await versionOf(admin, bureauScheme.id) } });
    const yearEnd = await results(admin, bureauScheme.id, 'YEAR_END');
    for (const code of ['XDZY', 'YZ']) await admin.data(SCORE, { input: { appraisalId: yearEnd[code].id, indicatorId: manualId, score: 60, comment: '年终检查' } });
    await admin.data('mutation($id: ID!) { reviewAppraisals(schemeId: $id) }', { id: bureauScheme.id });
    expect((await admin.data('mutation($id: ID!) { publishAppraisals(schemeId: $id) }', { id: bureauScheme.id })).publishAppraisals).toBe(2);
    const late = await head.request(OBJECT, { input: { appraisalId: yearEnd.XDZY.id, reason: '学校对年度考核结果有异议' } });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
  });
});
