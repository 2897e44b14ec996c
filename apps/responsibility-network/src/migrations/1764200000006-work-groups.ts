import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkGroups1764200000006 implements MigrationInterface {
  name = 'WorkGroups1764200000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE work_group (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        kind VARCHAR(32) NOT NULL,
        name VARCHAR(200) NOT NULL,
        office_host_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        responsibilities TEXT NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_work_group_org_path (org_path),
        KEY ix_work_group_unit_created (org_unit_id, created_at, id),
        CONSTRAINT fk_work_group_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_work_group_office_host FOREIGN KEY (office_host_unit_id) REFERENCES org_unit (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE work_group_member (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        group_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        role VARCHAR(32) NOT NULL,
        duty VARCHAR(500) NULL,
        position INT NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_work_group_member (group_id, person_id),
        KEY ix_work_group_member_person (person_id),
        CONSTRAINT fk_work_group_member_group FOREIGN KEY (group_id) REFERENCES work_group (id),
        CONSTRAINT fk_work_group_member_person FOREIGN KEY (person_id) REFERENCES person (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE work_group_member');
    await queryRunner.query('DROP TABLE work_group');
  }
}
