import type { Viewer } from '@campus/auth';
import type { Logger } from '@campus/logger';
import DataLoader from 'dataloader';
import { AuthChecker } from 'type-graphql';
import { UnauthenticatedError } from './errors';

/** What every resolver gets: the caller, the raw token (to call other services as them), request-scoped loaders. */
export interface RequestContext {
  viewer: Viewer | null;
  token: string | null;
  requestId: string;
  logger: Logger;
  loaders: LoaderRegistry;
  /** The caller's network address (the gateway forwards it; see libs/server's clientAddressOf): login throttling. */
  clientAddress?: string | null;
}

/** Per-request DataLoaders, created on first use so one request batches into one statement per kind. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

function requireViewer(context: RequestContext): Viewer {
  if (!context.viewer) throw new UnauthenticatedError();
  return context.viewer;
}

/** `@Authorized()` means "signed in"; roles and scope are decided against the data by each aggregate's access object (the module kit). */
export const signedInAuthChecker: AuthChecker<RequestContext> = ({ context }) => context.viewer !== null;

/**
 * Who is asking, as every service method takes it: the signed-in viewer, the token they came with (for
 * calls to other services on their behalf) and the request's loaders.
 */
export interface Caller {
  viewer: Viewer;
  token: string;
  requestId: string;
  loaders: LoaderRegistry;
}

export function callerOf(context: RequestContext): Caller {
  const viewer = requireViewer(context);
  return { viewer, token: context.token ?? '', requestId: context.requestId, loaders: context.loaders };
}
