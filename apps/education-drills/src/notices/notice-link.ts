import { createHash, randomBytes } from 'node:crypto';

/** A guardian's one-time link token: 32 random bytes, base64url (43 characters). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isLinkToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** What is stored: a leaked table gives no working link. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function linkPath(token: string): string {
  return `/notices/ack/${token}`;
}

/**
 * The student as a guardian's page shows them: the family name and a star per further character (王小明 → 王**).
 * Enough for a guardian with several children to tell which notice is which, and nothing more if a link
 * is forwarded to a class group chat.
 */
export function maskedName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return '*';
  return characters[0] + '*'.repeat(characters.length - 1);
}

/** Days after the deadline a link still works: late acknowledgements still count for follow-up. */
export const LINK_GRACE_DAYS = 7;
