import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin';
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The hazard-side facts kept from hazard-tracking's events: hazards, inspection tasks and their checks,
 * campaign reports owed and submitted, incidents. Each index leads with what a metric's statement fixes
 * (a source or grade, then the unit subtree as an org_path range) and covers the columns it reads, so a
 * year-end run over 2,000 schools reads index ranges only.
 */
export class HazardFacts1764600000030 implements MigrationInterface {
  name = 'HazardFacts1764600000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hazard_fact (
        id ${ID} NOT NULL,
        code VARCHAR(32) NULL,
        title VARCHAR(200) NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        grade VARCHAR(16) CHARACTER SET ascii NOT NULL,
        category VARCHAR(32) CHARACTER SET ascii NULL,
        source VARCHAR(32) CHARACTER SET ascii NULL,
        source_ref_type VARCHAR(32) CHARACTER SET ascii NULL,
        source_ref_id ${ID} NULL,
        status VARCHAR(32) CHARACTER SET ascii NOT NULL,
        version INT NOT NULL,
        discovered_at DATETIME(3) NULL,
        registered_at DATETIME(3) NULL,
        reported_at DATETIME(3) NULL,
        deadline DATE NULL,
        rectified_at DATETIME(3) NULL,
        rectified_on DATE NULL,
        due_on DATE NULL,
        overdue_at DATETIME(3) NULL,
        reported_late BOOLEAN NULL,
        voided BOOLEAN NOT NULL DEFAULT FALSE,
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_hazard_fact_due (org_path, due_on, voided, rectified_on, deadline, overdue_at),
        KEY ix_hazard_fact_rectified (org_path, rectified_on, deadline),
        KEY ix_hazard_fact_grade (grade, org_path, discovered_at, voided, reported_at),
        KEY ix_hazard_fact_source (source, org_path, registered_at, voided, rectified_on)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE inspection_task_fact (
        id ${ID} NOT NULL,
        name VARCHAR(100) NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        cadence VARCHAR(16) CHARACTER SET ascii NULL,
        starts_on DATE NULL,
        ends_on DATE NULL,
        stopped_on DATE NULL,
        version INT NOT NULL,
        PRIMARY KEY (id),
        KEY ix_inspection_task_fact_scope (org_path, starts_on)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE inspection_fact (
        id ${ID} NOT NULL,
        task_id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        period_start DATE NOT NULL,
        period_end DATE NOT NULL,
        performed_at DATETIME(3) NOT NULL,
        recorded_at DATETIME(3) NOT NULL,
        on_time BOOLEAN NOT NULL,
        findings_count INT NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_inspection_fact_period (task_id, period_start),
        KEY ix_inspection_fact_due (task_id, period_end)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE campaign_report_fact (
        campaign_id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        report_date DATE NOT NULL,
        org_path ${PATH} NULL,
        campaign_title VARCHAR(200) NOT NULL,
        report_id ${ID} NULL,
        submitted_at DATETIME(3) NULL,
        on_time BOOLEAN NULL,
        PRIMARY KEY (campaign_id, org_unit_id, report_date),
        KEY ix_campaign_report_fact_scope (org_path, report_date, submitted_at, on_time)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE incident_fact (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        type VARCHAR(64) NOT NULL,
        severity VARCHAR(16) CHARACTER SET ascii NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        occurred_on DATE NOT NULL,
        reported_at DATETIME(3) NOT NULL,
        report_delay_minutes INT NOT NULL,
        deaths INT NOT NULL,
        injuries INT NOT NULL,
        PRIMARY KEY (id),
        KEY ix_incident_fact_scope (org_path, occurred_on)
      ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['incident_fact', 'campaign_report_fact', 'inspection_fact', 'inspection_task_fact', 'hazard_fact']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
