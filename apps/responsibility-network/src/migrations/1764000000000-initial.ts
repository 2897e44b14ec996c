import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE org_unit (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        code VARCHAR(32) NOT NULL,
        name VARCHAR(100) NOT NULL,
        kind VARCHAR(16) NOT NULL,
        parent_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        depth INT NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_org_unit_code (code),
        KEY ix_org_unit_path (path),
        KEY ix_org_unit_parent (parent_id, code),
        KEY ix_org_unit_depth_code (depth, code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE person (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(50) NOT NULL,
        kind VARCHAR(16) NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        phone VARCHAR(20) NULL,
        employee_no VARCHAR(32) NULL,
        position VARCHAR(50) NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_person_org_path (org_path),
        KEY ix_person_unit_name (org_unit_id, name, id),
        CONSTRAINT fk_person_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE account (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        username VARCHAR(64) NOT NULL,
        password_hash VARCHAR(100) NOT NULL,
        person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_account_username (username),
        CONSTRAINT fk_account_person FOREIGN KEY (person_id) REFERENCES person (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE role_grant (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        role VARCHAR(32) NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        granted_by CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_role_grant (account_id, role, org_unit_id),
        CONSTRAINT fk_grant_account FOREIGN KEY (account_id) REFERENCES account (id),
        CONSTRAINT fk_grant_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE role_grant');
    await queryRunner.query('DROP TABLE account');
    await queryRunner.query('DROP TABLE person');
    await queryRunner.query('DROP TABLE org_unit');
  }
}
