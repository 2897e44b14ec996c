import { demoCampaignDates } from './demo-campaign';

const seedDatesIn = (year: number) => ({
  startsOn: `${year}-11-08`,
  endsOn: `${year + 1}-01-03`,
  phases: { SELF_CHECK: `${year}-11-15`, RECTIFY: `${year}-12-15`, SUPERVISE: `${year}-12-30` },
  reportDates: [`${year}-11-22`, `${year}-12-06`, `${year}-12-20`, `${year + 1}-01-03`],
});

describe('the demo campaign’s timetable', () => {
  it('keeps seed 001’s days between the first report date and the end, in the year that makes it current', () => {
    expect(demoCampaignDates('2026-11-25')).toEqual(seedDatesIn(2026));
    expect(demoCampaignDates('2026-11-22')).toEqual(seedDatesIn(2026));
    expect(demoCampaignDates('2027-01-03')).toEqual(seedDatesIn(2026));
  });

  it('otherwise moves the whole timetable so that today is 17 days in, 3 days after the first report date', () => {
    expect(demoCampaignDates('2027-06-10')).toEqual({
      startsOn: '2027-05-24',
      endsOn: '2027-07-19',
      phases: { SELF_CHECK: '2027-05-31', RECTIFY: '2027-06-30', SUPERVISE: '2027-07-15' },
      reportDates: ['2027-06-07', '2027-06-21', '2027-07-05', '2027-07-19'],
    });
    expect(demoCampaignDates('2026-11-21').startsOn).toBe('2026-11-04');
    expect(demoCampaignDates('2027-01-04').reportDates[0]).toBe('2027-01-01');
  });
});
