import { clientRequest, oncePerRequest } from '@campus/server';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, ForbiddenError, LoaderRegistry } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { HazardAction, HazardGrade } from './hazard-enums';
import { HazardExtensions } from './hazard-extensions';
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
import { applyHazardTransition, HazardGuard, HazardTransitionRequest } from './hazard-transition';
import { DEFAULT_RECTIFICATION_HORIZON_DAYS, missingPlanItems } from './hazard-plan';
import { FIX_ON_THE_SPOT, HAZARD_ACCESS, HazardTransitionAction } from './hazard.access';
import { Hazard, toHazard } from './hazard.types';

export interface HazardLoopOptions {
  /** Rectification deadlines further than this many days away need interim control measures. */
  rectificationHorizonDays?: number;
}

/** The hazard's closed loop after registration: assess, report, plan, rectify, accept, close, archive, 即查即改. */
export class HazardLoopService {
  private readonly horizonDays: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly extensions: HazardExtensions,
    options: HazardLoopOptions = {},
  ) {
    this.horizonDays = options.rectificationHorizonDays ?? DEFAULT_RECTIFICATION_HORIZON_DAYS;
  }

  /** 登记(评估): a discovery confirmed, its category and grade corrected if need be. */
  assess(caller: Caller, input: AssessHazardInput): Promise<Hazard> {
    return this.transition(caller, HazardAction.ASSESS, input, (_manager, hazard) => {
      hazard.category = input.category ?? hazard.category;
      hazard.grade = input.grade ?? hazard.grade;
    });
  }

  report(caller: Caller, input: HazardTransitionInput): Promise<Hazard> {
    return this.transition(caller, HazardAction.REPORT, input);
  }

  submitPlan(caller: Caller, input: SubmitRectificationPlanInput): Promise<Hazard> {
    return this.transition(caller, HazardAction.SUBMIT_PLAN, input, async (manager, hazard) => {
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
        submittedByAccountId: caller.viewer.accountId,
        submittedAt: new Date(),
      });
      await manager.save(plan);
      hazard.responsiblePersonId = plan.responsiblePersonId;
      hazard.deadline = plan.deadline;
    });
  }

  startRectification(caller: Caller, input: HazardTransitionInput): Promise<Hazard> {
    return this.transition(caller, HazardAction.START_RECTIFICATION, input, async (manager, hazard) => {
      const plan = await manager.findOneBy(HazardPlanEntity, { hazardId: hazard.id });
      const missing = missingPlanItems(plan, hazard.grade, calendarDateOf(new Date()), this.horizonDays);
      if (missing.length) {
        throw new ConflictError('PLAN_INCOMPLETE', `整改方案不完整，不能开始治理，缺少：${missing.join('、')}`, { id: hazard.id, missing });
      }
    });
  }

  submitForAcceptance(caller: Caller, input: SubmitForAcceptanceInput): Promise<Hazard> {
    const comment = input.comment ? `${input.rectificationNote}\n${input.comment}` : input.rectificationNote;
    return this.transition(caller, HazardAction.SUBMIT_FOR_ACCEPTANCE, { ...input, comment }, (_manager, hazard) => {
      if (!caller.viewer.personId) throw new ForbiddenError('您的账号未关联人员，不能作为整改人提交验收', 'NO_LINKED_PERSON');
      hazard.rectifiedByPersonId = caller.viewer.personId;
    });
  }

  accept(caller: Caller, input: AcceptHazardInput): Promise<Hazard> {
    const action = input.passed ? HazardAction.ACCEPT : HazardAction.FAIL_ACCEPTANCE;
    const { personId } = caller.viewer;
    return this.transition(caller, action, input, async (manager, hazard) => {
      if (!personId) throw new ForbiddenError('您的账号未关联人员，不能验收隐患', 'NO_LINKED_PERSON');
      if (personId === hazard.rectifiedByPersonId) {
        throw new ConflictError('SELF_ACCEPTANCE', '整改人不能验收自己的整改，请由其他人验收', { id: hazard.id });
      }
      const plan = await manager.findOneBy(HazardPlanEntity, { hazardId: hazard.id });
      if (plan?.responsiblePersonId && personId === plan.responsiblePersonId) {
        throw new ConflictError('SELF_ACCEPTANCE', '整改责任人不能验收本隐患，请由其他人验收', { id: hazard.id });
      }
      if (!input.passed && !input.comment?.trim()) {
        throw new BadUserInputError([{ field: 'comment', message: '验收不通过须填写验收意见：不通过的原因和整改要求' }]);
      }
      if (!input.passed) hazard.failedAcceptances += 1;
    });
  }

  close(caller: Caller, input: HazardTransitionInput): Promise<Hazard> {
    return this.transition(caller, HazardAction.CLOSE, input);
  }

  archive(caller: Caller, input: HazardTransitionInput): Promise<Hazard> {
    return this.transition(caller, HazardAction.ARCHIVE, input);
  }

  /** 即查即改: a trivial general hazard fixed on the spot; every step is still recorded, by the same actor. */
  async fixOnTheSpot(caller: Caller, input: FixOnTheSpotInput): Promise<Hazard> {
    const guard: HazardGuard = (_manager, hazard) => {
      if (hazard.grade !== HazardGrade.GENERAL) throw new ConflictError('MAJOR_HAZARD_RULE', '重大隐患不能即查即改，须按整改方案治理', { id: hazard.id });
      hazard.rectifiedByPersonId = caller.viewer.personId;
    };
    const request = { ...input, comment: input.comment ?? input.measures };
    // A retry after a lost answer replays the first instead of failing on the version it already moved past.
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'fixOnTheSpot', input), async (manager) =>
      toHazard(await applyHazardTransition(manager, caller, FIX_ON_THE_SPOT, request, this.extensions, guard)),
    ));
    return outcome.created ?? toHazard(await HAZARD_ACCESS.find(this.dataSource.manager, caller, 'view', outcome.id));
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
  async file(caller: Caller, id: string): Promise<HazardFile> {
    const hazard = await HAZARD_ACCESS.find(this.dataSource.manager, caller, 'view', id);
    const [plan, steps] = await Promise.all([this.plan(id), this.steps(id)]);
    const acceptance =
      [...steps].reverse().find((step) => step.action === HazardAction.ACCEPT || step.action === HazardAction.FAIL_ACCEPTANCE) ?? null;
    return { hazard: toHazard(hazard), plan, steps, acceptance };
  }

  private transition(caller: Caller, action: HazardTransitionAction, request: HazardTransitionRequest, guard?: HazardGuard): Promise<Hazard> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) =>
      toHazard(await applyHazardTransition(manager, caller, action, request, this.extensions, guard)),
    );
  }
}
