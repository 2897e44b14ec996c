import { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed logins per account and per client address, shared by every instance (accounts/login-throttle.ts). */
export class LoginThrottle1764700000110 implements MigrationInterface {
  name = 'LoginThrottle1764700000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_throttle (
        throttle_key VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        failures INT NOT NULL,
        last_failure_at DATETIME(3) NOT NULL,
        blocked_until DATETIME(3) NULL,
        PRIMARY KEY (throttle_key),
        KEY ix_login_throttle_last_failure (last_failure_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_throttle');
  }
}
