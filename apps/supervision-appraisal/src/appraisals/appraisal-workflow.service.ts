import { newId } from '@campus/database';
import { BadUserInputError, Caller, ConflictError, ForbiddenError, NotFoundError } from '@campus/graphql';
import { clientRequest, lockTransition, oncePerRequest, requireTransition } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { IndicatorKind, VetoRuleKind } from '../appraisal-schemes/appraisal-enums';
import { APPRAISAL_SCHEME_ACCESS } from '../appraisal-schemes/appraisal-scheme.access';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from '../appraisal-schemes/appraisal-scheme.entity';
import { DEFAULT_GRADE_BANDS, gradeOf } from '../appraisal-schemes/scoring';
import { rerank } from './appraisal-computation';
import { AppraisalAction, APPRAISAL_ACCESS, APPRAISAL_TRANSITIONS } from './appraisal.access';
import { AppraisalEntity, AppraisalObjectionRow, AppraisalStage } from './appraisal.entity';

const SELF = '不能为本单位（或本人任职的上级单位所考核的本单位）评分、审核或处理申诉';
const DAY_MS = 86_400_000;

/**
 * The year-end results' workflow: assessors score the manual indicators (never their own unit), review and
 * make the scheme's results public with an objection window; a unit's leadership may object within it;
 * an accepted objection sends the result back to draft for rescoring, a rejected one leaves it; results
 * whose window closed with no open objection become final (the finalising job).
 */
