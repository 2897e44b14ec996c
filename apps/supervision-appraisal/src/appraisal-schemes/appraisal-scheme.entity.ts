import { ScopedRecord, scopedFieldsFromRow } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AppraisalPeriod, AppraisalSchemeStatus, IndicatorKind, IndicatorMetric } from './appraisal-enums';

@Entity('appraisal_scheme')
export class AppraisalSchemeEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  period: AppraisalPeriod;

  @Column({ type: 'varchar', length: 16 })
  status: AppraisalSchemeStatus;
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
    ...scopedFieldsFromRow(row),
    name: row.name,
    year: row.year,
    period: row.period,
    status: row.status,
  });
}
