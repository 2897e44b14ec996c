import type { Viewer } from '@campus/auth';
import { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is changing what, for the audit trail: set around each mutation's resolver (see auditMutations). */
export interface AuditActor {
  accountId: string | null;
  personId: string | null;
  /** The GraphQL mutation (or route) name. */
  operation: string | null;
  requestId: string | null;
}

const storage = new AsyncLocalStorage<AuditActor>();

/** The actor of the running mutation; null in event handlers and jobs (recorded without an actor). */
export function currentAuditActor(): AuditActor | null {
  return storage.getStore() ?? null;
}

/** Runs `work` as `actor`: every audited write inside it (in any transaction it opens) carries the actor. */
export function withAuditActor<T>(actor: AuditActor, work: () => T): T {
  return storage.run(actor, work);
}

export function actorOf(viewer: Viewer | null | undefined, operation: string, requestId?: string | null): AuditActor {
  return { accountId: viewer?.accountId ?? null, personId: viewer?.personId ?? null, operation, requestId: requestId ?? null };
}

interface AuditedContext {
  viewer?: Viewer | null;
  requestId?: string;
}

/**
 * Wraps every root Mutation field of the schema so that its resolver runs as the request's viewer, with the
 * mutation's name and the request id: the one place the kit learns who made a change.
 */
export function auditMutations(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    const resolve: GraphQLFieldResolver<unknown, AuditedContext> | undefined = field.resolve;
    if (!resolve) continue;
    field.resolve = (source, args, context, info) =>
      withAuditActor(actorOf(context?.viewer, info.fieldName, context?.requestId), () => resolve(source, args, context, info));
  }
  return schema;
}