export class AppraisalWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  async score(caller: Caller, input: { appraisalId: string; indicatorId: string; score: number; comment?: string | null }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockSchemeOf(manager, input.appraisalId);
      const { row: appraisal } = await lockTransition(APPRAISAL_ACCESS, manager, caller, APPRAISAL_TRANSITIONS, 'SCORE', { id: input.appraisalId });
      APPRAISAL_ACCESS.checkNotOwnUnit(caller, appraisal.orgPath, SELF);
      const indicator = await manager.findOne(AppraisalIndicatorEntity, { where: { id: input.indicatorId, schemeId: appraisal.schemeId } });
      if (!indicator || indicator.kind !== IndicatorKind.MANUAL) throw new BadUserInputError([{ field: 'indicatorId', message: '该指标不是本考核方案的人工评分指标' }]);
      if (input.score < 0 || input.score > Number(indicator.weight)) throw new BadUserInputError([{ field: 'score', message: `得分应在 0–${Number(indicator.weight)} 之间` }]);
      await manager.query(
        `INSERT INTO appraisal_value (appraisal_id, indicator_id, score, comment, scored_by, scored_at) VALUES (?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE score = VALUES(score), comment = VALUES(comment), scored_by = VALUES(scored_by), scored_at = VALUES(scored_at)`,
        [appraisal.id, indicator.id, input.score.toFixed(2), input.comment ?? null, caller.viewer.accountId, this.now()],
      );
      await retotal(manager, appraisal);
    });
  }

  /** An assessor's veto under the scheme's OTHER rule, with its reason and the record it rests on. */
  async veto(caller: Caller, input: { appraisalId: string; reason: string; evidenceKind: string; evidenceId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockSchemeOf(manager, input.appraisalId);
      const { row: appraisal } = await lockTransition(APPRAISAL_ACCESS, manager, caller, APPRAISAL_TRANSITIONS, 'VETO', { id: input.appraisalId });
      APPRAISAL_ACCESS.checkNotOwnUnit(caller, appraisal.orgPath, SELF);
      const scheme = await manager.findOneByOrFail(AppraisalSchemeEntity, { id: appraisal.schemeId });
      if (!scheme.vetoRules?.includes(VetoRuleKind.OTHER)) throw new ConflictError('OUTSIDE_RANGE', '本考核方案未规定其他一票否决情形', { id: scheme.id });
      await manager.query(
        'INSERT INTO appraisal_veto (appraisal_id, rule, evidence_kind, evidence_id, reason, found_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE reason = VALUES(reason)',
        [appraisal.id, VetoRuleKind.OTHER, input.evidenceKind, input.evidenceId, input.reason, this.now()],
      );
      appraisal.vetoed = true;
      await retotal(manager, appraisal);
    });
  }

  /** Reviews every draft year-end result of the scheme the caller may review; CONFLICT (INCOMPLETE) while a manual score is missing. */
  review(caller: Caller, schemeId: string): Promise<number> {
    return this.moveAll(caller, schemeId, 'REVIEW', async (manager, scheme, appraisals) => {
      const manual: { id: string }[] = await manager.query("SELECT id FROM appraisal_indicator WHERE scheme_id = ? AND kind = 'MANUAL'", [scheme.id]);
      if (!manual.length || !appraisals.length) return;
      const scored: { appraisal_id: string; n: string }[] = await manager.query(
        `SELECT appraisal_id, COUNT(*) AS n FROM appraisal_value WHERE scored_by IS NOT NULL AND appraisal_id IN (${appraisals.map(() => '?').join(', ')}) GROUP BY appraisal_id`,
        appraisals.map((appraisal) => appraisal.id),
      );
      const complete = new Set(scored.filter((row) => Number(row.n) >= manual.length).map((row) => row.appraisal_id));
      const missing = appraisals.filter((appraisal) => !complete.has(appraisal.id));
      if (missing.length) {
        throw new ConflictError('INCOMPLETE', `尚有 ${missing.length} 个单位的人工指标未评分，不能审核`, { id: scheme.id, orgUnitIds: missing.slice(0, 20).map((row) => row.orgUnitId) });
      }
    });
  }

  /** Makes the reviewed year-end results public; the objection window runs from now for the scheme's days. */
  publish(caller: Caller, schemeId: string): Promise<number> {
    return this.moveAll(caller, schemeId, 'PUBLISH_RESULT', async (manager, scheme, appraisals) => {
      const until = new Date(this.now().getTime() + scheme.objectionDays * DAY_MS);
      for (const appraisal of appraisals) Object.assign(appraisal, { publishedAt: this.now(), objectionUntil: until });
    });
  }

  async object(caller: Caller, input: { appraisalId: string; reason: string; clientRequestId?: string | null }): Promise<AppraisalObjectionRow> {
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'fileAppraisalObjection', input), async (manager) => {
      const { row: appraisal } = await lockTransition(APPRAISAL_ACCESS, manager, caller, APPRAISAL_TRANSITIONS, 'OBJECT', { id: input.appraisalId });
      if (!appraisal.objectionUntil || this.now() > appraisal.objectionUntil) {
        throw new ConflictError('OUTSIDE_RANGE', '申诉期已过', { id: appraisal.id, objectionUntil: appraisal.objectionUntil?.toISOString() ?? null });
      }
      const open = await manager.findOne(AppraisalObjectionRow, { where: { appraisalId: appraisal.id, status: 'OPEN' } });
      if (open) throw new ConflictError('DUPLICATE', '该考核结果已有待处理的申诉', { id: open.id });
      const objection = manager.create(AppraisalObjectionRow, {
        id: newId(),
        appraisalId: appraisal.id,
        reason: input.reason,
        filedBy: caller.viewer.accountId,
        filedAt: this.now(),
        status: 'OPEN',
      });
      return manager.save(objection);
    }));
    return outcome.created ?? this.dataSource.manager.findOneByOrFail(AppraisalObjectionRow, { id: outcome.id });
  }

  /** Accepting reopens the result for rescoring (it is reviewed and published again); rejecting leaves it. */
  async answer(caller: Caller, input: { objectionId: string; accept: boolean; answer: string }): Promise<AppraisalObjectionRow> {
    return this.dataSource.transaction(async (manager) => {
      const objection = await manager.findOne(AppraisalObjectionRow, { where: { id: input.objectionId }, lock: { mode: 'pessimistic_write' } });
      if (!objection) throw new NotFoundError('申诉', input.objectionId);
      const action: AppraisalAction = input.accept ? 'REOPEN' : 'REJECT_OBJECTION';
      const { row: appraisal, next } = await lockTransition(APPRAISAL_ACCESS, manager, caller, APPRAISAL_TRANSITIONS, action, { id: objection.appraisalId });
      APPRAISAL_ACCESS.checkNotOwnUnit(caller, appraisal.orgPath, SELF);
      if (objection.status !== 'OPEN') throw new ConflictError('ILLEGAL_TRANSITION', '该申诉已处理', { id: objection.id, status: objection.status });
      Object.assign(objection, { status: input.accept ? 'ACCEPTED' : 'REJECTED', answer: input.answer, answeredBy: caller.viewer.accountId, answeredAt: this.now() });
      await manager.save(objection);
      if (input.accept) await manager.save(Object.assign(appraisal, { status: next, publishedAt: null, objectionUntil: null }));
      return objection;
    });
  }

  /** Results whose objection window has closed with no open objection become final. */
  async finalize(): Promise<number> {
    const result = await this.dataSource.query(
      `UPDATE appraisal a SET a.status = 'FINAL', a.version = a.version + 1
        WHERE a.status = 'PUBLISHED' AND a.objection_until < ?
          AND NOT EXISTS (SELECT 1 FROM appraisal_objection o WHERE o.appraisal_id = a.id AND o.status = 'OPEN')`,
      [this.now()],
    );
    return result.affectedRows ?? 0;
  }

  /**
   * Moves the scheme's year-end results the caller may act on (not their own unit) by one transition,
   * after `check`; answers how many moved. The scheme must be closed (its year-end computed).
   */
  private moveAll(
    caller: Caller,
    schemeId: string,
    action: AppraisalAction,
    check: (manager: EntityManager, scheme: AppraisalSchemeEntity, appraisals: AppraisalEntity[]) => Promise<void>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const scheme = await APPRAISAL_SCHEME_ACCESS.find(manager, caller, 'view', schemeId);
      checkAssessorUnder(caller, action, scheme.orgPath);
      if (scheme.status !== 'CLOSED') throw new ConflictError('ILLEGAL_TRANSITION', '考核方案结束、年终考核计算后才能审核和公示结果', { id: scheme.id, status: scheme.status });
      const transition = APPRAISAL_TRANSITIONS[action];
      const appraisals = (
        await manager.find(AppraisalEntity, { where: { schemeId, stage: AppraisalStage.YEAR_END }, lock: { mode: 'pessimistic_write' } })
      ).filter((appraisal) => transition.from.includes(appraisal.status) && APPRAISAL_ACCESS.allows(caller, action, appraisal.orgPath));
      for (const appraisal of appraisals) APPRAISAL_ACCESS.checkNotOwnUnit(caller, appraisal.orgPath, SELF);
      await check(manager, scheme, appraisals);
      for (const appraisal of appraisals) {
        appraisal.status = requireTransition(APPRAISAL_TRANSITIONS, action, appraisal.status, appraisal.id);
        await manager.save(appraisal);
      }
      return appraisals.length;
    });
  }
}

