import { MigrationInterface, QueryRunner } from 'typeorm';

export class HazardVoidReason1764100000002 implements MigrationInterface {
  name = 'HazardVoidReason1764100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE hazard ADD COLUMN void_reason VARCHAR(500) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE hazard DROP COLUMN void_reason');
  }
}
