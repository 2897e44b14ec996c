import { termOf } from './drill-term';

describe('drill terms', () => {
  it('puts February to July in the spring term', () => {
    expect(termOf('2026-02-01')).toEqual({ label: '2026年春季学期', start: '2026-02-01', end: '2026-07-31' });
    expect(termOf('2026-07-31')).toEqual({ label: '2026年春季学期', start: '2026-02-01', end: '2026-07-31' });
  });

  it('puts August to January in the autumn term, January belonging to the year before', () => {
    expect(termOf('2026-08-01')).toEqual({ label: '2026年秋季学期', start: '2026-08-01', end: '2027-01-31' });
    expect(termOf('2026-12-06')).toEqual({ label: '2026年秋季学期', start: '2026-08-01', end: '2027-01-31' });
    expect(termOf('2027-01-31')).toEqual({ label: '2026年秋季学期', start: '2026-08-01', end: '2027-01-31' });
  });
});
