import { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY = "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'";

/** The permanent audit trail every service keeps (kit module audit): append-only in the database itself. */
export class AuditLog1765000001300 implements MigrationInterface {
  name = 'AuditLog1765000001300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id BIGINT NOT NULL AUTO_INCREMENT,
        at DATETIME(3) NOT NULL,
        account_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
        person_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
        operation VARCHAR(64) CHARACTER SET ascii NULL,
        request_id VARCHAR(64) CHARACTER SET ascii NULL,
        object_type VARCHAR(64) CHARACTER SET ascii NOT NULL,
        object_id VARCHAR(191) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        parent_type VARCHAR(64) CHARACTER SET ascii NULL,
        parent_id VARCHAR(191) CHARACTER SET ascii COLLATE ascii_bin NULL,
        table_name VARCHAR(64) CHARACTER SET ascii NOT NULL,
        action VARCHAR(8) CHARACTER SET ascii NOT NULL,
        changes MEDIUMTEXT NOT NULL,
        PRIMARY KEY (id),
        KEY ix_audit_log_object (object_type, object_id, id),
        KEY ix_audit_log_parent (parent_type, parent_id, id),
        KEY ix_audit_log_account (account_id, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
      BEGIN
        ${APPEND_ONLY};
      END`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
      BEGIN
        ${APPEND_ONLY};
      END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_log');
  }
}
