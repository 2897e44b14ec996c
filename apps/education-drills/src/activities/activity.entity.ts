import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AudienceKind } from '../people/audience-kind';
import { AttendanceMethod, EducationActivityKind, EducationActivityStatus, EducationTopic } from './activity-enums';

const ASCII_PATH = { type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' } as const;

/** 安全教育活动: organised by a unit (org_unit_id, org_path) for an audience of units below it and kinds of people. */
@Entity('education_activity')
export class EducationActivityEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  kind: EducationActivityKind;

  @Column({ type: 'simple-array' })
  topics: EducationTopic[];

  @Column({ name: 'audience_kinds', type: 'simple-array' })
  audienceKinds: AudienceKind[];

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ name: 'place_text', type: 'varchar', length: 200, nullable: true })
  placeText: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lecturer: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  materials: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: EducationActivityStatus;

  @Column({ name: 'check_in_code', type: 'char', length: 8, charset: 'ascii', collation: 'ascii_bin' })
  checkInCode: string;

  @Column({ name: 'check_in_opens_at', type: 'datetime', precision: 3 })
  checkInOpensAt: Date;

  @Column({ name: 'check_in_closes_at', type: 'datetime', precision: 3 })
  checkInClosesAt: Date;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;
}

/** One audience unit of an activity: its people (in the audience kinds) are expected to attend. */
@Entity('education_activity_audience')
export class EducationActivityAudienceRow {
  @PrimaryColumn({ name: 'activity_id', ...ASCII_ID })
  activityId: string;

  @PrimaryColumn({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', ...ASCII_PATH })
  orgPath: string;
}

/** One person's attendance at one activity (at most one per person and activity). */
@Entity('education_attendance')
export class EducationAttendanceRow {
  @PrimaryColumn({ name: 'activity_id', ...ASCII_ID })
  activityId: string;

  @PrimaryColumn({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @Column({ name: 'person_org_unit_id', ...ASCII_ID })
  personOrgUnitId: string;

  @Column({ name: 'person_org_path', ...ASCII_PATH })
  personOrgPath: string;

  /** The activity's start, copied so coverage by period reads this table alone. */
  @Column({ name: 'held_at', type: 'datetime', precision: 3 })
  heldAt: Date;

  @Column({ type: 'varchar', length: 16 })
  method: AttendanceMethod;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  recordedBy: string;
}
