import { MigrationInterface, QueryRunner } from 'typeorm';

/** responsibility-network's people as this service needs them: who belongs to a unit, of which kind, still active. */
export class PeopleProjection1764500000001 implements MigrationInterface {
  name = 'PeopleProjection1764500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE person_projection (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(100) NOT NULL,
        kind VARCHAR(32) NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        active BOOLEAN NOT NULL,
        PRIMARY KEY (id),
        KEY ix_person_projection_unit (org_unit_id, kind, active),
        KEY ix_person_projection_path (org_path, kind, active)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE person_projection');
  }
}
