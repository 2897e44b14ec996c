import { nextState } from '@campus/server';
import { ScreeningRiskLevel, ScreeningStatus } from './screening-enums';
import { toScreeningCounts } from './screening-counts';
import { SCREENING_POLICY, SCREENING_TRANSITIONS } from './screening.access';

describe('screening: counts and transitions', () => {
  it('counts open records per risk level, every level listed, closed apart', () => {
    const counts = toScreeningCounts([
      { status: ScreeningStatus.TRACKING, risk_level: ScreeningRiskLevel.HIGH, n: '2' },
      { status: ScreeningStatus.REFERRED, risk_level: ScreeningRiskLevel.CRISIS, n: 1 },
      { status: ScreeningStatus.REFERRED, risk_level: ScreeningRiskLevel.HIGH, n: 1 },
      { status: ScreeningStatus.CLOSED, risk_level: ScreeningRiskLevel.LOW, n: 4 },
    ]);
    expect(counts).toEqual({
      open: 4,
      referred: 2,
      closed: 4,
      byRiskLevel: [
        { riskLevel: 'NONE', count: 0 },
        { riskLevel: 'LOW', count: 0 },
        { riskLevel: 'MEDIUM', count: 0 },
        { riskLevel: 'HIGH', count: 3 },
        { riskLevel: 'CRISIS', count: 1 },
      ],
    });
  });

  it('counts a unit without records (the LEFT JOIN row) as zero everywhere', () => {
    const counts = toScreeningCounts([{ status: null, risk_level: null, n: 0 }]);
    expect(counts).toMatchObject({ open: 0, referred: 0, closed: 0 });
    expect(counts.byRiskLevel.every((row) => row.count === 0)).toBe(true);
  });

  it('goes 跟踪中 → 已转介 → 已结案, and back to 跟踪中 only by reopening', () => {
    expect(nextState(SCREENING_TRANSITIONS, 'REFER', ScreeningStatus.TRACKING)).toBe(ScreeningStatus.REFERRED);
    expect(nextState(SCREENING_TRANSITIONS, 'REFER', ScreeningStatus.REFERRED)).toBeNull();
    expect(nextState(SCREENING_TRANSITIONS, 'RECORD_ENTRY', ScreeningStatus.REFERRED)).toBe(ScreeningStatus.REFERRED);
    expect(nextState(SCREENING_TRANSITIONS, 'CLOSE', ScreeningStatus.TRACKING)).toBe(ScreeningStatus.CLOSED);
    expect(nextState(SCREENING_TRANSITIONS, 'RECORD_ENTRY', ScreeningStatus.CLOSED)).toBeNull();
    expect(nextState(SCREENING_TRANSITIONS, 'REOPEN', ScreeningStatus.CLOSED)).toBe(ScreeningStatus.TRACKING);
  });

  it('gives every action on a record, reading included, to counsellors only', () => {
    for (const rule of Object.values(SCREENING_POLICY.actions)) expect(rule.roles).toEqual(['COUNSELOR']);
  });
});
