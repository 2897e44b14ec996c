import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** No root field came back: the data is missing, or every field of it is null. */
function nothingAnswered(data: Record<string, unknown> | null | undefined): boolean {
  return !data || Object.values(data).every((value) => value === null);
}

const retryAfterSecondsOf = (error: GraphQLFormattedError) => {
  const seconds = error.extensions?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : 0;
};

/**
 * When the whole answer failed only because a subgraph was unavailable (nothing was done, the same request may be
 * sent again), the seconds to wait before sending it again: the longest any error asked for. Otherwise null (a
 * partial answer stays 200 with its errors).
 */
export function retryAfterOf(data: Record<string, unknown> | null | undefined, errors: readonly GraphQLFormattedError[] | undefined): number | null {
  if (!errors?.length || !nothingAnswered(data) || !errors.every((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) return null;
  return Math.max(1, ...errors.map(retryAfterSecondsOf));
}

/** Such an answer says so over HTTP too: 503 with Retry-After. */
export function retryAfterPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const retryAfter = retryAfterOf(response.body.singleResult.data, response.body.singleResult.errors);
          if (retryAfter === null) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
