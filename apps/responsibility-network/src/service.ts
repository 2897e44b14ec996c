import { NO_OUTBOX_SIGNAL, OutboxSignal } from '@campus/events';
import { auditTrailModule, buildModuleSchema, FeatureModule, ServiceBase, serviceBase, ServiceDefinition } from '@campus/server';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { ACCOUNTS_MODULE } from './accounts/accounts.module';
import { TokenSettings } from './accounts/account.service';
import { bootstrapIfEmpty } from './accounts/bootstrap';
import { bootstrapSettings, loadResponsibilityConfig, ResponsibilityConfig } from './config';
import { DUTY_MODULE } from './duty-rosters/duty.module';
import { FIRE_ACCEPTANCE_MODULE } from './fire-acceptance/fire-acceptance.module';
import { GRIDS_MODULE } from './grids/grids.module';
import { LAB_ACCESS_MODULE } from './lab-access/lab-access.module';
import { LETTERS_MODULE } from './letters/letters.module';
import { MEMBERSHIP_RULES_MODULE } from './membership-rules/membership-rules.module';
import { MY_RESPONSIBILITIES_MODULE } from './my-responsibilities/my-responsibilities.module';
import { NOTIFICATIONS_MODULE } from './notifications/notifications.module';
import { OrgUnitService } from './org-units/org-unit.service';
import { ORG_UNITS_MODULE } from './org-units/org-units.module';
import { PEOPLE_MODULE } from './people/people.module';
import { PersonService } from './people/person.service';
import { PLACES_MODULE } from './places/places.module';
import { POSTS_MODULE } from './posts/posts.module';
import { SECTION_PAIRING_MODULE } from './section-pairing/section-pairing.module';
import { WORK_GROUPS_MODULE } from './work-groups/work-groups.module';
import { TODO_MODULE } from './todo/todo.module';
import { RESPONSIBILITY_OVERVIEW_MODULE } from './overview/overview.module';

/** What responsibility-network's modules share: the org tree and people (every area hangs from them) and token settings. */
export interface ResponsibilityDeps extends ServiceBase {
  orgUnits: OrgUnitService;
  people: PersonService;
  tokens: TokenSettings;
}

export const RESPONSIBILITY_MODULES: readonly FeatureModule<ResponsibilityDeps>[] = [
  ORG_UNITS_MODULE,
  PEOPLE_MODULE,
  ACCOUNTS_MODULE,
  PLACES_MODULE,
  GRIDS_MODULE,
  LETTERS_MODULE,
  DUTY_MODULE,
  POSTS_MODULE,
  WORK_GROUPS_MODULE,
  MEMBERSHIP_RULES_MODULE,
  SECTION_PAIRING_MODULE,
  MY_RESPONSIBILITIES_MODULE,
  FIRE_ACCEPTANCE_MODULE,
  LAB_ACCESS_MODULE,
  RESPONSIBILITY_OVERVIEW_MODULE,
  TODO_MODULE,
  NOTIFICATIONS_MODULE,
  auditTrailModule('responsibilityAuditTrail'),
];

export function responsibilityDeps(base: ServiceBase, tokens: TokenSettings): ResponsibilityDeps {
  return {
    ...base,
    orgUnits: new OrgUnitService(base.dataSource, base.outbox, base.scopedColumns),
    people: new PersonService(base.dataSource, base.outbox),
    tokens,
  };
}

export const RESPONSIBILITY_SERVICE: ServiceDefinition<ResponsibilityConfig, ResponsibilityDeps> = {
  name: 'responsibility-network',
  modules: RESPONSIBILITY_MODULES,
  loadConfig: (entry) => loadResponsibilityConfig(entry),
  dependencies: (base, config) => responsibilityDeps(base, { jwtSecret: config.JWT_SECRET, ttlSeconds: config.TOKEN_TTL_SECONDS }),
  afterMigrate: async ({ dataSource, logger }, config) => {
    const settings = bootstrapSettings(config);
    if (settings && (await bootstrapIfEmpty(dataSource, settings))) {
      logger.info({ rootCode: settings.rootCode, admin: settings.adminUsername }, 'bootstrapped an empty organisation');
    }
  },
};

/** The subgraph schema: tests and the schema printer. */
export function buildResponsibilitySchema(dataSource: DataSource, tokens: TokenSettings, outbox: OutboxSignal = NO_OUTBOX_SIGNAL): Promise<GraphQLSchema> {
  return buildModuleSchema(RESPONSIBILITY_MODULES, responsibilityDeps(serviceBase(RESPONSIBILITY_MODULES, dataSource, outbox), tokens));
}
