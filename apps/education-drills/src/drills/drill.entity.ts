import { ASCII_ID, ScopedRecord, scopedFieldsFromRow } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DrillHazardStatus, DrillProblemCategory, DrillProblemGrade, DrillStatus, DrillType } from './drill-enums';

/** 应急演练: planned, held, evaluated (or cancelled) by the organising unit. */
@Entity('drill')
export class DrillEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'drill_type', type: 'varchar', length: 32 })
  drillType: DrillType;

  @Column({ type: 'varchar', length: 500 })
  scenario: string;

  @Column({ name: 'emergency_plan_id', ...ASCII_ID, nullable: true })
  emergencyPlanId: string | null;

  @Column({ name: 'place_text', type: 'varchar', length: 200 })
  placeText: string;

  @Column({ name: 'planned_date', type: 'date' })
  plannedDate: string;

  @Column({ name: 'expected_participants', type: 'int' })
  expectedParticipants: number;

  @Column({ type: 'varchar', length: 16 })
  status: DrillStatus;

  @Column({ name: 'actual_participants', type: 'int', nullable: true })
  actualParticipants: number | null;

  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'evacuation_seconds', type: 'int', nullable: true })
  evacuationSeconds: number | null;

  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Column({ type: 'text', nullable: true })
  strengths: string | null;

  @Column({ name: 'evaluated_at', type: 'datetime', precision: 3, nullable: true })
  evaluatedAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;
}

export function drillFromRow(row: Record<string, unknown>): DrillEntity {
  return Object.assign(new DrillEntity(), scopedFieldsFromRow(row), {
    title: row.title,
    drillType: row.drill_type,
    scenario: row.scenario,
    emergencyPlanId: row.emergency_plan_id,
    placeText: row.place_text,
    plannedDate: row.planned_date,
    expectedParticipants: Number(row.expected_participants),
    status: row.status,
    actualParticipants: row.actual_participants === null ? null : Number(row.actual_participants),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    evacuationSeconds: row.evacuation_seconds === null ? null : Number(row.evacuation_seconds),
    score: row.score === null ? null : Number(row.score),
    strengths: row.strengths,
    evaluatedAt: row.evaluated_at,
    cancelReason: row.cancel_reason,
  });
}

/** A unit taking part in a drill (the organiser always does). */
@Entity('drill_unit')
export class DrillUnitEntity {
  @PrimaryColumn({ name: 'drill_id', ...ASCII_ID })
  drillId: string;

  @PrimaryColumn({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;
}

/** A problem found in a drill's evaluation, with its improvement action and, once raised, its hazard. */
@Entity('drill_problem')
export class DrillProblemEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'drill_id', ...ASCII_ID })
  drillId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  @Column({ type: 'varchar', length: 32 })
  category: DrillProblemCategory;

  @Column({ type: 'varchar', length: 16 })
  grade: DrillProblemGrade;

  @Column({ name: 'owner_person_id', ...ASCII_ID })
  ownerPersonId: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ name: 'improvement_action', type: 'varchar', length: 1000 })
  improvementAction: string;

  @Column({ name: 'raised_at', type: 'datetime', precision: 3, nullable: true })
  raisedAt: Date | null;

  @Column({ name: 'hazard_id', ...ASCII_ID, nullable: true })
  hazardId: string | null;

  @Column({ name: 'hazard_code', type: 'varchar', length: 64, nullable: true })
  hazardCode: string | null;

  @Column({ name: 'hazard_status', type: 'varchar', length: 32, nullable: true })
  hazardStatus: DrillHazardStatus | null;

  @Column({ name: 'hazard_version', type: 'int', nullable: true })
  hazardVersion: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
