import { AccountAccessRevoked, recordEvent } from '@campus/events';
import { EntityManager } from 'typeorm';

/** Why tokens were revoked (carried in the event, for the logs). */
export type RevocationCause = 'LOGOUT' | 'GRANT_REVOKED' | 'PASSWORD_CHANGED' | 'ACCOUNT_DEACTIVATED' | 'PAIRING_ENDED';

/** A minute beyond the token lifetime: clocks of other services may run a little behind. */
const CLOCK_MARGIN_MS = 60_000;

/**
 * Records `account.access-revoked` in the caller's transaction: every service (this one included) refuses the
 * session's token, or every token of the account issued before now, once it has the event (kit module
 * access-revocations in libs/server).
 */
export async function recordAccessRevoked(
  manager: EntityManager,
  revoked: { accountId: string; sessionId: string | null; cause: RevocationCause },
  tokenTtlSeconds: number,
  now = new Date(),
): Promise<void> {
  await recordEvent(manager, AccountAccessRevoked, revoked.accountId, {
    accountId: revoked.accountId,
    sessionId: revoked.sessionId,
    notBefore: now.toISOString(),
    keepUntil: new Date(now.getTime() + tokenTtlSeconds * 1000 + CLOCK_MARGIN_MS).toISOString(),
    cause: revoked.cause,
  });
}
