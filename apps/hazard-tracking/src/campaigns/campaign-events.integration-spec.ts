import { SchemaRunner, TestDatabase } from '@campus/testing';
import { campaignTestBed, createCampaign, leaderB, officerA, publishCampaign, SUBMIT } from './campaign-testing';

/** What a campaign publishes for the appraisal: the reports owed when it is issued, and each report submitted. */
describe('campaigns: events (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let now = new Date('2026-11-20T04:00:00.000Z');

  const outbox = async (type: string) =>
    (await db.dataSource.query('SELECT aggregate_id, payload FROM event_outbox WHERE event_type = ? ORDER BY id', [type])).map(
      (row: { aggregate_id: string; payload: string }) => ({ key: row.aggregate_id, ...JSON.parse(row.payload) }),
    );

  beforeAll(async () => {
    ({ db, runner } = await campaignTestBed('campaign_events', () => now));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('publishes the report dates and the reporting units with their paths when the campaign is issued, not before', async () => {
    const campaign = await createCampaign(runner);
    expect(await outbox('campaign.published')).toEqual([]);
    await publishCampaign(runner, campaign);
    expect(await outbox('campaign.published')).toEqual([
      {
        key: campaign.id,
        id: campaign.id,
        title: '校园安全专项整治',
        orgUnitId: 'school',
        orgPath: '/bureau/school/',
        reportDates: ['2026-11-22', '2026-12-06', '2026-12-20', '2027-01-03'],
        reportingUnits: [
          { orgUnitId: 'office', orgPath: '/bureau/school/office/' },
          { orgUnitId: 'collegea', orgPath: '/bureau/school/collegea/' },
          { orgUnitId: 'collegeb', orgPath: '/bureau/school/collegeb/' },
        ],
        publishedAt: now.toISOString(),
      },
    ]);
  });

  it('publishes each submitted report with its report date and whether it came on time', async () => {
    const [{ id: campaignId }] = await outbox('campaign.published');
    await runner.data(officerA, SUBMIT, { input: { campaignId, reportDate: '2026-11-22', orgUnitId: 'collegea' } });
    now = new Date('2026-11-23T02:00:00.000Z');
    await runner.data(leaderB, SUBMIT, { input: { campaignId, reportDate: '2026-11-22', orgUnitId: 'collegeb' } });
    const refused = await runner.run(leaderB, SUBMIT, { input: { campaignId, reportDate: '2026-11-22', orgUnitId: 'collegeb' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await outbox('campaign.report-submitted')).toEqual([
      expect.objectContaining({ key: campaignId, campaignId, campaignTitle: '校园安全专项整治', orgUnitId: 'collegea', orgPath: '/bureau/school/collegea/', reportDate: '2026-11-22', submittedAt: '2026-11-20T04:00:00.000Z', onTime: true }),
      expect.objectContaining({ orgUnitId: 'collegeb', reportDate: '2026-11-22', submittedAt: '2026-11-23T02:00:00.000Z', onTime: false }),
    ]);
  });
});
