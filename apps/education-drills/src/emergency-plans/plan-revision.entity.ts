import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One approval of an emergency plan (修订记录): numbered 1, 2, … per plan, never changed afterwards. */
@Entity('emergency_plan_revision')
export class EmergencyPlanRevisionEntity {
  @PrimaryColumn({ type: 'char', length: 32 })
  id: string;

  @Column({ name: 'plan_id', type: 'char', length: 32 })
  planId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ name: 'version_label', type: 'varchar', length: 32 })
  versionLabel: string;

  @Column({ name: 'approved_by_person_id', type: 'char', length: 32, nullable: true })
  approvedByPersonId: string | null;

  /** Empty only on a revision 1 backfilled for a plan approved before revisions were kept (its approver was never recorded). */
  @Column({ name: 'approved_by_account_id', type: 'char', length: 32, nullable: true })
  approvedByAccountId: string | null;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3 })
  approvedAt: Date;

  @Column({ name: 'change_note', type: 'varchar', length: 1000, nullable: true })
  changeNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
