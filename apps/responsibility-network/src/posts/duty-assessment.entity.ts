import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DutyAssessmentStatus } from './post-enums';

/** A holder's assessment of how they fulfilled a post's duties in one period; scoped like the post. */
@Entity('post_duty_assessment')
export class DutyAssessmentEntity extends ScopedRecord {
  @Column({ name: 'post_id', ...ASCII_ID })
  postId: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'holder_person_id', ...ASCII_ID })
  holderPersonId: string;

  @Column({ type: 'varchar', length: 16 })
  status: DutyAssessmentStatus;

  /** Decimals come back from mysql2 as strings; converted on mapping. */
  @Column({ name: 'self_total', type: 'decimal', precision: 5, scale: 2 })
  selfTotal: string;

  @Column({ name: 'review_total', type: 'decimal', precision: 5, scale: 2, nullable: true })
  reviewTotal: string | null;

  /** Kept for the record even when the reviewing account is linked to no person. */
  @Column({ name: 'reviewer_account_id', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  reviewerAccountId: string | null;

  @Column({ name: 'reviewer_person_id', ...ASCII_ID, nullable: true })
  reviewerPersonId: string | null;

  @Column({ name: 'review_comment', type: 'varchar', length: 1000, nullable: true })
  reviewComment: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true })
  reviewedAt: Date | null;
}

/**
 * One scored duty. The duty's text is copied in: the post's list may change later, the assessment must
 * still show what was assessed.
 */
@Entity('post_duty_assessment_item')
export class DutyAssessmentItemEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'assessment_id', ...ASCII_ID })
  assessmentId: string;

  @Column({ name: 'duty_id', ...ASCII_ID })
  dutyId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 500 })
  content: string;

  @Column({ name: 'from_template', type: 'boolean' })
  fromTemplate: boolean;

  @Column({ name: 'self_score', type: 'smallint' })
  selfScore: number;

  @Column({ name: 'self_comment', type: 'varchar', length: 500, nullable: true })
  selfComment: string | null;

  @Column({ name: 'review_score', type: 'smallint', nullable: true })
  reviewScore: number | null;
}
