import { MigrationInterface, QueryRunner } from 'typeorm';

/** A letter drawn up by renewing last year's records which letter it renews (续签). */
export class LetterRenewal1765000000910 implements MigrationInterface {
  name = 'LetterRenewal1765000000910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE responsibility_letter ADD COLUMN renewed_from_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE responsibility_letter DROP COLUMN renewed_from_id');
  }
}
