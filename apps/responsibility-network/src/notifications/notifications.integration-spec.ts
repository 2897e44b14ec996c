import { Role, Viewer } from '@campus/auth';
import { CampaignPublished, CampaignReportSubmitted, deliveredMessage, EventConsumer, EventContract, EventSubscriber, HazardActionTaken, HazardEscalated, LetterIssued } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { createLogger } from '@campus/logger';
import { SchemaRunner, viewerWith } from '@campus/testing';
import { randomUUID } from 'node:crypto';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';
import { remindCampaignReportsDue } from './campaign-reminders';
import { remindDutyShiftsTomorrow } from './duty-reminders';
import { notificationHandlers } from './notification-handlers';
import { NotificationProducer } from './notification-producer';

process.env.NOTIFICATION_WEBHOOK_HOSTS = 'oapi.dingtalk.com,qyapi.weixin.qq.com';

const NO_BROKER: EventSubscriber = { subscribe: async () => ({ stop: async () => undefined }) };
const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }';
const INBOX = `query($first: Int, $after: String, $unreadOnly: Boolean) { me { unreadNotificationCount
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind title body objectType objectId readAt } } } } }`;
const MARK = 'mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }';
const PREFS = '{ me { notificationPreferences { kind email robot } person { email } } }';
const SET_PREFS = 'mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { email preferences { kind email robot } } }';
const ROBOTS = 'query($unit: ID!) { notificationRobots(orgUnitId: $unit) { id kind name maskedUrl signed keyword version } }';
const REGISTER = 'mutation($input: RegisterNotificationRobotInput!) { registerNotificationRobot(input: $input) { robot { id maskedUrl signed version } } }';
const REMOVE = 'mutation($input: RemoveNotificationRobotInput!) { removeNotificationRobot(input: $input) { robot { id } } }';
const PERSON_EMAIL = 'query($id: ID!) { person(id: $id) { name email } }';
const DAY_MS = 24 * 3600 * 1000;

