import { ApolloServer } from '@apollo/server';
import { httpError, httpErrorOfGraphQL } from '@campus/graphql';
import { bearerToken } from '@campus/server';
import { Express, Request, RequestHandler, Response } from 'express';

/** Downloads served by the gateway: each runs one GraphQL query (as the caller) that returns an ExportFile. */
interface ExportDefinition {
  query: string;
  field: string;
  /** Query-string parameters the export needs, mapped to the query's variables. */
  parameters: string[];
  /** Optional parameters, passed as given; those named in `json` are JSON (e.g. a ledger filter object). */
  optional?: string[];
  json?: string[];
}

const EXPORTS: Record<string, ExportDefinition> = {
  'grid-roster': {
    query: 'query GridRosterExport($orgUnitId: ID!) { gridRosterWorkbook(orgUnitId: $orgUnitId) { filename contentType base64 } }',
    field: 'gridRosterWorkbook',
    parameters: ['orgUnitId'],
  },
  'campaign-statistics': {
    query:
      'query CampaignStatisticsExport($snapshotId: ID!) { campaignStatisticsWorkbook(snapshotId: $snapshotId) { filename contentType base64 } }',
    field: 'campaignStatisticsWorkbook',
    parameters: ['snapshotId'],
  },
  'hazard-ledger': {
    query: `query HazardLedgerExport($filter: HazardLedgerFilter, $orderBy: HazardOrder) {
      hazardLedgerWorkbook(filter: $filter, orderBy: $orderBy) { filename contentType base64 } }`,
    field: 'hazardLedgerWorkbook',
    parameters: [],
    optional: ['filter', 'orderBy'],
    json: ['filter'],
  },
  // filter is a JSON SpecialEquipmentFilter, e.g. {"orgUnitId":"…","inspectionOverdue":true}.
  'special-equipment': {
    query: `query SpecialEquipmentExport($filter: SpecialEquipmentFilter) {
      specialEquipmentWorkbook(filter: $filter) { filename contentType base64 } }`,
    field: 'specialEquipmentWorkbook',
    parameters: [],
    optional: ['filter'],
    json: ['filter'],
  },
  'hazard-file': {
    query: 'query HazardFileExport($hazardId: ID!) { hazardFileWorkbook(hazardId: $hazardId) { filename contentType base64 } }',
    field: 'hazardFileWorkbook',
    parameters: ['hazardId'],
  },
  'notice-links': {
    query: `query NoticeLinksExport($noticeId: ID!, $reissue: Boolean, $linkBase: String) {
      homeSchoolNoticeLinksWorkbook(noticeId: $noticeId, reissue: $reissue, linkBase: $linkBase) { filename contentType base64 } }`,
    field: 'homeSchoolNoticeLinksWorkbook',
    parameters: ['noticeId'],
    optional: ['reissue', 'linkBase'],
    json: ['reissue'],
  },
  // year is optional and JSON so that it arrives as an Int ("2026").
  'safety-calendar': {
    query: `query SafetyCalendarExport($orgUnitId: ID!, $year: Int) {
      safetyCalendarFile(orgUnitId: $orgUnitId, year: $year) { filename contentType base64 } }`,
    field: 'safetyCalendarFile',
    parameters: ['orgUnitId'],
    optional: ['year'],
    json: ['year'],
  },
  'education-ledger': {
    query: `query EducationLedgerExport($orgUnitId: ID!, $from: CalendarDate!, $to: CalendarDate!) {
      educationLedgerWorkbook(orgUnitId: $orgUnitId, from: $from, to: $to) { filename contentType base64 } }`,
    field: 'educationLedgerWorkbook',
    parameters: ['orgUnitId', 'from', 'to'],
  },
  // kinds is a JSON array of AudienceKind, e.g. ["STUDENT"].
  'education-coverage': {
    query: `query EducationCoverageExport($orgUnitId: ID!, $from: CalendarDate!, $to: CalendarDate!, $topic: EducationTopic, $kinds: [AudienceKind!]) {
      educationCoverageWorkbook(orgUnitId: $orgUnitId, from: $from, to: $to, topic: $topic, kinds: $kinds) { filename contentType base64 } }`,
    field: 'educationCoverageWorkbook',
    parameters: ['orgUnitId', 'from', 'to'],
    optional: ['topic', 'kinds'],
    json: ['kinds'],
  },
  'supervision-report': {
    query: 'query SupervisionReportExport($id: ID!) { supervisionReportWorkbook(id: $id) { filename contentType base64 } }',
    field: 'supervisionReportWorkbook',
    parameters: ['id'],
  },
  'drill-records': {
    query: `query DrillRecordsExport($orgUnitId: ID!, $from: CalendarDate, $to: CalendarDate) {
      drillRecordsWorkbook(orgUnitId: $orgUnitId, from: $from, to: $to) { filename contentType base64 } }`,
    field: 'drillRecordsWorkbook',
    parameters: ['orgUnitId'],
    optional: ['from', 'to'],
  },
  'health-check-completion': {
    query: `query HealthCheckCompletionExport($orgUnitId: ID!, $from: CalendarDate!, $to: CalendarDate!) {
      healthCheckCompletionWorkbook(orgUnitId: $orgUnitId, from: $from, to: $to) { filename contentType base64 } }`,
    field: 'healthCheckCompletionWorkbook',
    parameters: ['orgUnitId', 'from', 'to'],
  },
};

