import { newId } from '@campus/database';
import { DrillEvaluated, DrillProblemFound, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import { BadUserInputError, Caller, calendarDateOf, ConflictError, FieldProblem, NotFoundError } from '@campus/graphql';
import { clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import type { EducationSettings } from '../service';
import { DRILL_ACCESS, DRILL_TRANSITIONS } from './drill.access';
import { DrillEntity, DrillProblemEntity } from './drill.entity';
import { DrillProblemInput, EvaluateDrillInput, RaiseDrillProblemInput } from './drill.inputs';
import { Drill, toDrill } from './drill.types';
import { DRILL_TYPE_LABELS } from './drill-enums';

/** A drill's evaluation (评估) and the problems it found, raised as hazards in hazard-tracking through drill.problem-found. */
export class DrillEvaluation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly settings: EducationSettings,
  ) {}

  /** Scores a held drill and records its problems, raising those asked for as hazards: drill.evaluated (and drill.problem-found). */
  async evaluate(caller: Caller, input: EvaluateDrillInput): Promise<Drill> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { row: drill, next } = await lockTransition(DRILL_ACCESS, manager, caller, DRILL_TRANSITIONS, 'EVALUATE', input);
      const now = this.settings.now();
      await this.checkProblems(manager, caller, input.problems, calendarDateOf(now));
      drill.status = next;
      drill.score = input.score;
      drill.strengths = input.strengths;
      drill.evaluatedAt = now;
      await manager.save(drill);
      const problems = input.problems.map((problem, index) =>
        manager.create(DrillProblemEntity, {
          id: newId(),
          drillId: drill.id,
          seq: index + 1,
          description: problem.description,
          category: problem.category,
          grade: problem.grade,
          ownerPersonId: problem.ownerPersonId,
          deadline: problem.deadline,
          improvementAction: problem.improvementAction,
          raisedAt: problem.raiseAsHazard ? now : null,
          hazardId: null,
          hazardCode: null,
          hazardStatus: null,
          hazardVersion: null,
        }),
      );
      if (problems.length) await manager.save(problems);
      for (const problem of problems.filter((row) => row.raisedAt)) await this.recordRaised(manager, caller, drill, problem);
      await recordEvent(manager, DrillEvaluated, drill.id, {
        id: drill.id,
        orgUnitId: drill.orgUnitId,
        orgPath: drill.orgPath,
        score: input.score,
        problems: problems.length,
        evaluatedAt: now.toISOString(),
      });
      return toDrill(drill);
    });
  }

  /** Raises a problem of an evaluated drill that was not raised at evaluation: once. */
  async raise(caller: Caller, input: RaiseDrillProblemInput): Promise<Drill> {
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'raiseDrillProblem', input), async (manager) => {
      const found = await manager.findOne(DrillProblemEntity, { where: { id: input.problemId } });
      if (!found) throw new NotFoundError('演练发现的问题', input.problemId);
      const { row: drill } = await lockTransition(DRILL_ACCESS, manager, caller, DRILL_TRANSITIONS, 'RAISE_PROBLEM', { id: found.drillId });
      // Re-read under the drill's lock: a concurrent raise of the same problem has committed by now.
      const problem = (await manager.findOne(DrillProblemEntity, { where: { id: input.problemId } })) as DrillProblemEntity;
      if (problem.raisedAt) throw new ConflictError('DUPLICATE', '该问题已转为隐患', { problemId: problem.id });
      problem.raisedAt = this.settings.now();
      await manager.save(problem);
      await this.recordRaised(manager, caller, drill, problem);
      return toDrill(drill);
    }));
    return outcome.created ?? toDrill(await DRILL_ACCESS.find(this.dataSource.manager, caller, 'view', outcome.id));
  }

  private async recordRaised(manager: EntityManager, caller: Caller, drill: DrillEntity, problem: DrillProblemEntity): Promise<void> {
    const heading = `${DRILL_TYPE_LABELS[drill.drillType]}发现问题：`;
    await recordEvent(manager, DrillProblemFound, problem.id, {
      id: problem.id,
      drillId: drill.id,
      drillTitle: drill.title,
      foundAt: (problem.raisedAt as Date).toISOString(),
      orgUnitId: drill.orgUnitId,
      orgPath: drill.orgPath,
      title: `${heading}${problem.description}`.slice(0, 200),
      description: `${problem.description}\n改进措施：${problem.improvementAction}\n整改期限：${problem.deadline}（演练：${drill.title}）`.slice(0, 5000),
      category: problem.category,
      grade: problem.grade,
      placeText: drill.placeText,
      placeId: null,
      raisedByPersonId: caller.viewer.personId,
    });
  }

  /** Deadlines from today on; owners active people the evaluator manages. */
  private async checkProblems(manager: EntityManager, caller: Caller, problems: DrillProblemInput[], today: string): Promise<void> {
    const fieldProblems: FieldProblem[] = [];
    problems.forEach((problem, index) => {
      if (problem.deadline < today) fieldProblems.push({ field: `problems[${index}].deadline`, message: '整改期限不能早于今天' });
    });
    const ownerIds = [...new Set(problems.map((problem) => problem.ownerPersonId))];
    if (ownerIds.length) {
      const scope = DRILL_ACCESS.where(caller, 'EVALUATE', 'p.org_path', 'ownerScope');
      const rows: { id: string }[] = await manager
        .createQueryBuilder()
        .select('p.id', 'id')
        .from('person_projection', 'p')
        .where('p.id IN (:...ownerIds)', { ownerIds })
        .andWhere('p.active = TRUE')
        .andWhere(scope.sql, scope.params)
        .getRawMany();
      const known = new Set(rows.map((row) => row.id));
      problems.forEach((problem, index) => {
        if (!known.has(problem.ownerPersonId)) {
          fieldProblems.push({ field: `problems[${index}].ownerPersonId`, message: '整改责任人应为您管辖范围内的在职人员' });
        }
      });
    }
    if (fieldProblems.length) throw new BadUserInputError(fieldProblems);
  }
}
