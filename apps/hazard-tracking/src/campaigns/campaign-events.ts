import { CampaignPublished, CampaignReportSubmitted, recordEvent } from '@campus/events';
import { EntityManager } from 'typeorm';
import { CampaignEntity, CampaignReportDateEntity, CampaignReportEntity } from './campaign.entity';

/**
 * campaign.published, in the publishing transaction: the report dates and the units owing a report on each
 * (their paths from the org projection; null for a unit not projected yet), the denominator of reports on time.
 */
export async function recordCampaignPublished(manager: EntityManager, campaign: CampaignEntity): Promise<void> {
  const dates = await manager.find(CampaignReportDateEntity, { where: { campaignId: campaign.id }, order: { reportDate: 'ASC' } });
  const units: { org_unit_id: string; path: string | null }[] = await manager.query(
    `SELECT e.org_unit_id, u.path FROM campaign_reporting_unit e LEFT JOIN org_unit_projection u ON u.id = e.org_unit_id
      WHERE e.campaign_id = ? ORDER BY e.position`,
    [campaign.id],
  );
  await recordEvent(manager, CampaignPublished, campaign.id, {
    id: campaign.id,
    title: campaign.title,
    orgUnitId: campaign.orgUnitId,
    orgPath: campaign.orgPath,
    reportDates: dates.map((row) => String(row.reportDate).slice(0, 10)),
    reportingUnits: units.map((unit) => ({ orgUnitId: unit.org_unit_id, orgPath: unit.path ?? null })),
    publishedAt: (campaign.publishedAt ?? new Date()).toISOString(),
  });
}

/** campaign.report-submitted, in the submitting transaction (keyed by the campaign, so it follows campaign.published). */
export async function recordCampaignReportSubmitted(manager: EntityManager, campaign: CampaignEntity, report: CampaignReportEntity): Promise<void> {
  await recordEvent(manager, CampaignReportSubmitted, campaign.id, {
    id: report.id,
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    orgUnitId: report.orgUnitId,
    orgPath: report.orgPath,
    reportDate: report.reportDate,
    submittedAt: report.submittedAt.toISOString(),
    onTime: !report.late,
  });
}
