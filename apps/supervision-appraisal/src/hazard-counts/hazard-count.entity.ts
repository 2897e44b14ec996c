import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Hazards registered and voided per unit and month, kept from hazard-tracking's events. */
@Entity('hazard_monthly_count')
export class HazardMonthlyCountRow {
  @PrimaryColumn({ name: 'org_unit_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  orgUnitId: string;

  /** YYYY-MM in the school's time zone. */
  @PrimaryColumn({ type: 'char', length: 7, charset: 'ascii' })
  month: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ type: 'int' })
  registered: number;

  @Column({ type: 'int' })
  major: number;

  @Column({ type: 'int' })
  voided: number;
}
