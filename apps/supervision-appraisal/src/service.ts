import { loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { NO_OUTBOX_SIGNAL, OutboxSignal } from '@campus/events';
import type { FileStoreSettings } from '@campus/files';
import { ORG_PROJECTION_MODULE, OrgUnitDirectory, serviceOrgDirectory } from '@campus/org-directory';
import { auditTrailModule, buildModuleSchema, FeatureModule, ServiceBase, serviceBase, ServiceDefinition } from '@campus/server';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { ACCOUNTABILITY_MODULE } from './accountability/accountability.module';
import { httpPersonNames, PersonNameLookup } from './accountability/person-names';
import { APPRAISAL_EXPORTS_MODULE } from './appraisal-exports/appraisal-exports.module';
import { APPRAISALS_MODULE } from './appraisals/appraisals.module';
import { APPRAISAL_SCHEMES_MODULE } from './appraisal-schemes/appraisal-schemes.module';
import { EDUCATION_FACTS_MODULE } from './education-facts/education-facts.module';
import { HAZARD_COUNTS_MODULE } from './hazard-counts/hazard-counts.module';
import { HAZARD_FACTS_MODULE } from './hazard-facts/hazard-facts.module';
import { METRICS_MODULE } from './metrics/metrics.module';
import { APPRAISAL_OVERVIEW_MODULE } from './overview/overview.module';
import { PERIODIC_REPORTS_MODULE } from './periodic-reports/periodic-reports.module';
import { supervisionPhotoSettings, supervisionPhotoVariables } from './supervisions/supervision-photo-config';
import { SUPERVISIONS_MODULE } from './supervisions/supervisions.module';
import { TODO_MODULE } from './todo/todo.module';

/** What supervision-appraisal's modules share: the org directory (its projection, then responsibility-network), the photo store. */
export interface AppraisalDeps extends ServiceBase {
  directory: OrgUnitDirectory;
  /** Where supervision finding photos go; absent where no upload routes are served (tests of the schema alone). */
  photos?: FileStoreSettings | null;
  /** People's names from responsibility-network, as the caller may read them (the accountability list); absent in tests of the schema alone. */
  personNames?: PersonNameLookup;
}

export const APPRAISAL_MODULES: readonly FeatureModule<AppraisalDeps>[] = [APPRAISAL_SCHEMES_MODULE, HAZARD_COUNTS_MODULE, HAZARD_FACTS_MODULE, EDUCATION_FACTS_MODULE, METRICS_MODULE, APPRAISALS_MODULE, APPRAISAL_EXPORTS_MODULE, SUPERVISIONS_MODULE, ACCOUNTABILITY_MODULE, PERIODIC_REPORTS_MODULE, APPRAISAL_OVERVIEW_MODULE, TODO_MODULE, ORG_PROJECTION_MODULE, auditTrailModule('appraisalAuditTrail')];

const loadConfig = (entry: { port: number; database: string }) => loadSubgraphConfig(entry, { ORG_DIRECTORY_URL: orgDirectoryUrlVar, ...supervisionPhotoVariables() });

export const APPRAISAL_SERVICE: ServiceDefinition<ReturnType<typeof loadConfig>, AppraisalDeps> = {
  name: 'supervision-appraisal',
  modules: APPRAISAL_MODULES,
  loadConfig,
  dependencies: (base, config) => ({
    ...base,
    directory: serviceOrgDirectory(base.dataSource, config.ORG_DIRECTORY_URL, config.GATEWAY_SECRET),
    photos: supervisionPhotoSettings(config),
    personNames: httpPersonNames(config.ORG_DIRECTORY_URL, config.GATEWAY_SECRET),
  }),
};

/** The subgraph schema with a given directory: tests and the schema printer. */
export function buildAppraisalSchema(dataSource: DataSource, directory: OrgUnitDirectory, outbox: OutboxSignal = NO_OUTBOX_SIGNAL): Promise<GraphQLSchema> {
  return buildModuleSchema(APPRAISAL_MODULES, { ...serviceBase(APPRAISAL_MODULES, dataSource, outbox), directory });
}
