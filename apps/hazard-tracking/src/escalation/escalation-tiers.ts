import { HazardGrade } from '../hazards/hazard-enums';

export type EscalationTier = 1 | 2 | 3;
export type EscalationNotify = 'RESPONSIBLE_PERSON' | 'UNIT_LEADER' | 'SAFETY_OFFICE';

/** Whom each tier notifies and whether it opens an accountability case. */
export const TIER_RULES: Record<EscalationTier, { notify: EscalationNotify; accountability: boolean; daysAfterDeadline: number }> = {
  1: { notify: 'RESPONSIBLE_PERSON', accountability: false, daysAfterDeadline: 1 },
  2: { notify: 'UNIT_LEADER', accountability: false, daysAfterDeadline: 3 },
  3: { notify: 'SAFETY_OFFICE', accountability: true, daysAfterDeadline: 7 },
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const match = CALENDAR_DATE.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days)).toISOString().slice(0, 10);
}

/**
 * The escalation tiers due for a hazard whose plan deadline is `deadline`, on calendar day `today`
 * (school time zone). The deadline passes on the day after it: tier 1 (responsible person); 3 days after
 * the deadline tier 2 (unit leader); 7 days after, tier 3 (safety office, accountability). A MAJOR hazard
 * goes straight to tier 3 as soon as it is overdue, and only tier 3 is recorded for it.
 */
export function dueTiers(deadline: string, today: string, grade: HazardGrade | 'GENERAL' | 'MAJOR'): EscalationTier[] {
  if (!(today > deadline)) return [];
  if (grade === HazardGrade.MAJOR) return [3];
  const tiers: EscalationTier[] = [1];
  if (today >= addDays(deadline, TIER_RULES[2].daysAfterDeadline)) tiers.push(2);
  if (today >= addDays(deadline, TIER_RULES[3].daysAfterDeadline)) tiers.push(3);
  return tiers;
}
