import { MigrationInterface, QueryRunner } from 'typeorm';

/** Client request ids of create mutations every service keeps, so a retried create answers its first result (kit module client-requests). */
export class ClientRequests1764800000000 implements MigrationInterface {
  name = 'ClientRequests1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE client_request (
        account_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        operation VARCHAR(64) CHARACTER SET ascii NOT NULL,
        request_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        input_hash CHAR(64) CHARACTER SET ascii NOT NULL,
        created_id VARCHAR(64) CHARACTER SET ascii NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (account_id, operation, request_id),
        KEY ix_client_request_created_at (created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE client_request');
  }
}
