import { calendarDateOf, Caller, ConflictError, ConnectionShape, decodeCursor, LoaderRegistry, toConnection } from '@campus/graphql';
import { lockTransition } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere, In } from 'typeorm';
import { AppraisalSchemeAction, APPRAISAL_SCHEME_ACCESS, APPRAISAL_SCHEME_TRANSITIONS } from '../appraisal-schemes/appraisal-scheme.access';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from '../appraisal-schemes/appraisal-scheme.entity';
import { IndicatorKind } from '../appraisal-schemes/appraisal-enums';
import { computeAppraisals } from './appraisal-computation';
import { schemePeriod } from './appraisal-period';
import { APPRAISAL_ACCESS } from './appraisal.access';
import { markTouchedDuringPublication } from './process-refresh';
import { proposeVetoAccountability } from './veto-proposals';
import { AppraisalEntity, AppraisalObjectionRow, AppraisalStage, AppraisalValueRow, AppraisalVetoRow } from './appraisal.entity';
import { Appraisal, AppraisalIndicatorValue, AppraisalObjection, AppraisalRunPayload, AppraisalVeto, toAppraisal, toAppraisalObjection } from './appraisal.types';

/**
 * Brings schemes into force and computes their appraisals: publishing computes the process appraisal as of
 * today, closing the year-end appraisal as of the period's last day (or today, closed before it ends); a recomputation refreshes the process
 * appraisal. Reads answer only the appraisals of units in the viewer's scope.
 */
