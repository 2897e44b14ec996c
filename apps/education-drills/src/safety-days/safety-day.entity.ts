import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';

/** A unit's own key safety day (e.g. 校园开放日安全检查), seen by its unit and the units below it. */
@Entity('safety_day')
export class SafetyDayEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ type: 'boolean' })
  annual: boolean;
}

/** A unit's plan (a theme day) for one occurrence of a safety day; the unit is its org_unit_id. */
@Entity('safety_day_plan')
export class SafetyDayPlanEntity extends ScopedRecord {
  @Column({ name: 'day_id', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  dayId: string;

  @Column({ name: 'occurrence_date', type: 'date' })
  occurrenceDate: string;

  @Column({ name: 'planned_date', type: 'date' })
  plannedDate: string;

  @Column({ type: 'varchar', length: 200 })
  theme: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'planned_by_account_id', type: 'varchar', length: 128 })
  plannedByAccountId: string;
}

/** An education activity (of the activities area) held for one occurrence of a safety day by a unit. */
@Entity('safety_day_activity_link')
export class SafetyDayActivityLinkEntity extends ScopedRecord {
  @Column({ name: 'day_id', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  dayId: string;

  @Column({ name: 'occurrence_date', type: 'date' })
  occurrenceDate: string;

  @Column({ name: 'activity_id', ...ASCII_ID })
  activityId: string;

  @Column({ name: 'linked_by_account_id', type: 'varchar', length: 128 })
  linkedByAccountId: string;
}
