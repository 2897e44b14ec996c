import { DomainError } from '@campus/graphql';
import { DataSource, EntityManager } from 'typeorm';

/** How one kind of key (an account, a client address) is throttled. */
export interface ThrottleRule {
  /** Failures before any delay. */
  freeFailures: number;
  /** Failures that lock the key for lockMs. */
  lockAfter: number;
  lockMs: number;
  /** Delays double from 1 s after freeFailures, up to this. */
  maxDelayMs: number;
  /** A key whose last failure is older than this (and not blocked) starts again from zero. */
  windowMs: number;
}

const MINUTE = 60_000;

export const ACCOUNT_RULE: ThrottleRule = { freeFailures: 3, lockAfter: 10, lockMs: 15 * MINUTE, maxDelayMs: MINUTE, windowMs: 15 * MINUTE };
/** Generous: a school's whole network may share one address. */
export const ADDRESS_RULE: ThrottleRule = { freeFailures: 50, lockAfter: 100, lockMs: 15 * MINUTE, maxDelayMs: MINUTE, windowMs: 15 * MINUTE };

/** The keys one login attempt counts against. */
export interface LoginKeys {
  /** The account's id, or for a username no account has, the username (see accountKeyOf). */
  account: string;
  clientAddress: string | null;
}

/**
 * The account key of a login: the account's id when the username names one — the lookup ignores case, width
 * and trailing spaces, so spellings of one username must count as one —, else the normalised username.
 */
export function accountKeyOf(accountId: string | null, username: string): string {
  return accountId ?? `name:${username.normalize('NFKC').trim().toLowerCase()}`;
}

interface ThrottleRow {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/**
 * Login throttling shared by every instance (the `login_throttle` table): per account and per client
 * address, failures beyond a free few make the key wait (1 s, 2 s, 4 s … doubling), and enough of them lock it
 * for a while. An attempt while a key waits or is locked is refused without looking at the password, even a
 * correct one, and counts as a failure; a successful login clears its account's count (not its address's).
 */
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: { account: ThrottleRule; address: ThrottleRule } = { account: ACCOUNT_RULE, address: ADDRESS_RULE },
  ) {}

  /** Throws LOGIN_LOCKED or LOGIN_DELAYED (with retryAt) when either key may not try now. */
  async checkAllowed(keys: LoginKeys, now = new Date()): Promise<void> {
    for (const [key, rule] of this.keyed(keys)) {
      const row = await this.read(this.dataSource.manager, key);
      if (row?.blockedUntil && row.blockedUntil > now) throw throttledError(row, rule, key.startsWith('address:'));
    }
  }

  /** Lets an attempt through, or refuses it as checkAllowed does and counts the refused attempt as a failure. */
  async admit(keys: LoginKeys): Promise<void> {
    try {
      await this.checkAllowed(keys);
    } catch (error) {
      await this.recordFailure(keys);
      throw error;
    }
  }

  /** Counts a refused attempt against both keys, delaying or locking them as their rules say. */
  async recordFailure(keys: LoginKeys, now = new Date()): Promise<void> {
    for (const [key, rule] of this.keyed(keys)) {
      await this.dataSource.transaction(async (manager) => {
        const row = await this.read(manager, key, true);
        const fresh = !row || (row.lastFailureAt.getTime() + rule.windowMs < now.getTime() && !(row.blockedUntil && row.blockedUntil > now));
        const failures = fresh ? 1 : row.failures + 1;
        const stillLocked = !fresh && row.blockedUntil && row.blockedUntil > now && row.failures >= rule.lockAfter;
        const blockedUntil = stillLocked ? row.blockedUntil : blockedUntilAfter(failures, rule, now);
        await manager.query(
          `INSERT INTO login_throttle (throttle_key, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE failures = VALUES(failures), last_failure_at = VALUES(last_failure_at), blocked_until = VALUES(blocked_until)`,
          [key, failures, now, blockedUntil],
        );
      });
    }
  }

  /** A correct password, not throttled: the account starts again from zero. */
  async recordSuccess(keys: LoginKeys): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttle WHERE throttle_key = ?', [`account:${keys.account}`]);
  }

  /** Drops keys with nothing left to remember (no block, last failure outside every window). */
  async forgetOld(now = new Date()): Promise<number> {
    const horizon = new Date(now.getTime() - Math.max(this.rules.account.windowMs, this.rules.address.windowMs));
    const result: { affectedRows?: number } = await this.dataSource.query(
      'DELETE FROM login_throttle WHERE last_failure_at < ? AND (blocked_until IS NULL OR blocked_until < ?) LIMIT 1000',
      [horizon, now],
    );
    return result.affectedRows ?? 0;
  }

  private keyed(keys: LoginKeys): [string, ThrottleRule][] {
    const keyed: [string, ThrottleRule][] = [[`account:${keys.account}`, this.rules.account]];
    if (keys.clientAddress) keyed.push([`address:${keys.clientAddress}`, this.rules.address]);
    return keyed;
  }

  private async read(manager: EntityManager, key: string, forUpdate = false): Promise<ThrottleRow | null> {
    const rows: ThrottleRow[] = await manager.query(
      `SELECT failures, last_failure_at AS lastFailureAt, blocked_until AS blockedUntil FROM login_throttle WHERE throttle_key = ?${forUpdate ? ' FOR UPDATE' : ''}`,
      [key],
    );
    return rows[0] ?? null;
  }
}

/** When the key may try again after its n-th failure: now, after a doubling delay, or after the lock. */
export function blockedUntilAfter(failures: number, rule: ThrottleRule, now: Date): Date | null {
  if (failures >= rule.lockAfter) return new Date(now.getTime() + rule.lockMs);
  if (failures <= rule.freeFailures) return null;
  const delayMs = Math.min(1000 * 2 ** (failures - rule.freeFailures - 1), rule.maxDelayMs);
  return new Date(now.getTime() + delayMs);
}

const SCHOOL_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

function throttledError(row: ThrottleRow, rule: ThrottleRule, byAddress: boolean): DomainError {
  const blockedUntil = row.blockedUntil as Date;
  const when = SCHOOL_TIME.format(blockedUntil).replace(/\//g, '-');
  const retryAt = blockedUntil.toISOString();
  if (row.failures >= rule.lockAfter) {
    const who = byAddress ? '该网络地址' : '该账号';
    return new DomainError('LOGIN_LOCKED', `登录失败次数过多，${who}已临时锁定，请于 ${when} 后再试`, { retryAt });
  }
  return new DomainError('LOGIN_DELAYED', `登录失败次数较多，请于 ${when} 后再试`, { retryAt });
}
