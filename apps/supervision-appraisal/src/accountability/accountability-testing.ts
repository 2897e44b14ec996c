import { Role } from '@campus/auth';
import { deliveredMessage, EventConsumer, EventContract, EventSubscriber, NO_OUTBOX_SIGNAL, PersonCreated } from '@campus/events';
import { createLogger } from '@campus/logger';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { buildModuleSchema, FeatureModule, serviceBase } from '@campus/server';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { randomUUID } from 'node:crypto';
import { EDUCATION_FACTS_MODULE } from '../education-facts/education-facts.module';
import type { AppraisalDeps } from '../service';
import { ACCOUNTABILITY_MODULE } from './accountability.module';

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
  leaderA: viewerWith('leader-a', [[Role.UNIT_LEADER, 'collegea', PATHS.collegea]], 'p-leader-a'),
  leaderB: viewerWith('leader-b', [[Role.UNIT_LEADER, 'collegeb', PATHS.collegeb]], 'p-leader-b'),
  /** A safety office granted at the college itself: it leads the college but is not above it. */
  collegeOfficeA: viewerWith('college-office-a', [[Role.SAFETY_OFFICE, 'collegea', PATHS.collegea]], 'p-college-office'),
  officerA: viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer-a'),
  /** A teacher of college A whom a record names. */
  teacherA: viewerWith('teacher-a', [[Role.STAFF, 'collegea', PATHS.collegea]], 'p-teacher-a'),
  schoolStaff: viewerWith('school-staff', [[Role.STAFF, 'school', PATHS.school]], 'p-staff'),
  otherCounty: viewerWith('other-county', [[Role.BUREAU_ADMIN, 'county2', PATHS.county2]], 'p-other'),
};

export const RECORD_FIELDS = `id targetKind status version reason measure description proposedByPlatform issuedAt decidedAt decisionNote revokedAt revokeReason
  orgUnit { id } person { id } issuingUnit { id } issuedBy { id } decidedBy { id } evidence { kind refId label }`;
export const OPS = {
  record: `mutation($input: RecordAccountabilityInput!) { recordAccountability(input: $input) { accountabilityRecord { ${RECORD_FIELDS} } } }`,
  confirm: `mutation($input: ConfirmAccountabilityInput!) { confirmAccountability(input: $input) { accountabilityRecord { ${RECORD_FIELDS} } } }`,
  dismiss: `mutation($input: AccountabilityDecisionInput!) { dismissAccountability(input: $input) { accountabilityRecord { ${RECORD_FIELDS} } } }`,
  revoke: `mutation($input: AccountabilityDecisionInput!) { revokeAccountability(input: $input) { accountabilityRecord { ${RECORD_FIELDS} } } }`,
  get: `query($id: ID!) { accountabilityRecord(id: $id) { ${RECORD_FIELDS} } }`,
  list: `query($filter: AccountabilityRecordFilter, $first: Int, $after: String) {
    accountabilityRecords(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status reason measure orgUnit { id } person { id } } } } }`,
  unitRecords: `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on OrgUnit { id accountabilityRecords(first: 5) { totalCount edges { node { id status } } } } } }`,
};

/** Never subscribes: the tests hand messages to the consumer themselves. */
const HANDED_IN: EventSubscriber = { subscribe: async () => ({ stop: async () => undefined }) };

/** Accountability stands on the org projection (names, kinds, moves) and the people education-facts projects. */
export const TEST_MODULES: readonly FeatureModule<AppraisalDeps>[] = [ACCOUNTABILITY_MODULE, EDUCATION_FACTS_MODULE, ORG_PROJECTION_MODULE];

export interface AccountabilityTestBed {
  db: TestDatabase;
  runner: SchemaRunner;
  deps: AppraisalDeps;
  /** Hands a message to the service's consumer (inbox, contract validation) as the broker would: the same event id again is a redelivery. */
  deliver<P>(contract: EventContract<P>, payload: P, eventId?: string): Promise<string>;
  outbox(type: string, aggregateId: string): Promise<Record<string, unknown>[]>;
  parked(): Promise<{ event_type: string; error: string }[]>;
}

export async function startAccountabilityTestBed(label: string): Promise<AccountabilityTestBed> {
  const db = await createServiceTestDatabase(label, TEST_MODULES);
  const deps: AppraisalDeps = { ...serviceBase(TEST_MODULES, db.dataSource, NO_OUTBOX_SIGNAL), directory: fixedOrgDirectory(PATHS) };
  const runner = new SchemaRunner(await buildModuleSchema(TEST_MODULES, deps));
  const handlers = TEST_MODULES.flatMap((module) => module.eventHandlers?.(deps) ?? []);
  const consumer = new EventConsumer(db.dataSource, HANDED_IN, handlers, { groupId: 'supervision-appraisal', logger: createLogger('test', 'silent'), maxAttempts: 1 });
  let offset = 0;
  await db.dataSource.query(
    `INSERT INTO org_unit_projection (id, path, name, kind) VALUES ('bureau', ?, '某县教育局', 'BUREAU'), ('school', ?, '现代职业学院', 'SCHOOL'),
     ('collegea', ?, '信息工程学院', 'COLLEGE'), ('collegeb', ?, '机电工程学院', 'COLLEGE'), ('school2', ?, '县第一中学', 'SCHOOL'),
     ('county2', ?, '邻县教育局', 'BUREAU'), ('county2school', ?, '邻县中学', 'SCHOOL')`,
    [PATHS.bureau, PATHS.school, PATHS.collegea, PATHS.collegeb, PATHS.school2, PATHS.county2, PATHS.county2school],
  );
  const bed: AccountabilityTestBed = {
    db,
    runner,
    deps,
    async deliver(contract, payload, eventId = randomUUID()) {
      await consumer.receive(deliveredMessage(contract, payload, eventId, offset++));
      return eventId;
    },
    async outbox(type, aggregateId) {
      const rows: { payload: string }[] = await db.dataSource.query('SELECT payload FROM event_outbox WHERE event_type = ? AND aggregate_id = ? ORDER BY id', [type, aggregateId]);
      return rows.map((row) => JSON.parse(row.payload));
    },
    parked: () => db.dataSource.query('SELECT event_type, error FROM event_dead_letter'),
  };
  const person = (id: string, unit: 'collegea' | 'collegeb' | 'county2school') =>
    bed.deliver(PersonCreated, { id, name: `姓名${id}`, kind: 'STAFF', orgUnitId: unit, orgPath: PATHS[unit], active: true });
  await person('p-teacher-a', 'collegea');
  await person('p-teacher-b', 'collegeb');
  await person('p-far', 'county2school');
  return bed;
}

export const unitRecordInput = (overrides: Record<string, unknown> = {}) => ({
  targetKind: 'UNIT',
  orgUnitId: 'collegea',
  reason: 'LATE_REPORT',
  measure: 'CRITICISM_NOTICE',
  description: '隐患问题统计表未按时报送，经催报仍迟报两天',
  evidence: [],
  ...overrides,
});
