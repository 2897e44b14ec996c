import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { KeyStudentReason, KeyStudentStatus } from './key-student-enums';

/** 重点关注学生: one period of following a student, at the student's unit (org_path decides scope). */
@Entity('key_student')
export class KeyStudentEntity extends ScopedRecord {
  @Column({ name: 'student_id', ...ASCII_ID })
  studentId: string;

  @Column({ name: 'reason_category', type: 'varchar', length: 24 })
  reasonCategory: KeyStudentReason;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  @Column({ name: 'responsible_teacher_id', ...ASCII_ID })
  responsibleTeacherId: string;

  @Column({ name: 'responsible_teacher_name', type: 'varchar', length: 100 })
  responsibleTeacherName: string;

  @Column({ type: 'date' })
  since: string;

  @Column({ name: 'next_follow_up_date', type: 'date', nullable: true })
  nextFollowUpDate: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: KeyStudentStatus;

  /** The student while followed, else null: unique, so a student is followed once at a time. */
  @Column({ name: 'active_student_id', ...ASCII_ID, nullable: true })
  activeStudentId: string | null;

  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn: string | null;

  @Column({ name: 'release_reason', type: 'varchar', length: 500, nullable: true })
  releaseReason: string | null;

  @Column({ name: 'registered_by_account_id', ...ASCII_ID })
  registeredByAccountId: string;
}

/** A follow-up: appended, never edited. */
@Entity('key_student_follow_up')
export class KeyStudentFollowUpEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'key_student_id', ...ASCII_ID })
  keyStudentId: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'performed_by', type: 'varchar', length: 100 })
  performedBy: string;

  @Column({ type: 'varchar', length: 1000 })
  content: string;

  @Column({ name: 'next_follow_up_date', type: 'date', nullable: true })
  nextFollowUpDate: string | null;

  @Column({ name: 'recorded_by_account_id', ...ASCII_ID })
  recordedByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
