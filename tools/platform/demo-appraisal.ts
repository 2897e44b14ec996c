import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';

const HOUR_MS = 3600 * 1000;

export interface AppraisalDemoContext {
  clients: Record<string, GraphQLClient>;
  unitIds: Record<string, string>;
  log: (line: string) => void;
}

/** The scheme's indicators: six computed from the other services' events, one scored by the school's assessors. */
export const DEMO_APPRAISAL_INDICATORS = [
  { name: '隐患整改率', weight: 20, kind: 'AUTOMATIC', metric: 'RECTIFICATION_RATE', rule: { kind: 'LINEAR', zeroAt: 0.6, fullAt: 1 }, description: '到期隐患中已整改验收的比例，60% 及以下不得分' },
  { name: '按期整改率', weight: 15, kind: 'AUTOMATIC', metric: 'ON_TIME_RECTIFICATION', rule: { kind: 'LINEAR', zeroAt: 0.5, fullAt: 1 } },
  { name: '逾期未整改隐患', weight: 10, kind: 'AUTOMATIC', metric: 'OVERDUE_HAZARDS', rule: { kind: 'DEDUCTION', perOccurrence: 5, cap: 10 }, description: '每处扣 5 分，扣完为止' },
  { name: '安全教育覆盖率', weight: 20, kind: 'AUTOMATIC', metric: 'EDUCATION_COVERAGE', rule: { kind: 'BANDS', bands: [{ atLeast: 0.9, percent: 100 }, { atLeast: 0.6, percent: 70 }, { atLeast: 0.3, percent: 40 }] } },
  { name: '应急演练开展', weight: 10, kind: 'AUTOMATIC', metric: 'DRILLS_HELD', rule: { kind: 'BANDS', bands: [{ atLeast: 2, percent: 100 }, { atLeast: 1, percent: 70 }] }, description: '每学期至少 1 次疏散演练' },
  { name: '责任书签订', weight: 15, kind: 'AUTOMATIC', metric: 'LETTERS_SIGNED', rule: { kind: 'LINEAR', zeroAt: 0, fullAt: 1 } },
  { name: '安全台账规范性', weight: 10, kind: 'MANUAL', description: '安全保卫处查阅台账评分' },
];

/** What the safety office scored each college's 安全台账规范性 at so far, with its comment. */
const LEDGER_SCORES: Record<string, [number, string]> = {
  'XDZY-XX': [9, '台账齐全，隐患整改闭环资料完整'],
  'XDZY-JD': [6, '危化品领用登记不全，双人双锁记录缺失'],
  'XDZY-HL': [7, '实训室危化品台账未及时更新'],
  'XDZY-JG': [8, '台账基本齐全，个别检查记录缺少签字'],
};

const SCHEME_FIELDS = 'id version status year period orgUnit { id } indicators { id kind }';

type DemoScheme = { id: string; version: number; status: string; year: number; period: string; orgUnit: { id: string } | null; indicators: { id: string; kind: string }[] };

/** The half year today falls in, as a scheme's period. */
export function currentHalf(today = calendarDateOf(new Date())): { year: number; period: 'FIRST_HALF' | 'SECOND_HALF' } {
  return { year: Number(today.slice(0, 4)), period: Number(today.slice(5, 7)) <= 6 ? 'FIRST_HALF' : 'SECOND_HALF' };
}

/**
 * The school's draft 二级学院 scheme (drafted earlier in the demo) given its rules — the four colleges appraised,
 * scoring rules, 一票否决 for a major incident — or, when that draft does not cover today, a new one for the
 * current half year.
 */
