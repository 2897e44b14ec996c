import { HazardGrade } from '../hazards/hazard-enums';
import { addDays, dueTiers, TIER_RULES } from './escalation-tiers';

describe('hazard escalation tiers', () => {
  const deadline = '2026-11-10';

  it('nothing is due on or before the deadline day', () => {
    expect(dueTiers(deadline, '2026-11-01', HazardGrade.GENERAL)).toEqual([]);
    expect(dueTiers(deadline, deadline, HazardGrade.GENERAL)).toEqual([]);
    expect(dueTiers(deadline, deadline, HazardGrade.MAJOR)).toEqual([]);
  });

  it('a general hazard climbs the tiers on the day after the deadline, +3 and +7 days', () => {
    expect(dueTiers(deadline, '2026-11-11', HazardGrade.GENERAL)).toEqual([1]);
    expect(dueTiers(deadline, '2026-11-12', HazardGrade.GENERAL)).toEqual([1]);
    expect(dueTiers(deadline, '2026-11-13', HazardGrade.GENERAL)).toEqual([1, 2]);
    expect(dueTiers(deadline, '2026-11-16', HazardGrade.GENERAL)).toEqual([1, 2]);
    expect(dueTiers(deadline, '2026-11-17', HazardGrade.GENERAL)).toEqual([1, 2, 3]);
    expect(dueTiers(deadline, '2027-01-01', HazardGrade.GENERAL)).toEqual([1, 2, 3]);
  });

  it('a major hazard goes straight to the top tier, and only that one', () => {
    expect(dueTiers(deadline, '2026-11-11', HazardGrade.MAJOR)).toEqual([3]);
    expect(dueTiers(deadline, '2026-12-11', HazardGrade.MAJOR)).toEqual([3]);
  });

  it('counts calendar days across month and year ends', () => {
    expect(addDays('2026-12-29', 3)).toBe('2027-01-01');
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dueTiers('2026-12-29', '2027-01-01', HazardGrade.GENERAL)).toEqual([1, 2]);
    expect(dueTiers('2026-12-31', '2027-01-07', HazardGrade.GENERAL)).toEqual([1, 2, 3]);
  });

  it('names whom each tier notifies', () => {
    expect(TIER_RULES[1]).toMatchObject({ notify: 'RESPONSIBLE_PERSON', accountability: false });
    expect(TIER_RULES[2]).toMatchObject({ notify: 'UNIT_LEADER', accountability: false });
    expect(TIER_RULES[3]).toMatchObject({ notify: 'SAFETY_OFFICE', accountability: true });
  });
});
