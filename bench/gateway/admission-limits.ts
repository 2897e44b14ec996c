import { loadConfig, overloadLimitsOf, overloadLimitVariables } from '@campus/config';

/** The admission limits the bench's gateway runs with: its environment as given to this run (passed on), else the defaults. */
export const gatewayLimits = overloadLimitsOf(loadConfig(overloadLimitVariables(), process.env));

/** The limits as the reports print them, so that a report says what the gateway it measured was allowed. */
export function describeLimits(): string {
  const limits = gatewayLimits;
  return `GATEWAY_MAX_IN_FLIGHT=${limits.maxInFlight}, GATEWAY_MAX_MUTATIONS_IN_FLIGHT=${limits.maxMutationsInFlight}, GATEWAY_OVERLOADED_MAX_IN_FLIGHT=${limits.overloadedMaxInFlight}, GATEWAY_MAX_QUEUED=${limits.maxQueued}, GATEWAY_QUEUE_WAIT_MS=${limits.queueWaitMs}, GATEWAY_OVERLOADED_WAIT_MS=${limits.overloadedWaitMs}, GATEWAY_RETRY_AFTER_SECONDS=${limits.retryAfterSeconds}`;
}