async function schemeRules(office: GraphQLClient, schoolId: string): Promise<DemoScheme> {
  const { year, period } = currentHalf();
  const rules = { appraisedUnitKind: 'COLLEGE', vetoRules: ['MAJOR_INCIDENT'], objectionDays: 7, indicators: DEMO_APPRAISAL_INDICATORS };
  const listed = await office.data<{ appraisalSchemes: { edges: { node: DemoScheme }[] } }>(
    `query($year: Int!) { appraisalSchemes(filter: { year: $year }, first: 20) { edges { node { ${SCHEME_FIELDS} } } } }`,
    { year },
  );
  const draft = listed.appraisalSchemes.edges.map((edge) => edge.node).find((node) => node.orgUnit?.id === schoolId && node.status === 'DRAFT' && node.period === period);
  if (draft) {
    const updated = await office.data<{ updateAppraisalScheme: { appraisalScheme: DemoScheme } }>(
      `mutation($input: UpdateAppraisalSchemeInput!) { updateAppraisalScheme(input: $input) { appraisalScheme { ${SCHEME_FIELDS} } } }`,
      { input: { id: draft.id, version: draft.version, ...rules } },
    );
    return updated.updateAppraisalScheme.appraisalScheme;
  }
  const created = await office.data<{ createAppraisalScheme: { appraisalScheme: DemoScheme } }>(
    `mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { appraisalScheme { ${SCHEME_FIELDS} } } }`,
    { input: { orgUnitId: schoolId, name: `${year}年二级学院安全工作过程考核方案`, year, period, ...rules } },
  );
  return created.createAppraisalScheme.appraisalScheme;
}

/**
 * 考核 in the demo campus: the school's safety office publishes its 二级学院 scheme (process appraisal of
 * 信息工程学院, 机电工程学院, 护理学院 and 经济管理学院 computed from the events the other demo sections
 * produced) and scores the manual indicator so far; then 护理学院 reports a major incident (酒精起火 in the
 * 实训室 whose overstocked alcohol the campaign found) through hazard-tracking, and the refresh job vetoes it
 * (一票否决: 不合格, ranked last) within about a second. Nothing here waits for events.
 */
export async function seedDemoAppraisal(context: AppraisalDemoContext): Promise<void> {
  const office = context.clients['safety.office'];
  const scheme = await schemeRules(office, context.unitIds.XDZY);
  const run = await office.data<{ publishAppraisalScheme: { appraisedUnits: number } }>(
    'mutation($input: AppraisalSchemeRunInput!) { publishAppraisalScheme(input: $input) { appraisedUnits } }',
    { input: { id: scheme.id, version: scheme.version } },
  );

  const manual = scheme.indicators.find((indicator) => indicator.kind === 'MANUAL')!;
  const results = await office.data<{ appraisals: { edges: { node: { id: string; orgUnit: { id: string } } }[] } }>(
    'query($id: ID!) { appraisals(schemeId: $id, stage: PROCESS, first: 20) { edges { node { id orgUnit { id } } } } }',
    { id: scheme.id },
  );
  for (const { node } of results.appraisals.edges) {
    const code = Object.keys(LEDGER_SCORES).find((candidate) => context.unitIds[candidate] === node.orgUnit.id);
    if (!code) continue;
    const [score, comment] = LEDGER_SCORES[code];
    await office.data('mutation($input: ScoreAppraisalInput!) { scoreAppraisal(input: $input) }', {
      input: { appraisalId: node.id, indicatorId: manual.id, score, comment },
    });
  }

  const occurredAt = new Date(Date.now() - 2 * HOUR_MS);
  await office.data('mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }', {
    input: {
      orgUnitId: context.unitIds['XDZY-HL'],
      type: 'LAB_ACCIDENT',
      severity: 'MAJOR',
      occurredAt: occurredAt.toISOString(),
      reportedAt: new Date(occurredAt.getTime() + HOUR_MS / 2).toISOString(),
      placeText: '护理实训楼实训室准备间',
      deaths: 0,
      injuries: 3,
      description: '准备间超量存放的医用酒精遇电热设备起火，3 名学生在疏散中烧伤、吸入烟雾，送医救治。',
      immediateMeasures: '立即组织疏散并用灭火器扑灭明火，伤员送医，封闭准备间，清点转移剩余酒精。',
    },
  });
  context.log(`demo: appraisal scheme published over ${run.publishAppraisalScheme.appraisedUnits} colleges, 安全台账 scored; 护理学院 reported a major incident (一票否决)`);
}
