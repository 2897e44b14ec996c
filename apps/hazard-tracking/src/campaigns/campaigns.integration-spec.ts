import { Role } from '@campus/auth';
import { newId } from '@campus/database';
import { ConflictError, NotFoundError } from '@campus/graphql';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { createLogger } from '@campus/logger';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { buildHazardSchema, HAZARD_MODULES } from '../service';
import { assertCampaignAcceptsHazard } from './campaign-link';
import { CampaignSnapshotFreezer } from './campaign-snapshot-freezer';
import { CAMPAIGNS_MODULE } from './campaigns.module';

const UNITS = [
  { id: 'bureau', path: '/bureau/', name: '某县教育局' },
  { id: 'school', path: '/bureau/school/', name: '现代职业学院' },
  { id: 'office', path: '/bureau/school/office/', name: '安全保卫处' },
  { id: 'collegea', path: '/bureau/school/collegea/', name: '信息工程学院' },
  { id: 'collegeb', path: '/bureau/school/collegeb/', name: '机电工程学院' },
  { id: 'lab', path: '/bureau/school/collegea/lab/', name: '信息工程学院实训中心' },
  { id: 'other', path: '/bureau/other/', name: '县第一中学' },
];
const PATHS = Object.fromEntries(UNITS.map((unit) => [unit.id, unit.path]));

const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'p-office');
const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer-a');
const leaderB = viewerWith('leader-b', [[Role.UNIT_LEADER, 'collegeb', PATHS.collegeb]], 'p-leader-b');
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]]);
const otherOffice = viewerWith('other-office', [[Role.SAFETY_OFFICE, 'other', PATHS.other]]);

const FIGURES = 'found general major rectified rectifying overdue rectificationRate';
const CAMPAIGN = `id title documentNumber status startsOn endsOn currentPhase nextReportDate version scope { id name }
  phases { kind deadline } reportDates reportingUnits { id }
  focusAreas { seq name category leadUnits { id } responsibleUnits { id } }`;
const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { ${CAMPAIGN} } } }`;
const UPDATE = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { ${CAMPAIGN} } } }`;
const PUBLISH = `mutation($input: PublishCampaignInput!) { publishCampaign(input: $input) { campaign { id status version } } }`;
const CLOSE = `mutation($input: CloseCampaignInput!) { closeCampaign(input: $input) { campaign { id status version closedAt } } }`;
const GET = `query($id: ID!) { campaign(id: $id) { ${CAMPAIGN} } }`;
const LIST = 'query($filter: CampaignFilter, $first: Int, $after: String) { campaigns(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title status } } } }';
const SUBMIT = 'mutation($input: SubmitCampaignReportInput!) { submitCampaignReport(input: $input) { report { id reportDate late note submittedAt orgUnit { id } submittedBy { id } } } }';
const STATUS = 'query($id: ID!, $date: CalendarDate!) { campaign(id: $id) { reportStatus(reportDate: $date) { unit { id name } state report { late note } } } }';
const STATISTICS = `query($id: ID!) { campaign(id: $id) { statistics { rows { unit { id name } category ${FIGURES} } totals { ${FIGURES} } } } }`;
const SNAPSHOTS = `query($id: ID!) { campaign(id: $id) { snapshots { id reportDate cutoffAt frozenAt rows { unit { id name } category ${FIGURES} } totals { ${FIGURES} } } } }`;
const WORKBOOK = 'query($id: ID!) { campaignStatisticsWorkbook(snapshotId: $id) { filename contentType base64 } }';

