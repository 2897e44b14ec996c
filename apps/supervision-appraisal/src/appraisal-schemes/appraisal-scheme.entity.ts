import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AppraisalPeriod, AppraisalSchemeStatus, IndicatorKind, IndicatorMetric } from './appraisal-enums';

@Entity('appraisal_scheme')
export class AppraisalSchemeEntity {
  @PrimaryColumn({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  period: AppraisalPeriod;

  @Column({ type: 'varchar', length: 16 })
  status: AppraisalSchemeStatus;

  @Column({ name: 'org_unit_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('appraisal_indicator')
export class AppraisalIndicatorEntity {
  @PrimaryColumn({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ name: 'scheme_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  schemeId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Stored as a decimal; mysql2 returns decimals as strings, converted on mapping. */
  @Column({ type: 'decimal', precision: 5, scale: 2 })
  weight: string;

  @Column({ type: 'varchar', length: 16 })
  kind: IndicatorKind;

  @Column({ type: 'varchar', length: 32, nullable: true })
  metric: IndicatorMetric | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;
}

export function appraisalSchemeFromRow(row: Record<string, unknown>): AppraisalSchemeEntity {
  return Object.assign(new AppraisalSchemeEntity(), {
    id: row.id,
    name: row.name,
    year: row.year,
    period: row.period,
    status: row.status,
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
