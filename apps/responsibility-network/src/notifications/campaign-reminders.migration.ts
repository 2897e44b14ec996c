import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report dates units owe a campaign (专项整治) report on, from hazard-tracking's campaign.published, ticked
 * off by campaign.report-submitted: the reminder the day before tells only units that have not reported.
 */
export class CampaignReportReminders1765000001101 implements MigrationInterface {
  name = 'CampaignReportReminders1765000001101';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification_report_due (
        campaign_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        report_date DATE NOT NULL,
        campaign_title VARCHAR(200) NOT NULL,
        submitted TINYINT(1) NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign_id, org_unit_id, report_date),
        KEY ix_notification_report_due_date (report_date, submitted)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notification_report_due');
  }
}
