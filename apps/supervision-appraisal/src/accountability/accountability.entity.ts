import { ASCII_ID, ScopedRecord, scopedFieldsFromRow } from '@campus/database';
import { Column, Entity } from 'typeorm';
import {
  AccountabilityEvidenceKind,
  AccountabilityMeasure,
  AccountabilityReason,
  AccountabilityStatus,
  AccountabilityTargetKind,
} from './accountability-enums';

/** One piece of what a record rests on: a record of this or another service, by id (a hazard, its escalation …). */
export interface EvidenceRef {
  kind: AccountabilityEvidenceKind;
  refId: string;
  /** What a reader sees beside it, e.g. the hazard's code; optional. */
  label?: string | null;
}

/** Where a proposal came from; unique, so a source proposes once however often its event arrives. */
export enum ProposalSource {
  HAZARD_ESCALATION = 'HAZARD_ESCALATION',
  APPRAISAL_VETO = 'APPRAISAL_VETO',
}

const PATH_COLUMN = { type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' } as const;
const EXTERNAL_ID = { type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' } as const;

/**
 * 问责/通报记录: against a unit (org_unit_id) or a person of it (person_id, the unit they belonged to when
 * recorded), issued by a unit above it (issuing_unit_id, issuing_path: a bureau or school). org_path is the
 * target unit's path (who may read it); issuing_path decides who may confirm, dismiss or revoke. Both follow
 * a moved unit.
 */
@Entity('accountability_record')
export class AccountabilityRecordEntity extends ScopedRecord {
  @Column({ name: 'target_kind', type: 'varchar', length: 8 })
  targetKind: AccountabilityTargetKind;

  @Column({ name: 'person_id', ...EXTERNAL_ID, nullable: true })
  personId: string | null;

  @Column({ name: 'issuing_unit_id', ...ASCII_ID })
  issuingUnitId: string;

  @Column({ name: 'issuing_path', ...PATH_COLUMN })
  issuingPath: string;

  @Column({ type: 'varchar', length: 32 })
  reason: AccountabilityReason;

  @Column({ type: 'varchar', length: 32 })
  measure: AccountabilityMeasure;

  @Column({ type: 'varchar', length: 2000 })
  description: string;

  @Column({ type: 'simple-json' })
  evidence: EvidenceRef[];

  @Column({ type: 'varchar', length: 16 })
  status: AccountabilityStatus;

  @Column({ name: 'source_kind', type: 'varchar', length: 32, nullable: true })
  sourceKind: ProposalSource | null;

  @Column({ name: 'source_id', type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  sourceId: string | null;

  /** Null for a proposal made by the platform (an escalation, a veto). */
  @Column({ name: 'issued_by_account_id', type: 'varchar', length: 64, nullable: true })
  issuedByAccountId: string | null;

  @Column({ name: 'issued_by_person_id', ...EXTERNAL_ID, nullable: true })
  issuedByPersonId: string | null;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by_account_id', type: 'varchar', length: 64, nullable: true })
  decidedByAccountId: string | null;

  @Column({ name: 'decided_by_person_id', ...EXTERNAL_ID, nullable: true })
  decidedByPersonId: string | null;

  /** The confirmation's note or the dismissal's reason. */
  @Column({ name: 'decision_note', type: 'varchar', length: 1000, nullable: true })
  decisionNote: string | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by_account_id', type: 'varchar', length: 64, nullable: true })
  revokedByAccountId: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 1000, nullable: true })
  revokeReason: string | null;
}

const dateOrNull = (value: unknown): Date | null => (value ? new Date(value as string) : null);

/** An entity from a raw row (snake_case columns, as from OrgUnit's window-function query). */
export function recordFromRow(row: Record<string, unknown>): AccountabilityRecordEntity {
  return Object.assign(new AccountabilityRecordEntity(), scopedFieldsFromRow(row), {
    targetKind: row.target_kind as AccountabilityTargetKind,
    personId: (row.person_id as string | null) ?? null,
    issuingUnitId: row.issuing_unit_id as string,
    issuingPath: row.issuing_path as string,
    reason: row.reason as AccountabilityReason,
    measure: row.measure as AccountabilityMeasure,
    description: row.description as string,
    evidence: JSON.parse(String(row.evidence ?? '[]')) as EvidenceRef[],
    status: row.status as AccountabilityStatus,
    sourceKind: (row.source_kind as ProposalSource | null) ?? null,
    sourceId: (row.source_id as string | null) ?? null,
    issuedByAccountId: (row.issued_by_account_id as string | null) ?? null,
    issuedByPersonId: (row.issued_by_person_id as string | null) ?? null,
    issuedAt: new Date(row.issued_at as string),
    decidedAt: dateOrNull(row.decided_at),
    decidedByAccountId: (row.decided_by_account_id as string | null) ?? null,
    decidedByPersonId: (row.decided_by_person_id as string | null) ?? null,
    decisionNote: (row.decision_note as string | null) ?? null,
    revokedAt: dateOrNull(row.revoked_at),
    revokedByAccountId: (row.revoked_by_account_id as string | null) ?? null,
    revokeReason: (row.revoke_reason as string | null) ?? null,
  });
}
