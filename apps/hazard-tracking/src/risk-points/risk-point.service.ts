import { ADMIN_ROLES, Role, Viewer } from '@campus/auth';
import { newId, orgScopeCondition, recentFirstKey, recentFirstPage } from '@campus/database';
import {
  BadUserInputError,
  calendarDateOf,
  Caller,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  ForbiddenError,
  NotFoundError,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { assess, Assessment } from './risk-assessment';
import { RiskPointEntity } from './risk-point.entity';
import { CreateRiskPointInput, ReviewRiskPointInput, RiskAssessmentInput, RiskPointFilter } from './risk-point.inputs';
import { RiskPoint, toRiskPoint } from './risk-point.types';

/** Who identifies and grades risks: the unit's leader and safety officer, the school, the bureau. */
const RISK_MANAGER_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER, Role.UNIT_SAFETY_OFFICER];

export class RiskPointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(RiskPointEntity);
  }

  async get(viewer: Viewer, id: string): Promise<RiskPoint> {
    const point = await this.repository.findOneBy({ id });
    if (!point || !viewer.covers(point.orgPath)) throw new NotFoundError('风险点', id);
    return toRiskPoint(point);
  }

  async list(viewer: Viewer, filter: RiskPointFilter, first: number, after?: string | null): Promise<ConnectionShape<RiskPoint>> {
    const scope = orgScopeCondition('r.org_path', viewer.scopePaths);
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
    if (!caller.viewer.hasRoleAt(RISK_MANAGER_ROLES, path)) throw new ForbiddenError('您无权在该单位登记风险点');
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
    await this.repository.save(point);
    return toRiskPoint(point);
  }

  /** 复评: a new assessment (the level may change) and the next review date. */
  async review(viewer: Viewer, input: ReviewRiskPointInput): Promise<RiskPoint> {
    const assessment = requireAssessment(input.assessment);
    if (input.nextReviewDate <= calendarDateOf(new Date())) {
      throw new BadUserInputError([{ field: 'nextReviewDate', message: '下次评审日期应晚于今天' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const point = await manager.findOne(RiskPointEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!point || !viewer.covers(point.orgPath)) throw new NotFoundError('风险点', input.id);
      if (!viewer.hasRoleAt(RISK_MANAGER_ROLES, point.orgPath)) throw new ForbiddenError('您无权评审该风险点');
      if (point.version !== input.version) {
        throw new ConflictError('STALE_VERSION', '风险点已被他人修改，请刷新后重试', { id: point.id, currentVersion: point.version });
      }
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
