import { TokenVerifier } from '@campus/auth';
import { callerOfRequest, contentDisposition, sendFileError } from '@campus/files';
import { BadUserInputError, Caller, FieldProblem, NotFoundError, streamedWorkbook, XLSX_CONTENT_TYPE } from '@campus/graphql';
import { Express, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppraisalSchemeStatus, IndicatorKind } from '../appraisal-schemes/appraisal-enums';
import { APPRAISAL_SCHEME_ACCESS } from '../appraisal-schemes/appraisal-scheme.access';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from '../appraisal-schemes/appraisal-scheme.entity';
import { AppraisalStage } from '../appraisals/appraisal.entity';
import { automaticMetric } from '../metrics/metric-catalogue';
import { AppraisalResultsReader } from './appraisal-results-reader';
import { IndicatorColumn, STAGE_LABELS, writeDetailSheet, writeSummarySheet, writeVetoSheet } from './appraisal-results-sheets';

export interface AppraisalResultsRequest {
  schemeId: string;
  /** Absent: the year-end results of a closed scheme, the process results otherwise. */
  stage?: AppraisalStage;
}

/** The query string of GET /appraisal-results: schemeId, optional stage (YEAR_END or PROCESS). */
export function resultsRequestOf(query: Request['query']): AppraisalResultsRequest {
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? String(query[name]) : undefined);
  const problems: FieldProblem[] = [];
  const schemeId = text('schemeId');
  if (!schemeId) problems.push({ field: 'schemeId', message: '缺少考核方案（schemeId）' });
  const stage = text('stage');
  if (stage !== undefined && !(stage in AppraisalStage)) problems.push({ field: 'stage', message: '考核阶段应为 YEAR_END（年终）或 PROCESS（过程）' });
  if (problems.length) throw new BadUserInputError(problems);
  return { schemeId: schemeId as string, stage: stage as AppraisalStage | undefined };
}

/**
 * 考核结果 of one scheme and stage as an .xlsx, streamed (streamedWorkbook): three sheets
 * (汇总, 指标明细, 一票否决), each written whole and committed before the next, their rows committed as
 * the appraisals are read 500 at a time — never the whole result in memory.
 *
 * The figures are the stored appraisals, never recomputed here: a year-end (or published) appraisal is
 * frozen, so downloading it again gives the same figures however many events arrive afterwards; the
 * process results are those of the last computation.
 *
 * Scope: the viewer sees the appraisals of the units in their scope (the appraisals module's rule); the
 * scheme must be visible to them, or they must have at least one appraisal in it, else NOT_FOUND.
 */
export class AppraisalResultsExport {
  constructor(private readonly dataSource: DataSource) {}

  async send(caller: Caller, request: AppraisalResultsRequest, res: Response): Promise<void> {
    const scheme = await this.visibleScheme(caller, request.schemeId);
    const stage = request.stage ?? (scheme.status === AppraisalSchemeStatus.CLOSED ? AppraisalStage.YEAR_END : AppraisalStage.PROCESS);
    const reader = new AppraisalResultsReader(this.dataSource, caller, scheme.id, stage);
    const indicators = await this.indicatorColumns(scheme.id);
    const title = `${scheme.name} ${STAGE_LABELS[stage]}考核结果`;
    res.setHeader('content-type', XLSX_CONTENT_TYPE);
    res.setHeader('content-disposition', contentDisposition(`考核结果-${scheme.name}-${STAGE_LABELS[stage]}.xlsx`));
    const workbook = streamedWorkbook(res);
    await writeSummarySheet(workbook, title, reader);
    await writeDetailSheet(workbook, title, indicators, reader);
    await writeVetoSheet(workbook, title, reader);
    await workbook.commit();
  }

  /** The scheme, when the viewer sees it or any of its appraisals; NOT_FOUND otherwise (as when it does not exist). */
  private async visibleScheme(caller: Caller, schemeId: string): Promise<AppraisalSchemeEntity> {
    const scheme = await this.dataSource.getRepository(AppraisalSchemeEntity).findOne({ where: { id: schemeId } });
    if (!scheme) throw new NotFoundError(APPRAISAL_SCHEME_ACCESS.policy.label, schemeId);
    if (APPRAISAL_SCHEME_ACCESS.allows(caller, 'view', scheme.orgPath)) return scheme;
    if (await new AppraisalResultsReader(this.dataSource, caller, scheme.id, AppraisalStage.PROCESS).seesAny()) return scheme;
    throw new NotFoundError(APPRAISAL_SCHEME_ACCESS.policy.label, schemeId);
  }

  private async indicatorColumns(schemeId: string): Promise<IndicatorColumn[]> {
    const indicators = await this.dataSource.getRepository(AppraisalIndicatorEntity).find({ where: { schemeId }, order: { position: 'ASC' } });
    return indicators.map((indicator) => ({
      id: indicator.id,
      name: indicator.name,
      weight: Number(indicator.weight),
      kind: indicator.kind,
      rate: indicator.kind === IndicatorKind.AUTOMATIC && automaticMetric(indicator.metric ?? '')?.kind === 'RATE',
    }));
  }
}

/**
 * GET /appraisal-results?schemeId=…[&stage=YEAR_END|PROCESS], reached through the gateway's
 * /exports/appraisal-results: the stored (frozen) figures only, never a recomputation; refusals as JSON
 * { code, reason, message }.
 */
export function mountAppraisalResults(app: Express, results: AppraisalResultsExport, verifyToken: TokenVerifier): void {
  app.get('/appraisal-results', async (req: Request, res: Response) => {
    try {
      await results.send(await callerOfRequest(req, verifyToken), resultsRequestOf(req.query), res);
    } catch (error) {
      sendFileError(res, error, req.log);
    }
  });
}
