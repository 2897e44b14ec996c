import { ConfigOf, intVar } from './env';

/**
 * How much work the gateway takes on at once before it sheds the rest (HTTP 503 with Retry-After) instead of
 * queueing it. The defaults suit 2 cores shared by the gateway and the subgraphs. Calm, 16 queries at once: a
 * ledger page costs the gateway ~0.4 ms of CPU and hazard-tracking ~0.5 ms plus its waits on MariaDB, and more
 * requests in flight overlap those waits (bench/gateway/findings.md compares 2, 8, 16, 32 and 64). Mutations wait
 * under a limit of their own, 64: their time is the commit, and more commits at once share the disk's flush.
 * Overloaded (the queue overflowed, or a request waited out its allowance, within the last second), 2 at once:
 * each one more only lengthens every admitted answer while the rest is shed (bench/reports/gateway-overload.md).
 * The queue holds the bursts the platform sees in normal use (50 concurrent callers wait their turn); past it the
 * gateway sheds (apps/gateway/src/admission.ts).
 */
export function overloadLimitVariables() {
  return {
    GATEWAY_MAX_IN_FLIGHT: intVar('most GraphQL queries (and GraphQL-backed exports) the gateway works on at once', 16, { min: 1, max: 10_000 }),
    GATEWAY_MAX_MUTATIONS_IN_FLIGHT: intVar('most GraphQL mutations the gateway works on at once (apart from the queries: a mutation waits on its commit)', 64, {
      min: 1,
      max: 10_000,
    }),
    GATEWAY_OVERLOADED_MAX_IN_FLIGHT: intVar('most GraphQL requests the gateway works on at once while overloaded (at most GATEWAY_MAX_IN_FLIGHT)', 2, {
      min: 1,
      max: 10_000,
    }),
    GATEWAY_MAX_QUEUED: intVar('most requests waiting for a free slot; when more arrive the one that waited longest is shed', 64, { min: 0, max: 100_000 }),
    GATEWAY_QUEUE_WAIT_MS: intVar('longest wait for a free slot before a request is shed', 5000, { min: 0, max: 60_000 }),
    GATEWAY_OVERLOADED_WAIT_MS: intVar('longest wait for a free slot while overloaded (the queue overflowed, or a request was shed, within the last second)', 5, {
      min: 0,
      max: 60_000,
    }),
    GATEWAY_MAX_FILE_TRANSFERS: intVar('most uploads, downloads and streamed exports the gateway forwards at once', 32, { min: 1, max: 10_000 }),
    GATEWAY_RETRY_AFTER_SECONDS: intVar('the Retry-After a shed request or an unavailable subgraph is answered with', 1, { min: 1, max: 3600 }),
  };
}

export interface OverloadLimits {
  maxInFlight: number;
  maxMutationsInFlight: number;
  overloadedMaxInFlight: number;
  maxQueued: number;
  queueWaitMs: number;
  overloadedWaitMs: number;
  maxFileTransfers: number;
  retryAfterSeconds: number;
}

/** The limits of a loaded configuration that includes overloadLimitVariables(). */
export function overloadLimitsOf(config: ConfigOf<ReturnType<typeof overloadLimitVariables>>): OverloadLimits {
  return {
    maxInFlight: config.GATEWAY_MAX_IN_FLIGHT,
    maxMutationsInFlight: config.GATEWAY_MAX_MUTATIONS_IN_FLIGHT,
    overloadedMaxInFlight: config.GATEWAY_OVERLOADED_MAX_IN_FLIGHT,
    maxQueued: config.GATEWAY_MAX_QUEUED,
    queueWaitMs: config.GATEWAY_QUEUE_WAIT_MS,
    overloadedWaitMs: config.GATEWAY_OVERLOADED_WAIT_MS,
    maxFileTransfers: config.GATEWAY_MAX_FILE_TRANSFERS,
    retryAfterSeconds: config.GATEWAY_RETRY_AFTER_SECONDS,
  };
}
