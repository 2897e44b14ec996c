import { LetterCoverageStatus, LetterStatus } from './letter-enums';
import { CoverageCandidate, coverageStatusOf, currentYear, isStrictlyBelow, unitCoverage, yearHasEnded } from './letter-rules';

const { DRAFT, ISSUED, SIGNED, EXPIRED, REVOKED } = LetterStatus;

function letter(id: string, status: LetterStatus, needsResigning = false, createdAt = '2026-01-01T00:00:00Z'): CoverageCandidate {
  return { id, status, needsResigning, createdAt: new Date(createdAt) };
}

describe('isStrictlyBelow', () => {
  it('accepts a child and a deeper descendant', () => {
    expect(isStrictlyBelow('/a/', '/a/b/')).toBe(true);
    expect(isStrictlyBelow('/a/', '/a/b/c/')).toBe(true);
  });

  it('refuses the issuer itself, a sibling and an ancestor', () => {
    expect(isStrictlyBelow('/a/b/', '/a/b/')).toBe(false);
    expect(isStrictlyBelow('/a/b/', '/a/c/')).toBe(false);
    expect(isStrictlyBelow('/a/b/', '/a/')).toBe(false);
  });
});

describe('years', () => {
  it('counts the year in Shanghai time', () => {
    expect(currentYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(currentYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
  });

  it('treats a year as ended only once the next has begun in Shanghai', () => {
    expect(yearHasEnded(2025, new Date('2025-12-31T15:59:59Z'))).toBe(false);
    expect(yearHasEnded(2025, new Date('2025-12-31T16:00:00Z'))).toBe(true);
    expect(yearHasEnded(2026, new Date('2025-12-31T16:00:00Z'))).toBe(false);
  });
});

describe('coverageStatusOf', () => {
  it('shows a flagged letter in force as needing re-signing, and other letters by status', () => {
    expect(coverageStatusOf({ status: SIGNED, needsResigning: true })).toBe(LetterCoverageStatus.NEEDS_RESIGNING);
    expect(coverageStatusOf({ status: ISSUED, needsResigning: true })).toBe(LetterCoverageStatus.NEEDS_RESIGNING);
    expect(coverageStatusOf({ status: EXPIRED, needsResigning: true })).toBe(LetterCoverageStatus.EXPIRED);
    expect(coverageStatusOf({ status: SIGNED, needsResigning: false })).toBe(LetterCoverageStatus.SIGNED);
  });
});

describe('unitCoverage', () => {
  it('is NOT_ISSUED without letters', () => {
    expect(unitCoverage([])).toEqual({ status: LetterCoverageStatus.NOT_ISSUED, letterId: null });
  });

  it('takes the least-done live letter when a unit holds several', () => {
    expect(unitCoverage([letter('a', SIGNED), letter('b', ISSUED)])).toEqual({ status: LetterCoverageStatus.ISSUED, letterId: 'b' });
    expect(unitCoverage([letter('a', SIGNED), letter('b', SIGNED, true)])).toEqual({
      status: LetterCoverageStatus.NEEDS_RESIGNING,
      letterId: 'b',
    });
    expect(unitCoverage([letter('a', DRAFT), letter('b', ISSUED)])).toEqual({ status: LetterCoverageStatus.DRAFT, letterId: 'a' });
  });

  it('lets a live letter replace a revoked one', () => {
    expect(unitCoverage([letter('old', REVOKED), letter('new', SIGNED)])).toEqual({ status: LetterCoverageStatus.SIGNED, letterId: 'new' });
  });

  it('prefers an expired letter to a revoked one, and the newest of each', () => {
    expect(unitCoverage([letter('r', REVOKED), letter('e', EXPIRED)])).toEqual({ status: LetterCoverageStatus.EXPIRED, letterId: 'e' });
    expect(
      unitCoverage([letter('r1', REVOKED, false, '2026-01-01T00:00:00Z'), letter('r2', REVOKED, false, '2026-02-01T00:00:00Z')]),
    ).toEqual({ status: LetterCoverageStatus.REVOKED, letterId: 'r2' });
  });
});
