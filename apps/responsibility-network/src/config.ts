import { enumVar, intVar, loadSubgraphConfig, optionalStringVar } from '@campus/config';
import { BootstrapSettings } from './accounts/bootstrap';
import { NOTIFICATION_VARIABLES } from './notifications/notification.settings';
import { OrgUnitKind } from './org-units/org-unit-kind';

const variables = {
  TOKEN_TTL_SECONDS: intVar('lifetime of tokens issued by login', 8 * 3600, { min: 60, max: 30 * 24 * 3600 }),
  BOOTSTRAP_ROOT_CODE: optionalStringVar('code of the root unit created in an empty organisation'),
  BOOTSTRAP_ROOT_NAME: optionalStringVar('name of that root unit'),
  BOOTSTRAP_ROOT_KIND: enumVar('kind of that root unit', Object.values(OrgUnitKind), OrgUnitKind.BUREAU),
  BOOTSTRAP_ADMIN_USERNAME: optionalStringVar('username of the first administrator'),
  BOOTSTRAP_ADMIN_PASSWORD: optionalStringVar('password of the first administrator'),
  BOOTSTRAP_ADMIN_NAME: optionalStringVar("the first administrator's own name: a person of the root unit, linked to the account (its inbox and to-do list)"),
  ...NOTIFICATION_VARIABLES,
};

export function loadResponsibilityConfig(entry: { port: number; database: string }, env: NodeJS.ProcessEnv = process.env) {
  return loadSubgraphConfig(entry, variables, env);
}

export type ResponsibilityConfig = ReturnType<typeof loadResponsibilityConfig>;

export function bootstrapSettings(config: ResponsibilityConfig): BootstrapSettings | null {
  const { BOOTSTRAP_ROOT_CODE, BOOTSTRAP_ROOT_NAME, BOOTSTRAP_ADMIN_USERNAME, BOOTSTRAP_ADMIN_PASSWORD } = config;
  if (!BOOTSTRAP_ROOT_CODE || !BOOTSTRAP_ROOT_NAME || !BOOTSTRAP_ADMIN_USERNAME || !BOOTSTRAP_ADMIN_PASSWORD) return null;
  return {
    rootCode: BOOTSTRAP_ROOT_CODE,
    rootName: BOOTSTRAP_ROOT_NAME,
    rootKind: config.BOOTSTRAP_ROOT_KIND,
    adminUsername: BOOTSTRAP_ADMIN_USERNAME,
    adminPassword: BOOTSTRAP_ADMIN_PASSWORD,
    adminName: config.BOOTSTRAP_ADMIN_NAME ?? null,
  };
}
