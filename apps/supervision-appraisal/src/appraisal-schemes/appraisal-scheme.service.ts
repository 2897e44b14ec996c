import { newId, recentFirstKey, recentFirstPage, SqlCondition } from '@campus/database';
import { BadUserInputError, Caller, callerOf, ConnectionShape, decodeCursor, loadUnitConnection, RequestContext, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { Asker, auditedDelete, clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppraisalSchemeStatus } from './appraisal-enums';
import { APPRAISAL_SCHEME_ACCESS, APPRAISAL_SCHEME_TRANSITIONS } from './appraisal-scheme.access';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity, appraisalSchemeFromRow } from './appraisal-scheme.entity';
import { AppraisalSchemeFilter, CreateAppraisalSchemeInput, IndicatorInput, UpdateAppraisalSchemeInput } from './appraisal-scheme.inputs';
import { AppraisalIndicator, AppraisalScheme, toAppraisalIndicator, toAppraisalScheme } from './appraisal-scheme.types';
import { indicatorProblems, scoringRuleOf } from './indicator-rules';
import { gradeBandProblems } from './scoring';

export class AppraisalSchemeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async get(caller: Caller, id: string): Promise<AppraisalScheme> {
    return toAppraisalScheme(await APPRAISAL_SCHEME_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, filter: AppraisalSchemeFilter, first: number, after?: string | null): Promise<ConnectionShape<AppraisalScheme>> {
    const query = this.dataSource.getRepository(AppraisalSchemeEntity).createQueryBuilder('s');
    for (const condition of this.filterConditions(caller, filter, 's')) query.andWhere(condition.sql, condition.params);
    const page = await recentFirstPage(query, 's', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toAppraisalScheme);
  }

  /** OrgUnit.appraisalSchemes for many units at once: one statement per request. */
  unitConnection(
    context: RequestContext,
    unitId: string,
    filter: AppraisalSchemeFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<ConnectionShape<AppraisalScheme>> {
    return loadUnitConnection(context, unitId, {
      field: 'OrgUnit.appraisalSchemes',
      manager: this.dataSource.manager,
      table: 'appraisal_scheme',
      conditions: this.filterConditions(callerOf(context), filter, 't'),
      args: filter,
      first,
      after,
      fromRow: appraisalSchemeFromRow,
      toNode: toAppraisalScheme,
    });
  }

  /** Indicators of many schemes in one statement. */
  createIndicatorsLoader(): DataLoader<string, AppraisalIndicator[]> {
    return new DataLoader(async (schemeIds) => {
      const rows = await this.dataSource
        .getRepository(AppraisalIndicatorEntity)
        .find({ where: { schemeId: In([...schemeIds]) }, order: { position: 'ASC' } });
      return schemeIds.map((schemeId) => rows.filter((row) => row.schemeId === schemeId).map(toAppraisalIndicator));
    });
  }

  async create(caller: Caller, input: CreateAppraisalSchemeInput): Promise<AppraisalScheme> {
    requireValidIndicators(input.indicators);
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    APPRAISAL_SCHEME_ACCESS.checkRole(caller, 'create', path);
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createAppraisalScheme', input), async (manager) => {
      const scheme = manager.create(AppraisalSchemeEntity, {
        id: newId(),
        name: input.name,
        year: input.year,
        period: input.period,
        status: AppraisalSchemeStatus.DRAFT,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        ...schemeRulesOf(input),
      });
      await manager.save(scheme);
      await this.replaceIndicators(manager, scheme.id, input.indicators);
      return toAppraisalScheme(scheme);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  async update(caller: Caller, input: UpdateAppraisalSchemeInput): Promise<AppraisalScheme> {
    if (input.indicators) requireValidIndicators(input.indicators);
    return this.dataSource.transaction(async (manager) => {
      const { row: scheme } = await lockTransition(APPRAISAL_SCHEME_ACCESS, manager, caller, APPRAISAL_SCHEME_TRANSITIONS, 'EDIT', input);
      scheme.name = input.name ?? scheme.name;
      Object.assign(scheme, schemeRulesOf(input, scheme));
      // Saving bumps the version even when only the indicators change.
      scheme.updatedAt = new Date();
      await manager.save(scheme);
      if (input.indicators) await this.replaceIndicators(manager, scheme.id, input.indicators);
      return toAppraisalScheme(scheme);
    });
  }

  private async replaceIndicators(manager: EntityManager, schemeId: string, indicators: IndicatorInput[]): Promise<void> {
    await auditedDelete(manager, AppraisalIndicatorEntity, { schemeId });
    await manager.save(
      indicators.map((indicator, position) =>
        manager.create(AppraisalIndicatorEntity, {
          id: newId(),
          schemeId,
          position,
          name: indicator.name,
          weight: indicator.weight.toFixed(2),
          kind: indicator.kind,
          metric: indicator.metric ?? null,
          description: indicator.description ?? null,
          rule: indicator.rule ? scoringRuleOf(indicator.rule, 'rule').rule : null,
        }),
      ),
    );
  }

  private filterConditions(asker: Asker, filter: AppraisalSchemeFilter, alias: string): SqlCondition[] {
    const conditions = [APPRAISAL_SCHEME_ACCESS.where(asker, 'view', `${alias}.org_path`)];
    if (filter.year) conditions.push({ sql: `${alias}.year = :year`, params: { year: filter.year } });
    return conditions;
  }
}

function requireValidIndicators(indicators: IndicatorInput[]): void {
  const problems = indicatorProblems(indicators);
  if (problems.length) throw new BadUserInputError(problems);
}

/** The scheme's rules from an input, those not given kept from the scheme (or the defaults). */
function schemeRulesOf(input: CreateAppraisalSchemeInput | UpdateAppraisalSchemeInput, scheme?: AppraisalSchemeEntity) {
  if (input.gradeBands) {
    const problems = gradeBandProblems(input.gradeBands);
    if (problems.length) throw new BadUserInputError(problems);
  }
  return {
    appraisedUnitKind: input.appraisedUnitKind ?? scheme?.appraisedUnitKind ?? null,
    gradeBands: input.gradeBands?.map((band) => ({ grade: band.grade, minimum: band.minimum })) ?? scheme?.gradeBands ?? null,
    vetoRules: input.vetoRules ? [...new Set(input.vetoRules)] : (scheme?.vetoRules ?? null),
    objectionDays: input.objectionDays ?? scheme?.objectionDays ?? 7,
  };
}
