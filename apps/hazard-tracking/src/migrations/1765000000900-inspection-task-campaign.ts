import { MigrationInterface, QueryRunner } from 'typeorm';

/** An inspection task may belong to a campaign (专项整治): the hazards its inspections raise are the campaign's. */
export class InspectionTaskCampaign1765000000900 implements MigrationInterface {
  name = 'InspectionTaskCampaign1765000000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE inspection_task ADD COLUMN campaign_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER template_id, ADD KEY ix_inspection_task_campaign (campaign_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inspection_task DROP KEY ix_inspection_task_campaign, DROP COLUMN campaign_id');
  }
}
