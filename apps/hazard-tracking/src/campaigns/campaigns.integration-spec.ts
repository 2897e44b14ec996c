import { ConflictError, NotFoundError } from '@campus/graphql';
import { SchemaRunner, TestDatabase } from '@campus/testing';
import { assertCampaignAcceptsHazard } from './campaign-link';
import {
  campaignTestBed,
  CLOSE,
  createCampaign,
  CREATE,
  GET,
  leaderB,
  LIST,
  office,
  officerA,
  otherOffice,
  PATHS,
  PUBLISH,
  publishCampaign,
  seedPlan,
  staffA,
  STATUS,
  SUBMIT,
  UPDATE,
} from './campaign-testing';

describe('campaigns (专项整治)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  /** The services' clock, moved by the tests: 12:00 on 2026-11-20 in Shanghai to begin with. */
  let now = new Date('2026-11-20T04:00:00.000Z');
  const clock = () => now;
  const create = (overrides: Record<string, unknown> = {}) => createCampaign(runner, overrides);
  const publish = (campaign: { id: string; version: number }) => publishCampaign(runner, campaign);

  beforeAll(async () => {
    ({ db, runner } = await campaignTestBed('campaigns', clock));
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('the plan', () => {
    it('creates a draft: phases in order, focus areas with their units, report dates sorted, reporting units as first named', async () => {
      const campaign = await create();
      expect(campaign).toMatchObject({
        title: '校园安全专项整治',
        documentNumber: '现职院发〔2026〕45号',
        status: 'DRAFT',
        startsOn: '2026-11-08',
        endsOn: '2027-01-03',
        currentPhase: 'RECTIFY',
        nextReportDate: '2026-11-22',
        version: 1,
        scope: { id: 'school', name: '现代职业学院' },
        phases: [
          { kind: 'SELF_CHECK', deadline: '2026-11-15' },
          { kind: 'RECTIFY', deadline: '2026-12-15' },
          { kind: 'SUPERVISE', deadline: '2026-12-30' },
        ],
        reportDates: ['2026-11-22', '2026-12-06', '2026-12-20', '2027-01-03'],
        reportingUnits: [{ id: 'office' }, { id: 'collegea' }, { id: 'collegeb' }],
      });
      expect(campaign.focusAreas).toEqual([
        { seq: 1, name: '强化责任落实', category: null, leadUnits: [{ id: 'office' }], responsibleUnits: [{ id: 'collegea' }, { id: 'collegeb' }] },
        { seq: 2, name: '消防安全整治', category: 'FIRE', leadUnits: [{ id: 'office' }], responsibleUnits: [{ id: 'collegeb' }, { id: 'collegea' }] },
      ]);
    });

    it('expects the scope unit’s direct children to report when no focus area names a unit', async () => {
      const campaign = await create({ focusAreas: [{ name: '食品安全整治', category: 'FOOD' }] });
      // 安全保卫处, 机电工程学院, 信息工程学院 (by name, in pinyin order); not the grandchild 实训中心.
      expect(campaign.reportingUnits).toEqual([{ id: 'office' }, { id: 'collegeb' }, { id: 'collegea' }]);
    });

    it('refuses bad dates, units outside the scope, unseen units and non-managers', async () => {
      const dates = await runner.run(office, CREATE, {
        input: seedPlan({
          phases: [
            { kind: 'SELF_CHECK', deadline: '2026-11-15' },
            { kind: 'RECTIFY', deadline: '2026-11-10' },
          ],
          reportDates: ['2026-11-22', '2027-02-01'],
        }),
      });
      expect(dates.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(dates.errors?.[0].extensions?.fields.map((field: { field: string }) => field.field)).toEqual(['phases.1.deadline', 'reportDates.1']);

      const outside = await runner.run(office, CREATE, { input: seedPlan({ orgUnitId: 'collegea', focusAreas: [{ name: '消防安全整治', leadUnitIds: ['office'], responsibleUnitIds: ['lab', 'lab'] }] }) });
      expect(outside.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(outside.errors?.[0].extensions?.fields).toEqual([
        { field: 'focusAreas.0.leadUnitIds', message: '牵头部门须为专项整治范围内的单位' },
        { field: 'focusAreas.0.responsibleUnitIds', message: '责任部门重复' },
      ]);

      const unseen = await runner.run(office, CREATE, { input: seedPlan({ focusAreas: [{ name: '治安安全整治', leadUnitIds: ['other'] }] }) });
      expect(unseen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const byOfficer = await runner.run(officerA, CREATE, { input: seedPlan({ orgUnitId: 'collegea', focusAreas: [{ name: '消防安全整治' }] }) });
      expect(byOfficer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const elsewhere = await runner.run(otherOffice, CREATE, { input: seedPlan() });
      expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const empty = await runner.run(office, CREATE, { input: seedPlan({ phases: [], focusAreas: [], reportDates: [] }) });
      expect(empty.errors?.[0].extensions?.fields.map((field: { field: string }) => field.field).sort()).toEqual(['focusAreas', 'phases', 'reportDates']);
    });

    it('shows a draft to the organisers only and an issued campaign to the units in its scope', async () => {
      const campaign = await create({ title: '冬季消防安全专项整治' });
      expect((await runner.run(officerA, GET, { id: campaign.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const titles = async (viewer: typeof office) =>
        (await runner.data(viewer, LIST, { first: 100 })).campaigns.edges.map((edge: { node: { title: string } }) => edge.node.title);
      expect(await titles(officerA)).not.toContain('冬季消防安全专项整治');
      expect(await titles(office)).toContain('冬季消防安全专项整治');

      await publish(campaign);
      expect((await runner.data(officerA, GET, { id: campaign.id })).campaign.status).toBe('ACTIVE');
      expect(await titles(officerA)).toContain('冬季消防安全专项整治');
      expect(await titles(otherOffice)).toEqual([]);
      expect((await runner.run(otherOffice, GET, { id: campaign.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

      const drafts = await runner.data(office, LIST, { filter: { statuses: ['DRAFT'] }, first: 1 });
      expect(drafts.campaigns.pageInfo.hasNextPage).toBe(true);
      const next = await runner.data(office, LIST, { filter: { statuses: ['DRAFT'] }, first: 100, after: drafts.campaigns.pageInfo.endCursor });
      expect(next.campaigns.totalCount).toBe(drafts.campaigns.totalCount);
      expect(next.campaigns.edges).toHaveLength(drafts.campaigns.totalCount - 1);
    });

    it('changes the plan only while a draft, the title until closed, and refuses stale versions', async () => {
      const campaign = await create();
      const changed = (
        await runner.data(office, UPDATE, {
          input: { id: campaign.id, version: 1, reportDates: ['2026-11-29'], focusAreas: [{ name: '交通安全整治', category: 'TRAFFIC', leadUnitIds: ['collegeb'] }] },
        })
      ).updateCampaign.campaign;
      expect(changed).toMatchObject({ version: 2, reportDates: ['2026-11-29'], reportingUnits: [{ id: 'collegeb' }], phases: campaign.phases });
      const tooEarly = await runner.run(office, UPDATE, { input: { id: campaign.id, version: 2, endsOn: '2026-12-01' } });
      expect(tooEarly.errors?.[0].extensions?.fields.map((field: { field: string }) => field.field)).toEqual(['phases.1.deadline', 'phases.2.deadline']);
      const stale = await runner.run(office, UPDATE, { input: { id: campaign.id, version: 1, title: '过期版本' } });
      expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

      const issued = await publish(changed);
      const lateChange = await runner.run(office, UPDATE, { input: { id: campaign.id, version: issued.version, reportDates: ['2026-12-01'] } });
      expect(lateChange.errors?.[0].extensions?.code).toBe('CONFLICT');
      const renamed = (await runner.data(office, UPDATE, { input: { id: campaign.id, version: issued.version, title: '校园交通安全专项整治' } })).updateCampaign.campaign;
      expect(renamed).toMatchObject({ title: '校园交通安全专项整治', version: issued.version + 1, status: 'ACTIVE' });
      const byOfficer = await runner.run(officerA, UPDATE, { input: { id: campaign.id, version: renamed.version, title: '越权修改' } });
      expect(byOfficer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const again = await runner.run(office, PUBLISH, { input: { id: campaign.id, version: renamed.version } });
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    });
  });

  describe('hazards linked to a campaign', () => {
    it('accepts hazards inside the scope until the campaign is closed, from its end date on', async () => {
      const draft = await create({ startsOn: '2026-11-01', endsOn: '2026-11-21', phases: [{ kind: 'SELF_CHECK', deadline: '2026-11-10' }], reportDates: ['2026-11-21'] });
      // As hazard registration calls it: in the transaction that stores the link.
      const accepts = (campaignId: string, hazardPath: string) =>
        db.dataSource.transaction((manager) => assertCampaignAcceptsHazard(manager, campaignId, hazardPath));
      await expect(accepts(draft.id, PATHS.collegea)).resolves.toBeUndefined();
      await expect(accepts('no-such-campaign', PATHS.collegea)).rejects.toBeInstanceOf(NotFoundError);
      await expect(accepts(draft.id, PATHS.other)).rejects.toBeInstanceOf(ConflictError);

      const active = await publish(draft);
      await expect(accepts(draft.id, PATHS.lab)).resolves.toBeUndefined();
      const refusedClose = await runner.run(office, CLOSE, { input: { id: draft.id, version: active.version } });
      expect(refusedClose.errors?.[0].extensions?.code).toBe('CONFLICT');

      now = new Date('2026-11-21T01:00:00.000Z'); // 09:00 on 11-21: past the end date
      const closed = (await runner.data(office, CLOSE, { input: { id: draft.id, version: active.version } })).closeCampaign.campaign;
      expect(closed.status).toBe('CLOSED');
      await expect(accepts(draft.id, PATHS.collegea)).rejects.toThrow('已结束，不能再关联隐患');
      now = new Date('2026-11-20T04:00:00.000Z');
    });

    it('refuses closing before the end date', async () => {
      const campaign = await publish(await create());
      const early = await runner.run(office, CLOSE, { input: { id: campaign.id, version: campaign.version } });
      expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(early.errors?.[0].message).toContain('至 2027-01-03 结束');
    });
  });

  describe('reports (报送)', () => {
    it('records submissions once, late after the report date, and shows who is missing', async () => {
      const draft = await create();
      const refusedDraft = await runner.run(officerA, SUBMIT, { input: { campaignId: draft.id, reportDate: '2026-11-22', orgUnitId: 'collegea' } });
      expect(refusedDraft.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const early = await runner.run(office, SUBMIT, { input: { campaignId: draft.id, reportDate: '2026-11-22', orgUnitId: 'collegea' } });
      expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
      const campaign = await publish(draft);

      const submitted = (
        await runner.data(officerA, SUBMIT, { input: { campaignId: campaign.id, reportDate: '2026-11-22', orgUnitId: 'collegea', note: '本期排查隐患 3 处' } })
      ).submitCampaignReport.report;
      expect(submitted).toMatchObject({ reportDate: '2026-11-22', late: false, note: '本期排查隐患 3 处', orgUnit: { id: 'collegea' }, submittedBy: { id: 'p-officer-a' } });
      const twice = await runner.run(officerA, SUBMIT, { input: { campaignId: campaign.id, reportDate: '2026-11-22', orgUnitId: 'collegea' } });
      expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');

      const forOther = await runner.run(officerA, SUBMIT, { input: { campaignId: campaign.id, reportDate: '2026-11-22', orgUnitId: 'collegeb' } });
      expect(forOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const byStaff = await runner.run(staffA, SUBMIT, { input: { campaignId: campaign.id, reportDate: '2026-11-22', orgUnitId: 'collegea' } });
      expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const wrong = await runner.run(office, SUBMIT, { input: { campaignId: campaign.id, reportDate: '2026-11-23', orgUnitId: 'school' } });
      expect(wrong.errors?.[0].extensions?.fields.map((field: { field: string }) => field.field)).toEqual(['reportDate', 'orgUnitId']);

      now = new Date('2026-11-23T02:00:00.000Z'); // 10:00 on 11-23, the day after the report date
      const late = (await runner.data(leaderB, SUBMIT, { input: { campaignId: campaign.id, reportDate: '2026-11-22', orgUnitId: 'collegeb' } })).submitCampaignReport.report;
      expect(late.late).toBe(true);
      const ahead = (await runner.data(office, SUBMIT, { input: { campaignId: campaign.id, reportDate: '2026-12-06', orgUnitId: 'office', note: '提前报送' } })).submitCampaignReport.report;
      expect(ahead.late).toBe(false);

      const first = (await runner.data(office, STATUS, { id: campaign.id, date: '2026-11-22' })).campaign.reportStatus;
      expect(first).toEqual([
        { unit: { id: 'office', name: '安全保卫处' }, state: 'MISSING', report: null },
        { unit: { id: 'collegea', name: '信息工程学院' }, state: 'SUBMITTED', report: { late: false, note: '本期排查隐患 3 处' } },
        { unit: { id: 'collegeb', name: '机电工程学院' }, state: 'LATE', report: { late: true, note: null } },
      ]);
      const second = (await runner.data(office, STATUS, { id: campaign.id, date: '2026-12-06' })).campaign.reportStatus;
      expect(second.map((entry: { state: string }) => entry.state)).toEqual(['SUBMITTED', 'PENDING', 'PENDING']);
      const own = (await runner.data(officerA, STATUS, { id: campaign.id, date: '2026-11-22' })).campaign.reportStatus;
      expect(own).toEqual([{ unit: { id: 'collegea', name: '信息工程学院' }, state: 'SUBMITTED', report: { late: false, note: '本期排查隐患 3 处' } }]);
      const notADate = await runner.run(office, STATUS, { id: campaign.id, date: '2026-11-23' });
      expect(notADate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      now = new Date('2026-11-20T04:00:00.000Z');
    });
  });
});
