import { MigrationInterface, QueryRunner } from 'typeorm';

/** The emergencies a plan covers (火灾, 地震, 防汛 …), several for a comprehensive plan: comma-separated codes. */
export class PlanScenarioTypes1764500000051 implements MigrationInterface {
  name = 'PlanScenarioTypes1764500000051';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE emergency_plan ADD COLUMN scenario_types VARCHAR(300) NOT NULL DEFAULT ''");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE emergency_plan DROP COLUMN scenario_types');
  }
}
