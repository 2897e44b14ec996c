import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';

/**
 * Schemes that come into force (the units appraised, grade bands, veto rules, scoring rules per indicator)
 * and the appraisals computed under them: one per scheme, unit and stage (process / year-end), a value and
 * points per indicator, and the vetoes found or decided.
 */
export class Appraisals1764600000070 implements MigrationInterface {
  name = 'Appraisals1764600000070';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE appraisal_scheme
        ADD COLUMN appraised_unit_kind VARCHAR(32) NULL,
        ADD COLUMN grade_bands TEXT NULL,
        ADD COLUMN veto_rules TEXT NULL,
        ADD COLUMN objection_days INT NOT NULL DEFAULT 7,
        ADD COLUMN published_at DATETIME(3) NULL,
        ADD COLUMN closed_at DATETIME(3) NULL`);
    await queryRunner.query('ALTER TABLE appraisal_indicator ADD COLUMN rule TEXT NULL');
    await queryRunner.query(`
      CREATE TABLE appraisal (
        id ${ID},
        scheme_id ${ID},
        org_unit_id ${ID},
        org_path ${PATH},
        stage VARCHAR(16) NOT NULL,
        status VARCHAR(16) NOT NULL,
        total DECIMAL(6,2) NOT NULL,
        grade VARCHAR(16) NOT NULL,
        vetoed BOOLEAN NOT NULL,
        \`rank\` INT NULL,
        as_of DATE NOT NULL,
        computed_at DATETIME(3) NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_appraisal_unit (scheme_id, stage, org_unit_id),
        KEY ix_appraisal_rank (scheme_id, stage, \`rank\`),
        KEY ix_appraisal_path (org_path),
        CONSTRAINT fk_appraisal_scheme FOREIGN KEY (scheme_id) REFERENCES appraisal_scheme (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE appraisal_value (
        appraisal_id ${ID},
        indicator_id ${ID},
        value DOUBLE NULL,
        numerator DOUBLE NULL,
        denominator DOUBLE NULL,
        score DECIMAL(6,2) NULL,
        comment VARCHAR(500) NULL,
        scored_by VARCHAR(128) NULL,
        scored_at DATETIME(3) NULL,
        PRIMARY KEY (appraisal_id, indicator_id),
        CONSTRAINT fk_appraisal_value_appraisal FOREIGN KEY (appraisal_id) REFERENCES appraisal (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE appraisal_veto (
        appraisal_id ${ID},
        rule VARCHAR(32) NOT NULL,
        evidence_kind VARCHAR(32) NOT NULL,
        evidence_id VARCHAR(64) NOT NULL,
        reason VARCHAR(500) NOT NULL,
        found_at DATETIME(3) NOT NULL,
        PRIMARY KEY (appraisal_id, rule, evidence_kind, evidence_id),
        CONSTRAINT fk_appraisal_veto_appraisal FOREIGN KEY (appraisal_id) REFERENCES appraisal (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE appraisal_veto');
    await queryRunner.query('DROP TABLE appraisal_value');
    await queryRunner.query('DROP TABLE appraisal');
    await queryRunner.query('ALTER TABLE appraisal_indicator DROP COLUMN rule');
    await queryRunner.query(`ALTER TABLE appraisal_scheme DROP COLUMN appraised_unit_kind, DROP COLUMN grade_bands, DROP COLUMN veto_rules,
      DROP COLUMN objection_days, DROP COLUMN published_at, DROP COLUMN closed_at`);
  }
}
