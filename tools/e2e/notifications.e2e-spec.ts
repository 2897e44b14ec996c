import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const HAZARD = 'id version status';
const INBOX = `{ me { unreadNotificationCount notifications(first: 50) { totalCount edges { node { id kind title body objectType objectId readAt } } } } }`;
const MARK = 'mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }';
const SET_PREFS = 'mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { email } }';
const REGISTER_ROBOT = 'mutation($input: RegisterNotificationRobotInput!) { registerNotificationRobot(input: $input) { robot { id maskedUrl } } }';
const ROBOTS = 'query($unit: ID!) { notificationRobots(orgUnitId: $unit) { id maskedUrl } }';
const DEMO_LOGINS = ['school.head', 'safety.office', 'xx.leader', 'xx.officer', 'jd.officer', 'grid.officer', 'inspector', 'counselor', 'staff'];

interface Node {
  id: string;
  kind: string;
  title: string;
  body: string;
  objectId: string | null;
  readAt: string | null;
}
type Inbox = { unreadNotificationCount: number; notifications: { totalCount: number; edges: { node: Node }[] } };

function dayFromToday(days: number): string {
  const [year, month, day] = calendarDateOf(new Date()).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 通知与提醒 through the gateway: a failed acceptance in hazard-tracking reaches the rectifier's inbox, group robot and mailbox via Kafka. */
describe('notifications', () => {
  const posts: { path: string; content: string }[] = [];
  const mails: { to: string[]; raw: string }[] = [];
  const robotReceiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      posts.push({ path: request.url ?? '', content: JSON.parse(body).text.content });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  let fixture: PlatformFixture;
  let officer: GraphQLClient; // xx.officer, 张伟: registers, rectifies
  let leader: GraphQLClient; // xx.leader, 李明: the plan's responsible person
  let inspector: GraphQLClient; // fails the acceptance
  let office: GraphQLClient; // safety.office: registers the college's robot

  const inbox = async (client: GraphQLClient): Promise<Inbox> => (await client.data(INBOX)).me;
  const about = (box: Inbox, kind: string, objectId: string) => box.notifications.edges.map((edge) => edge.node).find((node) => node.kind === kind && node.objectId === objectId);

  async function step(client: GraphQLClient, mutation: string, inputType: string, hazard: { id: string; version: number }, fields: Record<string, unknown> = {}) {
    return (await client.data(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { hazard { ${HAZARD} } } }`, { input: { id: hazard.id, version: hazard.version, ...fields } }))[mutation].hazard;
  }

  beforeAll(async () => {
    await Promise.all([new Promise<void>((resolve) => robotReceiver.listen(0, '127.0.0.1', resolve)), new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))]);
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    fixture = await startPlatformFixture(4970, {
      'responsibility-network': { NOTIFICATION_WEBHOOK_HOSTS: '127.0.0.1', NOTIFICATION_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, NOTIFICATION_DELIVERY_INTERVAL_MS: '300' },
    });
    [officer, leader, inspector, office] = await Promise.all(['xx.officer', 'xx.leader', 'inspector', 'safety.office'].map((name) => fixture.as(name)));
  }, 180_000);

  afterAll(async () => {
    await fixture?.stop();
    await Promise.all([new Promise((resolve) => robotReceiver.close(resolve)), new Promise((resolve) => smtp.close(() => resolve(undefined)))]);
  });

  it('shows every demo login at least one notification', async () => {
    for (const username of DEMO_LOGINS) {
      const box = await inbox(await fixture.as(username));
      expect({ username, total: box.notifications.totalCount > 0 }).toEqual({ username, total: true });
    }
  });

  it('lets only the college’s safety managers register and read its robot, masked', async () => {
    const input = { orgUnitId: fixture.unitIds['XDZY-XX'], kind: 'WECOM', name: '信息工程学院安全群', url: `http://127.0.0.1:${(robotReceiver.address() as AddressInfo).port}/cgi-bin/webhook/send?key=e2e-robot-key` };
    const refused = await (await fixture.as('grid.officer')).request(REGISTER_ROBOT, { input });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await (await fixture.as('jd.officer')).request(ROBOTS, { unit: input.orgUnitId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await office.data(REGISTER_ROBOT, { input });
    const listed = (await officer.data(ROBOTS, { unit: input.orgUnitId })).notificationRobots;
    expect(listed).toHaveLength(1);
    expect(listed[0].maskedUrl).not.toContain('e2e-robot-key');
  });

  it('tells the responsible person of a plan and the rectifier of a failed acceptance, in the inbox, the group robot and by e-mail', async () => {
    expect((await officer.data(SET_PREFS, { input: { email: 'zhangwei@xdzy.example', preferences: [] } })).setNotificationPreferences.email).toBe('zhangwei@xdzy.example');
    const leaderPersonId = (await leader.data('{ me { person { id } } }')).me.person.id;
    let hazard = (
      await officer.data(`mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { ${HAZARD} code } } }`, {
        input: { orgUnitId: fixture.unitIds['XDZY-XX'], title: '机房灭火器压力不足', description: '月检发现', category: 'FIRE', grade: 'GENERAL', placeText: '信息楼302机房', discoveredAt: new Date().toISOString() },
      })
    ).registerHazard.hazard;
    const code: string = hazard.code;
    hazard = await step(officer, 'reportHazard', 'ReportHazardInput', hazard);
    const plan = { responsiblePersonId: leaderPersonId, measures: '更换灭火器', deadline: dayFromToday(7), contingencyPlan: '临时增配灭火器' };
    hazard = await step(officer, 'submitRectificationPlan', 'SubmitRectificationPlanInput', hazard, plan);
    hazard = await step(officer, 'startRectification', 'StartRectificationInput', hazard);
    hazard = await step(officer, 'submitForAcceptance', 'SubmitForAcceptanceInput', hazard, { rectificationNote: '已更换' });
    const before = (await inbox(officer)).unreadNotificationCount;
    hazard = await step(inspector, 'acceptHazard', 'AcceptHazardInput', hazard, { passed: false, comment: '压力表仍指向红区' });
    expect(hazard.status).toBe('RECTIFYING');

    const failed = await eventually(() => inbox(officer), (box) => !!about(box, 'ACCEPTANCE_FAILED', hazard.id), 30_000, 300);
    const notice = about(failed, 'ACCEPTANCE_FAILED', hazard.id)!;
    expect(notice).toMatchObject({ title: `验收不通过：${code}`, readAt: null });
    expect(notice.body).toContain('机房灭火器压力不足');
    expect(failed.unreadNotificationCount).toBe(before + 1);
    const assigned = await eventually(() => inbox(leader), (box) => !!about(box, 'HAZARD_ASSIGNED', hazard.id), 30_000, 300);
    expect(about(assigned, 'HAZARD_ASSIGNED', hazard.id)!.title).toBe(`隐患整改指派：${code}`);

    expect((await officer.data(MARK, { input: { ids: [notice.id] } })).markNotificationsRead).toEqual({ marked: 1, unreadCount: before });
    expect(about(await inbox(officer), 'ACCEPTANCE_FAILED', hazard.id)!.readAt).not.toBeNull();
    expect((await leader.data(MARK, { input: { ids: [notice.id] } })).markNotificationsRead.marked).toBe(0);

    const post = await eventually(async () => posts.find((candidate) => candidate.content.includes(`张伟：验收不通过：${code}`)), (found) => !!found, 30_000, 300);
    expect(post!.path).toBe('/cgi-bin/webhook/send?key=e2e-robot-key');
    expect(post!.content).not.toContain('压力表仍指向红区'); // the acceptance opinion stays in the hazard's file
    const mail = await eventually(async () => mails.find((candidate) => candidate.to.includes('zhangwei@xdzy.example')), (found) => !!found, 30_000, 300);
    expect(mail).toBeDefined();
  }, 120_000);
});
