import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { buildModuleSchema, FeatureModule, serviceBase } from '@campus/server';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import type { AppraisalDeps } from '../service';
import { periodicReportsModule } from './periodic-reports.module';

/** A county bureau over a school with two colleges and a second school; another county beside it. */
export const PATHS = {
  bureau: '/bureau/',
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  collegeb: '/bureau/school/collegeb/',
  school2: '/bureau/school2/',
  county2: '/county2/',
  county2school: '/county2/county2school/',
};

export const VIEWERS = {
  bureauAdmin: viewerWith('bureau-admin', [[Role.BUREAU_ADMIN, 'bureau', PATHS.bureau]], 'p-bureau'),
  schoolOffice: viewerWith('school-office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'p-office'),
  schoolHead: viewerWith('school-head', [[Role.UNIT_LEADER, 'school', PATHS.school]], 'p-head'),
  schoolStaff: viewerWith('school-staff', [[Role.STAFF, 'school', PATHS.school]], 'p-staff'),
  leaderA: viewerWith('leader-a', [[Role.UNIT_LEADER, 'collegea', PATHS.collegea]], 'p-leader-a'),
  officerA: viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer-a'),
  teacherA: viewerWith('teacher-a', [[Role.STAFF, 'collegea', PATHS.collegea]], 'p-teacher-a'),
  officerB: viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]], 'p-officer-b'),
  school2Office: viewerWith('school2-office', [[Role.SAFETY_OFFICE, 'school2', PATHS.school2]], 'p-office2'),
  otherCounty: viewerWith('other-county', [[Role.BUREAU_ADMIN, 'county2', PATHS.county2]], 'p-other'),
};

const TEMPLATE_FIELDS = 'id version title cadence guidance status startsOn closedAt issuingUnit { id } due { offsetPeriods day time } targetUnits { id }';
const SUBMISSION_FIELDS = 'id version templateId periodKey content status revision late submittedAt firstSubmittedAt reviewComment canReview orgUnit { id } submittedBy { id } reviewedBy { id }';
export const OPS = {
  create: `mutation($input: CreateReportTemplateInput!) { createPeriodicReportTemplate(input: $input) { template { ${TEMPLATE_FIELDS} } } }`,
  close: `mutation($input: CloseReportTemplateInput!) { closePeriodicReportTemplate(input: $input) { template { ${TEMPLATE_FIELDS} } } }`,
  submit: `mutation($input: SubmitPeriodicReportInput!) { submitPeriodicReport(input: $input) { submission { ${SUBMISSION_FIELDS} } } }`,
  resubmit: `mutation($input: ResubmitPeriodicReportInput!) { resubmitPeriodicReport(input: $input) { submission { ${SUBMISSION_FIELDS} revisions { revision content reviewComment } } } }`,
  acknowledge: `mutation($input: ReviewPeriodicReportInput!) { acknowledgePeriodicReport(input: $input) { submission { ${SUBMISSION_FIELDS} } } }`,
  return: `mutation($input: ReviewPeriodicReportInput!) { returnPeriodicReport(input: $input) { submission { ${SUBMISSION_FIELDS} } } }`,
  template: `query($id: ID!) { periodicReportTemplate(id: $id) { ${TEMPLATE_FIELDS} periods(last: 3) { key label startsOn endsOn dueAt } } }`,
  status: `query($id: ID!, $period: String!) { periodicReportTemplate(id: $id) { id
    reportStatus(periodKey: $period) { unitId unitName state submission { id late status } }
    reportCounts(periodKey: $period) { expected submitted late missing pending returned } } }`,
  list: `query($filter: ReportTemplateFilter) { periodicReportTemplates(filter: $filter) { totalCount edges { node { id title } } } }`,
  duties: `query($unit: ID!) { periodicReportDuties(orgUnitId: $unit) { pendingCount overdueCount returnedCount
    items { state template { id } period { key dueAt } submission { id status } } } }`,
  submission: `query($id: ID!) { periodicReportSubmission(id: $id) { ${SUBMISSION_FIELDS} revisions { revision content } } }`,
};

export interface PeriodicReportTestBed {
  db: TestDatabase;
  runner: SchemaRunner;
  /** The clock the services read; tests move it. */
  clock: { now: Date };
}

export async function startPeriodicReportTestBed(label: string, start: Date): Promise<PeriodicReportTestBed> {
  const clock = { now: start };
  const modules: readonly FeatureModule<AppraisalDeps>[] = [periodicReportsModule(() => clock.now), ORG_PROJECTION_MODULE];
  const db = await createServiceTestDatabase(label, modules);
  const deps: AppraisalDeps = { ...serviceBase(modules, db.dataSource, NO_OUTBOX_SIGNAL), directory: fixedOrgDirectory(PATHS) };
  const runner = new SchemaRunner(await buildModuleSchema(modules, deps));
  await db.dataSource.query(
    `INSERT INTO org_unit_projection (id, path, name, kind) VALUES ('bureau', ?, '某县教育局', 'BUREAU'), ('school', ?, '现代职业学院', 'SCHOOL'),
     ('collegea', ?, '信息工程学院', 'COLLEGE'), ('collegeb', ?, '机电工程学院', 'COLLEGE'), ('school2', ?, '县第一中学', 'SCHOOL'),
     ('county2', ?, '邻县教育局', 'BUREAU'), ('county2school', ?, '邻县中学', 'SCHOOL')`,
    [PATHS.bureau, PATHS.school, PATHS.collegea, PATHS.collegeb, PATHS.school2, PATHS.county2, PATHS.county2school],
  );
  return { db, runner, clock };
}
