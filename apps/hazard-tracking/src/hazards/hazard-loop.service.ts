import { Viewer } from '@campus/auth';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { calendarDateOf, ConflictError, ForbiddenError, LoaderRegistry, NotFoundError, VersionedInput } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { HazardGrade, HazardStatus } from './hazard-enums';
import { HazardPlanEntity, HazardStepEntity } from './hazard-loop.entity';
import {
  AcceptHazardInput,
  AssessHazardInput,
  FixOnTheSpotInput,
  HazardTransitionInput,
  SubmitForAcceptanceInput,
  SubmitRectificationPlanInput,
} from './hazard-loop.inputs';
import { HazardFile, HazardPlan, HazardStep, toHazardPlan, toHazardStep } from './hazard-loop.types';
import { attachEvidenceToStep } from '../evidence/evidence-steps';
import { appendStep } from './hazard-steps';
import {
  DEFAULT_RECTIFICATION_HORIZON_DAYS,
  HAZARD_TRANSITIONS,
  HazardAction,
  missingPlanItems,
  nextStatus,
  ON_THE_SPOT_ACTIONS,
  ON_THE_SPOT_ROLES,
} from './hazard-transitions';
import { HazardEntity } from './hazard.entity';
import { Hazard, toHazard } from './hazard.types';

export interface HazardLoopOptions {
  /** Rectification deadlines further than this many days away need interim control measures. */
  rectificationHorizonDays?: number;
}

