import { INCIDENT_TYPE_LABELS } from '@campus/events';
import { EntityManager } from 'typeorm';
import { VetoRuleKind } from '../appraisal-schemes/appraisal-enums';
import { asOfOf, subtreeRanges } from '../metrics/fact-sql';
import { MetricPeriod, MetricUnit } from '../metrics/metric';
import { automaticMetric } from '../metrics/metric-catalogue';

/** A veto found in the facts: the rule, the record behind it and a Chinese reason. */
export interface VetoFinding {
  rule: VetoRuleKind;
  evidenceKind: string;
  evidenceId: string;
  reason: string;
}

/** The unit of `units` whose subtree holds a path (appraised units do not nest). */
function unitHolding(units: readonly MetricUnit[]): (path: string) => MetricUnit | undefined {
  const byPath = new Map(units.map((unit) => [unit.path, unit]));
  return (path) => {
    for (let end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
      const unit = byPath.get(path.slice(0, end + 1));
      if (unit) return unit;
    }
    return undefined;
  };
}

/** 重大及以上安全事件 that occurred in the period (up to the as-of day). */
async function majorIncidents(manager: EntityManager, units: readonly MetricUnit[], period: MetricPeriod): Promise<[string, VetoFinding][]> {
  const ranges = subtreeRanges('i.org_path', units);
  const rows: { id: string; org_path: string; type: string; occurred_on: string }[] = await manager.query(
    `SELECT i.id, i.org_path, i.type, DATE_FORMAT(i.occurred_on, '%Y-%m-%d') AS occurred_on FROM incident_fact i
      WHERE ${ranges.sql} AND i.severity IN ('MAJOR', 'GRAVE') AND i.occurred_on >= ? AND i.occurred_on <= ? AND i.occurred_on <= ?`,
    [...ranges.params, period.from, period.to, asOfOf(period).day],
  );
  const holding = unitHolding(units);
  return rows.flatMap((row) => {
    const unit = holding(row.org_path);
    const reason = `${row.occurred_on} 发生重大及以上安全事件（${INCIDENT_TYPE_LABELS[row.type] ?? row.type}）`;
    return unit ? [[unit.id, { rule: VetoRuleKind.MAJOR_INCIDENT, evidenceKind: 'INCIDENT', evidenceId: row.id, reason }] as [string, VetoFinding]] : [];
  });
}

/** 重大隐患迟报、瞒报: the hazards behind MAJOR_HAZARDS_REPORTED_LATE of each unit that has any. */
async function lateMajorHazards(manager: EntityManager, units: readonly MetricUnit[], period: MetricPeriod): Promise<[string, VetoFinding][]> {
  const metric = automaticMetric('MAJOR_HAZARDS_REPORTED_LATE')!;
  const values = await metric.values(manager, units, period);
  const found: [string, VetoFinding][] = [];
  for (const unit of units.filter((candidate) => (values.get(candidate.id)?.numerator ?? 0) > 0)) {
    const page = await metric.sources(manager, unit, period, 20, null);
    for (const source of page.rows) {
      found.push([unit.id, { rule: VetoRuleKind.MAJOR_HAZARD_REPORTED_LATE, evidenceKind: source.kind, evidenceId: source.id, reason: `重大隐患迟报：${source.label}（${source.counted}）` }]);
    }
  }
  return found;
}

/** The rules the facts decide; OTHER is decided by assessors (vetoAppraisal) and kept through recomputations. */
const CHECKS: Partial<Record<VetoRuleKind, (manager: EntityManager, units: readonly MetricUnit[], period: MetricPeriod) => Promise<[string, VetoFinding][]>>> = {
  MAJOR_INCIDENT: majorIncidents,
  MAJOR_HAZARD_REPORTED_LATE: lateMajorHazards,
};

/** The vetoes of a scheme's rules, per unit id. */
export async function findVetoes(manager: EntityManager, rules: readonly VetoRuleKind[], units: readonly MetricUnit[], period: MetricPeriod): Promise<Map<string, VetoFinding[]>> {
  const byUnit = new Map<string, VetoFinding[]>();
  for (const check of rules.map((rule) => CHECKS[rule]).filter((found) => found !== undefined)) {
    for (const [unitId, finding] of await check(manager, units, period)) byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), finding]);
  }
  return byUnit;
}
