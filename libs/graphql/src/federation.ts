import { buildSubgraphSchema, GraphQLResolverMap, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { validateOrReject, ValidationError, ValidatorOptions } from 'class-validator';
import { GraphQLSchema, parse } from 'graphql';
import { ArgumentValidationError, buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { signedInAuthChecker } from './context';

const FEDERATION_LINK = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- references and contexts differ per type
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

/**
 * Builds a federation 2 subgraph schema from type-graphql resolvers: validation on, `@Authorized()`
 * meaning signed in. `externalFields` is SDL for other subgraphs' fields this one provides (`@provides`),
 * e.g. `extend type OrgUnit { name: String! @external }`: the reference classes every subgraph shares
 * cannot declare them. Pure: tests and the schema printer call it too.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'validate' | 'authChecker'>,
  referenceResolvers: ReferenceResolvers = {},
  externalFields = '',
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    skipCheck: true,
    validateFn: validateArgument,
    authChecker: signedInAuthChecker,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  return buildSubgraphSchema([{ typeDefs: parse(FEDERATION_LINK + printSchemaWithDirectives(schema) + externalFields), resolvers }]);
}

const VALIDATOR_OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

/**
 * type-graphql's own validation of an input or args object (class-validator; missing properties skipped, unknown
 * values allowed), with class-validator loaded once: type-graphql's default requires it again for every
 * validated argument, ~2 % of a subgraph's CPU under load, resolving the path each time.
 */
async function validateArgument(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const objects = (Array.isArray(value) ? value : [value]).filter((item): item is object => item !== null && typeof item === 'object');
  try {
    await Promise.all(objects.map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
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
