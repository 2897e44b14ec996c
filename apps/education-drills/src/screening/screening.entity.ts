import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ScreeningEntryKind, ScreeningInstrument, ScreeningRiskLevel, ScreeningStatus } from './screening-enums';

/** One student's screening record: where the student's unit is (org_path decides scope), risk, status, referral. */
@Entity('screening_record')
export class ScreeningRecordEntity extends ScopedRecord {
  @Column({ name: 'student_id', ...ASCII_ID })
  studentId: string;

  @Column({ name: 'screening_date', type: 'date' })
  screeningDate: string;

  @Column({ type: 'varchar', length: 16 })
  instrument: ScreeningInstrument;

  @Column({ name: 'instrument_note', type: 'varchar', length: 100, nullable: true })
  instrumentNote: string | null;

  @Column({ name: 'risk_level', type: 'varchar', length: 16 })
  riskLevel: ScreeningRiskLevel;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  finding: string | null;

  @Column({ name: 'counselor_account_id', ...ASCII_ID })
  counselorAccountId: string;

  @Column({ name: 'counselor_person_id', ...ASCII_ID, nullable: true })
  counselorPersonId: string | null;

  @Column({ name: 'counselor_name', type: 'varchar', length: 100, nullable: true })
  counselorName: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ScreeningStatus;

  /** The student while the record is open, else null: unique, so a student has one open record at most. */
  @Column({ name: 'open_student_id', ...ASCII_ID, nullable: true })
  openStudentId: string | null;

  @Column({ name: 'next_follow_up_date', type: 'date', nullable: true })
  nextFollowUpDate: string | null;

  @Column({ name: 'referral_institution', type: 'varchar', length: 200, nullable: true })
  referralInstitution: string | null;

  @Column({ name: 'referral_date', type: 'date', nullable: true })
  referralDate: string | null;

  @Column({ name: 'referral_note', type: 'varchar', length: 500, nullable: true })
  referralNote: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'closing_note', type: 'varchar', length: 500, nullable: true })
  closingNote: string | null;
}

/** An intervention or follow-up of a record: appended, never edited. */
@Entity('screening_entry')
export class ScreeningEntryEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'record_id', ...ASCII_ID })
  recordId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ScreeningEntryKind;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ type: 'varchar', length: 1000 })
  action: string;

  @Column({ name: 'performed_by', type: 'varchar', length: 100 })
  performedBy: string;

  @Column({ name: 'next_follow_up_date', type: 'date', nullable: true })
  nextFollowUpDate: string | null;

  @Column({ name: 'risk_level_after', type: 'varchar', length: 16, nullable: true })
  riskLevelAfter: ScreeningRiskLevel | null;

  @Column({ name: 'recorded_by_account_id', ...ASCII_ID })
  recordedByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
