import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links a hazard to its place, grid, campaign and originating record (an inspection, a drill, a
 * supervision finding); copies the plan's responsible person and deadline onto the hazard so the ledger
 * filters and sorts on them without a join; numbers hazards per school and year.
 */
export class HazardLinks1764400000001 implements MigrationInterface {
  name = 'HazardLinks1764400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE hazard
        ADD COLUMN place_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        ADD COLUMN grid_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        ADD COLUMN campaign_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        ADD COLUMN source_ref_type VARCHAR(32) NULL,
        ADD COLUMN source_ref_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
        ADD COLUMN responsible_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        ADD COLUMN deadline DATE NULL,
        ADD KEY ix_hazard_place (place_id),
        ADD KEY ix_hazard_grid (grid_id),
        ADD KEY ix_hazard_campaign (campaign_id),
        ADD UNIQUE KEY uq_hazard_source_ref (source_ref_type, source_ref_id)`);
    await queryRunner.query(`
      UPDATE hazard h JOIN hazard_plan p ON p.hazard_id = h.id
      SET h.responsible_person_id = p.responsible_person_id, h.deadline = p.deadline`);
    await queryRunner.query(`
      CREATE TABLE hazard_code_counter (
        numbering_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        year INT NOT NULL,
        last_value INT NOT NULL,
        PRIMARY KEY (numbering_unit_id, year)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard_code_counter');
    await queryRunner.query(`
      ALTER TABLE hazard
        DROP KEY uq_hazard_source_ref, DROP KEY ix_hazard_campaign, DROP KEY ix_hazard_grid, DROP KEY ix_hazard_place,
        DROP COLUMN deadline, DROP COLUMN responsible_person_id, DROP COLUMN source_ref_id, DROP COLUMN source_ref_type,
        DROP COLUMN campaign_id, DROP COLUMN grid_id, DROP COLUMN place_id`);
  }
}
