import { chunks, newId } from '@campus/database';
import { EntityManager } from 'typeorm';
import { IndicatorKind } from '../appraisal-schemes/appraisal-enums';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from '../appraisal-schemes/appraisal-scheme.entity';
import { DEFAULT_GRADE_BANDS, gradeOf, scoreOf } from '../appraisal-schemes/scoring';
import { MetricUnit, MetricValue } from '../metrics/metric';
import { automaticMetric } from '../metrics/metric-catalogue';
import { schemePeriod } from './appraisal-period';
import { AppraisalStage } from './appraisal.entity';
import { findVetoes, VetoFinding } from './veto-checks';

/** Rows a multi-row statement writes at most. */
const CHUNK = 500;

const placeholders = (count: number) => Array(count).fill('?').join(', ');

/** Whether a scheme appraises a unit below its own: one of its appraised kind, or (no kind given) one directly below. */
export function isAppraisedBy(scheme: Pick<AppraisalSchemeEntity, 'orgPath' | 'appraisedUnitKind'>, unit: { path: string; kind: string | null }): boolean {
  if (unit.path === scheme.orgPath || !unit.path.startsWith(scheme.orgPath)) return false;
  return scheme.appraisedUnitKind ? unit.kind === scheme.appraisedUnitKind : unit.path.split('/').length === scheme.orgPath.split('/').length + 1;
}

/** The units a scheme appraises (isAppraisedBy), in path order. */
export async function appraisedUnits(manager: EntityManager, scheme: AppraisalSchemeEntity): Promise<MetricUnit[]> {
  const rows: { id: string; path: string; kind: string | null }[] = await manager.query(
    `SELECT id, path, kind FROM org_unit_projection WHERE path > ? AND path < CONCAT(?, '~') ORDER BY path`,
    [scheme.orgPath, scheme.orgPath],
  );
  return rows.filter((row) => isAppraisedBy(scheme, row)).map((row) => ({ id: row.id, path: row.path }));
}

interface UnitResult {
  unit: MetricUnit;
  appraisalId: string;
  values: Map<string, MetricValue & { score: number }>;
  total: number;
  vetoes: VetoFinding[];
  vetoed: boolean;
  grade: string;
}

/** Competition ranks (1, 2, 2, 4) of a scheme's appraisals at a stage: vetoed units after all others, then by total, highest first. */
export async function rerank(manager: EntityManager, schemeId: string, stage: AppraisalStage): Promise<void> {
  await manager.query(
    `UPDATE appraisal a JOIN (SELECT id, RANK() OVER (ORDER BY vetoed, total DESC) AS r FROM appraisal WHERE scheme_id = ? AND stage = ?) ranked
       ON ranked.id = a.id SET a.\`rank\` = ranked.r`,
    [schemeId, stage],
  );
}

/** Manual points already given in this scheme and stage, per unit and indicator; and the appraisals' ids. */
async function existingAppraisals(manager: EntityManager, schemeId: string, stage: AppraisalStage) {
  const appraisals: { id: string; org_unit_id: string; status: string }[] = await manager.query('SELECT id, org_unit_id, status FROM appraisal WHERE scheme_id = ? AND stage = ?', [schemeId, stage]);
  const ids = new Map(appraisals.map((row) => [row.org_unit_id, row.id]));
  const frozen = new Set(appraisals.filter((row) => row.status !== 'DRAFT').map((row) => row.org_unit_id));
  const decided: { appraisal_id: string }[] = appraisals.length
    ? await manager.query("SELECT DISTINCT v.appraisal_id FROM appraisal_veto v JOIN appraisal a ON a.id = v.appraisal_id WHERE a.scheme_id = ? AND a.stage = ? AND v.rule = 'OTHER'", [schemeId, stage])
    : [];
  const vetoedByAssessors = new Set(decided.map((row) => row.appraisal_id));
  const manual = new Map<string, number>();
  if (appraisals.length) {
    const rows: { appraisal_id: string; indicator_id: string; score: string | null }[] = await manager.query(
      `SELECT v.appraisal_id, v.indicator_id, v.score FROM appraisal_value v JOIN appraisal a ON a.id = v.appraisal_id
        WHERE a.scheme_id = ? AND a.stage = ? AND v.scored_by IS NOT NULL`,
      [schemeId, stage],
    );
    for (const row of rows) if (row.score !== null) manual.set(`${row.appraisal_id}:${row.indicator_id}`, Number(row.score));
  }
  return { ids, manual, frozen, vetoedByAssessors };
}

/**
 * Computes a scheme's appraisals at a stage as of a day, for every unit it appraises (or those of `only`):
 * each automatic indicator's value from the facts (one set-based statement per metric for all units)
 * and its points by its rule, the manual points given so far, the vetoes its rules find, the total, grade,
 * and the ranks of all. Appraisals past DRAFT (reviewed, published) are frozen and left as they are.
 * Answers how many units were computed. Runs in the caller's transaction; manual points are kept.
 */
