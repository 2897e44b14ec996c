import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HealthCheckSession, HealthCheckTimeliness, IllnessAbsenceStatus } from './health-check-enums';

/** The figures of one check: what a correction replaces and the revision keeps. */
export interface HealthCheckFigures {
  enrolled: number;
  present: number;
  absentForIllness: number;
  fever: number;
  cough: number;
  diarrhoea: number;
  rash: number;
  otherSymptoms: number;
  notes: string | null;
}

/** One class's check for one school day and session; entered_at is the server's clock at the first entry. */
@Entity('health_check')
export class HealthCheckEntity extends ScopedRecord implements HealthCheckFigures {
  @Column({ name: 'check_date', type: 'date' })
  checkDate: string;

  @Column({ type: 'varchar', length: 16 })
  session: HealthCheckSession;

  @Column({ type: 'int' })
  enrolled: number;

  @Column({ type: 'int' })
  present: number;

  @Column({ name: 'absent_for_illness', type: 'int' })
  absentForIllness: number;

  @Column({ type: 'int' })
  fever: number;

  @Column({ type: 'int' })
  cough: number;

  @Column({ type: 'int' })
  diarrhoea: number;

  @Column({ type: 'int' })
  rash: number;

  @Column({ name: 'other_symptoms', type: 'int' })
  otherSymptoms: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;

  @Column({ name: 'entered_at', type: 'datetime', precision: 3 })
  enteredAt: Date;

  @Column({ type: 'varchar', length: 16 })
  timeliness: HealthCheckTimeliness;

  @Column({ name: 'recorded_by_account_id', ...ASCII_ID })
  recordedByAccountId: string;

  @Column({ name: 'recorded_by_name', type: 'varchar', length: 100, nullable: true })
  recordedByName: string | null;

  @Column({ name: 'corrected_at', type: 'datetime', precision: 3, nullable: true })
  correctedAt: Date | null;
}

/** The figures a correction replaced, with who corrected, when and why: appended, never edited. */
@Entity('health_check_revision')
export class HealthCheckRevisionEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'health_check_id', ...ASCII_ID })
  healthCheckId: string;

  /** The version these figures had. */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'previous_figures', type: 'json' })
  previousFigures: HealthCheckFigures;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'corrected_by_account_id', ...ASCII_ID })
  correctedByAccountId: string;

  @Column({ name: 'corrected_by_name', type: 'varchar', length: 100, nullable: true })
  correctedByName: string | null;

  @Column({ name: 'corrected_at', type: 'datetime', precision: 3 })
  correctedAt: Date;
}

/** Which sessions the classes under a unit check (the nearest unit's schedule applies). */
@Entity('health_check_schedule')
export class HealthCheckScheduleEntity extends ScopedRecord {
  /** Comma-separated sessions, e.g. "MORNING,NOON,EVENING". */
  @Column({ type: 'varchar', length: 64 })
  sessions: string;

  @Column({ name: 'updated_by_account_id', ...ASCII_ID })
  updatedByAccountId: string;
}

/** 因病缺课追踪: one student's illness absence, followed to its cause and the return to class. */
@Entity('illness_absence')
export class IllnessAbsenceEntity extends ScopedRecord {
  @Column({ name: 'student_id', ...ASCII_ID })
  studentId: string;

  @Column({ name: 'absent_on', type: 'date' })
  absentOn: string;

  /** Comma-separated HealthSymptom values. */
  @Column({ type: 'varchar', length: 100 })
  symptoms: string;

  @Column({ name: 'symptom_note', type: 'varchar', length: 500, nullable: true })
  symptomNote: string | null;

  @Column({ name: 'parents_contacted_at', type: 'datetime', precision: 3, nullable: true })
  parentsContactedAt: Date | null;

  @Column({ name: 'contact_note', type: 'varchar', length: 500, nullable: true })
  contactNote: string | null;

  /** The day by which the cause must be known: the day after the absence. */
  @Column({ name: 'cause_due_on', type: 'date' })
  causeDueOn: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cause: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  diagnosis: string | null;

  @Column({ name: 'infectious_suspected', type: 'boolean' })
  infectiousSuspected: boolean;

  @Column({ name: 'cause_found_at', type: 'datetime', precision: 3, nullable: true })
  causeFoundAt: Date | null;

  @Column({ name: 'expected_return_on', type: 'date', nullable: true })
  expectedReturnOn: string | null;

  @Column({ name: 'returned_on', type: 'date', nullable: true })
  returnedOn: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: IllnessAbsenceStatus;

  @Column({ name: 'entered_at', type: 'datetime', precision: 3 })
  enteredAt: Date;

  @Column({ name: 'recorded_by_account_id', ...ASCII_ID })
  recordedByAccountId: string;

  @Column({ name: 'recorded_by_name', type: 'varchar', length: 100, nullable: true })
  recordedByName: string | null;
}