/** The 2021 兰州现代职业学院 campus-safety plan in 2026, over the school: four report dates, three phases. */
function seedPlan(overrides: Record<string, unknown> = {}) {
  return {
    orgUnitId: 'school',
    title: '校园安全专项整治',
    documentNumber: '现职院发〔2026〕45号',
    startsOn: '2026-11-08',
    endsOn: '2027-01-03',
    phases: [
      { kind: 'RECTIFY', deadline: '2026-12-15' },
      { kind: 'SELF_CHECK', deadline: '2026-11-15' },
      { kind: 'SUPERVISE', deadline: '2026-12-30' },
    ],
    focusAreas: [
      { name: '强化责任落实', leadUnitIds: ['office'], responsibleUnitIds: ['collegea', 'collegeb'] },
      { name: '消防安全整治', category: 'FIRE', leadUnitIds: ['office'], responsibleUnitIds: ['collegeb', 'collegea'] },
    ],
    reportDates: ['2026-12-06', '2026-11-22', '2026-12-20', '2027-01-03'],
    ...overrides,
  };
}

const logger = createLogger('campaign-test', 'silent');

describe('campaigns (专项整治)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  /** The services' clock, moved by the tests: 12:00 on 2026-11-20 in Shanghai to begin with. */
  let now = new Date('2026-11-20T04:00:00.000Z');
  const clock = () => now;

  async function create(overrides: Record<string, unknown> = {}) {
    return (await runner.data(office, CREATE, { input: seedPlan(overrides) })).createCampaign.campaign;
  }

  async function publish(campaign: { id: string; version: number }) {
    return (await runner.data(office, PUBLISH, { input: { id: campaign.id, version: campaign.version } })).publishCampaign.campaign;
  }

  let hazardSeq = 0;
  async function hazard(campaignId: string | null, unit: string, facts: { category?: string; grade?: string; status: string; deadline?: string; planDeadline?: string; discoveredAt?: string }) {
    const id = newId();
    hazardSeq++;
    await db.dataSource.query(
      `INSERT INTO hazard (id, code, title, description, category, grade, source, status, place_text, discovered_at,
                           registered_by_account_id, org_unit_id, org_path, campaign_id, deadline, version)
       VALUES (?, ?, ?, '专项整治排查发现', ?, ?, 'CAMPAIGN', ?, '教学楼', ?, 'officer-a', ?, ?, ?, ?, 1)`,
      [
        id,
        `T-YH-2026-${String(hazardSeq).padStart(4, '0')}`,
        `隐患${hazardSeq}`,
        facts.category ?? 'FIRE',
        facts.grade ?? 'GENERAL',
        facts.status,
        new Date(facts.discoveredAt ?? '2026-11-10T02:00:00.000Z'),
        unit,
        PATHS[unit],
        campaignId,
        facts.deadline ?? null,
      ],
    );
    if (facts.planDeadline) {
      await db.dataSource.query(
        `INSERT INTO hazard_plan (hazard_id, responsible_person_id, measures, deadline, submitted_by_account_id, submitted_at)
         VALUES (?, 'p-leader', '整改', ?, 'officer-a', ?)`,
        [id, facts.planDeadline, new Date('2026-11-11T00:00:00Z')],
      );
    }
    return id;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('campaigns', HAZARD_MODULES);
    for (const unit of UNITS) {
      await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name) VALUES (?, ?, ?)', [unit.id, unit.path, unit.name]);
    }
    runner = new SchemaRunner(
      await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, { now: clock }, [CAMPAIGNS_MODULE, ORG_PROJECTION_MODULE]),
    );
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

  describe('the statistics table (隐患问题统计表)', () => {
    let second: DataSource;

    beforeAll(async () => {
      second = await db.connectAgain();
    });

    afterAll(async () => {
      await second?.destroy();
    });

    it('freezes each due report date once, even with two freezers racing, and never changes it afterwards', async () => {
      const campaign = await publish(await create({ title: '校园安全专项整治工作' }));
      const draft = await create({ title: '未印发的专项整治' });
      const overdue = await hazard(campaign.id, 'collegea', { status: 'RECTIFYING', deadline: '2026-11-20' });
      await hazard(campaign.id, 'collegea', { status: 'CLOSED', grade: 'MAJOR' });
      await hazard(campaign.id, 'collegea', { status: 'REPORTED', planDeadline: '2026-11-25' });
      await hazard(campaign.id, 'collegea', { status: 'VOIDED', category: 'ELECTRICAL' });
      await hazard(campaign.id, 'collegea', { status: 'REGISTERED', discoveredAt: '2026-11-22T01:00:00.000Z' }); // after the cutoff
      await hazard(campaign.id, 'collegeb', { status: 'PENDING_ACCEPTANCE', category: 'FOOD', grade: 'MAJOR', planDeadline: '2026-11-21' });
      await hazard(campaign.id, 'collegeb', { status: 'ACCEPTED', category: 'FOOD' });
      await hazard(null, 'collegeb', { status: 'REGISTERED', category: 'FOOD' });
      await hazard(draft.id, 'collegeb', { status: 'REGISTERED', category: 'FOOD' });

      const freezeAt = new Date('2026-11-22T02:00:00.000Z'); // 10:00 on the report date
      const first = new CampaignSnapshotFreezer(db.dataSource, logger, { now: () => freezeAt });
      const other = new CampaignSnapshotFreezer(second, logger, { now: () => freezeAt });
      const snapshotCount = async () => Number((await db.dataSource.query('SELECT COUNT(*) AS count FROM campaign_snapshot'))[0].count);
      await first.runOnce(new Date('2026-11-21T15:59:00.000Z')); // 23:59 the day before: not due yet
      expect(await db.dataSource.query('SELECT id FROM campaign_snapshot WHERE campaign_id = ?', [campaign.id])).toEqual([]);
      const before = await snapshotCount();
      const [a, b] = await Promise.all([first.runOnce(), other.runOnce()]);
      expect(a + b).toBe((await snapshotCount()) - before);
      const frozenDates = await db.dataSource.query('SELECT campaign_id, report_date FROM campaign_snapshot WHERE campaign_id IN (?, ?)', [campaign.id, draft.id]);
      expect(frozenDates).toEqual([{ campaign_id: campaign.id, report_date: '2026-11-22' }]);
      expect(await first.runOnce()).toBe(0);

      const expectedRows = [
        { unit: { id: 'collegeb', name: '机电工程学院' }, category: 'FOOD', found: 2, general: 1, major: 1, rectified: 1, rectifying: 1, overdue: 1, rectificationRate: 0.5 },
        { unit: { id: 'collegea', name: '信息工程学院' }, category: 'FIRE', found: 3, general: 2, major: 1, rectified: 1, rectifying: 2, overdue: 1, rectificationRate: 1 / 3 },
      ];
      const expectedTotals = { found: 5, general: 3, major: 2, rectified: 2, rectifying: 3, overdue: 2, rectificationRate: 0.4 };
      const [snapshot] = (await runner.data(office, SNAPSHOTS, { id: campaign.id })).campaign.snapshots;
      expect(snapshot).toMatchObject({ reportDate: '2026-11-22', cutoffAt: '2026-11-21T16:00:00.000Z', frozenAt: freezeAt.toISOString() });
      expect(snapshot.rows).toEqual(expectedRows);
      expect(snapshot.totals).toEqual(expectedTotals);

      // Later changes show in the live figures, never in the snapshot.
      await db.dataSource.query("UPDATE hazard SET status = 'ACCEPTED' WHERE id = ?", [overdue]);
      await hazard(campaign.id, 'collegeb', { status: 'REGISTERED', category: 'SECURITY' });
      await db.dataSource.query("UPDATE org_unit_projection SET name = '机电与智能制造学院' WHERE id = 'collegeb'");
      const [again] = (await runner.data(office, SNAPSHOTS, { id: campaign.id })).campaign.snapshots;
      expect(again.rows).toEqual(expectedRows);
      expect(again.totals).toEqual(expectedTotals);
      const live = (await runner.data(office, STATISTICS, { id: campaign.id })).campaign.statistics;
      // Overdue counted against today (11-20): no deadline has passed yet.
      expect(live.totals).toEqual({ found: 7, general: 5, major: 2, rectified: 3, rectifying: 4, overdue: 0, rectificationRate: 3 / 7 });
      expect(live.rows.map((row: { unit: { name: string }; category: string }) => `${row.unit.name}/${row.category}`)).toEqual([
        '机电与智能制造学院/FOOD',
        '机电与智能制造学院/SECURITY',
        '信息工程学院/FIRE',
      ]);

      // A unit inside the scope sees its own lines and their totals.
      const [own] = (await runner.data(officerA, SNAPSHOTS, { id: campaign.id })).campaign.snapshots;
      expect(own.rows).toEqual([expectedRows[1]]);
      expect(own.totals.found).toBe(3);
      await db.dataSource.query("UPDATE org_unit_projection SET name = '机电工程学院' WHERE id = 'collegeb'");
    });

    it('downloads the frozen table as a workbook with Chinese headers and a totals row', async () => {
      const campaign = await publish(await create({ title: '校园安全专项整治', startsOn: '2026-11-01', reportDates: ['2026-11-15'], phases: [{ kind: 'SELF_CHECK', deadline: '2026-11-10' }] }));
      await hazard(campaign.id, 'collegea', { status: 'CLOSED', category: 'FIRE' });
      await hazard(campaign.id, 'collegea', { status: 'RECTIFYING', category: 'FIRE', grade: 'MAJOR', deadline: '2026-11-12' });
      await hazard(campaign.id, 'collegeb', { status: 'REPORTED', category: 'LAB_CHEMICAL' });
      await new CampaignSnapshotFreezer(db.dataSource, logger, { now: clock }).runOnce();
      const [snapshot] = (await runner.data(office, SNAPSHOTS, { id: campaign.id })).campaign.snapshots;

      const file = (await runner.data(office, WORKBOOK, { id: snapshot.id })).campaignStatisticsWorkbook;
      expect(file.filename).toBe('校园安全专项整治工作隐患问题统计表-2026-11-15.xlsx');
      expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new Workbook();
      await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
      const sheet = workbook.worksheets[0];
      expect(sheet.name).toBe('隐患问题统计表');
      const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
      expect(sheet.getRow(1).getCell(1).value).toBe('校园安全专项整治工作隐患问题统计表');
      expect(String(sheet.getRow(2).getCell(1).value)).toContain('范围：现代职业学院');
      expect(String(sheet.getRow(2).getCell(1).value)).toContain('统计截至：2026-11-14 24时');
      expect(values(3)).toEqual(['单位', '隐患类别', '发现隐患数', '一般隐患', '重大隐患', '已整改', '整改中', '逾期未整改', '整改率']);
      expect(values(4)).toEqual(['机电工程学院', '实验室/危化品安全', 1, 1, 0, 0, 1, 0, 0]);
      expect(values(5)).toEqual(['信息工程学院', '消防安全', 2, 1, 1, 1, 1, 1, 0.5]);
      expect(values(6)).toEqual(['合计', '', 3, 2, 1, 1, 2, 1, 1 / 3]);
      expect(sheet.getRow(6).getCell(9).numFmt).toBe('0.0%');
      expect(sheet.rowCount).toBe(6);

      const officerFile = (await runner.data(officerA, WORKBOOK, { id: snapshot.id })).campaignStatisticsWorkbook;
      const officerBook = new Workbook();
      await officerBook.xlsx.load(Buffer.from(officerFile.base64, 'base64') as never);
      expect((officerBook.worksheets[0].getRow(4).values as unknown[]).slice(1, 3)).toEqual(['信息工程学院', '消防安全']);
      expect(officerBook.worksheets[0].rowCount).toBe(5);
      expect((await runner.run(otherOffice, WORKBOOK, { id: snapshot.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await runner.run(office, WORKBOOK, { id: 'no-such-snapshot' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
});
