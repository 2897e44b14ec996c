import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LetterStatus } from './letter-enums';

/**
 * A target responsibility letter (目标责任书). It is scoped by the RECIPIENT unit (org_unit_id,
 * org_path); the issuer's path is stored too, so viewers covering either side can read it.
 */
@Entity('responsibility_letter')
export class ResponsibilityLetterEntity extends ScopedRecord {
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'issuer_unit_id', ...ASCII_ID })
  issuerUnitId: string;

  @Column({ name: 'issuer_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  issuerPath: string;

  /** The recipient unit's first responsible person, who must sign. */
  @Column({ name: 'recipient_person_id', ...ASCII_ID })
  recipientPersonId: string;

  @Column({ type: 'varchar', length: 16 })
  status: LetterStatus;

  /** Set when the recipient unit's leader changed after the letter went out. */
  @Column({ name: 'needs_resigning', type: 'boolean', default: false })
  needsResigning: boolean;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3, nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'signed_at', type: 'datetime', precision: 3, nullable: true })
  signedAt: Date | null;

  @Column({ name: 'signed_by_person_id', ...ASCII_ID, nullable: true })
  signedByPersonId: string | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;

  @Column({ name: 'expired_at', type: 'datetime', precision: 3, nullable: true })
  expiredAt: Date | null;

  /** The letter of the year before that this one renews (续签), if it was drawn up that way. */
  @Column({ name: 'renewed_from_id', ...ASCII_ID, nullable: true })
  renewedFromId: string | null;
}

/** One target item of a letter, in the order written. */
@Entity('responsibility_letter_item')
export class ResponsibilityLetterItemEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'letter_id', ...ASCII_ID })
  letterId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 500 })
  content: string;

  /** Stored as a decimal; mysql2 returns decimals as strings, converted on mapping. */
  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true })
  weight: string | null;
}
