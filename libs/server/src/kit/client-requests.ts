import type { Viewer } from '@campus/auth';
import { isDuplicateKey } from '@campus/database';
import { BadUserInputError, DomainError } from '@campus/graphql';
import type { Logger } from '@campus/logger';
import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { Arg, Field } from 'type-graphql';
import { DataSource, EntityManager } from 'typeorm';
import { PeriodicJob, RunCounts } from '../periodic-job';
import { ClientRequests1764800000000 } from './client-requests.migration';
import { FeatureModule } from './feature-module';

/** A client retries within minutes, or a phone that was offline within days: a week, then the row goes. */
const CLIENT_REQUEST_KEEP_MS = 7 * 24 * 3600 * 1000;
const CLEANUP_INTERVAL_MS = 3600 * 1000;
const CLIENT_REQUEST_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export const CLIENT_REQUEST_ID_DESCRIPTION =
  '客户端请求编号（可选，1–64 个字母、数字或 _.:-）：重试同一编号的提交只返回第一次的结果，不会重复创建 / ' +
  'Client request id (optional, 1–64 of [A-Za-z0-9_.:-]): a retry with the same id answers the first result and creates nothing twice';

/** The optional `clientRequestId` field of a create mutation's input. */
export function ClientRequestIdField() {
  return Field(() => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION });
}

/** The optional `clientRequestId` argument of a create mutation that takes no input object. */
export function ClientRequestIdArg() {
  return Arg('clientRequestId', () => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION });
}

/** One create as the client asked for it: who, which mutation, the client's id for the request and what it sent. */
export interface CreateRequest {
  viewer: Viewer;
  /** The mutation (or route) name: the same client id may be used once per operation. */
  operation: string;
  clientRequestId?: string | null;
  /** What the client sent; its clientRequestId field, if any, is left out of the comparison. */
  input: unknown;
}

/** What createOnce did: `created` is the new aggregate, or null when this is a replay of `id`. */
export type CreateOutcome<T> = { id: string; created: T } | { id: string; created: null };

/**
 * Runs `create` once per (viewer account, operation, clientRequestId), inside the caller's transaction: the
 * claim is an INSERT on that unique key, so a concurrent duplicate waits until the first commits (or rolls
 * back) and then sees it. A replay answers the first create's id and creates nothing; the caller loads it
 * as usual once the transaction ends. The same key with another input is refused. Without a key, `create`
 * simply runs. Call it first in the transaction, before any other lock is taken, so duplicates cannot deadlock.
 */
export async function createOnce<T>(
  manager: EntityManager,
  request: CreateRequest,
  create: () => Promise<T>,
  idOf: (created: T) => string = (created) => (created as { id: string }).id,
): Promise<CreateOutcome<T>> {
  const requestId = request.clientRequestId;
  if (requestId === undefined || requestId === null) {
    const created = await create();
    return { id: idOf(created), created };
  }
  checkClientRequestId(requestId);
  const key = [request.viewer.accountId, request.operation, requestId];
  const inputHash = hashOfInput(request.input);
  const earlier = await claim(manager, key, inputHash);
  if (earlier) {
    if (earlier.inputHash !== inputHash) throw keyReused(requestId);
    return { id: earlier.createdId, created: null };
  }
  const created = await create();
  const id = idOf(created);
  await manager.query('UPDATE client_request SET created_id = ? WHERE account_id = ? AND operation = ? AND request_id = ?', [id, ...key]);
  return { id, created };
}

/** The create request of a mutation whose input carries the optional clientRequestId. */
export function clientRequest(viewer: Viewer, operation: string, input: { clientRequestId?: string | null }): CreateRequest {
  return { viewer, operation, clientRequestId: input.clientRequestId, input };
}

/**
 * A transaction's work run through createOnce: `transaction(oncePerRequest(request, async (manager) => …))`
 * resolves to the outcome; answer `outcome.created ?? load(outcome.id)` once the transaction has ended.
 */
export function oncePerRequest<T>(
  request: CreateRequest,
  work: (manager: EntityManager) => Promise<T>,
  idOf?: (created: T) => string,
): (manager: EntityManager) => Promise<CreateOutcome<T>> {
  return (manager) => createOnce(manager, request, () => work(manager), idOf);
}

export function checkClientRequestId(requestId: string): void {
  if (!CLIENT_REQUEST_ID.test(requestId)) {
    throw new BadUserInputError([{ field: 'clientRequestId', message: '请求编号须为 1–64 个字母、数字或 _.:- 字符' }]);
  }
}

/** SHA-256 of the input with its keys sorted (the order a client sends fields in does not matter). */
export function hashOfInput(input: unknown): string {
  const fields: Record<string, unknown> = { ...(input ?? {}) };
  delete fields.clientRequestId;
  return createHash('sha256')
    .update(stringify(fields) ?? '')
    .digest('hex');
}

/** Inserts the claim; null when it is new, else the committed row of the first request (read with a lock, so never a stale snapshot). */
async function claim(manager: EntityManager, key: string[], inputHash: string): Promise<{ inputHash: string; createdId: string } | null> {
  try {
    await manager.query('INSERT INTO client_request (account_id, operation, request_id, input_hash) VALUES (?, ?, ?, ?)', [...key, inputHash]);
    return null;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const [row]: { inputHash: string; createdId: string }[] = await manager.query(
    `SELECT input_hash AS inputHash, created_id AS createdId FROM client_request
      WHERE account_id = ? AND operation = ? AND request_id = ? LOCK IN SHARE MODE`,
    key,
  );
  return row;
}

function keyReused(requestId: string): DomainError {
  return new DomainError('IDEMPOTENCY_KEY_REUSED', undefined, { field: 'clientRequestId', clientRequestId: requestId });
}

/** Deletes client requests older than the retry window. */
export async function forgetOldClientRequests(dataSource: DataSource, now = Date.now()): Promise<RunCounts> {
  const deleted: { affectedRows?: number } = await dataSource.query('DELETE FROM client_request WHERE created_at < ? LIMIT 1000', [
    new Date(now - CLIENT_REQUEST_KEEP_MS),
  ]);
  return { clientRequestsDeleted: deleted.affectedRows ?? 0 };
}

function cleanupJob(dataSource: DataSource, logger: Logger): PeriodicJob {
  return new PeriodicJob('client-requests', CLEANUP_INTERVAL_MS, logger, () => forgetOldClientRequests(dataSource));
}

/**
 * Safe retries of create mutations, in every service: `client_request` remembers which aggregate each
 * (account, operation, client request id) created (see createOnce). The kit adds this module to every service.
 */
export const CLIENT_REQUESTS_MODULE: FeatureModule = {
  name: 'client-requests',
  migrations: [ClientRequests1764800000000],
  jobs: ({ dataSource, logger }) => [cleanupJob(dataSource, logger)],
};
