import { CampaignPublished, HazardStatusChanged, InspectionPerformed, isMajorHazardReportLate, MAJOR_HAZARD_REPORT_LIMIT_HOURS } from './contracts';

describe('hazard-tracking contracts for the appraisal', () => {
  it('reads a status change with or without the deadline, and refuses a deadline that is not a day', () => {
    const changed = { id: 'h1', orgUnitId: 'u1', orgPath: '/b/u1/', grade: 'GENERAL', from: 'REPORTED', to: 'RECTIFYING', version: 4, changedAt: '2026-11-24T03:00:00.000Z', reason: null };
    expect(HazardStatusChanged.schema.parse({ ...changed, deadline: '2026-12-01' })).toMatchObject({ deadline: '2026-12-01' });
    expect(HazardStatusChanged.schema.safeParse(changed).success).toBe(true);
    expect(HazardStatusChanged.schema.safeParse({ ...changed, deadline: '2026-12-01T00:00:00Z' }).success).toBe(false);
  });

  it('calls a major hazard reported late past the limit after discovery, not at it', () => {
    const discovered = new Date('2026-03-01T00:00:00.000Z');
    const at = (hours: number) => new Date(discovered.getTime() + hours * 3_600_000);
    expect(MAJOR_HAZARD_REPORT_LIMIT_HOURS).toBe(24);
    expect(isMajorHazardReportLate(discovered, at(24))).toBe(false);
    expect(isMajorHazardReportLate(discovered, at(24.01))).toBe(true);
  });

  it('checks inspections and campaigns as published', () => {
    const check = { id: 'i1', taskId: 't1', taskName: '日检', orgUnitId: 'u1', orgPath: '/b/u1/', periodStart: '2026-03-02', periodEnd: '2026-03-08', performedAt: '2026-03-04T04:00:00.000Z', recordedAt: '2026-03-04T04:00:00.000Z', onTime: true, findingsCount: 2 };
    expect(InspectionPerformed.schema.safeParse(check).success).toBe(true);
    expect(InspectionPerformed.schema.safeParse({ ...check, findingsCount: -1 }).success).toBe(false);
    const campaign = { id: 'c1', title: '专项整治', orgUnitId: 's', orgPath: '/b/s/', reportDates: ['2026-11-22'], reportingUnits: [{ orgUnitId: 'u1', orgPath: null }], publishedAt: '2026-11-08T01:00:00.000Z' };
    expect(CampaignPublished.schema.safeParse(campaign).success).toBe(true);
    expect(CampaignPublished.schema.safeParse({ ...campaign, reportDates: ['11/22'] }).success).toBe(false);
  });
});
