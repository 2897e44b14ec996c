import { clientRequest, oncePerRequest } from '@campus/server';
import { newId, recentFirstKey, recentFirstPage } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConnectionShape, decodeCursor, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { assess, Assessment } from './risk-assessment';
import { RISK_POINT_ACCESS } from './risk-point.access';
import { RiskPointEntity } from './risk-point.entity';
import { CreateRiskPointInput, ReviewRiskPointInput, RiskAssessmentInput, RiskPointFilter } from './risk-point.inputs';
import { RiskPoint, toRiskPoint } from './risk-point.types';

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
    const query = this.repository.createQueryBuilder('r').where(scope.sql, scope.params).andWhere('r.active = 1');
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
    return this.dataSource.transaction(async (manager) => {
      const point = await RISK_POINT_ACCESS.lock(manager, caller, 'review', input);
      Object.assign(point, {
        method: input.assessment.method,
        factors: assessment.factors,
        score: assessment.score.toFixed(2),
        level: assessment.level,
        controlMeasures: input.controlMeasures ?? point.controlMeasures,
        reviewDate: input.nextReviewDate,
        lastReviewedAt: new Date(),
      });
      await manager.save(point);
      return toRiskPoint(point);
    });
  }
}

function requireAssessment(input: RiskAssessmentInput): Assessment {
  const result = assess(input);
  if (Array.isArray(result)) throw new BadUserInputError(result);
  return result;
}
