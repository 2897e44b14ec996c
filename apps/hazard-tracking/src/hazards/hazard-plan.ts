import { HazardGrade } from './hazard-enums';

// The rectification plan (四落实) START_RECTIFICATION requires; the transition table is in hazard.access.ts.

/** Days the rectification may take without interim control measures (临时管控措施). */
export const DEFAULT_RECTIFICATION_HORIZON_DAYS = 7;

export interface PlanFacts {
  responsiblePersonId: string | null;
  measures: string | null;
  deadline: string | null;
  contingencyPlan: string | null;
  funds: string | null;
  upwardReportNote: string | null;
  reportedUpwardAt: Date | null;
  interimMeasures: string | null;
}

/** Whole days from one calendar date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** What the 四落实 plan still lacks before rectification may start; empty when complete. */
export function missingPlanItems(plan: PlanFacts | null, grade: HazardGrade, today: string, horizonDays: number): string[] {
  if (!plan) return ['整改方案（四落实）'];
  const missing: string[] = [];
  if (!plan.responsiblePersonId) missing.push('整改责任人');
  if (!plan.measures?.trim()) missing.push('整改措施');
  if (!plan.deadline) missing.push('整改时限');
  if (!plan.contingencyPlan?.trim()) missing.push('应急预案');
  if (grade === HazardGrade.MAJOR) {
    if (plan.funds === null || Number(plan.funds) <= 0) missing.push('整改资金（重大隐患）');
    if (!plan.upwardReportNote?.trim() || !plan.reportedUpwardAt) missing.push('向上级报告（重大隐患）');
  }
  if (plan.deadline && daysBetween(today, plan.deadline) > horizonDays && !plan.interimMeasures?.trim()) {
    missing.push(`临时管控措施（整改时限超过 ${horizonDays} 天）`);
  }
  return missing;
}
