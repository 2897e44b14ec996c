import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { Role, RoleGrant, Viewer } from '@campus/auth';
import { createFormatError, LoaderRegistry, RequestContext } from '@campus/graphql';
import { createLogger } from '@campus/logger';
import { GraphQLSchema } from 'graphql';

export interface OperationResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/**
 * Runs GraphQL operations against a subgraph schema in-process, as a given viewer, through Apollo
 * Server's real pipeline (validation, error formatting) — for integration tests.
 */
export class SchemaRunner {
  private readonly server: ApolloServer<RequestContext>;
  private readonly logger = createLogger('test', 'silent');

  constructor(schema: GraphQLSchema) {
    this.server = new ApolloServer<RequestContext>({
      schema,
      formatError: createFormatError(() => undefined),
      includeStacktraceInErrorResponses: false,
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
  }

  async run<T = Record<string, any>>(viewer: Viewer | null, query: string, variables: Record<string, unknown> = {}): Promise<OperationResult<T>> {
    const response = await this.server.executeOperation(
      { query, variables },
      {
        contextValue: {
          viewer,
          token: viewer ? `test-token:${viewer.accountId}` : null,
          requestId: 'test',
          logger: this.logger,
          loaders: new LoaderRegistry(),
        },
      },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as OperationResult<T>;
  }

  /** Like run, but fails the test when the operation reports errors. */
  async data<T = Record<string, any>>(viewer: Viewer | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.run<T>(viewer, query, variables);
    if (result.errors?.length) throw new Error(`operation failed: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}

export function viewerWith(accountId: string, grants: [Role, string, string][], personId: string | null = null): Viewer {
  const roleGrants: RoleGrant[] = grants.map(([role, unitId, path]) => ({ role, unitId, path }));
  return new Viewer(accountId, personId, roleGrants);
}
