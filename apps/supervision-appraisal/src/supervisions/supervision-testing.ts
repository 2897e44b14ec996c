import { Role } from '@campus/auth';
import { ConsumedEvent, EventContract, NO_OUTBOX_SIGNAL, WorkGroupChanged } from '@campus/events';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { buildModuleSchema, serviceBase } from '@campus/server';
import { SUPERVISIONS_MODULE } from './supervisions.module';
import { supervisionGroupHandlers, supervisionHazardHandlers } from './supervision-projections';

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
  inspector: viewerWith('inspector', [[Role.INSPECTOR, 'bureau', PATHS.bureau]], 'p-inspector'),
  officerA: viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer-a'),
  officerB: viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]], 'p-officer-b'),
  schoolStaff: viewerWith('school-staff', [[Role.STAFF, 'school', PATHS.school]], 'p-staff'),
  otherCounty: viewerWith('other-county', [[Role.BUREAU_ADMIN, 'county2', PATHS.county2]], 'p-other'),
};

export const FIELDS = `id title status version startsOn endsOn focusAreas checklist campaignId summary cancelReason
  orgUnit { id } supervisionGroup { id } inspectedUnits { id }
  findings { id seq orgUnit { id } placeText category severity description deadline raisedAt recordedBy { id } rectification hazard { id code status overdue } }
  findingStats { total major general raised rectified rectifying overdue notRaised voided }`;
export const OPS = {
  plan: `mutation($input: PlanSupervisionInput!) { planSupervision(input: $input) { supervision { ${FIELDS} } } }`,
  update: `mutation($input: UpdateSupervisionInput!) { updateSupervision(input: $input) { supervision { ${FIELDS} } } }`,
  start: `mutation($input: SupervisionStepInput!) { startSupervision(input: $input) { supervision { ${FIELDS} } } }`,
  report: `mutation($input: ReportSupervisionInput!) { reportSupervision(input: $input) { supervision { ${FIELDS} } } }`,
  close: `mutation($input: SupervisionStepInput!) { closeSupervision(input: $input) { supervision { ${FIELDS} } } }`,
  cancel: `mutation($input: CancelSupervisionInput!) { cancelSupervision(input: $input) { supervision { ${FIELDS} } } }`,
  record: `mutation($input: RecordSupervisionFindingInput!) { recordSupervisionFinding(input: $input) { finding { id seq raisedAt orgUnit { id } } } }`,
  raise: `mutation($input: RaiseSupervisionFindingInput!) { raiseSupervisionFinding(input: $input) { finding { id raisedAt } } }`,
  get: `query($id: ID!) { supervision(id: $id) { ${FIELDS} } }`,
  list: `query($filter: SupervisionFilter) { supervisions(filter: $filter, first: 50) { totalCount edges { node { id title } } } }`,
  report_file: `query($id: ID!) { supervisionReportWorkbook(id: $id) { filename contentType base64 } }`,
};

export interface SupervisionTestBed {
  db: TestDatabase;
  runner: SchemaRunner;
  /** Applies an event through the module's own handler, in a transaction, as the consumer would. */
  deliver<P>(contract: EventContract<P>, payload: P): Promise<void>;
  outbox(type: string, aggregateId: string): Promise<Record<string, unknown>[]>;
}

/** The modules inspections stand on (not the whole service: its other areas are tested on their own). */
const MODULES = [SUPERVISIONS_MODULE, ORG_PROJECTION_MODULE];

export async function startSupervisionTestBed(label: string): Promise<SupervisionTestBed> {
  const db = await createServiceTestDatabase(label, MODULES);
  const deps = { ...serviceBase(MODULES, db.dataSource, NO_OUTBOX_SIGNAL), directory: fixedOrgDirectory(PATHS) };
  const runner = new SchemaRunner(await buildModuleSchema(MODULES, deps));
  await db.dataSource.query(
    `INSERT INTO org_unit_projection (id, path, name, kind) VALUES ('bureau', ?, '某县教育局', 'BUREAU'), ('school', ?, '现代职业学院', 'SCHOOL'),
     ('collegea', ?, '信息工程学院', 'COLLEGE'), ('collegeb', ?, '机电工程学院', 'COLLEGE'), ('school2', ?, '县第一中学', 'SCHOOL')`,
    [PATHS.bureau, PATHS.school, PATHS.collegea, PATHS.collegeb, PATHS.school2],
  );
  const handlers = [...supervisionHazardHandlers(), ...supervisionGroupHandlers()];
  const bed: SupervisionTestBed = {
    db,
    runner,
    async deliver(contract, payload) {
      const handler = handlers.find((candidate) => candidate.contract.type === contract.type);
      if (!handler) throw new Error(`no handler for ${contract.type}`);
      const event: ConsumedEvent<unknown> = { id: `e-${Math.random()}`, type: contract.type, version: 1, traceId: null, key: null, payload: contract.schema.parse(payload) };
      await db.dataSource.transaction((manager) => handler.handle(manager, event));
    },
    async outbox(type, aggregateId) {
      const rows: { payload: string }[] = await db.dataSource.query('SELECT payload FROM event_outbox WHERE event_type = ? AND aggregate_id = ? ORDER BY id', [type, aggregateId]);
      return rows.map((row) => JSON.parse(row.payload));
    },
  };
  const group = (id: string, kind: string, orgUnitId: string, orgPath: string, name: string) =>
    bed.deliver(WorkGroupChanged, { id, kind, name, orgUnitId, orgPath, active: true, version: 1 });
  await group('group-school', 'SUPERVISION_GROUP', 'school', PATHS.school, '现代职业学院安全督导组');
  await group('group-leading', 'LEADING_GROUP', 'school', PATHS.school, '校园安全工作领导小组');
  await group('group-county2', 'SUPERVISION_GROUP', 'county2', PATHS.county2, '邻县督导组');
  return bed;
}

export const planInput = (overrides: Record<string, unknown> = {}) => ({
  orgUnitId: 'school',
  title: '秋季开学校园安全督导检查',
  supervisionGroupId: 'group-school',
  inspectedUnitIds: ['collegea', 'collegeb'],
  startsOn: '2026-11-20',
  endsOn: '2026-11-27',
  focusAreas: ['消防设施', '危化品管理', ' 消防设施 '],
  checklist: ['消防通道是否畅通', '危化品是否双人双锁'],
  ...overrides,
});

/** A deadline some days from today (the service refuses one in the past). */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export const findingInput = (supervisionId: string, overrides: Record<string, unknown> = {}) => ({
  supervisionId,
  orgUnitId: 'collegea',
  placeText: '信息楼三层配电间',
  category: 'ELECTRICAL',
  severity: 'GENERAL',
  description: '配电箱门未上锁，缺少警示标识',
  deadline: daysFromToday(10),
  raiseAsHazard: false,
  ...overrides,
});
