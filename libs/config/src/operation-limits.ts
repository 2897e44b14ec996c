import { ConfigOf, intVar, loadConfig } from './env';

/**
 * Limits every GraphQL process (gateway and subgraphs) puts on an operation before running it. The defaults
 * leave room above the largest operation the demo and the tests send (see operation-limits.spec in libs/server).
 */
export function operationLimitVariables() {
  return {
    GRAPHQL_MAX_TOKENS: intVar('most lexical tokens a GraphQL document may have (counted while parsing)', 1000, { min: 100, max: 100_000 }),
    GRAPHQL_MAX_ALIASES: intVar('most field aliases an operation may have', 15, { min: 0, max: 1000 }),
    GRAPHQL_MAX_DIRECTIVES: intVar('most directives an operation may have', 20, { min: 0, max: 1000 }),
    GRAPHQL_MAX_DEPTH: intVar('deepest selection an operation may have', 12, { min: 2, max: 50 }),
    GRAPHQL_MAX_COST: intVar('highest cost of an operation, page sizes multiplied through nested connections', 5000, { min: 10, max: 10_000_000 }),
    GRAPHQL_MAX_BODY_KB: intVar('largest JSON body of a GraphQL request, in KiB (uploads have their own routes)', 1024, { min: 16, max: 65_536 }),
  };
}

export interface OperationLimits {
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
  maxDepth: number;
  maxCost: number;
  maxBodyBytes: number;
}

/** The limits of a loaded configuration that includes operationLimitVariables(). */
export function operationLimitsOf(config: ConfigOf<ReturnType<typeof operationLimitVariables>>): OperationLimits {
  return {
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxCost: config.GRAPHQL_MAX_COST,
    maxBodyBytes: config.GRAPHQL_MAX_BODY_KB * 1024,
  };
}

/** The limits from the environment (defaults in code); throws ConfigError naming every bad variable. */
export function loadOperationLimits(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  return operationLimitsOf(loadConfig(operationLimitVariables(), env));
}
