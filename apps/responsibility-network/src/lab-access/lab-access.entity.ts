import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LabRequirementItem, LabRequirementKind } from './lab-requirement';

const ACCOUNT_ID = { type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' } as const;

/** A lab's access requirements (实验室准入条件): one row per lab, in the lab's unit and path. */
@Entity('lab_requirements')
export class LabRequirementsEntity extends ScopedRecord {
  @Column({ name: 'place_id', ...ASCII_ID })
  placeId: string;

  @Column({ type: 'json' })
  items: LabRequirementItem[];

  @Column({ name: 'changed_by_account_id', ...ACCOUNT_ID })
  changedByAccountId: string;
}

export type LabAccessState = 'ACTIVE' | 'REVOKED';

/** A person's admission to a lab until it expires or is revoked. */
@Entity('lab_access')
export class LabAccessEntity extends ScopedRecord {
  @Column({ name: 'place_id', ...ASCII_ID })
  placeId: string;

  @Column({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @Column({ type: 'varchar', length: 16 })
  status: LabAccessState;

  @Column({ name: 'admitted_at', type: 'datetime', precision: 3 })
  admittedAt: Date;

  @Column({ name: 'admitted_by_account_id', ...ACCOUNT_ID })
  admittedByAccountId: string;

  @Column({ name: 'admitted_by_person_id', ...ASCII_ID, nullable: true })
  admittedByPersonId: string | null;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by_person_id', ...ASCII_ID, nullable: true })
  revokedByPersonId: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;
}

export interface MissingItem {
  kind: LabRequirementKind;
  topic: string;
  validDays: number | null;
  lastAt: string | null;
  missing: string;
}

/** A refused admission attempt, kept with what was missing then (拒绝准入记录). */
@Entity('lab_access_refusal')
export class LabAccessRefusalEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'place_id', ...ASCII_ID })
  placeId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @Column({ name: 'attempted_at', type: 'datetime', precision: 3 })
  attemptedAt: Date;

  @Column({ name: 'attempted_by_account_id', ...ACCOUNT_ID })
  attemptedByAccountId: string;

  @Column({ name: 'attempted_by_person_id', ...ASCII_ID, nullable: true })
  attemptedByPersonId: string | null;

  @Column({ type: 'json' })
  missing: MissingItem[];
}