/** The query's variables from the query string, or the name of a JSON parameter that does not parse. */
function variablesOf(definition: ExportDefinition, query: Request['query']): { variables: Record<string, unknown> } | { badJson: string } {
  const variables: Record<string, unknown> = {};
  for (const name of [...definition.parameters, ...(definition.optional ?? [])]) {
    const value = query[name];
    if (typeof value !== 'string' || value === '') continue;
    if (!definition.json?.includes(name)) {
      variables[name] = value;
      continue;
    }
    try {
      variables[name] = JSON.parse(value);
    } catch {
      return { badJson: name };
    }
  }
  return { variables };
}

interface ExportFile {
  filename: string;
  contentType: string;
  base64: string;
}

/**
 * GET /exports/<name>?<parameters> with the usual bearer token: the file as an attachment, or a JSON error
 * with the same code and Chinese message GraphQL would give.
 */
export function mountExports<Context extends object>(
  app: Express,
  apollo: ApolloServer<Context>,
  contextFor: (req: Request) => Promise<Context>,
  /** Admission control: an export is a GraphQL request like any other. */
  admit: RequestHandler[] = [],
): void {
  app.get('/exports/:name', ...admit, async (req: Request, res: Response) => {
    const definition = EXPORTS[String(req.params.name)];
    if (!definition) {
      res.status(404).json({ code: 'NOT_FOUND', message: `没有名为 ${req.params.name} 的导出 (NOT_FOUND)` });
      return;
    }
    const missing = definition.parameters.filter((name) => typeof req.query[name] !== 'string' || req.query[name] === '');
    if (missing.length) {
      res.status(400).json({ code: 'BAD_USER_INPUT', message: `缺少参数：${missing.join('、')} (BAD_USER_INPUT)` });
      return;
    }
    if (!bearerToken(req.header('authorization'))) {
      send(res, httpError('SIGN_IN_REQUIRED'));
      return;
    }
    const parsed = variablesOf(definition, req.query);
    if ('badJson' in parsed) {
      send(res, httpError('INVALID_INPUT', `参数 ${parsed.badJson} 不是有效的 JSON`));
      return;
    }
    const { variables } = parsed;
    let contextValue: Context;
    try {
      contextValue = await contextFor(req);
    } catch {
      send(res, httpError('TOKEN_INVALID'));
      return;
    }
    const response = await apollo.executeOperation({ query: definition.query, variables }, { contextValue });
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    const file = (result?.data?.[definition.field] ?? null) as ExportFile | null;
    if (!file) {
      send(res, httpErrorOfGraphQL(result?.errors?.[0]), result?.errors?.[0]?.extensions?.retryAfterSeconds);
      return;
    }
    const content = Buffer.from(file.base64, 'base64');
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-length', String(content.length));
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.end(content);
  });
}

function send(res: Response, refusal: { status: number; body: object }, retryAfterSeconds?: unknown): void {
  if (refusal.status === 503) res.setHeader('retry-after', String(typeof retryAfterSeconds === 'number' ? retryAfterSeconds : 1));
  res.status(refusal.status).json(refusal.body);
}