export class AppraisalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  async publish(caller: Caller, ref: { id: string; version: number }): Promise<AppraisalRunPayload> {
    const began = new Date();
    const result = await this.run(caller, ref, 'PUBLISH', AppraisalStage.PROCESS);
    await markTouchedDuringPublication(this.dataSource, result.schemeId, began);
    return result;
  }

  close(caller: Caller, ref: { id: string; version: number }): Promise<AppraisalRunPayload> {
    return this.run(caller, ref, 'CLOSE', AppraisalStage.YEAR_END);
  }

  /** The process appraisal again, as of today: for a scheme in force. */
  recompute(caller: Caller, schemeId: string): Promise<AppraisalRunPayload> {
    return this.dataSource.transaction(async (manager) => {
      const scheme = await APPRAISAL_SCHEME_ACCESS.lock(manager, caller, 'PUBLISH', { id: schemeId });
      if (scheme.status !== 'PUBLISHED') throw new ConflictError('ILLEGAL_TRANSITION', '只有已发布的考核方案可以重新计算过程考核', { id: schemeId, status: scheme.status });
      return this.compute(manager, scheme, AppraisalStage.PROCESS);
    });
  }

  private run(caller: Caller, ref: { id: string; version: number }, action: AppraisalSchemeAction, stage: AppraisalStage): Promise<AppraisalRunPayload> {
    return this.dataSource.transaction(async (manager) => {
      const { row: scheme, next } = await lockTransition(APPRAISAL_SCHEME_ACCESS, manager, caller, APPRAISAL_SCHEME_TRANSITIONS, action, ref);
      if (action === 'PUBLISH') await requireRules(manager, scheme);
      scheme.status = next;
      if (action === 'PUBLISH') scheme.publishedAt = this.now();
      else scheme.closedAt = this.now();
      await manager.save(scheme);
      return this.compute(manager, scheme, stage);
    });
  }

  private async compute(manager: EntityManager, scheme: AppraisalSchemeEntity, stage: AppraisalStage): Promise<AppraisalRunPayload> {
    const indicators = await manager.find(AppraisalIndicatorEntity, { where: { schemeId: scheme.id }, order: { position: 'ASC' } });
    const periodEnd = schemePeriod(scheme.year, scheme.period).to;
    const today = calendarDateOf(this.now());
    // As of today while the period runs (closing early counts nothing not yet due as missed), else its last day.
    const asOf = today > periodEnd ? periodEnd : today;
    const appraisedUnits = await computeAppraisals(manager, scheme, indicators, stage, asOf, this.now());
    if (stage === AppraisalStage.YEAR_END) await proposeVetoAccountability(manager, scheme);
    return { schemeId: scheme.id, stage, appraisedUnits };
  }

  /** A scheme's appraisals at a stage of the units in the viewer's scope (a unit sees its own; the scheme's unit all), by rank. */
  async list(caller: Caller, schemeId: string, stage: AppraisalStage, first: number, after?: string | null): Promise<ConnectionShape<Appraisal>> {
    const query = this.dataSource.getRepository(AppraisalEntity).createQueryBuilder('a').where('a.scheme_id = :schemeId AND a.stage = :stage', { schemeId, stage });
    const scope = APPRAISAL_ACCESS.where(caller, 'view', 'a.org_path');
    query.andWhere(scope.sql, scope.params);
    const totalCount = await query.getCount();
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere('(a.rank > :rank OR (a.rank = :rank AND a.id > :id))', { rank: cursor[0], id: cursor[1] });
    const rows = await query.orderBy('a.rank', 'ASC').addOrderBy('a.id', 'ASC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => [row.rank ?? 0, row.id], toAppraisal);
  }

  async get(caller: Caller, id: string): Promise<Appraisal> {
    return toAppraisal(await APPRAISAL_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  /** An appraisal's indicator values: every appraisal of a request (a ranked list) in one statement. */
  values(loaders: LoaderRegistry, appraisalId: string): Promise<AppraisalIndicatorValue[]> {
    return this.rowsOf(loaders, AppraisalValueRow, appraisalId, {}, (row) => ({
      indicatorId: row.indicatorId,
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      score: row.score === null ? null : Number(row.score),
      comment: row.comment,
    }));
  }

  objections(loaders: LoaderRegistry, appraisalId: string): Promise<AppraisalObjection[]> {
    return this.rowsOf(loaders, AppraisalObjectionRow, appraisalId, { filedAt: 'ASC' }, toAppraisalObjection);
  }

  vetoes(loaders: LoaderRegistry, appraisalId: string): Promise<AppraisalVeto[]> {
    return this.rowsOf(loaders, AppraisalVetoRow, appraisalId, {}, (row) => ({
      rule: row.rule as AppraisalVeto['rule'],
      evidenceKind: row.evidenceKind,
      evidenceId: row.evidenceId,
      reason: row.reason,
    }));
  }

  /** The rows of one table that belong to an appraisal, those of every appraisal asked for in a request read together. */
  private rowsOf<R extends { appraisalId: string }, T>(
    loaders: LoaderRegistry,
    entity: EntityTarget<R>,
    appraisalId: string,
    order: FindOptionsOrder<R>,
    toNode: (row: R) => T,
  ): Promise<T[]> {
    const loader = loaders.get(`Appraisal.${this.dataSource.getMetadata(entity).tableName}`, () =>
      new DataLoader<string, T[]>(async (ids) => {
        const rows = await this.dataSource.getRepository(entity).find({ where: { appraisalId: In([...ids]) } as FindOptionsWhere<R>, order });
        return ids.map((id) => rows.filter((row) => row.appraisalId === id).map(toNode));
      }),
    );
    return loader.load(appraisalId);
  }
}

/** CONFLICT (INCOMPLETE) while an automatic indicator has no scoring rule. */
async function requireRules(manager: EntityManager, scheme: AppraisalSchemeEntity): Promise<void> {
  const indicators = await manager.find(AppraisalIndicatorEntity, { where: { schemeId: scheme.id } });
  const missing = indicators.filter((indicator) => indicator.kind === IndicatorKind.AUTOMATIC && !indicator.rule).map((indicator) => indicator.name);
  if (missing.length) throw new ConflictError('INCOMPLETE', `以下自动指标尚无计分规则，不能发布：${missing.join('、')}`, { id: scheme.id, indicators: missing });
}
