import { FeatureModule, PeriodicJob } from '@campus/server';
import { Campaigns1764400000040 } from '../migrations/1764400000040-campaigns';
import type { HazardDeps } from '../service';
import { CampaignSnapshotFreezer } from './campaign-snapshot-freezer';
import { CAMPAIGN_ENTITY_CLASSES } from './campaign.entity';
import { CampaignResolver, CampaignSnapshotResolver } from './campaign.resolver';
import { CampaignService } from './campaign.service';

/** 专项整治: campaigns with phases and focus areas, unit reports, the statistics frozen per report date. */
export const CAMPAIGNS_MODULE: FeatureModule<HazardDeps> = {
  name: 'campaigns',
  entities: CAMPAIGN_ENTITY_CLASSES,
  migrations: [Campaigns1764400000040],
  scopedTables: ['campaign', 'campaign_report', 'campaign_snapshot_row'],
  resolvers: ({ dataSource, directory, settings }) => {
    const service = new CampaignService(dataSource, directory, { now: settings.now });
    return [new CampaignResolver(service), new CampaignSnapshotResolver(service)];
  },
  jobs: ({ dataSource, logger, settings }) => {
    const freezer = new CampaignSnapshotFreezer(dataSource, logger);
    return [new PeriodicJob('campaign snapshots', settings.schedulerIntervalMs, logger, async () => ({ frozen: await freezer.runOnce() }))];
  },
};
