import { MigrationInterface, QueryRunner } from 'typeorm';

export class Grids1764200000002 implements MigrationInterface {
  name = 'Grids1764200000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE grid (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(100) NOT NULL,
        level INT NOT NULL,
        parent_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_grid_unit_name (org_unit_id, name),
        KEY ix_grid_org_path (org_path),
        KEY ix_grid_level_name (level, name, id),
        KEY ix_grid_parent (parent_id, name),
        CONSTRAINT fk_grid_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_grid_parent FOREIGN KEY (parent_id) REFERENCES grid (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE grid_assignment (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        grid_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        role VARCHAR(16) NOT NULL,
        from_date DATE NOT NULL,
        to_date DATE NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_grid_assignment_grid (grid_id, role, from_date),
        KEY ix_grid_assignment_person (person_id),
        CONSTRAINT fk_grid_assignment_grid FOREIGN KEY (grid_id) REFERENCES grid (id),
        CONSTRAINT fk_grid_assignment_person FOREIGN KEY (person_id) REFERENCES person (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query('ALTER TABLE place ADD CONSTRAINT fk_place_grid FOREIGN KEY (grid_id) REFERENCES grid (id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE place DROP FOREIGN KEY fk_place_grid');
    await queryRunner.query('DROP TABLE grid_assignment');
    await queryRunner.query('DROP TABLE grid');
  }
}
