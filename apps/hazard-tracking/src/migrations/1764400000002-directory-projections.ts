import { MigrationInterface, QueryRunner } from 'typeorm';

/** Local copies of responsibility-network's places, grids and people, kept current from its events. */
export class DirectoryProjections1764400000002 implements MigrationInterface {
  name = 'DirectoryProjections1764400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const id = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
    const path = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
    const table = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await queryRunner.query(`
      CREATE TABLE place_projection (
        id ${id}, name VARCHAR(100) NOT NULL, org_unit_id ${id}, org_path ${path}, active BOOLEAN NOT NULL,
        PRIMARY KEY (id), KEY ix_place_projection_path (org_path)
      ) ${table}`);
    await queryRunner.query(`
      CREATE TABLE grid_projection (
        id ${id}, name VARCHAR(100) NOT NULL, org_unit_id ${id}, org_path ${path},
        PRIMARY KEY (id), KEY ix_grid_projection_path (org_path)
      ) ${table}`);
    await queryRunner.query(`
      CREATE TABLE person_projection (
        id ${id}, name VARCHAR(100) NOT NULL, org_path ${path}, active BOOLEAN NOT NULL,
        PRIMARY KEY (id), KEY ix_person_projection_path (org_path)
      ) ${table}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE person_projection');
    await queryRunner.query('DROP TABLE grid_projection');
    await queryRunner.query('DROP TABLE place_projection');
  }
}
