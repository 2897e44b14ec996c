import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { EmergencyPlanStatus, EmergencyPlanType } from './emergency-plan-enums';

@Entity('emergency_plan')
export class EmergencyPlanEntity {
  @PrimaryColumn({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'plan_type', type: 'varchar', length: 32 })
  planType: EmergencyPlanType;

  @Column({ type: 'varchar', length: 100, nullable: true })
  scenario: string | null;

  @Column({ name: 'version_label', type: 'varchar', length: 32 })
  versionLabel: string;

  @Column({ type: 'varchar', length: 16 })
  status: EmergencyPlanStatus;

  @Column({ name: 'review_date', type: 'date' })
  reviewDate: string;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'org_unit_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

export function emergencyPlanFromRow(row: Record<string, unknown>): EmergencyPlanEntity {
  return Object.assign(new EmergencyPlanEntity(), {
    id: row.id,
    title: row.title,
    planType: row.plan_type,
    scenario: row.scenario,
    versionLabel: row.version_label,
    status: row.status,
    reviewDate: row.review_date,
    approvedAt: row.approved_at,
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
