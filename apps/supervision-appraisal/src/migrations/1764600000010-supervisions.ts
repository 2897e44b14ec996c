import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin';
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * 督导检查: inspections, the units they inspect, their findings; and what they keep of other services —
 * the supervision groups (work-group.changed) and the hazards raised from findings (hazard.* events).
 */
export class Supervisions1764600000010 implements MigrationInterface {
  name = 'Supervisions1764600000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE supervision (
        id ${ID} NOT NULL,
        title VARCHAR(200) NOT NULL,
        supervision_group_id ${ID} NOT NULL,
        campaign_id ${ID} NULL,
        starts_on DATE NOT NULL,
        ends_on DATE NOT NULL,
        focus_areas TEXT NOT NULL,
        checklist TEXT NOT NULL,
        status VARCHAR(16) NOT NULL,
        summary TEXT NULL,
        started_at DATETIME(3) NULL,
        reported_at DATETIME(3) NULL,
        closed_at DATETIME(3) NULL,
        cancel_reason VARCHAR(500) NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_supervision_unit_recent (org_unit_id, created_at, id),
        KEY ix_supervision_path_recent (org_path, created_at, id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE supervision_unit (
        supervision_id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        PRIMARY KEY (supervision_id, org_unit_id),
        KEY ix_supervision_unit_path (org_path, supervision_id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE supervision_finding (
        id ${ID} NOT NULL,
        supervision_id ${ID} NOT NULL,
        seq INT NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        place_text VARCHAR(200) NOT NULL,
        place_id ${ID} NULL,
        category VARCHAR(32) NOT NULL,
        severity VARCHAR(16) NOT NULL,
        description VARCHAR(2000) NOT NULL,
        deadline DATE NOT NULL,
        recorded_by_account_id VARCHAR(64) NOT NULL,
        recorded_by_person_id ${ID} NULL,
        raised_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_supervision_finding_seq (supervision_id, seq),
        KEY ix_supervision_finding_unit_recent (org_unit_id, created_at, id),
        KEY ix_supervision_finding_path (org_path)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE supervision_hazard (
        hazard_id ${ID} NOT NULL,
        finding_id ${ID} NULL,
        org_unit_id ${ID} NOT NULL,
        hazard_code VARCHAR(64) NULL,
        status VARCHAR(32) NULL,
        hazard_version INT NULL,
        overdue BOOLEAN NOT NULL DEFAULT FALSE,
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (hazard_id),
        UNIQUE KEY ux_supervision_hazard_finding (finding_id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE supervision_work_group (
        id ${ID} NOT NULL,
        kind VARCHAR(32) NOT NULL,
        name VARCHAR(200) NOT NULL,
        active BOOLEAN NOT NULL,
        group_version INT NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        PRIMARY KEY (id),
        KEY ix_supervision_work_group_path (org_path)
      ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['supervision_work_group', 'supervision_hazard', 'supervision_finding', 'supervision_unit', 'supervision']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
