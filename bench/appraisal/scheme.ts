import { GraphQLClient } from '@campus/testing';

/**
 * The measured scheme: 15 automatic indicators over all 2,000 schools of the province, both veto rules.
 * The catalogue has 13 metrics: 隐患整改率 and 安全教育覆盖率 appear twice, with another rule (bands), as a
 * scheme that scores one figure two ways would; the computation reads each metric once for both.
 */
type Rule =
  | { kind: 'LINEAR'; zeroAt: number; fullAt: number }
  | { kind: 'DEDUCTION'; perOccurrence: number; cap?: number }
  | { kind: 'BANDS'; bands: { atLeast: number; percent: number }[] };

export interface IndicatorSpec {
  name: string;
  weight: number;
  metric: string;
  rule: Rule;
}

const linear = (zeroAt: number, fullAt: number): Rule => ({ kind: 'LINEAR', zeroAt, fullAt });
const deduction = (perOccurrence: number, cap?: number): Rule => ({ kind: 'DEDUCTION', perOccurrence, ...(cap ? { cap } : {}) });
const bands = (...pairs: [number, number][]): Rule => ({ kind: 'BANDS', bands: pairs.map(([atLeast, percent]) => ({ atLeast, percent })) });

export const INDICATORS: IndicatorSpec[] = [
  { name: '隐患整改率', weight: 8, metric: 'RECTIFICATION_RATE', rule: linear(0.6, 1) },
  { name: '隐患整改率（分档）', weight: 6, metric: 'RECTIFICATION_RATE', rule: bands([0.98, 100], [0.95, 80], [0.9, 60], [0.8, 30]) },
  { name: '按期整改率', weight: 7, metric: 'ON_TIME_RECTIFICATION', rule: linear(0.5, 0.95) },
  { name: '逾期隐患数', weight: 7, metric: 'OVERDUE_HAZARDS', rule: deduction(0.5, 7) },
  { name: '重大隐患迟报', weight: 7, metric: 'MAJOR_HAZARDS_REPORTED_LATE', rule: deduction(7) },
  { name: '检查任务完成率', weight: 7, metric: 'INSPECTION_COMPLETION', rule: linear(0.6, 1) },
  { name: '安全教育覆盖率', weight: 7, metric: 'EDUCATION_COVERAGE', rule: linear(0.5, 0.95) },
  { name: '安全教育覆盖率（分档）', weight: 6, metric: 'EDUCATION_COVERAGE', rule: bands([0.95, 100], [0.9, 80], [0.8, 60]) },
  { name: '应急演练次数', weight: 6, metric: 'DRILLS_HELD', rule: bands([4, 100], [2, 60], [1, 30]) },
  { name: '责任书签订率', weight: 6, metric: 'LETTERS_SIGNED', rule: linear(0.8, 1) },
  { name: '应知应会测试合格率', weight: 6, metric: 'QUIZ_PASS_RATE', rule: linear(0.6, 0.95) },
  { name: '家校告知确认率', weight: 6, metric: 'NOTICES_ACKNOWLEDGED', rule: linear(0.6, 0.95) },
  { name: '统计表按时报送率', weight: 7, metric: 'CAMPAIGN_REPORTS_ON_TIME', rule: linear(0.5, 1) },
  { name: '督导发现问题整改率', weight: 7, metric: 'SUPERVISION_FINDINGS', rule: linear(0.6, 1) },
  { name: '安全事件数', weight: 7, metric: 'INCIDENTS', rule: deduction(3, 7) },
];

export const VETO_RULES = ['MAJOR_INCIDENT', 'MAJOR_HAZARD_REPORTED_LATE'];

const CREATE = `mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { appraisalScheme { id version indicators { id name metric } } } }`;
const VERSION = `query($id: ID!) { appraisalScheme(id: $id) { id version status } }`;
const PUBLISH = `mutation($input: AppraisalSchemeRunInput!) { publishAppraisalScheme(input: $input) { schemeId stage appraisedUnits } }`;
const CLOSE = `mutation($input: AppraisalSchemeRunInput!) { closeAppraisalScheme(input: $input) { schemeId stage appraisedUnits } }`;

export interface CreatedScheme {
  id: string;
  indicators: { id: string; name: string; metric: string }[];
}

export async function createScheme(client: GraphQLClient, orgUnitId: string, year: number, name: string): Promise<CreatedScheme> {
  const data = await client.data<{ createAppraisalScheme: { appraisalScheme: CreatedScheme } }>(CREATE, {
    input: {
      orgUnitId,
      name,
      year,
      period: 'ANNUAL',
      appraisedUnitKind: 'SCHOOL',
      vetoRules: VETO_RULES,
      indicators: INDICATORS.map((indicator) => ({ ...indicator, kind: 'AUTOMATIC' })),
    },
  });
  return data.createAppraisalScheme.appraisalScheme;
}

async function versionOf(client: GraphQLClient, id: string): Promise<number> {
  return (await client.data<{ appraisalScheme: { version: number } }>(VERSION, { id })).appraisalScheme.version;
}

/** publishAppraisalScheme (the process appraisal as of today) or closeAppraisalScheme (the year-end one), timed: the units computed. */
export async function runScheme(client: GraphQLClient, id: string, action: 'publish' | 'close'): Promise<{ units: number; ms: number }> {
  const version = await versionOf(client, id);
  type Payload = { appraisedUnits: number };
  const start = process.hrtime.bigint();
  const data = await client.data<{ publishAppraisalScheme?: Payload; closeAppraisalScheme?: Payload }>(action === 'publish' ? PUBLISH : CLOSE, { input: { id, version } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { units: (data.publishAppraisalScheme ?? data.closeAppraisalScheme)!.appraisedUnits, ms };
}
