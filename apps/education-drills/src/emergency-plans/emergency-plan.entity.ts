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
}

export function emergencyPlanFromRow(row: Record<string, unknown>): EmergencyPlanEntity {
  return Object.assign(new EmergencyPlanEntity(), {
    ...scopedFieldsFromRow(row),
    title: row.title,
    planType: row.plan_type,
    scenario: row.scenario,
    scenarioTypes: typeof row.scenario_types === 'string' && row.scenario_types ? (row.scenario_types.split(',') as EmergencyPlanScenario[]) : [],
    versionLabel: row.version_label,
    status: row.status,
    reviewDate: row.review_date,
    approvedAt: row.approved_at,
  });
}
