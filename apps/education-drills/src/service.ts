import { loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { NO_OUTBOX_SIGNAL, OutboxSignal } from '@campus/events';
import type { FileStoreSettings } from '@campus/files';
import { ORG_PROJECTION_MODULE, OrgUnitDirectory, serviceOrgDirectory } from '@campus/org-directory';
import { auditTrailModule, buildModuleSchema, FeatureModule, ServiceBase, serviceBase, ServiceDefinition } from '@campus/server';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { ACTIVITIES_MODULE } from './activities/activities.module';
import { documentSettings, documentVariables } from './documents/document-config';
import { DOCUMENTS_MODULE } from './documents/documents.module';
import { DISPUTES_MODULE } from './disputes/disputes.module';
import { DRILLS_MODULE } from './drills/drills.module';
import { EMERGENCY_PLANS_MODULE } from './emergency-plans/emergency-plans.module';
import { HEALTH_CHECKS_MODULE } from './health-checks/health-checks.module';
import { KEY_STUDENTS_MODULE } from './key-students/key-students.module';
import { NOTICES_MODULE } from './notices/notices.module';
import { EDUCATION_OVERVIEW_MODULE } from './overview/overview.module';
import { PEOPLE_MODULE } from './people/people.module';
import { QUIZZES_MODULE } from './quizzes/quizzes.module';
import { SAFETY_DAYS_MODULE } from './safety-days/safety-days.module';
import { TODO_MODULE } from './todo/todo.module';
import { SCREENING_MODULE } from './screening/screening.module';

export interface EducationSettings {
  /** The clock (tests fix it). */
  now: () => Date;
  /** Where plan revision and drill documents go; null where no upload routes are served (tests of the schema alone). */
  documents?: FileStoreSettings | null;
}

/** What education-drills' modules share: the org directory (its projection, then responsibility-network) and settings. */
export interface EducationDeps extends ServiceBase {
  directory: OrgUnitDirectory;
  settings: EducationSettings;
}

export const EDUCATION_MODULES: readonly FeatureModule<EducationDeps>[] = [
  EMERGENCY_PLANS_MODULE,
  NOTICES_MODULE,
  DRILLS_MODULE,
  DOCUMENTS_MODULE,
  SCREENING_MODULE,
  HEALTH_CHECKS_MODULE,
  DISPUTES_MODULE,
  KEY_STUDENTS_MODULE,
  SAFETY_DAYS_MODULE,
  ACTIVITIES_MODULE,
  QUIZZES_MODULE,
  PEOPLE_MODULE,
  EDUCATION_OVERVIEW_MODULE,
  TODO_MODULE,
  ORG_PROJECTION_MODULE,
  auditTrailModule('educationAuditTrail'),
];

const loadConfig = (entry: { port: number; database: string }) => loadSubgraphConfig(entry, { ORG_DIRECTORY_URL: orgDirectoryUrlVar, ...documentVariables() });

export const EDUCATION_SERVICE: ServiceDefinition<ReturnType<typeof loadConfig>, EducationDeps> = {
  name: 'education-drills',
  modules: EDUCATION_MODULES,
  loadConfig,
  dependencies: (base, config) =>
    educationDeps(base, serviceOrgDirectory(base.dataSource, config.ORG_DIRECTORY_URL, config.GATEWAY_SECRET), { documents: documentSettings(config) }),
};

/** The service's shared parts; settings not given are the defaults (tests fix the clock). */
export function educationDeps(base: ServiceBase, directory: OrgUnitDirectory, settings: Partial<EducationSettings> = {}): EducationDeps {
  return { ...base, directory, settings: { now: () => new Date(), documents: null, ...settings } };
}

/** The subgraph schema with a given directory (of all modules, or some for a test of one area): tests and the schema printer. */
export function buildEducationSchema(
  dataSource: DataSource,
  directory: OrgUnitDirectory,
  outbox: OutboxSignal = NO_OUTBOX_SIGNAL,
  settings: Partial<EducationSettings> = {},
  modules: readonly FeatureModule<EducationDeps>[] = EDUCATION_MODULES,
): Promise<GraphQLSchema> {
  return buildModuleSchema(modules, educationDeps(serviceBase(EDUCATION_MODULES, dataSource, outbox), directory, settings));
}
