import { MigrationInterface, QueryRunner } from 'typeorm';

/** STATISTICS_ON_TIME was the campaigns' statistics tables reported on time: indicators naming it name CAMPAIGN_REPORTS_ON_TIME. */
export class CampaignReportsMetric1764600000031 implements MigrationInterface {
  name = 'CampaignReportsMetric1764600000031';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE appraisal_indicator SET metric = 'CAMPAIGN_REPORTS_ON_TIME' WHERE metric = 'STATISTICS_ON_TIME'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE appraisal_indicator SET metric = 'STATISTICS_ON_TIME' WHERE metric = 'CAMPAIGN_REPORTS_ON_TIME'");
  }
}
