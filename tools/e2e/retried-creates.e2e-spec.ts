import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createConnection } from 'mysql2/promise';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const REGISTER = `mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id code } } }`;
const DISCOVER = `mutation($input: RegisterHazardInput!) { reportHazardDiscovery(input: $input) { hazard { id status } } }`;
const HAZARDS = `query($search: String!) { hazards(filter: { search: $search }) { totalCount edges { node { id } } } }`;
const TASK = `mutation($input: CreateInspectionTaskInput!) { createInspectionTask(input: $input) { inspectionTask { id version template { items { id } } } } }`;
const PERFORM = `mutation($input: PerformInspectionInput!) { performInspection(input: $input) { inspection { id failedCount } } }`;
const CREATE_ACTIVITY = `mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { id checkInCode } } }`;
const CHECK_IN = `mutation($input: CheckInEducationActivityInput!) { checkInEducationActivity(input: $input) { activityId personId recordedAt } }`;
const CREATE_PLACE = `mutation($input: CreatePlaceInput!) { createPlace(input: $input) { place { id name } } }`;
const RECORD_ACCOUNTABILITY = `mutation($input: RecordAccountabilityInput!) { recordAccountability(input: $input) { accountabilityRecord { id } } }`;

const newKey = (label: string) => `${label}-${randomBytes(6).toString('hex')}`;
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), randomBytes(4000), Buffer.from([0xff, 0xd9])]);

/**
 * Retries of creates after a lost answer, through the gateway: the first request is sent and the connection
 * dropped before any answer (the server commits, the client never hears), the client retries with the same
 * clientRequestId and gets the first result; exactly one row exists and its event was recorded once.
 */
