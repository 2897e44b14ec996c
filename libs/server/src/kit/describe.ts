import { printSubgraphSdl } from '@campus/graphql';
import { GraphQLSchema } from 'graphql';
import { AccessPolicy } from './access-policy';
import { FeatureModule, modulePolicies } from './feature-module';

/** What `describe --policy` prints for the policy tool: the service's policies. */
export interface ServiceDescription {
  policies: AccessPolicy[];
}

/**
 * Entry point of an app's describe script (run by the schema and policy tools on the compiled output):
 * the subgraph SDL on stdout, or with --policy the access policies of its modules as JSON.
 */
export function describeService(modules: readonly FeatureModule<never>[], buildSchema: () => Promise<GraphQLSchema>): void {
  if (process.argv.includes('--policy')) {
    const description: ServiceDescription = { policies: modulePolicies(modules) };
    process.stdout.write(JSON.stringify(description));
    return;
  }
  printSubgraphSdl(buildSchema);
}
