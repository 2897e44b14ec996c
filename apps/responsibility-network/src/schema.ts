import { buildFederatedSchema, RequestContext } from '@campus/graphql';
import { OutboxSignal } from '@campus/events';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { AccountResolver } from './accounts/account.resolver';
import { AccountService, TokenSettings } from './accounts/account.service';
import { OpenResponsibilitiesResolver } from './accounts/open-responsibilities.resolver';
import { OrgUnitResolver, loadOrgUnit } from './org-units/org-unit.resolver';
import { OrgUnitService } from './org-units/org-unit.service';
import { PersonResolver, loadPerson } from './people/person.resolver';
import { PersonService } from './people/person.service';
import { RosterImportService } from './people/roster-import.service';
import { flagLettersForNewLeader } from './letters/new-leader';
import { MODULES } from './modules';

export const RESOLVERS = [OrgUnitResolver, PersonResolver, AccountResolver, OpenResponsibilitiesResolver, ...MODULES.flatMap((module) => module.resolverClasses)];

/** Wires services into resolvers and builds the subgraph schema; pure given its inputs. */
export function buildResponsibilitySchema(dataSource: DataSource, tokens: TokenSettings, outbox: OutboxSignal): Promise<GraphQLSchema> {
  const orgUnits = new OrgUnitService(dataSource, outbox, [
    { table: 'person', column: 'org_path' },
    ...MODULES.flatMap((module) => module.orgPathColumns ?? []),
  ]);
  const people = new PersonService(dataSource, outbox);
  const accounts = new AccountService(dataSource, tokens, flagLettersForNewLeader);
  const instances = new Map<Function, unknown>([
    [OrgUnitResolver, new OrgUnitResolver(orgUnits, people)],
    [PersonResolver, new PersonResolver(people, orgUnits, new RosterImportService(dataSource, outbox))],
    [AccountResolver, new AccountResolver(accounts, orgUnits, people)],
    [OpenResponsibilitiesResolver, new OpenResponsibilitiesResolver(dataSource)],
  ]);
  const dependencies = { dataSource, outbox, orgUnits, people };
  for (const module of MODULES) {
    for (const [resolverClass, instance] of module.createResolvers(dependencies)) instances.set(resolverClass, instance);
  }
  return buildFederatedSchema(
    { resolvers: RESOLVERS as [Function, ...Function[]], container: { get: (resolverClass) => instances.get(resolverClass) } },
    {
      OrgUnit: { __resolveReference: (ref: { id: string }, context: RequestContext) => loadOrgUnit(orgUnits, context, ref.id) },
      Person: { __resolveReference: (ref: { id: string }, context: RequestContext) => loadPerson(people, context, ref.id) },
      ...Object.assign({}, ...MODULES.map((module) => module.referenceResolvers?.(dependencies) ?? {})),
    },
  );
}
