import { Viewer } from '@campus/auth';
import { isDuplicateKey, newId, orgScopeCondition } from '@campus/database';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { averageScore, scoreSheetProblems } from './duty-assessment-rules';
import { DutyAssessmentEntity, DutyAssessmentItemEntity } from './duty-assessment.entity';
import { ReviewDutyAssessmentInput, SubmitDutySelfAssessmentInput } from './duty-assessment.inputs';
import { DutyAssessment, toDutyAssessment } from './duty-assessment.types';
import { DutyAssessmentStatus } from './post-enums';
import { PostDutyEntity, PostEntity } from './post.entity';
import { POST_MANAGER_ROLES } from './post.service';
import { toPostDuties } from './post.types';

export class DutyAssessmentService {
  constructor(private readonly dataSource: DataSource) {}

  async get(viewer: Viewer, id: string): Promise<DutyAssessment | null> {
    const assessment = await this.dataSource.manager.findOneBy(DutyAssessmentEntity, { id });
    if (!assessment || !viewer.covers(assessment.orgPath)) return null;
    const [withItems] = await this.withItems(this.dataSource.manager, [assessment]);
    return withItems;
  }

  /** Assessments of many posts, latest period first, in two statements. */
  createByPostLoader(viewer: Viewer): DataLoader<string, DutyAssessment[]> {
    return new DataLoader(async (postIds) => {
      const scope = orgScopeCondition('a.org_path', viewer.scopePaths);
      const rows = await this.dataSource
        .getRepository(DutyAssessmentEntity)
        .createQueryBuilder('a')
        .where('a.post_id IN (:...postIds)', { postIds })
        .andWhere(scope.sql, scope.params)
        .orderBy('a.period', 'DESC')
        .getMany();
      const assessments = await this.withItems(this.dataSource.manager, rows);
      return postIds.map((postId) => assessments.filter((assessment) => assessment.postId === postId));
    });
  }

  /** The holder scores each duty of their post for a period; one assessment per post and period. */
  async submitSelfAssessment(viewer: Viewer, input: SubmitDutySelfAssessmentInput): Promise<DutyAssessment> {
    try {
      return await this.dataSource.transaction((manager) => this.recordSelfAssessment(manager, viewer, input));
    } catch (error) {
      if (isDuplicateKey(error)) throw alreadyAssessed(input.postId, input.period);
      throw error;
    }
  }

  /** A unit leader or the safety office scores each duty again; never the holder themself. */
  async review(viewer: Viewer, input: ReviewDutyAssessmentInput): Promise<DutyAssessment> {
    return this.dataSource.transaction(async (manager) => {
      const assessment = await manager.findOne(DutyAssessmentEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!assessment || !viewer.covers(assessment.orgPath)) throw new NotFoundError('履职评价', input.id);
      if (viewer.personId !== null && viewer.personId === assessment.holderPersonId) {
        throw new ForbiddenError('不能复评本人岗位的履职自评');
      }
      if (!viewer.hasRoleAt(POST_MANAGER_ROLES, assessment.orgPath)) {
        throw new ForbiddenError('只有本单位负责人或安全管理部门可以复评');
      }
      if (assessment.version !== input.version) {
        throw new ConflictError('STALE_VERSION', '履职评价已被他人修改，请刷新后重试', { id: assessment.id, currentVersion: assessment.version });
      }
      if (assessment.status === DutyAssessmentStatus.REVIEWED) throw new ConflictError('DUPLICATE', '该履职评价已复评，不能重复复评', { id: assessment.id });
      const items = await manager.find(DutyAssessmentItemEntity, { where: { assessmentId: assessment.id } });
      requireCompleteSheet(
        items.map((item) => item.dutyId),
        input.items.map((score) => score.dutyId),
      );
      const scores = new Map(input.items.map((score) => [score.dutyId, score.score]));
      for (const item of items) item.reviewScore = scores.get(item.dutyId) ?? null;
      await manager.save(items);
      assessment.status = DutyAssessmentStatus.REVIEWED;
      assessment.reviewTotal = averageScore(input.items.map((score) => score.score)).toFixed(2);
      assessment.reviewComment = input.comment?.trim() || null;
      assessment.reviewerAccountId = viewer.accountId;
      assessment.reviewerPersonId = viewer.personId;
      assessment.reviewedAt = new Date();
      await manager.save(assessment);
      return toDutyAssessment(assessment, items);
    });
  }

  private async recordSelfAssessment(manager: EntityManager, viewer: Viewer, input: SubmitDutySelfAssessmentInput): Promise<DutyAssessment> {
    const post = await manager.findOne(PostEntity, { where: { id: input.postId }, lock: { mode: 'pessimistic_write' } });
    if (!post || !viewer.covers(post.orgPath)) throw new NotFoundError('岗位', input.postId);
    if (post.holderPersonId === null || post.holderPersonId !== viewer.personId) {
      throw new ForbiddenError('只有岗位任职人员本人可以自评');
    }
    if (await manager.existsBy(DutyAssessmentEntity, { postId: post.id, period: input.period })) {
      throw alreadyAssessed(post.id, input.period);
    }
    const duties = toPostDuties(await manager.find(PostDutyEntity, { where: { postId: post.id } }));
    requireCompleteSheet(
      duties.map((duty) => duty.id),
      input.items.map((score) => score.dutyId),
    );
    const assessment = manager.create(DutyAssessmentEntity, {
      id: newId(),
      orgUnitId: post.orgUnitId,
      orgPath: post.orgPath,
      postId: post.id,
      period: input.period,
      holderPersonId: post.holderPersonId,
      status: DutyAssessmentStatus.SELF_ASSESSED,
      selfTotal: averageScore(input.items.map((score) => score.score)).toFixed(2),
      reviewTotal: null,
      reviewerAccountId: null,
      reviewerPersonId: null,
      reviewComment: null,
      reviewedAt: null,
    });
    await manager.save(assessment);
    const scores = new Map(input.items.map((score) => [score.dutyId, score]));
    const items = duties.map((duty) =>
      manager.create(DutyAssessmentItemEntity, {
        id: newId(),
        assessmentId: assessment.id,
        dutyId: duty.id,
        position: duty.position,
        content: duty.content,
        fromTemplate: duty.fromTemplate,
        selfScore: scores.get(duty.id)!.score,
        selfComment: scores.get(duty.id)!.comment?.trim() || null,
        reviewScore: null,
      }),
    );
    await manager.save(items);
    return toDutyAssessment(assessment, items);
  }

  private async withItems(manager: EntityManager, assessments: DutyAssessmentEntity[]): Promise<DutyAssessment[]> {
    if (assessments.length === 0) return [];
    const items = await manager.find(DutyAssessmentItemEntity, { where: { assessmentId: In(assessments.map((a) => a.id)) } });
    return assessments.map((assessment) =>
      toDutyAssessment(
        assessment,
        items.filter((item) => item.assessmentId === assessment.id),
      ),
    );
  }
}

function requireCompleteSheet(expectedDutyIds: string[], scoredDutyIds: string[]): void {
  const problems = scoreSheetProblems(expectedDutyIds, scoredDutyIds);
  if (problems.length) throw new BadUserInputError(problems);
}

function alreadyAssessed(postId: string, period: string): ConflictError {
  return new ConflictError('DUPLICATE', `该岗位 ${period} 考核期已提交自评，不能重复提交`, { postId, period });
}
