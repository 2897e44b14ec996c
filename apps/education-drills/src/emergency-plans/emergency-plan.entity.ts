import { ScopedRecord, scopedFieldsFromRow } from '@campus/database';
import { Column, Entity } from 'typeorm';
import { EmergencyPlanScenario, EmergencyPlanStatus, EmergencyPlanType } from './emergency-plan-enums';

@Entity('emergency_plan')
export class EmergencyPlanEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'plan_type', type: 'varchar', length: 32 })
  planType: EmergencyPlanType;

  @Column({ type: 'varchar', length: 100, nullable: true })
  scenario: string | null;

  /** The emergencies the plan covers (a comprehensive plan, several). */
  @Column({ name: 'scenario_types', type: 'simple-array' })
  scenarioTypes: EmergencyPlanScenario[];

  @Column({ name: 'version_label', type: 'varchar', length: 32 })
  versionLabel: string;

  @Column({ type: 'varchar', length: 16 })
  status: EmergencyPlanStatus;

  @Column({ name: 'review_date', type: 'date' })
  reviewDate: string;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  /** Months between reviews (评审周期); the next review falls due this long after the last approval. */
  @Column({ name: 'review_cycle_months', type: 'int', default: 12 })
  reviewCycleMonths: number;

  @Column({ name: 'next_review_due', type: 'date', nullable: true })
  nextReviewDue: string | null;
}

export function emergencyPlanFromRow(row: Record<string, unknown>): EmergencyPlanEntity {
  return Object.assign(new EmergencyPlanEntity(), scopedFieldsFromRow(row), {
    title: row.title,
    planType: row.plan_type,
    scenario: row.scenario,
    scenarioTypes: typeof row.scenario_types === 'string' && row.scenario_types ? (row.scenario_types.split(',') as EmergencyPlanScenario[]) : [],
    versionLabel: row.version_label,
    status: row.status,
    reviewDate: row.review_date,
    approvedAt: row.approved_at,
    reviewCycleMonths: Number(row.review_cycle_months ?? 12),
    nextReviewDue: row.next_review_due ?? null,
  });
}

/** The day `months` calendar months after a day (YYYY-MM-DD), clamped to the month's end: 2026-01-31 + 1 → 2026-02-28. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}