/**
 * FORBIDDEN unless the caller holds the action's role somewhere in or above the scheme's subtree: one who may
 * only view the scheme is refused, rather than told its state or that nothing moved.
 */
function checkAssessorUnder(caller: Caller, action: AppraisalAction, schemePath: string): void {
  const transition = APPRAISAL_TRANSITIONS[action];
  const paths = caller.viewer.scopeFor(transition.roles);
  if (!paths.some((path) => path.startsWith(schemePath) || schemePath.startsWith(path))) throw new ForbiddenError(transition.refusal);
}

/**
 * Locks the scheme of an appraisal before the appraisal itself: re-ranking writes every appraisal of the
 * scheme, so whatever re-ranks (a score, a veto, the refresh job's recomputation) takes the scheme's lock
 * first — in one order, instead of deadlocking on each other's rows.
 */
async function lockSchemeOf(manager: EntityManager, appraisalId: string): Promise<void> {
  const [row]: { scheme_id: string }[] = await manager.query('SELECT scheme_id FROM appraisal WHERE id = ?', [appraisalId]);
  if (row) await manager.query('SELECT id FROM appraisal_scheme WHERE id = ? FOR UPDATE', [row.scheme_id]);
}

/** The appraisal's total from its stored points, its grade by the scheme's bands, and the scheme's ranks again. */
async function retotal(manager: EntityManager, appraisal: AppraisalEntity): Promise<void> {
  const [{ total }]: { total: string | null }[] = await manager.query('SELECT SUM(score) AS total FROM appraisal_value WHERE appraisal_id = ?', [appraisal.id]);
  const scheme = await manager.findOneByOrFail(AppraisalSchemeEntity, { id: appraisal.schemeId });
  appraisal.total = Number(total ?? 0).toFixed(2);
  appraisal.grade = gradeOf(scheme.gradeBands ?? DEFAULT_GRADE_BANDS, Number(appraisal.total), Boolean(appraisal.vetoed));
  await manager.save(appraisal);
  await rerank(manager, appraisal.schemeId, appraisal.stage);
}
