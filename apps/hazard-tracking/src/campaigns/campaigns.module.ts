import { FeatureModule, PeriodicJob } from '@campus/server';
import { Campaigns1764400000040 } from '../migrations/1764400000040-campaigns';
import type { HazardDeps } from '../service';
import { CampaignExports } from './campaign-exports';
import { CampaignLoaders } from './campaign-loaders';
import { CampaignPlanService } from './campaign-plans.service';
import { CampaignReportService } from './campaign-reports.service';
import { CampaignSnapshotFreezer } from './campaign-snapshot-freezer';
import { CampaignSnapshots } from './campaign-snapshots';
import { CAMPAIGN_POLICY, CAMPAIGN_REPORT_POLICY, CAMPAIGN_STATISTICS_POLICY } from './campaign.access';
import { CAMPAIGN_ENTITY_CLASSES } from './campaign.entity';
import { CampaignResolver, CampaignSnapshotResolver } from './campaign.resolver';

/** 专项整治: campaigns with phases and focus areas, unit reports, the statistics frozen per report date. */
export const CAMPAIGNS_MODULE: FeatureModule<HazardDeps> = {
  name: 'campaigns',
  entities: CAMPAIGN_ENTITY_CLASSES,
  migrations: [Campaigns1764400000040],
  scopedTables: ['campaign', 'campaign_report', 'campaign_snapshot_row'],
  policies: [CAMPAIGN_POLICY, CAMPAIGN_REPORT_POLICY, CAMPAIGN_STATISTICS_POLICY],
  resolvers: ({ dataSource, directory, outbox, settings }) => {
    const loaders = new CampaignLoaders(dataSource, settings.now);
    const snapshots = new CampaignSnapshots(dataSource);
    return [
      new CampaignResolver(
        new CampaignPlanService(dataSource, directory, settings.now, outbox),
        new CampaignReportService(dataSource, directory, loaders, settings.now, outbox),
        loaders,
        snapshots,
        new CampaignExports(dataSource, snapshots),
      ),
      new CampaignSnapshotResolver(snapshots),
    ];
  },
  jobs: ({ dataSource, logger, settings }) => {
    const freezer = new CampaignSnapshotFreezer(dataSource, logger);
    return [new PeriodicJob('campaign snapshots', settings.schedulerIntervalMs, logger, async () => ({ frozen: await freezer.runOnce() }))];
  },
};
