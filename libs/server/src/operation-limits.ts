import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { OperationLimits } from '@campus/config';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DocumentNode, GraphQLError, GraphQLFormattedError, GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import { checkedOperationCost, operationCost } from './operation-cost';

/** A refused operation: BAD_USER_INPUT with a Chinese message naming the limit (HTTP 400). */
export class OperationLimitError extends GraphQLError {
  constructor(message: string) {
    super(`${message} (BAD_USER_INPUT)`, { extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_INVALID', http: { status: 400 } } });
    this.name = 'OperationLimitError';
  }
}

/** Armor's rules report "…limit of N exceeded, found M."; the count found, when it says so. */
function foundIn(armorError: GraphQLError): string {
  const found = /found (\d+)/.exec(armorError.message);
  return found ? `，本次为 ${found[1]}` : '';
}

/** Reports the refusal in Chinese as a validation error instead of throwing (a throw would be a 500). */
function refuseWith(describe: (found: string) => string) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new OperationLimitError(describe(foundIn(error))))],
  };
}

/** GraphQL Armor's alias, directive and depth rules (fragments are flattened: only fields count as depth). */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxAliasesRule({ n: limits.maxAliases, ...refuseWith((found) => `查询别名数超过上限（${limits.maxAliases}）${found}`) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...refuseWith((found) => `查询指令数超过上限（${limits.maxDirectives}）${found}`) }),
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...refuseWith((found) => `查询嵌套层数超过上限（${limits.maxDepth}）${found}`) }),
  ] as ValidationRule[];
}

/** Refuses, once the operation is known and its variables given, an operation whose cost is over the limit. */
export function operationCostPlugin(maxCost: number): ApolloServerPlugin {
  const refusalOf = operationCostCheck(maxCost);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }: GraphQLRequestContextDidResolveOperation<object>) {
          const refusal = refusalOf(schema, document, request.variables, request.operationName);
          if (refusal) throw refusal;
        },
      };
    },
  };
}

/** The cost limit as a check of one request: its refusal when the operation with these variables costs more, else null. */
export function operationCostCheck(maxCost: number) {
  const costs = new OperationCosts();
  return (schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string | null): OperationLimitError | null => {
    const cost = costs.of(schema, document, variables, operationName);
    if (cost <= maxCost) return null;
    return new OperationLimitError(`查询复杂度超过上限（${maxCost}）${Number.isFinite(cost) ? `，本次为 ${cost}` : ''}`);
  };
}

/** A string variable longer than this makes the operation costed anew rather than remembered. */
const REMEMBERED_STRING_LENGTH = 200;
const REMEMBERED_PER_DOCUMENT = 64;

/**
 * The costs already computed, per parsed document (Apollo Server hands the same document object to every
 * request with the same query text) and per set of scalar variables: a client sends the same few operations
 * again and again, and walking one cost ~3 % of a subgraph's CPU. Only `first` and `last` change a cost, and
 * their values are top-level Int variables, so object and list variables (inputs, `_entities`
 * representations) are left out of the key. A cost computed from variables that do not fit their types is
 * never remembered: it would stand for a valid request with the same key.
 */
class OperationCosts {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  of(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string | null): number {
    const key = scalarVariablesKey(operationName, variables);
    if (key === null) return operationCost(schema, document, variables, operationName);
    let known = this.byDocument.get(document);
    if (!known) this.byDocument.set(document, (known = new Map()));
    const remembered = known.get(key);
    if (remembered !== undefined) return remembered;
    const cost = checkedOperationCost(schema, document, variables, operationName);
    if (cost === null) return 0;
    if (known.size >= REMEMBERED_PER_DOCUMENT) known.clear();
    known.set(key, cost);
    return cost;
  }
}

/** The operation name and the variables that are not objects or lists, as text; null when one is a long string. */
function scalarVariablesKey(operationName: string | null | undefined, variables: Record<string, unknown> = {}): string | null {
  let key = operationName ?? '';
  for (const name in variables) {
    const value = variables[name];
    if (value !== null && typeof value === 'object') continue;
    if (typeof value === 'string' && value.length > REMEMBERED_STRING_LENGTH) return null;
    key += `\u0000${name}=${typeof value}:${String(value)}`;
  }
  return key;
}

/**
 * The Apollo Server options that enforce the limits. The token limit is graphql-js's own, applied while
 * parsing: a huge document is refused after maxTokens tokens, before any validation.
 */
export function operationLimitOptions(limits: OperationLimits) {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: operationLimitRules(limits),
    plugins: [operationCostPlugin(limits.maxCost)],
  };
}

// graphql-js 16 writes "Document contains more that N tokens" (sic).
const TOKEN_LIMIT = /Document contains more th(?:an|at) (\d+) tokens/;

/** An Apollo Server formatError. */
export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Apollo Server reports every validation error as GRAPHQL_VALIDATION_FAILED and the token limit as a parse
 * failure; those caused by the input — a limit above, a custom scalar refusing a literal (e.g. CalendarDate
 * "2026-13-45") — become BAD_USER_INPUT before the process's own formatError sees them.
 */
export function withInputErrorCodes(format: FormatError): FormatError {
  return (formatted, error) => format(asBadUserInput(formatted, error) ?? formatted, error);
}

function asBadUserInput(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  const code = formatted.extensions?.code;
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (code === 'GRAPHQL_PARSE_FAILED' && tokens) {
    return { ...formatted, message: `查询文档的词法单元数超过上限（${tokens[1]}） (BAD_USER_INPUT)`, extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_INVALID' } };
  }
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && cause instanceof GraphQLError && cause.extensions.code === 'BAD_USER_INPUT') {
    const reason = typeof cause.extensions.reason === 'string' ? cause.extensions.reason : 'INVALID_INPUT';
    return { ...formatted, message: cause.message, extensions: { code: 'BAD_USER_INPUT', reason } };
  }
  return null;
}
