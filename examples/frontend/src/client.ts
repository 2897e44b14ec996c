// Sending a typed operation with nothing but fetch; urql and Apollo Client take the same documents.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { LedgerPage, StartRectification } from './hazards';

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string; retryAfterSeconds?: number } }[];
}

/** The id GraphQL Code Generator gave the operation (persistedDocuments): all a production gateway needs to be sent. */
export function documentIdOf(document: TypedDocumentNode<unknown, never>): string | undefined {
  return (document as { __meta__?: { hash?: string } }).__meta__?.hash;
}

/**
 * Sends an operation: by its text in development, by its id to a production gateway that executes only
 * registered operations (trusted documents).
 */
export async function request<Result, Variables>(
  gatewayUrl: string,
  token: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  send: 'text' | 'id' = 'text',
): Promise<Result> {
  const operation = send === 'id' ? { documentId: documentIdOf(document as TypedDocumentNode<unknown, never>) } : { query: print(document) };
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...operation, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<Result>;
  // Every refusal carries a machine-readable reason (README: "Who may do what, and why a request was refused").
  if (answer.errors?.length) throw new Error(answer.errors.map((error) => `${error.message} [${error.extensions?.reason ?? error.extensions?.code}]`).join('; '));
  return answer.data as Result;
}

/** The first page of the ledger, then its first reported hazard moved on to rectification (with the version it was read at). */
export async function startFirstRectification(gatewayUrl: string, token: string): Promise<string | null> {
  const page = await request(gatewayUrl, token, LedgerPage, { first: 20 });
  const hazard = page.hazards.edges.map((edge) => edge.node).find((node) => node.status === 'REPORTED');
  if (!hazard) return null;
  const moved = await request(gatewayUrl, token, StartRectification, { input: { id: hazard.id, version: hazard.version, comment: '按整改方案开始治理' } });
  return moved.startRectification.hazard.status;
}