/** The hazard's closed loop after registration: report, plan, rectify, accept, close, archive. */
export class HazardLoopService {
  private readonly horizonDays: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    options: HazardLoopOptions = {},
  ) {
    this.horizonDays = options.rectificationHorizonDays ?? DEFAULT_RECTIFICATION_HORIZON_DAYS;
  }

  /** 登记(评估): a discovery confirmed, its category and grade corrected if need be. */
  assess(viewer: Viewer, input: AssessHazardInput): Promise<Hazard> {
    return this.transition(viewer, input, HazardAction.ASSESS, async (_manager, hazard) => {
      hazard.category = input.category ?? hazard.category;
      hazard.grade = input.grade ?? hazard.grade;
    });
  }

  report(viewer: Viewer, input: HazardTransitionInput): Promise<Hazard> {
    return this.transition(viewer, input, HazardAction.REPORT);
  }

  submitPlan(viewer: Viewer, input: SubmitRectificationPlanInput): Promise<Hazard> {
    return this.transition(viewer, input, HazardAction.SUBMIT_PLAN, async (manager, hazard) => {
      const existing = await manager.findOneBy(HazardPlanEntity, { hazardId: hazard.id });
      const plan = existing ?? manager.create(HazardPlanEntity, { hazardId: hazard.id });
      const keep = <K extends keyof SubmitRectificationPlanInput & keyof HazardPlanEntity>(key: K): HazardPlanEntity[K] =>
        (input[key] === undefined ? (plan[key] ?? null) : input[key]) as HazardPlanEntity[K];
      Object.assign(plan, {
        responsiblePersonId: keep('responsiblePersonId'),
        measures: keep('measures'),
        deadline: keep('deadline'),
        contingencyPlan: keep('contingencyPlan'),
        funds: keep('funds'),
        upwardReportNote: keep('upwardReportNote'),
        reportedUpwardAt: keep('reportedUpwardAt'),
        interimMeasures: keep('interimMeasures'),
        submittedByAccountId: viewer.accountId,
        submittedAt: new Date(),
      });
      await manager.save(plan);
      hazard.responsiblePersonId = plan.responsiblePersonId;
      hazard.deadline = plan.deadline;
    });
  }

  startRectification(viewer: Viewer, input: HazardTransitionInput): Promise<Hazard> {
    return this.transition(viewer, input, HazardAction.START_RECTIFICATION, async (manager, hazard) => {
      const plan = await manager.findOneBy(HazardPlanEntity, { hazardId: hazard.id });
      const missing = missingPlanItems(plan, hazard.grade, calendarDateOf(new Date()), this.horizonDays);
      if (missing.length) {
        throw new ConflictError('PLAN_INCOMPLETE', `整改方案不完整，不能开始治理，缺少：${missing.join('、')}`, { id: hazard.id, missing });
      }
    });
  }

  submitForAcceptance(viewer: Viewer, input: SubmitForAcceptanceInput): Promise<Hazard> {
    const comment = input.comment ? `${input.rectificationNote}\n${input.comment}` : input.rectificationNote;
    return this.transition(viewer, { ...input, comment }, HazardAction.SUBMIT_FOR_ACCEPTANCE, async (_manager, hazard) => {
      if (!viewer.personId) throw new ForbiddenError('您的账号未关联人员，不能作为整改人提交验收');
      hazard.rectifiedByPersonId = viewer.personId;
    });
  }

  accept(viewer: Viewer, input: AcceptHazardInput): Promise<Hazard> {
    const action = input.passed ? HazardAction.ACCEPT : HazardAction.FAIL_ACCEPTANCE;
    return this.transition(viewer, input, action, async (manager, hazard) => {
      if (!viewer.personId) throw new ForbiddenError('您的账号未关联人员，不能验收隐患');
      if (viewer.personId === hazard.rectifiedByPersonId) {
        throw new ConflictError('SELF_ACCEPTANCE', '整改人不能验收自己的整改，请由其他人验收', { id: hazard.id });
      }
      const plan = await manager.findOneBy(HazardPlanEntity, { hazardId: hazard.id });
      if (plan?.responsiblePersonId && viewer.personId === plan.responsiblePersonId) {
        throw new ConflictError('SELF_ACCEPTANCE', '整改责任人不能验收本隐患，请由其他人验收', { id: hazard.id });
      }
      if (!input.passed) hazard.failedAcceptances += 1;
    });
  }

  close(viewer: Viewer, input: HazardTransitionInput): Promise<Hazard> {
    return this.transition(viewer, input, HazardAction.CLOSE);
  }

  archive(viewer: Viewer, input: HazardTransitionInput): Promise<Hazard> {
    return this.transition(viewer, input, HazardAction.ARCHIVE);
  }

  /** 即查即改: a trivial general hazard fixed on the spot; every step is still recorded, by the same actor. */
  fixOnTheSpot(viewer: Viewer, input: FixOnTheSpotInput): Promise<Hazard> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const hazard = await this.lock(manager, viewer, input);
      if (!viewer.hasRoleAt(ON_THE_SPOT_ROLES, hazard.orgPath)) throw new ForbiddenError('您无权对该隐患即查即改');
      if (hazard.grade !== HazardGrade.GENERAL) throw new ConflictError('MAJOR_HAZARD_RULE', '重大隐患不能即查即改，须按整改方案治理', { id: hazard.id });
      if (hazard.status !== HazardStatus.DISCOVERED && hazard.status !== HazardStatus.REGISTERED) {
        throw new ConflictError('ILLEGAL_TRANSITION', '只有发现或登记状态的隐患可以即查即改', { id: hazard.id, status: hazard.status });
      }
      this.checkVersion(hazard, input);
      const comment = input.comment ?? input.measures;
      const at = new Date();
      let from: HazardStatus = hazard.status;
      let lastStepId = '';
      for (const action of ON_THE_SPOT_ACTIONS) {
        const to: HazardStatus = HAZARD_TRANSITIONS[action].to ?? from;
        lastStepId = (await appendStep(manager, hazard, viewer, { action, from, to, comment, evidence: input.evidence, at })).id;
        from = to;
      }
      await attachEvidenceToStep(manager, hazard.id, lastStepId, input.evidence);
      hazard.status = from;
      hazard.rectifiedByPersonId = viewer.personId;
      return this.saveHazard(manager, hazard);
    });
  }

  /** Hazard.plan for every hazard of a request in one statement. */
  batchedPlan(loaders: LoaderRegistry, hazardId: string): Promise<HazardPlan | null> {
    return loaders
      .get<string, HazardPlan | null>('Hazard.plan', () => new DataLoader(async (ids: readonly string[]) => {
        const plans = await this.dataSource.getRepository(HazardPlanEntity).findBy({ hazardId: In([...ids]) });
        const byHazard = new Map(plans.map((plan) => [plan.hazardId, toHazardPlan(plan)]));
        return ids.map((id) => byHazard.get(id) ?? null);
      }))
      .load(hazardId);
  }

  /** Hazard.steps for every hazard of a request in one statement. */
  batchedSteps(loaders: LoaderRegistry, hazardId: string): Promise<HazardStep[]> {
    return loaders
      .get<string, HazardStep[]>('Hazard.steps', () => new DataLoader(async (ids: readonly string[]) => {
        const steps = await this.dataSource
          .getRepository(HazardStepEntity)
          .find({ where: { hazardId: In([...ids]) }, order: { hazardId: 'ASC', seq: 'ASC' } });
        return ids.map((id) => steps.filter((step) => step.hazardId === id).map(toHazardStep));
      }))
      .load(hazardId);
  }

  async plan(hazardId: string): Promise<HazardPlan | null> {
    const plan = await this.dataSource.getRepository(HazardPlanEntity).findOneBy({ hazardId });
    return plan ? toHazardPlan(plan) : null;
  }

  async steps(hazardId: string): Promise<HazardStep[]> {
    const steps = await this.dataSource.getRepository(HazardStepEntity).find({ where: { hazardId }, order: { seq: 'ASC' } });
    return steps.map(toHazardStep);
  }

  /** 一患一案一档: the hazard's facts, plan, timeline and last acceptance. */
  async file(viewer: Viewer, id: string): Promise<HazardFile> {
    const hazard = await this.dataSource.getRepository(HazardEntity).findOneBy({ id });
    if (!hazard || !viewer.covers(hazard.orgPath)) throw new NotFoundError('隐患', id);
    const [plan, steps] = await Promise.all([this.plan(id), this.steps(id)]);
    const acceptance =
      [...steps].reverse().find((step) => step.action === HazardAction.ACCEPT || step.action === HazardAction.FAIL_ACCEPTANCE) ?? null;
    return { hazard: toHazard(hazard), plan, steps, acceptance };
  }

  /**
   * One transition: lock the row, check scope (NOT_FOUND), role (FORBIDDEN), state and version (CONFLICT),
   * run the action's own guard, then write the hazard, the step and the event in one transaction.
   */
  private transition(
    viewer: Viewer,
    input: HazardTransitionInput,
    action: HazardAction,
    guard?: (manager: EntityManager, hazard: HazardEntity) => Promise<void>,
  ): Promise<Hazard> {
    const transition = HAZARD_TRANSITIONS[action];
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const hazard = await this.lock(manager, viewer, input);
      if (!viewer.hasRoleAt(transition.roles, hazard.orgPath)) throw new ForbiddenError('您无权对该隐患执行此操作');
      this.checkVersion(hazard, input);
      const from = hazard.status;
      const to = nextStatus(action, from);
      if (!to) throw new ConflictError('ILLEGAL_TRANSITION', transition.wrongState, { id: hazard.id, status: from });
      await guard?.(manager, hazard);
      hazard.status = to;
      const step = await appendStep(manager, hazard, viewer, { action, from, to, comment: input.comment, evidence: input.evidence });
      await attachEvidenceToStep(manager, hazard.id, step.id, input.evidence);
      return this.saveHazard(manager, hazard);
    });
  }

  private async lock(manager: EntityManager, viewer: Viewer, input: VersionedInput): Promise<HazardEntity> {
    const hazard = await manager.findOne(HazardEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
    if (!hazard || !viewer.covers(hazard.orgPath)) throw new NotFoundError('隐患', input.id);
    return hazard;
  }

  private checkVersion(hazard: HazardEntity, input: VersionedInput): void {
    if (hazard.version !== input.version) {
      throw new ConflictError('STALE_VERSION', '隐患已被他人修改，请刷新后重试', { id: hazard.id, currentVersion: hazard.version });
    }
  }

  /** Writes the changed columns and bumps the version even when only the plan changed. */
  private async saveHazard(manager: EntityManager, hazard: HazardEntity): Promise<Hazard> {
    await manager.query(
      `UPDATE hazard SET status = ?, category = ?, grade = ?, failed_acceptances = ?, rectified_by_person_id = ?, responsible_person_id = ?,
         deadline = ?, version = version + 1 WHERE id = ? AND version = ?`,
      [
        hazard.status,
        hazard.category,
        hazard.grade,
        hazard.failedAcceptances,
        hazard.rectifiedByPersonId,
        hazard.responsiblePersonId,
        hazard.deadline,
        hazard.id,
        hazard.version,
      ],
    );
    return toHazard(await manager.findOneByOrFail(HazardEntity, { id: hazard.id }));
  }
}
