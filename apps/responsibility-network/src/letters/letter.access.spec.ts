import { Role, Viewer } from '@campus/auth';
import { nextState } from '@campus/server';
import { LetterStatus } from './letter-enums';
import { AWAITING_RESIGNING, LETTER_TRANSITIONS, letterPhase, letterStatusAfter, mayReadLetter, statusesFrom } from './letter.access';
import { ResponsibilityLetterEntity } from './letter.entity';

const { DRAFT, ISSUED, SIGNED, REVOKED, EXPIRED } = LetterStatus;

describe('the letter transition table', () => {
  it('tells a signed letter flagged for re-signing apart', () => {
    expect(letterPhase({ status: SIGNED, needsResigning: true })).toBe(AWAITING_RESIGNING);
    expect(letterPhase({ status: SIGNED, needsResigning: false })).toBe(SIGNED);
    expect(letterPhase({ status: ISSUED, needsResigning: true })).toBe(ISSUED);
  });

  it('edits and issues drafts only, and signs issued or flagged letters', () => {
    expect(nextState(LETTER_TRANSITIONS, 'EDIT', DRAFT)).toBe(DRAFT);
    expect(nextState(LETTER_TRANSITIONS, 'EDIT', ISSUED)).toBeNull();
    expect(nextState(LETTER_TRANSITIONS, 'ISSUE', DRAFT)).toBe(ISSUED);
    expect(nextState(LETTER_TRANSITIONS, 'SIGN', ISSUED)).toBe(SIGNED);
    expect(nextState(LETTER_TRANSITIONS, 'SIGN', AWAITING_RESIGNING)).toBe(SIGNED);
    expect(nextState(LETTER_TRANSITIONS, 'SIGN', SIGNED)).toBeNull();
  });

  it('ends only letters in force, flagged ones included', () => {
    for (const action of ['REVOKE', 'EXPIRE'] as const) {
      expect([DRAFT, ISSUED, SIGNED, AWAITING_RESIGNING, REVOKED, EXPIRED].map((phase) => nextState(LETTER_TRANSITIONS, action, phase) !== null)).toEqual([
        false,
        true,
        true,
        true,
        false,
        false,
      ]);
    }
    expect(statusesFrom('EXPIRE')).toEqual([ISSUED, SIGNED]);
  });
});

describe('signing (letterStatusAfter SIGN)', () => {
  const letter = (status: LetterStatus, needsResigning: boolean) => ({ id: 'l1', status, needsResigning });

  it('allows signing an issued letter and re-signing a flagged signed one', () => {
    expect(letterStatusAfter('SIGN', letter(ISSUED, false))).toBe(SIGNED);
    expect(letterStatusAfter('SIGN', letter(ISSUED, true))).toBe(SIGNED);
    expect(letterStatusAfter('SIGN', letter(SIGNED, true))).toBe(SIGNED);
  });

  it.each([
    [DRAFT, false, '责任书尚未下达，不能签署'],
    [SIGNED, false, '责任书已签署，无需重复签署'],
    [REVOKED, false, '责任书已撤销，不能签署'],
    [EXPIRED, true, '责任书已到期，不能签署'],
  ])('refuses %s (needsResigning %s)', (status, needsResigning, message) => {
    expect(() => letterStatusAfter('SIGN', letter(status, needsResigning))).toThrow(
      expect.objectContaining({ reason: 'ILLEGAL_TRANSITION', message: `${message} (CONFLICT)` }),
    );
  });
});

describe('reading a letter', () => {
  const letter = { orgPath: '/b/s1/', issuerPath: '/b/', recipientPersonId: 'p1' } as ResponsibilityLetterEntity;
  const asker = (grants: [Role, string][], personId: string | null = null) => ({
    viewer: new Viewer('a', personId, grants.map(([role, path]) => ({ role, unitId: 'u', path }))),
  });

  it('is open to either side and to the person who must sign it', () => {
    expect(mayReadLetter(asker([[Role.STAFF, '/b/s1/']]), letter)).toBe(true);
    expect(mayReadLetter(asker([[Role.BUREAU_ADMIN, '/b/']]), letter)).toBe(true);
    expect(mayReadLetter(asker([], 'p1'), letter)).toBe(true);
    expect(mayReadLetter(asker([[Role.UNIT_LEADER, '/b/s2/']], 'p2'), letter)).toBe(false);
  });
});
