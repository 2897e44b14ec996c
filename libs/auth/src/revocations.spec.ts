import { RevocationSet } from './revocations';
import { Role } from './roles';
import { Viewer } from './viewer';

const grants = [{ role: Role.STAFF, unitId: 'u', path: '/u/' }];
const at = (iso: string) => Date.parse(iso);
const viewer = (accountId: string, personId: string | null, sessionId: string | null, issuedAtIso: string, precise = true) =>
  new Viewer(accountId, personId, grants, { sessionId, issuedAtMs: at(issuedAtIso), precise });

describe('RevocationSet', () => {
  const keep = at('2030-01-01T00:00:00Z');

  it('refuses a revoked session whenever it was issued', () => {
    const set = new RevocationSet();
    set.add('SESSION', 's1', at('2026-12-06T10:00:00Z'), keep);
    expect(set.isRevoked(viewer('a', null, 's1', '2026-12-06T11:00:00Z'))).toBe(true);
    expect(set.isRevoked(viewer('a', null, 's2', '2026-12-06T09:00:00Z'))).toBe(false);
  });

  it('refuses account and person tokens issued before the revocation, to the millisecond, not after it', () => {
    const set = new RevocationSet();
    set.add('ACCOUNT', 'a', at('2026-12-06T10:00:00.700Z'), keep);
    set.add('PERSON', 'p', at('2026-12-06T12:00:00.000Z'), keep);
    expect(set.isRevoked(viewer('a', null, 's', '2026-12-06T10:00:00.699Z'))).toBe(true);
    expect(set.isRevoked(viewer('a', null, 's', '2026-12-06T10:00:00.701Z'))).toBe(false);
    expect(set.isRevoked(viewer('b', 'p', 's', '2026-12-06T11:59:59Z'))).toBe(true);
    expect(set.isRevoked(viewer('b', 'p', 's', '2026-12-06T12:00:01Z'))).toBe(false);
  });

  it('refuses a whole-second token issued in the revocation’s second (it may have come before)', () => {
    const set = new RevocationSet();
    set.add('ACCOUNT', 'a', at('2026-12-06T10:00:00.700Z'), keep);
    expect(set.isRevoked(viewer('a', null, null, '2026-12-06T10:00:00Z', false))).toBe(true);
    expect(set.isRevoked(viewer('a', null, null, '2026-12-06T10:00:01Z', false))).toBe(false);
  });

  it('keeps the latest notBefore of a subject and forgets entries past keepUntil', () => {
    const set = new RevocationSet();
    set.add('ACCOUNT', 'a', at('2026-12-06T10:00:00Z'), at('2026-12-06T20:00:00Z'));
    set.add('ACCOUNT', 'a', at('2026-12-06T08:00:00Z'), at('2026-12-06T18:00:00Z'));
    expect(set.isRevoked(viewer('a', null, 's', '2026-12-06T09:00:00Z'))).toBe(true);
    set.prune(at('2026-12-06T20:00:01Z'));
    expect(set.size).toBe(0);
    expect(set.isRevoked(viewer('a', null, 's', '2026-12-06T09:00:00Z'))).toBe(false);
  });

  it('checks nothing for a viewer without a token session (tests, internal calls)', () => {
    const set = new RevocationSet();
    set.add('ACCOUNT', 'a', at('2030-01-01T00:00:00Z'), keep);
    expect(set.isRevoked(new Viewer('a', null, grants))).toBe(false);
  });
});
