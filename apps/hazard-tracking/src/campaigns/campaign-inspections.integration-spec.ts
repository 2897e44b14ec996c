import { Role } from '@campus/auth';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { CREATE_TASK, PERFORM, TASKS, TEMPLATES } from '../inspections/inspection-testing';
import { INSPECTIONS_MODULE } from '../inspections/inspections.module';
import { buildHazardSchema, HAZARD_MODULES } from '../service';
import { CAMPAIGNS_MODULE } from './campaigns.module';
import { CLOSE, createCampaign, office, otherOffice, PATHS, publishCampaign, STATISTICS, UNITS } from './campaign-testing';

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer-a');

/** Seed 001's 日检查 inside a 专项整治: the hazards a campaign's inspection tasks find reach its 隐患问题统计表. */
describe('hazard-tracking: inspection tasks that serve a campaign (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let fireTemplate: { id: string; items: { id: string; seq: number }[] };
  let campaign: { id: string; version: number };
  let taskId: string;
  let now = new Date('2026-11-20T04:00:00.000Z');

  const results = (failedSeq: number) =>
    fireTemplate.items.map((item) => (item.seq === failedSeq ? { itemId: item.id, passed: false, note: '疏散通道堆放杂物' } : { itemId: item.id, passed: true }));
  const perform = async (day: string, failedSeq: number) =>
    (await runner.data(officerA, PERFORM, { input: { taskId, performedAt: `${day}T04:00:00.000Z`, results: results(failedSeq) } })).performInspection.inspection;
  const campaignOfHazard = async (hazardId: string) =>
    (await db.dataSource.query('SELECT campaign_id FROM hazard WHERE id = ?', [hazardId]))[0].campaign_id as string | null;

  beforeAll(async () => {
    db = await createServiceTestDatabase('campaign_inspections', HAZARD_MODULES);
    for (const unit of UNITS) await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name) VALUES (?, ?, ?)', [unit.id, unit.path, unit.name]);
    const modules = [CAMPAIGNS_MODULE, INSPECTIONS_MODULE, ORG_PROJECTION_MODULE];
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, { now: () => now }, modules));
    fireTemplate = (await runner.data(officerA, TEMPLATES, { filter: { category: 'FIRE' } })).checklistTemplates.edges[0].node;
    // It ends on 2026-11-30, so the spec can close it and inspect afterwards without a date in the future.
    const plan = {
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      phases: [
        { kind: 'SELF_CHECK', deadline: '2026-11-10' },
        { kind: 'RECTIFY', deadline: '2026-11-25' },
        { kind: 'SUPERVISE', deadline: '2026-11-30' },
      ],
      reportDates: ['2026-11-15', '2026-11-30'],
    };
    campaign = await publishCampaign(runner, await createCampaign(runner, plan));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("links the hazards a campaign task's inspections raise to the campaign, so its statistics count them", async () => {
    const input = { orgUnitId: 'collegea', templateId: fireTemplate.id, campaignId: campaign.id, name: '专项整治日检查', placeText: '信息楼', assigneePersonId: 'p-officer-a', cadence: 'DAILY', startsOn: '2026-11-18' };
    const task = (await runner.data(officerA, CREATE_TASK, { input })).createInspectionTask.inspectionTask;
    taskId = task.id;
    const listed = await runner.data(office, TASKS, { filter: { campaignId: campaign.id } });
    expect(listed.inspectionTasks.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([taskId]);
    expect((await runner.data(office, TASKS, { filter: { campaignId: 'another' } })).inspectionTasks.totalCount).toBe(0);

    const inspection = await perform('2026-11-19', 2);
    expect(inspection.hazards).toHaveLength(1);
    expect(await campaignOfHazard(inspection.hazards[0].id)).toBe(campaign.id);
    const statistics = (await runner.data(office, STATISTICS, { id: campaign.id })).campaign.statistics;
    expect(statistics.totals.found).toBe(1);
  });

  it('refuses a campaign that does not cover the task unit, and an unknown campaign', async () => {
    const input = { orgUnitId: 'other', templateId: fireTemplate.id, campaignId: campaign.id, name: '一中日检查', placeText: '教学楼', assigneePersonId: 'p-x', cadence: 'DAILY', startsOn: '2026-11-18' };
    const outside = await runner.run(otherOffice, CREATE_TASK, { input });
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    const unknown = await runner.run(otherOffice, CREATE_TASK, { input: { ...input, campaignId: 'no-such-campaign' } });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('still registers what a task finds after its campaign ended, without linking it', async () => {
    now = new Date('2026-12-01T04:00:00.000Z');
    const closed = (await runner.data(office, CLOSE, { input: { id: campaign.id, version: campaign.version } })).closeCampaign.campaign;
    expect(closed.status).toBe('CLOSED');
    const inspection = await perform('2026-12-01', 3);
    expect(inspection.hazards).toHaveLength(1);
    expect(await campaignOfHazard(inspection.hazards[0].id)).toBeNull();
  });
});
