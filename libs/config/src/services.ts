/**
 * The one list of the platform's services: what each is called, where it listens, which database it owns,
 * which variable tells the gateway (and the platform runner) its URL, and the topic it publishes to.
 * Event contracts, the gateway, the schema tool, the platform runner, each service's start and the compose
 * file's check all read this list; a new service is one line here plus its modules.
 */
export const SUBGRAPH_SERVICES = [
  { name: 'responsibility-network', port: 4001, database: 'campus_responsibility', urlVariable: 'RESPONSIBILITY_NETWORK_URL' },
  { name: 'hazard-tracking', port: 4002, database: 'campus_hazard', urlVariable: 'HAZARD_TRACKING_URL' },
  { name: 'education-drills', port: 4003, database: 'campus_education', urlVariable: 'EDUCATION_DRILLS_URL' },
  { name: 'supervision-appraisal', port: 4004, database: 'campus_appraisal', urlVariable: 'SUPERVISION_APPRAISAL_URL' },
] as const;

export type ServiceName = (typeof SUBGRAPH_SERVICES)[number]['name'];
export type ServiceEntry = (typeof SUBGRAPH_SERVICES)[number];

export const GATEWAY_SERVICE = { name: 'gateway', port: 4000 } as const;

/** The service that owns the org tree: the others look unit paths up there. */
export const ORG_DIRECTORY_SERVICE: ServiceName = 'responsibility-network';

export function serviceEntry(name: ServiceName): ServiceEntry {
  const entry = SUBGRAPH_SERVICES.find((service) => service.name === name);
  if (!entry) throw new Error(`unknown service ${name}`);
  return entry;
}

/** The topic a service publishes its events to. */
export function topicOf(service: ServiceName): string {
  return `campus.${service}.events`;
}

/** The GraphQL URL a service answers on, on this host at its registry port (or another base). */
export function localGraphqlUrl(port: number): string {
  return `http://127.0.0.1:${port}/graphql`;
}
