import { FeatureModule } from '@campus/server';
import { HazardFacts1764600000030 } from '../migrations/1764600000030-hazard-facts';
import { CampaignReportsMetric1764600000031 } from '../migrations/1764600000031-campaign-reports-metric';
import { InspectionFactCovering1764600000032 } from '../migrations/1764600000032-inspection-fact-covering';
import { activityFactHandlers } from './activity-fact.handlers';
import { hazardFactHandlers } from './hazard-fact.handlers';

/**
 * The hazard-side facts of the appraisal, kept from hazard-tracking's events (never its database): hazards,
 * inspection tasks and checks, campaign reports, incidents; the metrics in hazard-metric-list.ts read them.
 */
export const HAZARD_FACTS_MODULE: FeatureModule = {
  name: 'hazard-facts',
  migrations: [HazardFacts1764600000030, CampaignReportsMetric1764600000031, InspectionFactCovering1764600000032],
  scopedTables: ['hazard_fact', 'inspection_task_fact', 'inspection_fact', 'campaign_report_fact', 'incident_fact'],
  eventHandlers: () => [...hazardFactHandlers(), ...activityFactHandlers()],
};
