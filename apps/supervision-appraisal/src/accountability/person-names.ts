import { Caller } from '@campus/graphql';
import { gatewayProofHeaders } from '@campus/server';

/** People's names as the caller may read them in responsibility-network (ids this service keeps, names it never stores). */
export interface PersonNameLookup {
  /** The names of those the caller may see; the others (and all when responsibility-network cannot be reached) are left out. */
  names(caller: Caller, personIds: readonly string[]): Promise<Map<string, string>>;
}

const PERSON_NAMES = 'query PersonNames($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { id name } } }';

/** Asks responsibility-network's subgraph (its federation entry point) as the caller: its own scope rules decide what comes back. */
export function httpPersonNames(graphqlUrl: string, gatewaySecret?: string, timeoutMs = 5000): PersonNameLookup {
  return {
    async names(caller, personIds) {
      const ids = [...new Set(personIds)];
      if (ids.length === 0) return new Map();
      try {
        const response = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}`, 'x-request-id': caller.requestId, ...gatewayProofHeaders(gatewaySecret) },
          body: JSON.stringify({ query: PERSON_NAMES, variables: { representations: ids.map((id) => ({ __typename: 'Person', id })) } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = (await response.json()) as { data?: { _entities?: ({ id: string; name: string } | null)[] } };
        return new Map((body.data?._entities ?? []).filter((person): person is { id: string; name: string } => !!person?.name).map((person) => [person.id, person.name]));
      } catch {
        return new Map();
      }
    },
  };
}

/** No names at hand (tests of the schema alone): rows show the person's id. */
export const NO_PERSON_NAMES: PersonNameLookup = { names: async () => new Map() };