describe('retried creates answer the first result and create nothing twice', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient; // safety.office
  let officer: GraphQLClient; // xx.officer, 张伟: 信息工程学院安全员
  let gridOfficer: GraphQLClient; // grid.officer, 陈静
  let xx: string;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4800);
    xx = fixture.unitIds['XDZY-XX'];
    [office, officer, gridOfficer] = await Promise.all(['safety.office', 'xx.officer', 'grid.officer'].map((name) => fixture.as(name)));
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  /** Sends the mutation and hangs up as soon as the request is written: whatever the server does, the client never hears of it. */
  function sendAndHangUp(client: GraphQLClient, query: string, variables: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve) => {
      const request = http.request(client.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${client.token}` },
      });
      request.on('error', () => resolve()); // the hang-up itself
      request.end(body, () => {
        request.destroy();
        resolve();
      });
    });
  }

  /** Rows of the outbox of a service for one aggregate and event type: what the relay publishes, once each. */
  async function eventsRecorded(service: 'hazard-tracking' | 'education-drills', type: string, aggregateId: string): Promise<number> {
    const connection = await createConnection({ uri: `${process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306'}/${fixture.platform.databaseName(service)}` });
    try {
      const [rows] = await connection.query('SELECT COUNT(*) AS count FROM event_outbox WHERE event_type = ? AND aggregate_id = ?', [type, aggregateId]);
      return Number((rows as { count: number }[])[0].count);
    } finally {
      await connection.end();
    }
  }

  const hazardsTitled = async (title: string) => (await office.data(HAZARDS, { search: title })).hazards;

  function hazardInput(title: string, clientRequestId: string) {
    return { orgUnitId: xx, title, description: '楼道灭火器压力不足', category: 'FIRE', placeText: '信息楼二层', discoveredAt: new Date().toISOString(), clientRequestId };
  }

  it('registerHazard: the retry after a lost answer gets the first hazard; one hazard, one hazard.registered', async () => {
    const title = `灭火器压力不足 ${newKey('t')}`;
    const input = hazardInput(title, newKey('register'));
    await sendAndHangUp(officer, REGISTER, { input });
    const first = await eventually(() => hazardsTitled(title), (hazards) => hazards.totalCount === 1);

    const retried = (await officer.data(REGISTER, { input })).registerHazard.hazard;
    expect(retried.id).toBe(first.edges[0].node.id);
    expect((await hazardsTitled(title)).totalCount).toBe(1);
    expect(await eventsRecorded('hazard-tracking', 'hazard.registered', retried.id)).toBe(1);

    // The same key for other content is refused, and creates nothing.
    const reused = await officer.request(REGISTER, { input: { ...input, title: `${title}（改）` } });
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await hazardsTitled(`${title}（改）`)).totalCount).toBe(0);
    // Another account's identical key is its own.
    const theirs = (await office.data(REGISTER, { input })).registerHazard.hazard;
    expect(theirs.id).not.toBe(retried.id);
  });

  it('reportHazardDiscovery: a retry answers the first discovery', async () => {
    const title = `随手拍 ${newKey('t')}`;
    const input = hazardInput(title, newKey('discover'));
    await sendAndHangUp(gridOfficer, DISCOVER, { input });
    const first = await eventually(() => hazardsTitled(title), (hazards) => hazards.totalCount === 1);
    const retried = (await gridOfficer.data(DISCOVER, { input })).reportHazardDiscovery.hazard;
    expect(retried).toMatchObject({ id: first.edges[0].node.id, status: 'DISCOVERED' });
    expect((await hazardsTitled(title)).totalCount).toBe(1);
    expect(await eventsRecorded('hazard-tracking', 'hazard.registered', retried.id)).toBe(1);
  });

  it('performInspection: a retry answers the first inspection instead of refusing a second check of the period', async () => {
    const template = (await officer.data('{ checklistTemplates(filter: { category: FIRE }) { edges { node { id } } } }')).checklistTemplates.edges[0].node;
    const people = await office.data('query($id: ID!) { orgUnit(id: $id) { people(filter: { nameContains: "陈静" }) { edges { node { id } } } } }', { id: xx });
    const task = (
      await officer.data(TASK, {
        input: { orgUnitId: xx, templateId: template.id, name: `重试巡查 ${newKey('t')}`, placeText: '实训楼', assigneePersonId: people.orgUnit.people.edges[0].node.id, cadence: 'ONCE', startsOn: calendarDateOf(new Date()) },
      })
    ).createInspectionTask.inspectionTask;
    const finding = `疏散通道堆放杂物 ${newKey('t')}`;
    const results = task.template.items.map((item: { id: string }, index: number) => (index === 0 ? { itemId: item.id, passed: false, note: finding } : { itemId: item.id, passed: true }));
    const input = { taskId: task.id, version: task.version, results, clientRequestId: newKey('perform') };
    const current = `query($id: ID!) { inspectionTask(id: $id) { currentInspection { id } } }`;

    await sendAndHangUp(gridOfficer, PERFORM, { input });
    const first = await eventually(() => officer.data(current, { id: task.id }), (data) => data.inspectionTask.currentInspection !== null);
    const retried = (await gridOfficer.data(PERFORM, { input })).performInspection.inspection;
    expect(retried).toEqual({ id: first.inspectionTask.currentInspection.id, failedCount: 1 });
    expect(await eventsRecorded('hazard-tracking', 'inspection.performed', retried.id)).toBe(1);
    expect((await hazardsTitled(finding)).totalCount).toBe(1); // the failed item raised its hazard once
  });

  it('an evidence upload retried with the same Idempotency-Key answers the first file; the hazard lists it once', async () => {
    const hazard = (await officer.data(REGISTER, { input: hazardInput(`照片重试 ${newKey('t')}`, newKey('for-evidence')) })).registerHazard.hazard;
    const photo = jpeg();
    const key = newKey('upload');
    const upload = async () => {
      const form = new FormData();
      form.append('hazardId', hazard.id);
      form.append('kind', 'BEFORE_PHOTO');
      form.append('file', new Blob([photo], { type: 'image/jpeg' }), '现场.jpg');
      const response = await fetch(new URL('/uploads/hazard-evidence', fixture.platform.gatewayUrl), {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${officer.token}`, 'idempotency-key': key },
      });
      return { status: response.status, body: (await response.json()) as { id: string } };
    };
    const lost = await upload(); // its answer is discarded: the client acts as if it never came
    const retried = await upload();
    expect(retried).toMatchObject({ status: 201, body: { id: lost.body.id } });
    const listed = (await officer.data('query($id: ID!) { hazard(id: $id) { evidence { id } } }', { id: hazard.id })).hazard.evidence;
    expect(listed).toEqual([{ id: lost.body.id }]);
  });

  it('checkInEducationActivity: a retried check-in answers the first instead of refusing a second', async () => {
    const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    const activity = (
      await officer.data(CREATE_ACTIVITY, {
        input: { orgUnitId: xx, title: `消防培训 ${newKey('t')}`, kind: 'LECTURE', topics: ['FIRE'], audienceKinds: ['STAFF'], startsAt: minutes(-10), endsAt: minutes(50), clientRequestId: newKey('activity') },
      })
    ).createEducationActivity.educationActivity;
    const input = { code: activity.checkInCode, clientRequestId: newKey('check-in') };
    const attendees = `query($id: ID!) { educationActivity(id: $id) { attendeeCount } }`;

    await sendAndHangUp(gridOfficer, CHECK_IN, { input });
    await eventually(() => officer.data(attendees, { id: activity.id }), (data) => data.educationActivity.attendeeCount === 1);
    const retried = (await gridOfficer.data(CHECK_IN, { input })).checkInEducationActivity;
    expect(retried.activityId).toBe(activity.id);
    expect((await officer.data(attendees, { id: activity.id })).educationActivity.attendeeCount).toBe(1);
    expect(await eventsRecorded('education-drills', 'education.attendance-recorded', activity.id)).toBe(1);
  });

  it('createPlace (responsibility-network) and recordAccountability (supervision-appraisal): one row after a retried create', async () => {
    const name = `重试楼 ${newKey('t')}`;
    const placeInput = { orgUnitId: xx, name, kind: 'BUILDING', clientRequestId: newKey('place') };
    const places = `query($unit: ID!) { places(first: 100, filter: { orgUnitId: $unit }) { edges { node { id name } } } }`;
    const named = async () => (await office.data(places, { unit: xx })).places.edges.filter(({ node }: any) => node.name === name);
    await sendAndHangUp(office, CREATE_PLACE, { input: placeInput });
    const first = await eventually(named, (found) => found.length === 1);
    const place = (await office.data(CREATE_PLACE, { input: placeInput })).createPlace.place;
    expect(place.id).toBe(first[0].node.id);
    expect(await named()).toHaveLength(1);

    const description = `未按期反馈整改情况 ${newKey('t')}`;
    const recordInput = { targetKind: 'UNIT', orgUnitId: xx, reason: 'SHIRKING', measure: 'ORDER_TO_RECTIFY', description, clientRequestId: newKey('accountability') };
    const records = `query($unit: ID!) { accountabilityRecords(first: 100, filter: { orgUnitId: $unit }) { edges { node { id description } } } }`;
    const described = async () => (await office.data(records, { unit: xx })).accountabilityRecords.edges.filter(({ node }: any) => node.description === description);
    await sendAndHangUp(office, RECORD_ACCOUNTABILITY, { input: recordInput });
    const recorded = await eventually(described, (found) => found.length === 1);
    const record = (await office.data(RECORD_ACCOUNTABILITY, { input: recordInput })).recordAccountability.accountabilityRecord;
    expect(record.id).toBe(recorded[0].node.id);
    expect(await described()).toHaveLength(1);
  });
});
