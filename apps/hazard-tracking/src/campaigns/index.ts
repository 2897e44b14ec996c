import { OrgUnitDirectory } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { Campaigns1764400000040 } from '../migrations/1764400000040-campaigns';
import { CAMPAIGN_ENTITY_CLASSES } from './campaign.entity';
import { CampaignResolver, CampaignSnapshotResolver } from './campaign.resolver';
import { CampaignService, CampaignServiceOptions } from './campaign.service';

export { assertCampaignAcceptsHazard } from './campaign-link';
export { CampaignSnapshotFreezer, freezeSnapshot } from './campaign-snapshot-freezer';
export { CampaignResolver, CampaignSnapshotResolver } from './campaign.resolver';
export { CampaignService } from './campaign.service';
export * from './campaign-enums';
export * from './campaign.entity';

export const CAMPAIGN_ENTITIES = CAMPAIGN_ENTITY_CLASSES;
export const CAMPAIGN_MIGRATIONS = [Campaigns1764400000040];
/** Tables whose org_path follows a moved unit. */
export const CAMPAIGN_SCOPED_TABLES = ['campaign', 'campaign_report', 'campaign_snapshot_row'];
export const CAMPAIGN_RESOLVERS = [CampaignResolver, CampaignSnapshotResolver] as const;

/** The campaign resolvers and their instances, for the schema's container. */
export function createCampaignResolvers(
  dataSource: DataSource,
  directory: OrgUnitDirectory,
  options: CampaignServiceOptions = {},
): [Function, unknown][] {
  const service = new CampaignService(dataSource, directory, options);
  return [
    [CampaignResolver, new CampaignResolver(service)],
    [CampaignSnapshotResolver, new CampaignSnapshotResolver(service)],
  ];
}
