import { isDuplicateKey, newId } from '@campus/database';
import { BadUserInputError, Caller, ConflictError, ForbiddenError } from '@campus/graphql';
import { refusalOf, requireTransition } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { DUTY_ASSESSMENT_ACCESS, DUTY_ASSESSMENT_POLICY, DUTY_ASSESSMENT_TRANSITIONS } from './duty-assessment.access';
import { averageScore, scoreSheetProblems } from './duty-assessment-rules';
import { DutyAssessmentEntity, DutyAssessmentItemEntity } from './duty-assessment.entity';
import { ReviewDutyAssessmentInput, SubmitDutySelfAssessmentInput } from './duty-assessment.inputs';
import { DutyAssessment, toDutyAssessment } from './duty-assessment.types';
import { POST_ACCESS } from './post.access';
import { PostDutyEntity } from './post.entity';
import { toPostDuties } from './post.types';

export class DutyAssessmentService {
  constructor(private readonly dataSource: DataSource) {}

  /** An assessment the caller may see, or null. */
  async get(caller: Caller, id: string): Promise<DutyAssessment | null> {
    const assessment = await DUTY_ASSESSMENT_ACCESS.loader(caller.loaders, this.dataSource.manager, caller, 'view').load(id);
    if (!assessment) return null;
    const [withItems] = await this.withItems(this.dataSource.manager, [assessment]);
    return withItems;
  }

  /** Assessments of many posts, latest period first, in two statements. */
  createByPostLoader(caller: Caller): DataLoader<string, DutyAssessment[]> {
    return new DataLoader(async (postIds) => {
      const scope = DUTY_ASSESSMENT_ACCESS.where(caller, 'view', 'a.org_path');
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
  async submitSelfAssessment(caller: Caller, input: SubmitDutySelfAssessmentInput): Promise<DutyAssessment> {
    try {
      return await this.dataSource.transaction((manager) => this.recordSelfAssessment(manager, caller, input));
    } catch (error) {
      if (isDuplicateKey(error)) throw alreadyAssessed(input.postId, input.period);
      throw error;
    }
  }

  /** A unit leader or the safety office scores each duty again; never the holder themself. */
  async review(caller: Caller, input: ReviewDutyAssessmentInput): Promise<DutyAssessment> {
    return this.dataSource.transaction(async (manager) => {
      // In scope first; then never one's own post, whatever one's role; then the role, the version and the state.
      const assessment = await DUTY_ASSESSMENT_ACCESS.lock(manager, caller, 'view', { id: input.id });
      if (caller.viewer.personId !== null && caller.viewer.personId === assessment.holderPersonId) {
        throw new ForbiddenError('不能复评本人岗位的履职自评', 'OWN_RECORD');
      }
      DUTY_ASSESSMENT_ACCESS.checkRole(caller, 'REVIEW', assessment.orgPath);
      DUTY_ASSESSMENT_ACCESS.checkVersion(assessment, input);
      const status = requireTransition(DUTY_ASSESSMENT_TRANSITIONS, 'REVIEW', assessment.status, assessment.id);
      const items = await manager.find(DutyAssessmentItemEntity, { where: { assessmentId: assessment.id } });
      requireCompleteSheet(
        items.map((item) => item.dutyId),
        input.items.map((score) => score.dutyId),
      );
      const scores = new Map(input.items.map((score) => [score.dutyId, score.score]));
      for (const item of items) item.reviewScore = scores.get(item.dutyId) ?? null;
      await manager.save(items);
      assessment.status = status;
      assessment.reviewTotal = averageScore(input.items.map((score) => score.score)).toFixed(2);
      assessment.reviewComment = input.comment?.trim() || null;
      assessment.reviewerAccountId = caller.viewer.accountId;
      assessment.reviewerPersonId = caller.viewer.personId;
      assessment.reviewedAt = new Date();
      await manager.save(assessment);
      return toDutyAssessment(assessment, items);
    });
  }

  private async recordSelfAssessment(manager: EntityManager, caller: Caller, input: SubmitDutySelfAssessmentInput): Promise<DutyAssessment> {
    const post = await POST_ACCESS.lock(manager, caller, 'view', { id: input.postId });
    DUTY_ASSESSMENT_ACCESS.checkRole(caller, 'SELF_ASSESS', post.orgPath);
    if (post.holderPersonId === null || post.holderPersonId !== caller.viewer.personId) {
      throw new ForbiddenError(refusalOf(DUTY_ASSESSMENT_POLICY, 'SELF_ASSESS'), 'NOT_THE_NAMED_PERSON');
    }
    if (await manager.existsBy(DutyAssessmentEntity, { postId: post.id, period: input.period })) {
      throw alreadyAssessed(post.id, input.period);
    }
    const status = requireTransition(DUTY_ASSESSMENT_TRANSITIONS, 'SELF_ASSESS', null, null);
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
      status,
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
