import { Role } from '@campus/auth';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildHazardSchema, HAZARD_MODULES } from '../service';
import { CAMPAIGNS_MODULE } from './campaigns.module';

export const UNITS = [
  { id: 'bureau', path: '/bureau/', name: '某县教育局' },
  { id: 'school', path: '/bureau/school/', name: '现代职业学院' },
  { id: 'office', path: '/bureau/school/office/', name: '安全保卫处' },
  { id: 'collegea', path: '/bureau/school/collegea/', name: '信息工程学院' },
  { id: 'collegeb', path: '/bureau/school/collegeb/', name: '机电工程学院' },
  { id: 'lab', path: '/bureau/school/collegea/lab/', name: '信息工程学院实训中心' },
  { id: 'other', path: '/bureau/other/', name: '县第一中学' },
];
export const PATHS = Object.fromEntries(UNITS.map((unit) => [unit.id, unit.path]));

export const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'p-office');
export const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer-a');
export const leaderB = viewerWith('leader-b', [[Role.UNIT_LEADER, 'collegeb', PATHS.collegeb]], 'p-leader-b');
export const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]]);
export const otherOffice = viewerWith('other-office', [[Role.SAFETY_OFFICE, 'other', PATHS.other]]);

export const FIGURES = 'found general major rectified rectifying overdue rectificationRate';
export const CAMPAIGN = `id title documentNumber status startsOn endsOn currentPhase nextReportDate version scope { id name }
  phases { kind deadline } reportDates reportingUnits { id }
  focusAreas { seq name category leadUnits { id } responsibleUnits { id } }`;
export const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { ${CAMPAIGN} } } }`;
export const UPDATE = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { ${CAMPAIGN} } } }`;
export const PUBLISH = `mutation($input: PublishCampaignInput!) { publishCampaign(input: $input) { campaign { id status version } } }`;
export const CLOSE = `mutation($input: CloseCampaignInput!) { closeCampaign(input: $input) { campaign { id status version closedAt } } }`;
export const GET = `query($id: ID!) { campaign(id: $id) { ${CAMPAIGN} } }`;
export const LIST = 'query($filter: CampaignFilter, $first: Int, $after: String) { campaigns(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title status } } } }';
export const SUBMIT = 'mutation($input: SubmitCampaignReportInput!) { submitCampaignReport(input: $input) { report { id reportDate late note submittedAt orgUnit { id } submittedBy { id } } } }';
export const STATUS = 'query($id: ID!, $date: CalendarDate!) { campaign(id: $id) { reportStatus(reportDate: $date) { unit { id name } state report { late note } } } }';
export const STATISTICS = `query($id: ID!) { campaign(id: $id) { statistics { rows { unit { id name } category ${FIGURES} } totals { ${FIGURES} } } } }`;
export const SNAPSHOTS = `query($id: ID!) { campaign(id: $id) { snapshots { id reportDate cutoffAt frozenAt rows { unit { id name } category ${FIGURES} } totals { ${FIGURES} } } } }`;
export const WORKBOOK = 'query($id: ID!) { campaignStatisticsWorkbook(snapshotId: $id) { filename contentType base64 } }';

/** The 2021 兰州现代职业学院 campus-safety plan in 2026, over the school: four report dates, three phases. */
export function seedPlan(overrides: Record<string, unknown> = {}) {
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

/** A database with the units in the org projection, and the campaigns schema on the given clock. */
export async function campaignTestBed(label: string, clock: () => Date): Promise<{ db: TestDatabase; runner: SchemaRunner }> {
  const db = await createServiceTestDatabase(label, HAZARD_MODULES);
  for (const unit of UNITS) {
    await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name) VALUES (?, ?, ?)', [unit.id, unit.path, unit.name]);
  }
  const runner = new SchemaRunner(
    await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, { now: clock }, [CAMPAIGNS_MODULE, ORG_PROJECTION_MODULE]),
  );
  return { db, runner };
}

export async function createCampaign(runner: SchemaRunner, overrides: Record<string, unknown> = {}) {
  return (await runner.data(office, CREATE, { input: seedPlan(overrides) })).createCampaign.campaign;
}

export async function publishCampaign(runner: SchemaRunner, campaign: { id: string; version: number }) {
  return (await runner.data(office, PUBLISH, { input: { id: campaign.id, version: campaign.version } })).publishCampaign.campaign;
}
