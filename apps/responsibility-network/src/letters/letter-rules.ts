import { calendarDateOf } from '@campus/graphql';
import { LetterCoverageStatus, LetterStatus } from './letter-enums';

/** A letter goes down the tree: the recipient must lie strictly below the issuer. */
export function isStrictlyBelow(issuerPath: string, recipientPath: string): boolean {
  return recipientPath.startsWith(issuerPath) && recipientPath !== issuerPath;
}

/** The year it is now in the school's time zone. */
export function currentYear(now: Date = new Date()): number {
  return Number(calendarDateOf(now).slice(0, 4));
}

/** Letters of a year expire only once that year is over. */
export function yearHasEnded(year: number, now: Date = new Date()): boolean {
  return currentYear(now) > year;
}

export interface LetterState {
  status: LetterStatus;
  needsResigning: boolean;
}

/** Letters in force: the ones a revocation or the end of the year can end. */
export function isInForce(status: LetterStatus): boolean {
  return status === LetterStatus.ISSUED || status === LetterStatus.SIGNED;
}

export interface CoverageCandidate extends LetterState {
  id: string;
  createdAt: Date;
}

export interface UnitCoverage {
  status: LetterCoverageStatus;
  letterId: string | null;
}

/** Live letters rank from least to most done; a unit is as far along as its least-done live letter. */
const LIVE_RANK: Partial<Record<LetterCoverageStatus, number>> = {
  [LetterCoverageStatus.DRAFT]: 0,
  [LetterCoverageStatus.ISSUED]: 1,
  [LetterCoverageStatus.NEEDS_RESIGNING]: 2,
  [LetterCoverageStatus.SIGNED]: 3,
};

const COVERAGE_OF_STATUS: Record<LetterStatus, LetterCoverageStatus> = {
  [LetterStatus.DRAFT]: LetterCoverageStatus.DRAFT,
  [LetterStatus.ISSUED]: LetterCoverageStatus.ISSUED,
  [LetterStatus.SIGNED]: LetterCoverageStatus.SIGNED,
  [LetterStatus.EXPIRED]: LetterCoverageStatus.EXPIRED,
  [LetterStatus.REVOKED]: LetterCoverageStatus.REVOKED,
};

export function coverageStatusOf(letter: LetterState): LetterCoverageStatus {
  if (letter.needsResigning && isInForce(letter.status)) return LetterCoverageStatus.NEEDS_RESIGNING;
  return COVERAGE_OF_STATUS[letter.status];
}

/**
 * Where one unit stands given the letters its issuer made for it in a year. A unit may hold several
 * (an annual letter and a winter/spring one, or a new one after a revocation): any live letter
 * (draft, issued, signed) decides, the least-done one first; otherwise an expired letter, then a
 * revoked one; with none the letter was never made.
 */
export function unitCoverage(letters: CoverageCandidate[]): UnitCoverage {
  const newestFirst = [...letters].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  const live = newestFirst.filter((letter) => LIVE_RANK[coverageStatusOf(letter)] !== undefined);
  if (live.length > 0) {
    const leastDone = live.reduce((worst, letter) =>
      LIVE_RANK[coverageStatusOf(letter)]! < LIVE_RANK[coverageStatusOf(worst)]! ? letter : worst,
    );
    return { status: coverageStatusOf(leastDone), letterId: leastDone.id };
  }
  for (const status of [LetterStatus.EXPIRED, LetterStatus.REVOKED]) {
    const found = newestFirst.find((letter) => letter.status === status);
    if (found) return { status: coverageStatusOf(found), letterId: found.id };
  }
  return { status: LetterCoverageStatus.NOT_ISSUED, letterId: null };
}
