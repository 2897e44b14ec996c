import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HazardGrade } from '../hazards/hazard-enums';
import { InspectionCadence, InspectionTargetKind } from './inspection-enums';

/** What to check (a template), where (a grid, a place or the unit), by whom and how often. */
@Entity('inspection_task')
export class InspectionTaskEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'template_id', ...ASCII_ID })
  templateId: string;

  /** The campaign (专项整治) the task serves, if any: the hazards its inspections raise are linked to it. */
  @Column({ name: 'campaign_id', ...ASCII_ID, nullable: true })
  campaignId: string | null;

  @Column({ name: 'target_kind', type: 'varchar', length: 16 })
  targetKind: InspectionTargetKind;

  @Column({ name: 'grid_id', ...ASCII_ID, nullable: true })
  gridId: string | null;

  @Column({ name: 'place_id', ...ASCII_ID, nullable: true })
  placeId: string | null;

  /** Where the check happens, in words; becomes the place of the hazards it raises. */
  @Column({ name: 'place_text', type: 'varchar', length: 200 })
  placeText: string;

  @Column({ name: 'assignee_person_id', ...ASCII_ID })
  assigneePersonId: string;

  @Column({ type: 'varchar', length: 16 })
  cadence: InspectionCadence;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The day the task was stopped; periods ending before it stay due. */
  @Column({ name: 'deactivated_on', type: 'date', nullable: true })
  deactivatedOn: string | null;

  @Column({ name: 'created_by_account_id', ...ASCII_ID })
  createdByAccountId: string;
}

/** One performed check of a task in one of its periods (at most one per period). Never changed. */
@Entity('inspection')
export class InspectionEntity extends ScopedRecord {
  @Column({ name: 'task_id', ...ASCII_ID })
  taskId: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'performed_at', type: 'datetime', precision: 3 })
  performedAt: Date;

  @Column({ name: 'performed_by_account_id', ...ASCII_ID })
  performedByAccountId: string;

  @Column({ name: 'performed_by_person_id', ...ASCII_ID, nullable: true })
  performedByPersonId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'passed_count', type: 'int' })
  passedCount: number;

  @Column({ name: 'failed_count', type: 'int' })
  failedCount: number;
}

/** The result of one checklist item in an inspection; a failed item names the hazard it raised. */
@Entity('inspection_result')
export class InspectionResultEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'inspection_id', ...ASCII_ID })
  inspectionId: string;

  @Column({ name: 'item_id', ...ASCII_ID })
  itemId: string;

  @Column({ type: 'int' })
  seq: number;

  /** The item's text as checked. */
  @Column({ name: 'item_text', type: 'varchar', length: 200 })
  itemText: string;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  grade: HazardGrade | null;

  @Column({ name: 'hazard_id', ...ASCII_ID, nullable: true })
  hazardId: string | null;
}
