import { Caller, ExportFile, NotFoundError, XLSX_CONTENT_TYPE } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { CampaignSnapshots } from './campaign-snapshots';
import { buildStatisticsWorkbook, statisticsWorkbookFilename } from './campaign-workbook';
import { CAMPAIGN_ACCESS } from './campaign.access';
import { CampaignEntity, CampaignSnapshotEntity } from './campaign.entity';
import { calendarDay } from './campaign.types';

/** The frozen statistics table as a file to download. */
export class CampaignExports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: CampaignSnapshots,
  ) {}

  /** An Excel workbook of the lines in the caller's scope; a snapshot of a campaign they do not see is not found. */
  async statisticsWorkbook(caller: Caller, snapshotId: string): Promise<ExportFile> {
    const snapshot = await this.dataSource.getRepository(CampaignSnapshotEntity).findOneBy({ id: snapshotId });
    const campaign = snapshot ? await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: snapshot.campaignId }) : null;
    if (!snapshot || !campaign || !CAMPAIGN_ACCESS.sees(caller, campaign)) throw new NotFoundError('统计表快照', snapshotId);
    const [scope] = await this.dataSource.query('SELECT name FROM org_unit_projection WHERE id = ?', [campaign.orgUnitId]);
    const reportDate = calendarDay(snapshot.reportDate);
    const content = await buildStatisticsWorkbook({
      campaignTitle: campaign.title,
      documentNumber: campaign.documentNumber,
      scopeName: (scope?.name as string | undefined) ?? null,
      reportDate,
      frozenAt: snapshot.frozenAt,
      lines: await this.snapshots.lines(caller, snapshot.id),
    });
    return { filename: statisticsWorkbookFilename(campaign.title, reportDate), contentType: XLSX_CONTENT_TYPE, base64: content.toString('base64') };
  }
}