describe('responsibility-network: notifications from events and schedules, the inbox and robots (integration)', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let school: Unit;
  let otherSchool: Unit;
  let consumer: EventConsumer;
  let offset = 0;
  const person: Record<string, string> = {};
  const viewer: Record<string, Viewer> = {};

  const deliver = <P>(contract: EventContract<P>, payload: P, eventId = randomUUID()) => consumer.receive(deliveredMessage(contract, payload, eventId, offset++));
  const errorOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;
  const inboxOf = async (who: string, variables: Record<string, unknown> = {}) => (await runner.data(viewer[who], INBOX, variables)).me;
  const titlesOf = async (who: string) => (await inboxOf(who)).notifications.edges.map((edge: { node: { title: string } }) => edge.node.title);

  const action = (overrides: Partial<Parameters<typeof HazardActionTaken.schema.parse>[0]>) => ({
    id: 'hazard0000000000000000000000001',
    code: 'YH-2025-0001',
    title: '配电箱门损坏',
    sensitive: false,
    orgUnitId: school.id,
    orgPath: school.path,
    action: 'SUBMIT_PLAN',
    from: 'REPORTED',
    to: 'REPORTED',
    deadline: '2025-10-10',
    responsiblePersonId: person.responsible,
    rectifiedByPersonId: null,
    actorPersonId: person.office,
    at: new Date().toISOString(),
    ...overrides,
  });

  async function accountFor(key: string, username: string, role: Role, unit: Unit): Promise<void> {
    const input = { username, password: 'Notify@2026!x', personId: person[key], grants: [{ role, orgUnitId: unit.id }] };
    const { id } = (await runner.data(fx.admin, CREATE_ACCOUNT, { input })).createAccount.account;
    viewer[key] = viewerWith(id, [[role, unit.id, unit.path]], person[key]);
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('notifications');
    runner = fx.runner;
    school = await fx.createUnit(fx.root.id, 'NT-SCH', OrgUnitKind.SCHOOL, '第三中学');
    otherSchool = await fx.createUnit(fx.root.id, 'NT-SCH2', OrgUnitKind.SCHOOL, '第四中学');
    for (const [key, name, unit] of [['rectifier', '陈整改', school], ['responsible', '王责任', school], ['leader', '李校长', school],
      ['office', '赵保卫', school], ['outsider', '孙老师', otherSchool]] as const) {
      person[key] = (await fx.createPerson(unit.id, name)).id;
    }
    await accountFor('rectifier', 'nt-rectifier', Role.STAFF, school);
    await accountFor('responsible', 'nt-responsible', Role.UNIT_SAFETY_OFFICER, school);
    await accountFor('leader', 'nt-leader', Role.UNIT_LEADER, school);
    await accountFor('office', 'nt-office', Role.SAFETY_OFFICE, school);
    await accountFor('outsider', 'nt-outsider', Role.UNIT_SAFETY_OFFICER, otherSchool);
    consumer = new EventConsumer(fx.db.dataSource, NO_BROKER, notificationHandlers(new NotificationProducer(false), () => undefined), {
      groupId: 'responsibility-network',
      logger: createLogger('test', 'silent'),
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('tells the responsible person once when a plan names them, and the rectifier when an acceptance fails; a redelivery has no effect', async () => {
    const planned = randomUUID();
    await deliver(HazardActionTaken, action({}), planned);
    await deliver(HazardActionTaken, action({}), planned);
    await deliver(HazardActionTaken, action({ action: 'START_RECTIFICATION', to: 'RECTIFYING' }));
    expect(await titlesOf('responsible')).toEqual(['隐患整改指派：YH-2025-0001']);
    const [assigned] = (await inboxOf('responsible')).notifications.edges;
    expect(assigned.node).toMatchObject({ kind: 'HAZARD_ASSIGNED', objectType: 'HAZARD', objectId: 'hazard0000000000000000000000001', readAt: null });
    expect(assigned.node.body).toContain('配电箱门损坏');

    await deliver(HazardActionTaken, action({ action: 'FAIL_ACCEPTANCE', from: 'PENDING_ACCEPTANCE', to: 'RECTIFYING', rectifiedByPersonId: person.rectifier }));
    expect(await titlesOf('rectifier')).toEqual(['验收不通过：YH-2025-0001']);

    // A sensitive hazard is named by its code alone.
    await deliver(HazardActionTaken, action({ id: 'hazard0000000000000000000000002', code: 'YH-2025-0002', title: null, sensitive: true, action: 'FAIL_ACCEPTANCE', rectifiedByPersonId: person.rectifier }));
    const [latest] = (await inboxOf('rectifier', { first: 1 })).notifications.edges;
    expect(latest.node.body).toBe('隐患 YH-2025-0002验收不通过，已退回治理，整改时限 2025-10-10，请查看验收意见后重新整改。');
  });

  it('tells each escalation tier its people: the responsible person, the unit leader, the safety office above', async () => {
    const escalation = (tier: number, notify: 'RESPONSIBLE_PERSON' | 'UNIT_LEADER' | 'SAFETY_OFFICE') => ({
      id: 'hazard0000000000000000000000001', code: 'YH-2025-0001', orgUnitId: school.id, orgPath: school.path, grade: 'GENERAL' as const,
      deadline: '2025-10-10', tier, notify, accountability: tier === 3, escalatedAt: new Date().toISOString(),
    });
    await deliver(HazardEscalated, escalation(1, 'RESPONSIBLE_PERSON'));
    await deliver(HazardEscalated, escalation(2, 'UNIT_LEADER'));
    await deliver(HazardEscalated, escalation(3, 'SAFETY_OFFICE'));
    expect((await titlesOf('responsible'))[0]).toBe('隐患逾期升级（第1级）：YH-2025-0001');
    expect(await titlesOf('leader')).toEqual(['隐患逾期升级（第2级）：YH-2025-0001']);
    expect(await titlesOf('office')).toEqual(['隐患逾期升级（第3级）：YH-2025-0001']);
    expect(await titlesOf('outsider')).toEqual([]);
  });

  it('tells the recipient of an issued letter, and everyone on tomorrow’s duty shift once however often the reminder runs', async () => {
    await deliver(LetterIssued, { id: 'letter000000000000000000000001', year: 2025, title: '安全目标责任书', issuerUnitId: fx.root.id, recipientUnitId: school.id, recipientPath: school.path, recipientPersonId: person.leader });
    expect((await titlesOf('leader'))[0]).toBe('责任书待签：安全目标责任书');

    const tomorrow = calendarDateOf(new Date(Date.now() + DAY_MS));
    const roster = (await runner.data(fx.admin, 'mutation($input: CreateDutyRosterInput!) { createDutyRoster(input: $input) { dutyRoster { id } } }', {
      input: { orgUnitId: school.id, name: '周末值班', startDate: tomorrow, endDate: tomorrow, periodKind: 'HOLIDAY', shifts: [{ name: '白班', start: '08:00', end: '08:00' }] },
    })).createDutyRoster.dutyRoster.id;
    await runner.data(fx.admin, 'mutation($input: SetDutySlotInput!) { setDutySlot(input: $input) { slot { date } } }', {
      input: { rosterId: roster, date: tomorrow, shiftName: '白班', leaderPersonId: null, officerPersonIds: [person.office, person.rectifier] },
    });
    const producer = new NotificationProducer(false);
    const runs = await Promise.all([remindDutyShiftsTomorrow(fx.db.dataSource, producer), remindDutyShiftsTomorrow(fx.db.dataSource, producer)]);
    expect(runs[0].reminded + runs[1].reminded).toBe(2);
    expect(await remindDutyShiftsTomorrow(fx.db.dataSource, producer)).toEqual({ reminded: 0 });
    expect((await titlesOf('office'))[0]).toBe(`明日值班提醒：${tomorrow} 白班`);
  });

  it('pages the inbox, marks the own notifications read (others’ ids are ignored), and counts what is unread', async () => {
    const before = await inboxOf('rectifier');
    expect(before.unreadNotificationCount).toBe(3);
    const page1 = (await inboxOf('rectifier', { first: 2 })).notifications;
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = (await inboxOf('rectifier', { first: 2, after: page1.pageInfo.endCursor })).notifications;
    expect(page2.edges).toHaveLength(1);
    const ids = [...page1.edges, ...page2.edges].map((edge: { node: { id: string } }) => edge.node.id);
    expect(new Set(ids).size).toBe(3);

    expect((await runner.data(viewer.outsider, MARK, { input: { ids } })).markNotificationsRead).toEqual({ marked: 0, unreadCount: 0 });
    expect((await runner.data(viewer.rectifier, MARK, { input: { ids: [ids[0]] } })).markNotificationsRead).toEqual({ marked: 1, unreadCount: 2 });
    const unread = (await inboxOf('rectifier', { unreadOnly: true })).notifications;
    expect(unread.totalCount).toBe(2);
    expect(unread.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(ids[0]);
    expect((await runner.data(viewer.rectifier, MARK, { input: { all: true } })).markNotificationsRead).toEqual({ marked: 2, unreadCount: 0 });

    expect(errorOf(await runner.run(viewer.rectifier, MARK, { input: {} }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errorOf(await runner.run(viewerWith('no-person', [[Role.STAFF, school.id, school.path]]), MARK, { input: { all: true } }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NO_LINKED_PERSON',
    });
    expect(errorOf(await runner.run(viewer.rectifier, INBOX, { after: 'not-a-cursor' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('keeps preferences and the e-mail address per person, shown to the person alone', async () => {
    const defaults = (await runner.data(viewer.rectifier, PREFS)).me.notificationPreferences;
    expect(defaults).toContainEqual({ kind: 'ACCEPTANCE_FAILED', email: true, robot: true });
    const set = await runner.data(viewer.rectifier, SET_PREFS, { input: { email: 'chen@school.example', preferences: [{ kind: 'ACCEPTANCE_FAILED', email: false, robot: true }] } });
    expect(set.setNotificationPreferences.email).toBe('chen@school.example');
    expect(set.setNotificationPreferences.preferences).toContainEqual({ kind: 'ACCEPTANCE_FAILED', email: false, robot: true });
    expect((await runner.data(viewer.rectifier, PREFS)).me.person.email).toBe('chen@school.example');
    expect((await runner.data(fx.admin, PERSON_EMAIL, { id: person.rectifier })).person).toEqual({ name: '陈整改', email: null });

    expect(errorOf(await runner.run(viewer.rectifier, SET_PREFS, { input: { email: 'not-an-address', preferences: [] } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const twice = [{ kind: 'LETTER_TO_SIGN', email: true, robot: true }, { kind: 'LETTER_TO_SIGN', email: false, robot: true }];
    expect(errorOf(await runner.run(viewer.rectifier, SET_PREFS, { input: { preferences: twice } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('lets only the unit’s safety managers register, read (masked) and remove its robots', async () => {
    const input = { orgUnitId: school.id, kind: 'WECOM', name: '安全工作群', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-secret-key' };
    expect(errorOf(await runner.run(viewer.rectifier, REGISTER, { input }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await runner.run(viewer.outsider, REGISTER, { input }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await runner.run(viewer.office, REGISTER, { input: { ...input, url: 'http://10.0.0.1/internal' } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errorOf(await runner.run(viewer.office, REGISTER, { input: { ...input, secret: 'SECx' } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const robot = (await runner.data(viewer.office, REGISTER, { input })).registerNotificationRobot.robot;
    expect(robot).toMatchObject({ maskedUrl: 'https://qyapi.weixin.qq.com/cgi-bin/web…（已隐藏）', signed: false, version: 1 });

    const listed = (await runner.data(viewer.responsible, ROBOTS, { unit: school.id })).notificationRobots;
    expect(listed).toEqual([{ id: robot.id, kind: 'WECOM', name: '安全工作群', maskedUrl: robot.maskedUrl, signed: false, keyword: null, version: 1 }]);
    expect(JSON.stringify(listed)).not.toContain('wecom-secret-key');
    expect(errorOf(await runner.run(viewer.rectifier, ROBOTS, { unit: school.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await runner.run(viewer.outsider, ROBOTS, { unit: school.id }))).toMatchObject({ code: 'NOT_FOUND' });

    expect(errorOf(await runner.run(viewer.office, REMOVE, { input: { id: robot.id, version: 7 } }))).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(errorOf(await runner.run(viewer.rectifier, REMOVE, { input: { id: robot.id, version: 1 } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await runner.data(viewer.office, REMOVE, { input: { id: robot.id, version: 1 } })).removeNotificationRobot.robot.id).toBe(robot.id);
    expect((await runner.data(viewer.office, ROBOTS, { unit: school.id })).notificationRobots).toEqual([]);
  });

  it('sends a person a test notification of their own, once a minute, never to a group robot', async () => {
    const TEST = 'mutation($input: SendTestNotificationInput!) { sendTestNotification(input: $input) { sent unreadCount } }';
    const before = (await inboxOf('outsider')).unreadNotificationCount;
    expect((await runner.data(viewer.outsider, TEST, { input: {} })).sendTestNotification).toEqual({ sent: true, unreadCount: before + 1 });
    expect((await runner.data(viewer.outsider, TEST, { input: { email: false } })).sendTestNotification).toEqual({ sent: false, unreadCount: before + 1 });
    expect((await inboxOf('outsider', { first: 1 })).notifications.edges[0].node).toMatchObject({ kind: 'TEST', title: '测试通知', objectType: 'PERSON' });
    const robotDeliveries = await fx.db.dataSource.query("SELECT COUNT(*) AS n FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.kind = 'TEST'");
    expect(Number(robotDeliveries[0].n)).toBe(0);
    expect(errorOf(await runner.run(viewerWith('no-person', [[Role.STAFF, school.id, school.path]]), TEST, { input: {} }))).toMatchObject({ reason: 'NO_LINKED_PERSON' });
  });

  it('reminds the unit’s safety officer and leader of a campaign report due tomorrow, unless the unit has reported', async () => {
    const tomorrow = calendarDateOf(new Date(Date.now() + DAY_MS));
    const later = calendarDateOf(new Date(Date.now() + 8 * DAY_MS));
    const campaignId = 'campaign0000000000000000000001';
    await deliver(CampaignPublished, {
      id: campaignId, title: '校园消防安全专项整治', orgUnitId: fx.root.id, orgPath: fx.root.path, reportDates: [tomorrow, later],
      reportingUnits: [{ orgUnitId: school.id, orgPath: school.path }, { orgUnitId: otherSchool.id, orgPath: null }], publishedAt: new Date().toISOString(),
    });
    await deliver(CampaignReportSubmitted, {
      id: 'report00000000000000000000001', campaignId, campaignTitle: '校园消防安全专项整治', orgUnitId: otherSchool.id, orgPath: otherSchool.path,
      reportDate: tomorrow, submittedAt: new Date().toISOString(), onTime: true,
    });
    const producer = new NotificationProducer(false);
    expect(await remindCampaignReportsDue(fx.db.dataSource, producer)).toEqual({ reminded: 2 });
    expect(await remindCampaignReportsDue(fx.db.dataSource, producer)).toEqual({ reminded: 0 });
    const title = '统计表明日截止：校园消防安全专项整治';
    expect((await titlesOf('responsible'))[0]).toBe(title);
    expect((await titlesOf('leader'))[0]).toBe(title);
    expect(await titlesOf('outsider')).not.toContain(title);
    expect(await titlesOf('rectifier')).not.toContain(title);
  });
});

