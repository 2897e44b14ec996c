import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { createConnection } from 'mysql2/promise';
import { mysqlUrl } from './demo-template';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const ENTRY = 'edges { node { operation action objectType objectId actorAccountId actorPersonId changes { field before after } } } totalCount';
const trailQuery = (field: string) => `query($type: String!, $id: ID!) { ${field}(objectType: $type, objectId: $id, first: 50) { ${ENTRY} } }`;
const HAZARDS = `{ hazards(first: 50, filter: { status: [DISCOVERED, REGISTERED] }) { edges { node { id version category grade placeText title } } } }`;
const UPDATE_HAZARD = 'mutation($input: UpdateHazardInput!) { updateHazard(input: $input) { hazard { id version category grade placeText } } }';
const FILE = 'query($id: ID!) { hazardFile(id: $id) { hazard { id } steps { action } edits { operation actorPersonId at changes { field before after } } } }';
const ME = '{ me { person { id } } }';
/** Two indicators scored by the school's assessors (weights add up to 100). */
const INDICATORS = [
  { name: '安全台账规范性', weight: 60, kind: 'MANUAL' },
  { name: '安全例会与培训', weight: 40, kind: 'MANUAL' },
];

interface Entry {
  operation: string | null;
  action: string;
  objectType: string;
  objectId: string;
  actorAccountId: string | null;
  actorPersonId: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

const changeOf = (entry: Entry, field: string) => entry.changes.find((change) => change.field === field);

/** 审计记录 (issue 15 part 4) through the gateway, on the demo campus. */
describe('audit trail', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let otherOffice: GraphQLClient;
  let units: Record<string, string>;
  let officePerson: string;

  const personOf = async (username: string): Promise<string> => (await (await fixture.as(username)).data(ME)).me.person.id;
  const trail = async (client: GraphQLClient, field: string, type: string, id: string): Promise<Entry[]> =>
    (await client.data(trailQuery(field), { type, id }))[field].edges.map((edge: { node: Entry }) => edge.node);

  beforeAll(async () => {
    fixture = await startPlatformFixture(4990);
    units = fixture.unitIds;
    office = await fixture.as('safety.office');
    officePerson = await personOf('safety.office');
    // Another school's safety office (县第一中学).
    const admin = await fixture.as('bureau.admin');
    const person = await admin.data('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', {
      input: { orgUnitId: units.YZ, kind: 'STAFF', name: '许主任', position: '县第一中学安全办主任' },
    });
    await admin.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
      input: { username: 'yz.office', password: 'Campus@2026', personId: person.createPerson.person.id, grants: [{ role: 'SAFETY_OFFICE', orgUnitId: units.YZ }] },
    });
    otherOffice = await fixture.as('yz.office');
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('files a demo hazard\'s corrections (category, grade, place) with before and after, readable by the school\'s office only', async () => {
    const hazard = (await office.data(HAZARDS)).hazards.edges[0].node;
    const category = hazard.category === 'ELECTRICAL' ? 'FIRE' : 'ELECTRICAL';
    const grade = hazard.grade === 'MAJOR' ? 'GENERAL' : 'MAJOR';
    const placeText = `${hazard.placeText}（东侧配电间）`;
    const updated = await office.data(UPDATE_HAZARD, { input: { id: hazard.id, version: hazard.version, category, grade, placeText } });
    expect(updated.updateHazard.hazard).toMatchObject({ category, grade, placeText });

    const stale = await office.request(UPDATE_HAZARD, { input: { id: hazard.id, version: hazard.version, grade: hazard.grade } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    const file = (await office.data(FILE, { id: hazard.id })).hazardFile;
    expect(file.edits).toHaveLength(1);
    const [edit] = file.edits;
    expect(edit).toMatchObject({ operation: 'updateHazard', actorPersonId: officePerson });
    expect(changeOf(edit, 'category')).toEqual({ field: 'category', before: JSON.stringify(hazard.category), after: JSON.stringify(category) });
    expect(changeOf(edit, 'grade')).toEqual({ field: 'grade', before: JSON.stringify(hazard.grade), after: JSON.stringify(grade) });
    expect(changeOf(edit, 'place_text')).toEqual({ field: 'place_text', before: JSON.stringify(hazard.placeText), after: JSON.stringify(placeText) });

    const entries = await trail(office, 'hazardAuditTrail', 'Hazard', hazard.id);
    expect(entries[0]).toMatchObject({ operation: 'updateHazard', action: 'update', objectType: 'Hazard', objectId: hazard.id, actorPersonId: officePerson });
    expect(changeOf(entries[0], 'grade')?.after).toBe(JSON.stringify(grade));

    const foreign = await otherOffice.request(trailQuery('hazardAuditTrail'), { type: 'Hazard', id: hazard.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await otherOffice.request(FILE, { id: hazard.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unknownType = await office.request(trailQuery('hazardAuditTrail'), { type: 'HazardStep', id: hazard.id });
    expect(unknownType.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('is append-only in the database itself, in the suite\'s copy of the demo too: UPDATE and DELETE of audit_log are refused', async () => {
    const connection = await createConnection({ uri: mysqlUrl(), database: fixture.platform.databaseName('hazard-tracking') });
    try {
      const [[{ count }]] = (await connection.query('SELECT COUNT(*) AS count FROM audit_log')) as unknown as [{ count: number }[]];
      expect(Number(count)).toBeGreaterThan(0);
      await expect(connection.query('UPDATE audit_log SET action = action')).rejects.toThrow('audit_log is append-only');
      await expect(connection.query('DELETE FROM audit_log')).rejects.toThrow('audit_log is append-only');
    } finally {
      await connection.end();
    }
  });

  it('records a work group\'s member change and a duty slot\'s change in responsibility-network', async () => {
    const groups = await office.data('query($unit: ID!) { workGroups(filter: { orgUnitId: $unit }) { edges { node { id version members { personId role duty } } } } }', {
      unit: units.XDZY,
    });
    const group = groups.workGroups.edges[0].node;
    const members = group.members.map(({ personId, role, duty }: { personId: string; role: string; duty: string | null }) => ({ personId, role, duty }));
    const added = await personOf('jd.officer');
    await office.data('mutation($input: SetWorkGroupMembersInput!) { setWorkGroupMembers(input: $input) { workGroup { id } } }', {
      input: { id: group.id, version: group.version, members: [...members, { personId: added, role: 'MEMBER', duty: '机电工程学院安全工作' }] },
    });
    const groupTrail = await trail(office, 'responsibilityAuditTrail', 'WorkGroup', group.id);
    const memberEntries = groupTrail.filter((entry) => entry.objectType === 'WorkGroupMember' && entry.operation === 'setWorkGroupMembers');
    expect(memberEntries.filter((entry) => entry.action === 'delete')).toHaveLength(members.length);
    const addedEntry = memberEntries.find((entry) => entry.action === 'create' && changeOf(entry, 'person_id')?.after === JSON.stringify(added));
    expect(addedEntry && changeOf(addedEntry, 'duty')?.after).toBe(JSON.stringify('机电工程学院安全工作'));
    const foreign = await otherOffice.request(trailQuery('responsibilityAuditTrail'), { type: 'WorkGroup', id: group.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const holiday = calendarDateOf(new Date(Date.now() + 45 * DAY_MS));
    const rosterId = (
      await office.data('mutation($input: CreateDutyRosterInput!) { createDutyRoster(input: $input) { dutyRoster { id } } }', {
        input: { orgUnitId: units.XDZY, name: '审计测试值班表', startDate: holiday, endDate: holiday, periodKind: 'HOLIDAY', shifts: [{ name: '全天', start: '08:00', end: '08:00' }] },
      })
    ).createDutyRoster.dutyRoster.id;
    const guard = await personOf('staff');
    const SET_SLOT = 'mutation($input: SetDutySlotInput!) { setDutySlot(input: $input) { slot { shiftName } } }';
    await office.data(SET_SLOT, { input: { rosterId, date: holiday, shiftName: '全天', leaderPersonId: null, officerPersonIds: [guard] } });
    await office.data(SET_SLOT, { input: { rosterId, date: holiday, shiftName: '全天', leaderPersonId: null, officerPersonIds: [] } });
    const rosterTrail = await trail(office, 'responsibilityAuditTrail', 'DutyRoster', rosterId);
    const slotEntries = rosterTrail.filter((entry) => entry.objectType === 'DutySlot');
    expect(slotEntries.map((entry) => [entry.action, entry.operation])).toEqual([
      ['delete', 'setDutySlot'],
      ['create', 'setDutySlot'],
    ]);
    expect(changeOf(slotEntries[1], 'duty_date')?.after).toBe(JSON.stringify(holiday));
    expect(rosterTrail[rosterTrail.length - 1]).toMatchObject({ objectType: 'DutyRoster', action: 'create', operation: 'createDutyRoster' });
  });

  it('records an emergency plan edit in education-drills', async () => {
    const plan = (
      await office.data('mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { id version } } }', {
        input: { orgUnitId: units['XDZY-BWC'], title: '实验楼危化品泄漏应急预案', type: 'SPECIAL', scenarioTypes: ['FIRE'], versionLabel: '2026版', reviewDate: `${new Date().getFullYear() + 1}-09-01` },
      })
    ).createEmergencyPlan.emergencyPlan;
    await office.data('mutation($input: UpdateEmergencyPlanInput!) { updateEmergencyPlan(input: $input) { emergencyPlan { id } } }', {
      input: { id: plan.id, version: plan.version, title: '实验楼危险化学品泄漏应急预案' },
    });
    const [edit, created] = await trail(office, 'educationAuditTrail', 'EmergencyPlan', plan.id);
    expect(edit).toMatchObject({ operation: 'updateEmergencyPlan', action: 'update', actorPersonId: officePerson });
    expect(changeOf(edit, 'title')).toEqual({ field: 'title', before: JSON.stringify('实验楼危化品泄漏应急预案'), after: JSON.stringify('实验楼危险化学品泄漏应急预案') });
    expect(created).toMatchObject({ operation: 'createEmergencyPlan', action: 'create' });
    const foreign = await otherOffice.request(trailQuery('educationAuditTrail'), { type: 'EmergencyPlan', id: plan.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('records an appraisal scheme edit (and its indicators) in supervision-appraisal', async () => {
    const year = new Date().getFullYear() + 1;
    const rules = { appraisedUnitKind: 'COLLEGE', vetoRules: ['MAJOR_INCIDENT'], objectionDays: 7, indicators: INDICATORS };
    const FIELDS = 'appraisalScheme { id version }';
    const scheme = (
      await office.data(`mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { ${FIELDS} } }`, {
        input: { orgUnitId: units.XDZY, name: `${year}年二级学院安全考核方案（审计）`, year, period: 'FIRST_HALF', ...rules },
      })
    ).createAppraisalScheme.appraisalScheme;
    await office.data(`mutation($input: UpdateAppraisalSchemeInput!) { updateAppraisalScheme(input: $input) { ${FIELDS} } }`, {
      input: { id: scheme.id, version: scheme.version, objectionDays: 10, indicators: [{ ...INDICATORS[0], weight: 70 }, { ...INDICATORS[1], weight: 30 }] },
    });
    const entries = await trail(office, 'appraisalAuditTrail', 'AppraisalScheme', scheme.id);
    const edit = entries.find((entry) => entry.objectType === 'AppraisalScheme' && entry.action === 'update');
    expect(edit && changeOf(edit, 'objection_days')).toEqual({ field: 'objection_days', before: '7', after: '10' });
    const indicatorDeletes = entries.filter((entry) => entry.objectType === 'AppraisalIndicator' && entry.action === 'delete' && entry.operation === 'updateAppraisalScheme');
    expect(indicatorDeletes).toHaveLength(INDICATORS.length);
    const replaced = entries.filter((entry) => entry.objectType === 'AppraisalIndicator' && entry.action === 'create' && entry.operation === 'updateAppraisalScheme');
    expect(replaced.map((entry) => changeOf(entry, 'weight')?.after)).toEqual(expect.arrayContaining([JSON.stringify('70.00'), JSON.stringify('30.00')]));
    const foreign = await otherOffice.request(trailQuery('appraisalAuditTrail'), { type: 'AppraisalScheme', id: scheme.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
