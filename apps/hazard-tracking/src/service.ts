import { intVar, loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { NO_OUTBOX_SIGNAL, OutboxSignal } from '@campus/events';
import { ORG_PROJECTION_MODULE, OrgUnitDirectory, serviceOrgDirectory } from '@campus/org-directory';
import { buildModuleSchema, FeatureModule, ServiceBase, serviceBase, ServiceDefinition } from '@campus/server';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { CAMPAIGN_HAZARD_EXTENSION } from './campaigns/campaign-link';
import { CAMPAIGNS_MODULE } from './campaigns/campaigns.module';
import { DIRECTORY_MODULE } from './directory/directory.module';
import { ESCALATION_MODULE } from './escalation/escalation.module';
import { evidenceSettings, EvidenceSettings, evidenceVariables } from './evidence/evidence-config';
import { EVIDENCE_HAZARD_EXTENSION } from './evidence/evidence-steps';
import { EVIDENCE_MODULE } from './evidence/evidence.module';
import { HazardExtensions } from './hazards/hazard-extensions';
import { DEFAULT_RECTIFICATION_HORIZON_DAYS } from './hazards/hazard-plan';
import { HAZARD_AUDIT_MODULE } from './audit/audit.module';
import { HAZARDS_MODULE } from './hazards/hazards.module';
import { INCIDENTS_MODULE } from './incidents/incidents.module';
import { INSPECTIONS_MODULE } from './inspections/inspections.module';
import { INTAKE_MODULE } from './intake/intake.module';
import { HAZARD_OVERVIEW_MODULE } from './overview/overview.module';
import { RISK_POINTS_MODULE } from './risk-points/risk-points.module';
import { SPECIAL_EQUIPMENT_MODULE } from './special-equipment/special-equipment.module';
import { TODO_MODULE } from './todo/todo.module';

export interface HazardSettings {
  /** Rectification deadlines further than this many days away need interim control measures. */
  rectificationHorizonDays: number;
  schedulerIntervalMs: number;
  /** The clock (tests fix it). */
  now: () => Date;
  /** Where evidence files go; null where no upload routes are served (tests of the schema alone). */
  evidence: EvidenceSettings | null;
}

/** What hazard-tracking's modules share: the org directory, the service's settings and the hazard core's extensions. */
export interface HazardDeps extends ServiceBase {
  directory: OrgUnitDirectory;
  settings: HazardSettings;
  hazardExtensions: HazardExtensions;
}

/** What the feature areas add to the hazard core (hazards/ imports none of them). */
export const HAZARD_EXTENSIONS: HazardExtensions = { ...CAMPAIGN_HAZARD_EXTENSION, ...EVIDENCE_HAZARD_EXTENSION };

export const HAZARD_MODULES: readonly FeatureModule<HazardDeps>[] = [
  HAZARDS_MODULE,
  RISK_POINTS_MODULE,
  SPECIAL_EQUIPMENT_MODULE,
  INSPECTIONS_MODULE,
  CAMPAIGNS_MODULE,
  EVIDENCE_MODULE,
  ESCALATION_MODULE,
  INCIDENTS_MODULE,
  INTAKE_MODULE,
  HAZARD_OVERVIEW_MODULE,
  TODO_MODULE,
  DIRECTORY_MODULE,
  ORG_PROJECTION_MODULE,
  HAZARD_AUDIT_MODULE,
];

const loadConfig = (entry: { port: number; database: string }) =>
  loadSubgraphConfig(entry, {
    ORG_DIRECTORY_URL: orgDirectoryUrlVar,
    SCHEDULER_INTERVAL_SECONDS: intVar('seconds between runs of the background jobs (overdue escalation, campaign snapshots)', 60, { min: 1, max: 3600 }),
    RECTIFICATION_HORIZON_DAYS: intVar('days to a rectification deadline beyond which interim control measures are required', 7, { min: 0, max: 365 }),
    ...evidenceVariables(),
  });

/** The service's shared parts; settings not given are the defaults (tests and the schema printer give few). */
export function hazardDeps(base: ServiceBase, directory: OrgUnitDirectory, settings: Partial<HazardSettings> = {}): HazardDeps {
  return {
    ...base,
    directory,
    settings: { rectificationHorizonDays: DEFAULT_RECTIFICATION_HORIZON_DAYS, schedulerIntervalMs: 60_000, now: () => new Date(), evidence: null, ...settings },
    hazardExtensions: HAZARD_EXTENSIONS,
  };
}

export const HAZARD_SERVICE: ServiceDefinition<ReturnType<typeof loadConfig>, HazardDeps> = {
  name: 'hazard-tracking',
  modules: HAZARD_MODULES,
  loadConfig,
  dependencies: (base, config) =>
    hazardDeps(base, serviceOrgDirectory(base.dataSource, config.ORG_DIRECTORY_URL, config.GATEWAY_SECRET), {
      rectificationHorizonDays: config.RECTIFICATION_HORIZON_DAYS,
      schedulerIntervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000,
      evidence: evidenceSettings(config),
    }),
};

/** The dependencies of tests and the schema printer: a given directory, default settings unless overridden. */
export function hazardTestDeps(
  dataSource: DataSource,
  directory: OrgUnitDirectory,
  outbox: OutboxSignal = NO_OUTBOX_SIGNAL,
  settings: Partial<HazardSettings> = {},
): HazardDeps {
  return hazardDeps(serviceBase(HAZARD_MODULES, dataSource, outbox), directory, settings);
}

/** The subgraph schema of all modules (or of some, for a test of one area). */
export function buildHazardSchema(
  dataSource: DataSource,
  directory: OrgUnitDirectory,
  outbox: OutboxSignal = NO_OUTBOX_SIGNAL,
  settings: Partial<HazardSettings> = {},
  modules: readonly FeatureModule<HazardDeps>[] = HAZARD_MODULES,
): Promise<GraphQLSchema> {
  return buildModuleSchema(modules, hazardTestDeps(dataSource, directory, outbox, settings));
}
