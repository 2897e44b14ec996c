import { DEFAULT_PAGE_SIZE } from '@campus/graphql';
import { DocumentNode, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/** Fields a single operation may make the cost walk visit (fragments spread many times count each time). */
const MAX_VISITED_FIELDS = 10_000;

/**
 * Each field costs 1, and a paginated field (one taking `first` or `last`) costs its selection times the
 * page size asked for — or the page size it defaults to — so nested connections multiply.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paginated = field.args.some((arg) => arg.name === 'first' || arg.name === 'last');
  if (!paginated) return 1 + childComplexity;
  const pageSize = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
  return 1 + childComplexity * (Number.isFinite(pageSize) && pageSize > 1 ? pageSize : 1);
};

/**
 * The cost of an operation with its variables; Infinity when the walk visits too many fields (fragments
 * spread again and again); null when the variables do not fit their types (execution refuses them before
 * any resolver runs).
 */
export function checkedOperationCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string | null): number | null {
  try {
    return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [pageSizeEstimator], maxQueryNodes: MAX_VISITED_FIELDS });
  } catch (error) {
    if (isNodeLimit(error)) return Number.POSITIVE_INFINITY;
    return null;
  }
}

/** The cost, 0 for variables that do not fit their types. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string | null): number {
  return checkedOperationCost(schema, document, variables, operationName) ?? 0;
}

function isNodeLimit(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Query exceeds the maximum allowed number of nodes');
}
