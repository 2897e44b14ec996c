import { loadConfig, overloadLimitsOf, overloadLimitVariables } from '@campus/config';

/** The admission variables the bench's gateway runs with: its environment as given to this run (passed on), else the defaults. */
const gatewayLimitConfig = loadConfig(overloadLimitVariables(), process.env);

export const gatewayLimits = overloadLimitsOf(gatewayLimitConfig);

/** The limits as the reports print them (every admission variable, by name), so that a report says what the gateway it measured was allowed. */
export function describeLimits(): string {
  return Object.entries(gatewayLimitConfig)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}
