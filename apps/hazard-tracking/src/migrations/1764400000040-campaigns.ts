import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin';
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Campaigns (专项整治): the plan (scope, dates, phases, focus areas with their lead and responsible units,
 * report dates, the units expected to report), the units' reports, and the statistics table frozen per
 * report date. uq_campaign_snapshot_date lets only one scheduler instance freeze each report date.
 */
export class Campaigns1764400000040 implements MigrationInterface {
  name = 'Campaigns1764400000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign (
        id ${ID} NOT NULL,
        title VARCHAR(200) NOT NULL,
        document_number VARCHAR(100) NULL,
        description TEXT NULL,
        starts_on DATE NOT NULL,
        ends_on DATE NOT NULL,
        status VARCHAR(16) NOT NULL,
        created_by_account_id ${ID} NOT NULL,
        published_at DATETIME(3) NULL,
        closed_at DATETIME(3) NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_campaign_path_starts (org_path, starts_on, id),
        KEY ix_campaign_starts (starts_on, id),
        CONSTRAINT ck_campaign_dates CHECK (starts_on <= ends_on)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE campaign_phase (
        campaign_id ${ID} NOT NULL,
        kind VARCHAR(16) NOT NULL,
        deadline DATE NOT NULL,
        description TEXT NULL,
        PRIMARY KEY (campaign_id, kind),
        CONSTRAINT fk_campaign_phase_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE campaign_focus_area (
        campaign_id ${ID} NOT NULL,
        seq INT NOT NULL,
        name VARCHAR(200) NOT NULL,
        description TEXT NULL,
        category VARCHAR(32) NULL,
        PRIMARY KEY (campaign_id, seq),
        CONSTRAINT fk_campaign_focus_area_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE campaign_focus_area_unit (
        campaign_id ${ID} NOT NULL,
        focus_area_seq INT NOT NULL,
        role VARCHAR(16) NOT NULL,
        org_unit_id ${ID} NOT NULL,
        position INT NOT NULL,
        PRIMARY KEY (campaign_id, focus_area_seq, role, org_unit_id),
        KEY ix_campaign_focus_area_unit_unit (org_unit_id),
        CONSTRAINT fk_campaign_focus_area_unit_area FOREIGN KEY (campaign_id, focus_area_seq) REFERENCES campaign_focus_area (campaign_id, seq)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE campaign_report_date (
        campaign_id ${ID} NOT NULL,
        report_date DATE NOT NULL,
        PRIMARY KEY (campaign_id, report_date),
        KEY ix_campaign_report_date_date (report_date),
        CONSTRAINT fk_campaign_report_date_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE campaign_reporting_unit (
        campaign_id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        position INT NOT NULL,
        PRIMARY KEY (campaign_id, org_unit_id),
        CONSTRAINT fk_campaign_reporting_unit_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE campaign_report (
        id ${ID} NOT NULL,
        campaign_id ${ID} NOT NULL,
        report_date DATE NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        note TEXT NULL,
        submitted_at DATETIME(3) NOT NULL,
        late TINYINT(1) NOT NULL,
        submitted_by_account_id ${ID} NOT NULL,
        submitted_by_person_id ${ID} NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_campaign_report_unit_date (campaign_id, report_date, org_unit_id),
        KEY ix_campaign_report_path (org_path),
        CONSTRAINT fk_campaign_report_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE campaign_snapshot (
        id ${ID} NOT NULL,
        campaign_id ${ID} NOT NULL,
        report_date DATE NOT NULL,
        cutoff_at DATETIME(3) NOT NULL,
        frozen_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_campaign_snapshot_date (campaign_id, report_date),
        CONSTRAINT fk_campaign_snapshot_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE campaign_snapshot_row (
        snapshot_id ${ID} NOT NULL,
        seq INT NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        unit_name VARCHAR(100) NULL,
        category VARCHAR(32) NOT NULL,
        found INT NOT NULL,
        general_count INT NOT NULL,
        major_count INT NOT NULL,
        rectified INT NOT NULL,
        rectifying INT NOT NULL,
        overdue INT NOT NULL,
        PRIMARY KEY (snapshot_id, seq),
        KEY ix_campaign_snapshot_row_path (org_path),
        CONSTRAINT fk_campaign_snapshot_row_snapshot FOREIGN KEY (snapshot_id) REFERENCES campaign_snapshot (id)
      ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'campaign_snapshot_row',
      'campaign_snapshot',
      'campaign_report',
      'campaign_reporting_unit',
      'campaign_report_date',
      'campaign_focus_area_unit',
      'campaign_focus_area',
      'campaign_phase',
      'campaign',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
