import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { HomeSchoolNoticeAckMethod, HomeSchoolNoticeStatus } from './notice-enums';

/** A unit's own notice template (the built-in ones are data in notice-templates.ts). */
@Entity('home_school_notice_template')
export class NoticeTemplateEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;
}

/** A notice to the guardians of the students of some units; its scope is the issuing unit. */
@Entity('home_school_notice')
export class NoticeEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64, nullable: true })
  templateId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: HomeSchoolNoticeStatus;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'recipient_count', type: 'int' })
  recipientCount: number;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;
}

/** One unit whose students' guardians a notice goes to (its subtree). */
@Entity('home_school_notice_unit')
export class NoticeUnitEntity {
  @PrimaryColumn({ name: 'notice_id', ...ASCII_ID })
  noticeId: string;

  @PrimaryColumn({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;
}

/**
 * One student whose guardians a sent notice reached; scope is the student's unit (the class). The link
 * token is kept only as its SHA-256: the link itself exists only in the sheet that issued it.
 */
@Entity('home_school_notice_recipient')
export class NoticeRecipientEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'notice_id', ...ASCII_ID })
  noticeId: string;

  @Column({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @Column({ name: 'student_name', type: 'varchar', length: 100 })
  studentName: string;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ name: 'token_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  tokenHash: string | null;

  @Column({ name: 'token_issued_at', type: 'datetime', precision: 3, nullable: true })
  tokenIssuedAt: Date | null;

  @Column({ name: 'acknowledged_at', type: 'datetime', precision: 3, nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'ack_method', type: 'varchar', length: 8, nullable: true })
  ackMethod: HomeSchoolNoticeAckMethod | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64, nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
