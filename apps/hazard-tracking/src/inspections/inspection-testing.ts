import { Role, Viewer } from '@campus/auth';
import { OutboxSignal } from '@campus/events';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildHazardSchema, HAZARD_MODULES } from '../service';
import { INSPECTIONS_MODULE } from './inspections.module';

export const PATHS = {
  bureau: '/bureau/',
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  collegeb: '/bureau/school/collegeb/',
  collegec: '/bureau/school/collegec/',
  subc: '/bureau/school/collegec/subc/',
};

export const TEMPLATE_FIELDS = 'id name category builtIn active version orgUnit { id } items { id seq text guidance defaultGrade }';
export const TASK_FIELDS = `id name campaignId targetKind gridId placeId placeText cadence startsOn endsOn active deactivatedOn version orgUnit { id } assignee { id }
  template { id name } currentPeriod { start end } currentInspection { id }`;
export const INSPECTION_FIELDS = `id periodStart periodEnd performedAt passedCount failedCount note orgUnit { id } performedBy { id } task { id name }
  results { id itemId seq itemText passed note grade hazardId }
  hazards { id code title description category grade source status placeText discoveredBy { id } orgUnit { id } }`;
export const TEMPLATES = `query($filter: ChecklistTemplateFilter, $first: Int) { checklistTemplates(filter: $filter, first: $first) {
  totalCount edges { node { ${TEMPLATE_FIELDS} } } } }`;
export const CREATE_TEMPLATE = `mutation($input: CreateChecklistTemplateInput!) { createChecklistTemplate(input: $input) { checklistTemplate { ${TEMPLATE_FIELDS} } } }`;
export const RETIRE_TEMPLATE = `mutation($input: RetireChecklistTemplateInput!) { retireChecklistTemplate(input: $input) { checklistTemplate { ${TEMPLATE_FIELDS} } } }`;
export const CREATE_TASK = `mutation($input: CreateInspectionTaskInput!) { createInspectionTask(input: $input) { inspectionTask { ${TASK_FIELDS} } } }`;
export const DEACTIVATE_TASK = `mutation($input: DeactivateInspectionTaskInput!) { deactivateInspectionTask(input: $input) { inspectionTask { ${TASK_FIELDS} } } }`;
export const TASKS = `query($filter: InspectionTaskFilter) { inspectionTasks(filter: $filter, first: 100) { totalCount edges { node { ${TASK_FIELDS} } } } }`;
export const PERFORM = `mutation($input: PerformInspectionInput!) { performInspection(input: $input) { inspection { ${INSPECTION_FIELDS} } } }`;
export const INSPECTIONS = `query($filter: InspectionFilter) { inspections(filter: $filter, first: 100) { totalCount edges { node { id periodStart failedCount } } } }`;
export const COMPLETION = `query($unit: ID!, $from: CalendarDate!, $to: CalendarDate!, $groupBy: InspectionCompletionGroupBy) {
  inspectionCompletion(orgUnitId: $unit, from: $from, to: $to, groupBy: $groupBy) {
    from to asOf groupBy due done missed rate rows { orgUnit { id } gridId tasks due done missed rate } } }`;
export const MISSED = `query($unit: ID!, $from: CalendarDate!, $to: CalendarDate!, $first: Int, $after: String) {
  missedInspections(orgUnitId: $unit, from: $from, to: $to, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { periodStart periodEnd assignee { id } orgUnit { id } task { id name } } } } }`;

export const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'person-office');
export const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'person-officer-a');
export const gridOfficerA = viewerWith('grid-a', [[Role.GRID_OFFICER, 'collegea', PATHS.collegea]], 'person-grid-a');
export const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]], 'person-staff-a');
export const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]], 'person-officer-b');

/** Noon in Shanghai on a day, as an ISO instant. */
export const noonOf = (day: string) => `${day}T04:00:00.000Z`;

/** A database with three units in the org projection, and the inspections schema on the given clock and outbox. */
export async function inspectionTestBed(label: string, now: () => Date, outbox: OutboxSignal): Promise<{ db: TestDatabase; runner: SchemaRunner }> {
  const db = await createServiceTestDatabase(label, HAZARD_MODULES);
  const runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), outbox, { now }, [INSPECTIONS_MODULE, ORG_PROJECTION_MODULE]));
  await db.dataSource.query(
    `INSERT INTO org_unit_projection (id, path, name, code, kind) VALUES
       ('bureau', '/bureau/', '县教体局', 'BUREAU', 'BUREAU'), ('school', '/bureau/school/', '现代职业学院', 'XDZY', 'SCHOOL'),
       ('collegea', '/bureau/school/collegea/', '信息工程学院', 'XX', 'COLLEGE')`,
  );
  return { db, runner };
}

/** The steps the specs take, through the current test bed's runner, with the built-in fire checklist once it is read into `fire`. */
export function inspectionSteps(runnerOf: () => SchemaRunner, fire: Record<string, unknown>) {
  async function expectError(viewer: Viewer, query: string, variables: Record<string, unknown>, code: string) {
    const result = await runnerOf().run(viewer, query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    return result.errors![0];
  }

  /** Every item passed except the given 1-based sequence numbers, which fail with a note. */
  function results(template: Record<string, unknown>, failed: Record<number, Record<string, unknown>> = {}) {
    return (template.items as { id: string; seq: number }[]).map((item) =>
      failed[item.seq] ? { itemId: item.id, passed: false, note: `第${item.seq}项发现问题`, ...failed[item.seq] } : { itemId: item.id, passed: true },
    );
  }

  async function createTask(viewer: Viewer, input: Record<string, unknown>) {
    const data = await runnerOf().data(viewer, CREATE_TASK, {
      input: { templateId: fire.id, placeText: '信息楼一至三层', assigneePersonId: 'person-grid-a', cadence: 'DAILY', ...input },
    });
    return data.createInspectionTask.inspectionTask;
  }

  async function perform(viewer: Viewer, taskId: string, day: string, failed: Record<number, Record<string, unknown>> = {}) {
    const data = await runnerOf().data(viewer, PERFORM, { input: { taskId, performedAt: noonOf(day), results: results(fire, failed) } });
    return data.performInspection.inspection;
  }

  return { expectError, results, createTask, perform };
}
