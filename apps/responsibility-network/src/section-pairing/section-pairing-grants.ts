import { grant, Role, RoleGrant } from '@campus/auth';
import { calendarDateOf } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { recordAccessRevoked } from '../accounts/access-revoked';

/**
 * The role a section's people hold at each school it is paired with: read everything in the school's scope
 * and supervise (discover hazards, accept rectifications) as a 督导组成员 does.
 */
export const PAIRING_ROLE = Role.INSPECTOR;

/**
 * The grants a pairing gives this account, for its token: INSPECTOR at every school paired (started, not
 * ended) with a section where the account holds a grant of its own, while the school is still under the
 * pairing's bureau (a school moved away is no longer the section's). They are not role_grant rows, so no one
 * can revoke or edit them as ordinary grants; ending the pairing takes them away.
 */
export async function pairingGrantsOf(manager: EntityManager, accountId: string, today = calendarDateOf(new Date())): Promise<RoleGrant[]> {
  const rows: { unitId: string; path: string }[] = await manager.query(
    `SELECT DISTINCT p.school_id AS unitId, s.path
       FROM role_grant g
       JOIN section_pairing p ON p.org_unit_id = g.org_unit_id AND p.ended_on IS NULL AND p.started_on <= ?
       JOIN org_unit s ON s.id = p.school_id
       JOIN org_unit b ON b.id = p.bureau_id AND s.path LIKE CONCAT(b.path, '%')
      WHERE g.account_id = ?
      ORDER BY s.path`,
    [today, accountId],
  );
  return rows.map((row) => grant(PAIRING_ROLE, row.unitId, row.path));
}

/** The accounts holding a grant at the section: the people a pairing gives access to. */
export async function accountsAtSection(manager: EntityManager, sectionId: string): Promise<string[]> {
  const rows: { accountId: string }[] = await manager.query('SELECT DISTINCT account_id AS accountId FROM role_grant WHERE org_unit_id = ?', [sectionId]);
  return rows.map((row) => row.accountId);
}

/**
 * The section's people lose (or change) what the pairing gave them: every token they hold stops counting at
 * every service (account.access-revoked, as when a grant is revoked); their next login carries the new grants.
 */
export async function revokeSectionTokens(manager: EntityManager, sectionId: string, tokenTtlSeconds: number): Promise<number> {
  const accountIds = await accountsAtSection(manager, sectionId);
  for (const accountId of accountIds) {
    await recordAccessRevoked(manager, { accountId, sessionId: null, cause: 'PAIRING_ENDED' }, tokenTtlSeconds);
  }
  return accountIds.length;
}
