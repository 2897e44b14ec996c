import { Caller, NotFoundError } from '@campus/graphql';
import { gatewayProofHeaders } from '@campus/server';

/**
 * Where a service learns an org unit's materialised path (its data scope) without reading the
 * responsibility-network database. For now it asks the org directory's GraphQL API as the viewer,
 * which also proves the viewer may see that unit; the event backbone will replace this with a local
 * projection behind the same interface.
 */
export interface OrgUnitDirectory {
  /** The unit's path, or null when it does not exist or the viewer may not see it. */
  pathOf(unitId: string, viewerToken: string, requestId: string): Promise<string | null>;
}

export class OrgDirectoryUnavailableError extends Error {}

const ORG_UNIT_PATH = 'query OrgUnitPath($id: ID!) { orgUnit(id: $id) { id path } }';

/** gatewaySecret: the proof responsibility-network requires of every caller but the gateway's health checks. */
export function httpOrgUnitDirectory(graphqlUrl: string, gatewaySecret?: string, timeoutMs = 5000): OrgUnitDirectory {
  return {
    async pathOf(unitId, viewerToken, requestId) {
      let response: Response;
      try {
        response = await fetch(graphqlUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${viewerToken}`,
            'x-request-id': requestId,
            ...gatewayProofHeaders(gatewaySecret),
          },
          body: JSON.stringify({ query: ORG_UNIT_PATH, variables: { id: unitId } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new OrgDirectoryUnavailableError(`org directory unreachable at ${graphqlUrl}: ${(error as Error).message}`);
      }
      const body = (await response.json().catch(() => null)) as {
        data?: { orgUnit: { path: string } | null };
        errors?: { message: string }[];
      } | null;
      if (!response.ok || !body || body.errors?.length) {
        throw new OrgDirectoryUnavailableError(
          `org directory answered ${response.status}: ${body?.errors?.map((e) => e.message).join('; ') ?? 'no body'}`,
        );
      }
      return body.data?.orgUnit?.path ?? null;
    },
  };
}

/** The path of a unit the caller may see, or NOT_FOUND: the same answer whether it is missing or out of scope. */
export async function visibleUnitPath(directory: OrgUnitDirectory, caller: Caller, unitId: string): Promise<string> {
  // A unit the caller holds a grant on: its path is in the token (as fresh as the scope itself), no lookup needed.
  const granted = caller.viewer.grants.find((grant) => grant.unitId === unitId);
  if (granted) return granted.path;
  const path = await directory.pathOf(unitId, caller.token, caller.requestId);
  if (!path || !caller.viewer.covers(path)) throw new NotFoundError('单位', unitId);
  return path;
}
