import { FindingSeverity, RectificationState } from './supervision-enums';
import { countFinding, emptyCounts, rectificationStateOf } from './supervision-rectification';

const raised = { severity: FindingSeverity.GENERAL, deadline: '2026-12-10', raisedAt: new Date('2026-11-20T02:00:00Z') };

describe('a finding’s rectification state', () => {
  it('follows its hazard: awaiting registration, rectifying, rectified, voided', () => {
    expect(rectificationStateOf({ ...raised, raisedAt: null }, null, '2026-11-21')).toBe(RectificationState.NOT_RAISED);
    expect(rectificationStateOf(raised, null, '2026-11-21')).toBe(RectificationState.AWAITING_HAZARD);
    expect(rectificationStateOf(raised, { status: 'RECTIFYING', overdue: false }, '2026-11-21')).toBe(RectificationState.RECTIFYING);
    expect(rectificationStateOf(raised, { status: 'ACCEPTED', overdue: true }, '2026-12-30')).toBe(RectificationState.RECTIFIED);
    expect(rectificationStateOf(raised, { status: 'CLOSED', overdue: false }, '2026-11-21')).toBe(RectificationState.RECTIFIED);
    expect(rectificationStateOf(raised, { status: 'VOIDED', overdue: false }, '2026-11-21')).toBe(RectificationState.VOIDED);
  });

  it('is overdue when hazard-tracking says so or the inspection’s deadline has passed unrectified', () => {
    expect(rectificationStateOf(raised, { status: 'REPORTED', overdue: true }, '2026-11-21')).toBe(RectificationState.OVERDUE);
    expect(rectificationStateOf(raised, { status: 'REGISTERED', overdue: false }, '2026-12-11')).toBe(RectificationState.OVERDUE);
    expect(rectificationStateOf(raised, { status: 'REGISTERED', overdue: false }, '2026-12-10')).toBe(RectificationState.RECTIFYING);
  });

  it('counts findings by severity and state', () => {
    const counts = emptyCounts();
    countFinding(counts, raised, RectificationState.RECTIFIED);
    countFinding(counts, { ...raised, severity: FindingSeverity.MAJOR }, RectificationState.OVERDUE);
    countFinding(counts, { ...raised, raisedAt: null }, RectificationState.NOT_RAISED);
    expect(counts).toEqual({ total: 3, major: 1, general: 2, raised: 2, rectified: 1, rectifying: 0, overdue: 1, notRaised: 1, voided: 0 });
  });
});
