import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoleGrantLog1764200000007 implements MigrationInterface {
  name = 'RoleGrantLog1764200000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE role_grant_log (
        id BIGINT NOT NULL AUTO_INCREMENT,
        action VARCHAR(16) NOT NULL,
        account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        role VARCHAR(32) NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        actor_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_role_grant_log_account (account_id, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE role_grant_log');
  }
}
