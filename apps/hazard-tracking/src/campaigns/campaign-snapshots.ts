import { Caller } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { StatisticsLine, toStatisticsRow, totalFigures } from './campaign-statistics';
import { CAMPAIGN_STATISTICS_ACCESS } from './campaign.access';
import { CampaignSnapshotEntity, CampaignSnapshotRowEntity } from './campaign.entity';
import { CampaignFigures, CampaignSnapshot, CampaignStatisticsRow, toCampaignSnapshot } from './campaign.types';

/** The statistics tables frozen per report date, as Campaign.snapshots and CampaignSnapshot's fields read them. */
export class CampaignSnapshots {
  constructor(private readonly dataSource: DataSource) {}

  async snapshots(caller: Caller, campaignId: string): Promise<CampaignSnapshot[]> {
    return caller.loaders
      .get<string, CampaignSnapshot[]>('Campaign.snapshots', () => new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.dataSource
          .getRepository(CampaignSnapshotEntity)
          .find({ where: { campaignId: In([...ids]) }, order: { reportDate: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.campaignId === id).map(toCampaignSnapshot));
      }))
      .load(campaignId);
  }

  /** The frozen lines of a snapshot in the caller's scope. */
  async lines(caller: Caller, snapshotId: string): Promise<StatisticsLine[]> {
    const lines = await caller.loaders
      .get<string, StatisticsLine[]>('CampaignSnapshot.lines', () => new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.dataSource
          .getRepository(CampaignSnapshotRowEntity)
          .find({ where: { snapshotId: In([...ids]) }, order: { snapshotId: 'ASC', seq: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.snapshotId === id).map(frozenLine));
      }))
      .load(snapshotId);
    return lines.filter((line) => CAMPAIGN_STATISTICS_ACCESS.allows(caller, 'view', line.orgPath));
  }

  async rows(caller: Caller, snapshotId: string): Promise<CampaignStatisticsRow[]> {
    return (await this.lines(caller, snapshotId)).map(toStatisticsRow);
  }

  async totals(caller: Caller, snapshotId: string): Promise<CampaignFigures> {
    return totalFigures(await this.lines(caller, snapshotId));
  }
}

function frozenLine(row: CampaignSnapshotRowEntity): StatisticsLine {
  return {
    orgUnitId: row.orgUnitId,
    orgPath: row.orgPath,
    unitName: row.unitName,
    category: row.category,
    found: row.found,
    general: row.general,
    major: row.major,
    rectified: row.rectified,
    rectifying: row.rectifying,
    overdue: row.overdue,
  };
}
