import { MigrationInterface, QueryRunner } from 'typeorm';

export class Places1764200000001 implements MigrationInterface {
  name = 'Places1764200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // grid_id gets its foreign key in the grids migration, once the grid table exists.
    await queryRunner.query(`
      CREATE TABLE place (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(100) NOT NULL,
        kind VARCHAR(16) NOT NULL,
        place_function VARCHAR(32) NULL,
        key_place TINYINT(1) NOT NULL DEFAULT 0,
        parent_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        grid_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_place_org_path (org_path),
        KEY ix_place_unit_name (org_unit_id, name, id),
        KEY ix_place_parent (parent_id, name),
        KEY ix_place_grid (grid_id, name),
        CONSTRAINT fk_place_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_place_parent FOREIGN KEY (parent_id) REFERENCES place (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE place');
  }
}