export async function computeAppraisals(
  manager: EntityManager,
  scheme: AppraisalSchemeEntity,
  indicators: readonly AppraisalIndicatorEntity[],
  stage: AppraisalStage,
  asOf: string,
  now: Date,
  only?: ReadonlySet<string>,
): Promise<number> {
  const existing = await existingAppraisals(manager, scheme.id, stage);
  const units = (await appraisedUnits(manager, scheme)).filter((unit) => (!only || only.has(unit.id)) && !existing.frozen.has(unit.id));
  if (!units.length) return 0;
  const period = { ...schemePeriod(scheme.year, scheme.period), asOf };
  const automatic = indicators.filter((indicator) => indicator.kind === IndicatorKind.AUTOMATIC);
  // Indicators naming the same metric (a rate scored twice, by line and by bands) share one reading of it.
  const values = new Map<string, Map<string, MetricValue>>();
  for (const metric of new Set(automatic.map((indicator) => indicator.metric!))) values.set(metric, await automaticMetric(metric)!.values(manager, units, period));
  const vetoes = await findVetoes(manager, scheme.vetoRules ?? [], units, period);

  const results: UnitResult[] = units.map((unit) => {
    const appraisalId = existing.ids.get(unit.id) ?? newId();
    const unitValues = new Map<string, MetricValue & { score: number }>();
    for (const indicator of automatic) {
      const value = values.get(indicator.metric!)!.get(unit.id)!;
      unitValues.set(indicator.id, { ...value, score: scoreOf(indicator.rule!, Number(indicator.weight), value.value) });
    }
    const manualPoints = indicators
      .filter((indicator) => indicator.kind === IndicatorKind.MANUAL)
      .reduce((sum, indicator) => sum + (existing.manual.get(`${appraisalId}:${indicator.id}`) ?? 0), 0);
    const total = Math.round(([...unitValues.values()].reduce((sum, value) => sum + value.score, 0) + manualPoints) * 100) / 100;
    const unitVetoes = vetoes.get(unit.id) ?? [];
    const vetoed = unitVetoes.length > 0 || existing.vetoedByAssessors.has(appraisalId);
    return { unit, appraisalId, values: unitValues, total, vetoes: unitVetoes, vetoed, grade: gradeOf(scheme.gradeBands ?? DEFAULT_GRADE_BANDS, total, vetoed) };
  });
  await writeResults(manager, scheme, stage, asOf, now, results);
  await rerank(manager, scheme.id, stage);
  return results.length;
}

async function writeResults(manager: EntityManager, scheme: AppraisalSchemeEntity, stage: AppraisalStage, asOf: string, now: Date, results: UnitResult[]): Promise<void> {
  for (const part of chunks(results, CHUNK)) {
    await manager.query(
      `INSERT INTO appraisal (id, scheme_id, org_unit_id, org_path, stage, status, total, grade, vetoed, \`rank\`, as_of, computed_at, version)
       VALUES ${part.map(() => `(${placeholders(13)})`).join(', ')}
       ON DUPLICATE KEY UPDATE org_path = VALUES(org_path), total = VALUES(total), grade = VALUES(grade), vetoed = VALUES(vetoed),
         as_of = VALUES(as_of), computed_at = VALUES(computed_at), version = version + 1`,
      part.flatMap((r) => [r.appraisalId, scheme.id, r.unit.id, r.unit.path, stage, 'DRAFT', r.total.toFixed(2), r.grade, r.vetoed, null, asOf, now, 1]),
    );
    const valueRows = part.flatMap((r) => [...r.values].map(([indicatorId, v]) => [r.appraisalId, indicatorId, v.value, v.numerator, v.denominator, v.score.toFixed(2)]));
    for (const rows of chunks(valueRows, CHUNK)) {
      await manager.query(
        `INSERT INTO appraisal_value (appraisal_id, indicator_id, value, numerator, denominator, score) VALUES ${rows.map(() => `(${placeholders(6)})`).join(', ')}
         ON DUPLICATE KEY UPDATE value = VALUES(value), numerator = VALUES(numerator), denominator = VALUES(denominator), score = VALUES(score)`,
        rows.flat(),
      );
    }
    const ids = part.map((r) => r.appraisalId);
    // The facts' vetoes are found again each time; an assessor's (OTHER) stay as decided.
    await manager.query(`DELETE FROM appraisal_veto WHERE rule <> 'OTHER' AND appraisal_id IN (${placeholders(ids.length)})`, ids);
    const vetoRows = part.flatMap((r) => r.vetoes.map((veto) => [r.appraisalId, veto.rule, veto.evidenceKind, veto.evidenceId, veto.reason.slice(0, 500), now]));
    for (const rows of chunks(vetoRows, CHUNK)) {
      await manager.query(
        `INSERT IGNORE INTO appraisal_veto (appraisal_id, rule, evidence_kind, evidence_id, reason, found_at) VALUES ${rows.map(() => `(${placeholders(6)})`).join(', ')}`,
        rows.flat(),
      );
    }
  }
}
