import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IncidentSeverity, IncidentStatus, IncidentType } from './incident-enums';

/** 安全事件/事故: what happened, where and when, when it was reported, severity and casualties. */
@Entity('incident')
export class IncidentEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 32 })
  type: IncidentType;

  @Column({ type: 'varchar', length: 16 })
  severity: IncidentSeverity;

  @Column({ type: 'varchar', length: 16 })
  status: IncidentStatus;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt: Date;

  @Column({ name: 'reported_at', type: 'datetime', precision: 3 })
  reportedAt: Date;

  /** reportedAt − occurredAt in whole minutes, fixed when reported. */
  @Column({ name: 'report_delay_minutes', type: 'int' })
  reportDelayMinutes: number;

  @Column({ name: 'place_text', type: 'varchar', length: 200 })
  placeText: string;

  @Column({ type: 'int' })
  deaths: number;

  @Column({ type: 'int' })
  injuries: number;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'immediate_measures', type: 'text' })
  immediateMeasures: string;

  @Column({ name: 'reporter_account_id', ...ASCII_ID })
  reporterAccountId: string;

  @Column({ name: 'reporter_person_id', ...ASCII_ID, nullable: true })
  reporterPersonId: string | null;

  /** Number of follow-ups; bumping it on each one also bumps the version (optimistic locking). */
  @Column({ name: 'follow_up_count', type: 'int', default: 0 })
  followUpCount: number;

  @Column({ type: 'text', nullable: true })
  conclusion: string | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_by_account_id', ...ASCII_ID, nullable: true })
  closedByAccountId: string | null;
}

/** One follow-up report (续报) of an incident, append-only, numbered in order. */
@Entity('incident_follow_up')
export class IncidentFollowUpEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'incident_id', ...ASCII_ID })
  incidentId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  content: string;

  /** When the reported progress happened. */
  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ name: 'author_account_id', ...ASCII_ID })
  authorAccountId: string;

  @Column({ name: 'author_person_id', ...ASCII_ID, nullable: true })
  authorPersonId: string | null;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;
}
