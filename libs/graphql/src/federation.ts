import { buildSubgraphSchema, GraphQLResolverMap, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { signedInAuthChecker } from './context';

const FEDERATION_LINK = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- references and contexts differ per type
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

/**
 * Builds a federation 2 subgraph schema from type-graphql resolvers: validation on, `@Authorized()`
 * meaning signed in. Pure: tests and the schema printer call it too.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'validate' | 'authChecker'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    skipCheck: true,
    validate: { forbidUnknownValues: false },
    authChecker: signedInAuthChecker,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  return buildSubgraphSchema([{ typeDefs: parse(FEDERATION_LINK + printSchemaWithDirectives(schema)), resolvers }]);
}

/** Writes the subgraph SDL to stdout (an app's describe script, through describeService). */
export function printSubgraphSdl(build: () => Promise<GraphQLSchema>): void {
  build()
    .then((schema) => process.stdout.write(printSubgraphSchema(schema)))
    .catch((error) => {
      process.stderr.write(`${(error as Error).stack}\n`);
      process.exit(1);
    });
}
