import { ScopedRecord, scopedFieldsFromRow } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AppraisalPeriod, AppraisalSchemeStatus, IndicatorKind, IndicatorMetric, VetoRuleKind } from './appraisal-enums';
import { GradeBand, ScoringRule } from './scoring';

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

  /** The kind of unit appraised under the scheme's unit (e.g. SCHOOL); null: the units directly below it. */
  @Column({ name: 'appraised_unit_kind', type: 'varchar', length: 32, nullable: true })
  appraisedUnitKind: string | null;

  @Column({ name: 'grade_bands', type: 'simple-json', nullable: true })
  gradeBands: GradeBand[] | null;

  @Column({ name: 'veto_rules', type: 'simple-json', nullable: true })
  vetoRules: VetoRuleKind[] | null;

  @Column({ name: 'objection_days', type: 'int', default: 7 })
  objectionDays: number;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;
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

  /** How the value becomes points; automatic indicators need one to be published. */
  @Column({ type: 'simple-json', nullable: true })
  rule: ScoringRule | null;
}

export function appraisalSchemeFromRow(row: Record<string, unknown>): AppraisalSchemeEntity {
  return Object.assign(new AppraisalSchemeEntity(), scopedFieldsFromRow(row), {
    name: row.name,
    year: row.year,
    period: row.period,
    status: row.status,
    appraisedUnitKind: row.appraised_unit_kind ?? null,
    gradeBands: typeof row.grade_bands === 'string' ? JSON.parse(row.grade_bands) : null,
    vetoRules: typeof row.veto_rules === 'string' ? JSON.parse(row.veto_rules) : null,
    objectionDays: row.objection_days,
    publishedAt: row.published_at ?? null,
    closedAt: row.closed_at ?? null,
  });
}
