import { MigrationInterface, QueryRunner } from 'typeorm';

/** Token revocations every service keeps (kit module access-revocations). */
export class AccessRevocations1764700000100 implements MigrationInterface {
  name = 'AccessRevocations1764700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE access_revocation (
        id BIGINT NOT NULL AUTO_INCREMENT,
        subject_kind VARCHAR(10) CHARACTER SET ascii NOT NULL,
        subject_id VARCHAR(64) CHARACTER SET ascii NOT NULL,
        not_before DATETIME(3) NOT NULL,
        keep_until DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_access_revocation_keep_until (keep_until)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE access_revocation');
  }
}
