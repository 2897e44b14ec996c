import { clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import { newId, recentFirstKey, recentFirstPage, subtreeCondition } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConnectionShape, decodeCursor, LoaderRegistry, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { assess, Assessment } from './risk-assessment';
import { RISK_POINT_ACCESS, RISK_POINT_TRANSITIONS, RiskPointAction, riskPointState } from './risk-point.access';
import { RiskPointEntity, RiskPointStepEntity } from './risk-point.entity';
import { CreateRiskPointInput, ReviewRiskPointInput, RiskAssessmentInput, RiskPointFilter, StrikeOffRiskPointInput } from './risk-point.inputs';
import { RiskPoint, RiskPointStep, toRiskPoint, toRiskPointStep } from './risk-point.types';

export class RiskPointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(RiskPointEntity);
  }

  async get(caller: Caller, id: string): Promise<RiskPoint> {
    return toRiskPoint(await RISK_POINT_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, filter: RiskPointFilter, first: number, after?: string | null): Promise<ConnectionShape<RiskPoint>> {
    const scope = RISK_POINT_ACCESS.where(caller, 'view', 'r.org_path');
    const query = this.repository.createQueryBuilder('r').where(scope.sql, scope.params);
    if (!filter.includeStruckOff) query.andWhere('r.active = 1');
    if (filter.orgUnitId) {
      const unit = subtreeCondition('r.org_path', await visibleUnitPath(this.directory, caller, filter.orgUnitId), 'unitPath');
      query.andWhere(unit.sql, unit.params);
    }
    if (filter.levels?.length) query.andWhere('r.level IN (:...levels)', { levels: filter.levels });
    if (filter.categories?.length) query.andWhere('r.category IN (:...categories)', { categories: filter.categories });
    if (filter.reviewOverdue) query.andWhere('r.review_date < :today', { today: calendarDateOf(new Date()) });
    const page = await recentFirstPage(query, 'r', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toRiskPoint);
  }

  async create(caller: Caller, input: CreateRiskPointInput): Promise<RiskPoint> {
    const assessment = requireAssessment(input.assessment);
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    RISK_POINT_ACCESS.checkRole(caller, 'create', path);
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createRiskPoint', input), async (manager) => {
      const point = this.repository.create({
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        name: input.name,
        placeId: input.placeId ?? null,
        placeText: input.placeText,
        category: input.category,
        method: input.assessment.method,
        factors: assessment.factors,
        score: assessment.score.toFixed(2),
        level: assessment.level,
        controlMeasures: input.controlMeasures,
        controllerPersonId: input.controllerPersonId ?? null,
        reviewDate: input.reviewDate,
        lastReviewedAt: null,
        active: true,
        struckOffOn: null,
        struckOffReason: null,
        struckOffByAccountId: null,
        struckOffByPersonId: null,
      });
      await manager.save(point);
      return toRiskPoint(point);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** 复评: a new assessment (the level may change) and the next review date. */
  async review(caller: Caller, input: ReviewRiskPointInput): Promise<RiskPoint> {
    const assessment = requireAssessment(input.assessment);
    if (input.nextReviewDate <= calendarDateOf(new Date())) {
      throw new BadUserInputError([{ field: 'nextReviewDate', message: '下次评审日期应晚于今天' }]);
    }
    return this.transition(caller, 'review', input, null, async (point) => {
      Object.assign(point, {
        method: input.assessment.method,
        factors: assessment.factors,
        score: assessment.score.toFixed(2),
        level: assessment.level,
        controlMeasures: input.controlMeasures ?? point.controlMeasures,
        reviewDate: input.nextReviewDate,
        lastReviewedAt: new Date(),
      });
    });
  }

  /** 销号: the point leaves the active list with its reason, approver (the viewer) and date; it stays readable. */
  async strikeOff(caller: Caller, input: StrikeOffRiskPointInput): Promise<RiskPoint> {
    const today = calendarDateOf(new Date());
    const on = input.struckOffOn ?? today;
    return this.transition(caller, 'strikeOff', input, input.reason, async (point) => {
      if (on > today) throw new BadUserInputError([{ field: 'struckOffOn', message: '销号日期不能晚于今天' }]);
      Object.assign(point, {
        active: false,
        struckOffOn: on,
        struckOffReason: input.reason,
        struckOffByAccountId: caller.viewer.accountId,
        struckOffByPersonId: caller.viewer.personId,
      });
    });
  }

  /** The point's reviews and 销号, oldest first: the points of one request in one statement. */
  history(loaders: LoaderRegistry, riskPointId: string): Promise<RiskPointStep[]> {
    const loader = loaders.get('RiskPoint.history', () => new DataLoader<string, RiskPointStep[]>(async (ids) => {
      const steps = await this.dataSource.getRepository(RiskPointStepEntity).find({ where: { riskPointId: In([...ids]) }, order: { at: 'ASC', id: 'ASC' } });
      return ids.map((id) => steps.filter((step) => step.riskPointId === id).map(toRiskPointStep));
    }));
    return loader.load(riskPointId);
  }

  /** Locks the point for an action of its transition table, applies the change and records the step. */
  private transition(
    caller: Caller,
    action: RiskPointAction,
    ref: { id: string; version: number },
    comment: string | null,
    change: (point: RiskPointEntity) => Promise<void> | void,
  ): Promise<RiskPoint> {
    return this.dataSource.transaction(async (manager) => {
      const { row: point } = await lockTransition(RISK_POINT_ACCESS, manager, caller, RISK_POINT_TRANSITIONS, action, ref, riskPointState);
      await change(point);
      await manager.save(point);
      await appendRiskPointStep(manager, caller, point.id, action === 'review' ? 'REVIEW' : 'STRIKE_OFF', comment);
      return toRiskPoint(point);
    });
  }
}

async function appendRiskPointStep(manager: EntityManager, caller: Caller, riskPointId: string, action: string, comment: string | null): Promise<void> {
  await manager.insert(RiskPointStepEntity, {
    id: newId(),
    riskPointId,
    action,
    comment,
    accountId: caller.viewer.accountId,
    personId: caller.viewer.personId,
    at: new Date(),
  });
}

function requireAssessment(input: RiskAssessmentInput): Assessment {
  const result = assess(input);
  if (Array.isArray(result)) throw new BadUserInputError(result);
  return result;
}
