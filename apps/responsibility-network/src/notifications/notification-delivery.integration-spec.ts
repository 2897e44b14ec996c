import { Role } from '@campus/auth';
import { viewerWith } from '@campus/testing';
import { DataSource } from 'typeorm';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';
import { DeliveryWorker } from './delivery-worker';
import { MailReceiver, startMailReceiver, startWebhookReceiver, WebhookReceiver } from './local-receivers';
import { EmailChannel, WebhookRobotChannel } from './notification-channels';
import { DeliveryChannel, NotificationKind } from './notification-kind';
import { NotificationProducer } from './notification-producer';
import { dingTalkSign } from './webhook-robots';

process.env.NOTIFICATION_WEBHOOK_HOSTS = '127.0.0.1';

const REGISTER = `mutation($input: RegisterNotificationRobotInput!) {
  registerNotificationRobot(input: $input) { robot { id kind name maskedUrl signed keyword version } }
}`;
const SECRET = 'SECdelivery-test-secret';

/** Decodes a mail's subject (RFC 2047 words) and quoted-printable or base64 text, enough to read what was sent. */
function readMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, encoding: string, word: string) =>
    encoding.toUpperCase() === 'B' ? Buffer.from(word, 'base64').toString('utf8') : decodeQp(word.replace(/_/g, ' ')),
  );
  const body = rest.join('\n\n');
  const text = /Content-Transfer-Encoding: base64/i.test(unfolded) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : decodeQp(body);
  return { subject, text };
}

function decodeQp(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

describe('responsibility-network: notification delivery to real receivers (integration)', () => {
  let fx: ResponsibilityFixture;
  let school: Unit;
  let webhook: WebhookReceiver;
  let smtp: MailReceiver;
  let email: EmailChannel;
  let personId: string;
  let now: Date;
  const producer = new NotificationProducer(true);

  const worker = (dataSource: DataSource) =>
    new DeliveryWorker(dataSource, [new WebhookRobotChannel(DeliveryChannel.DINGTALK, () => now.getTime()), new WebhookRobotChannel(DeliveryChannel.WECOM), email], {
      retryBaseMs: 60_000,
      maxAttempts: 3,
      batchSize: 3,
      now: () => now,
    });

  const notify = (title: string, dedupKey = title) =>
    fx.db.dataSource.transaction((manager) =>
      producer.notify(manager, {
        kind: NotificationKind.ACCEPTANCE_FAILED,
        personIds: [personId],
        text: { title, body: `${title}的正文` },
        objectType: 'HAZARD',
        objectId: 'h1',
        orgUnitId: school.id,
        orgPath: school.path,
        dedupKey,
        at: now,
      }),
    );

  const deliveries = (): Promise<{ channel: string; status: string; attempts: number; last_error: string | null }[]> =>
    fx.db.dataSource.query('SELECT channel, status, attempts, last_error FROM notification_delivery ORDER BY channel');

  beforeAll(async () => {
    [fx, webhook, smtp] = await Promise.all([startResponsibilityFixture('notification_delivery'), startWebhookReceiver(15), startMailReceiver()]);
    email = new EmailChannel(smtp.url, '校园安全管理平台 <no-reply@campus.local>');
    school = await fx.createUnit(fx.root.id, 'ND-SCH', OrgUnitKind.SCHOOL, '第一中学');
    personId = (await fx.createPerson(school.id, '陈整改')).id;
    await fx.db.dataSource.query('UPDATE person SET email = ? WHERE id = ?', ['chen@school.example', personId]);
    const officer = viewerWith('acc-nd-officer', [[Role.UNIT_SAFETY_OFFICER, school.id, school.path]]);
    await fx.runner.data(officer, REGISTER, {
      input: { orgUnitId: school.id, kind: 'DINGTALK', name: '安全工作群', url: `${webhook.url}/robot/send?access_token=tok`, secret: SECRET, keyword: '安全' },
    });
  });

  afterAll(async () => {
    email?.close();
    await Promise.all([fx?.drop(), webhook?.close(), smtp?.close()]);
  });

  beforeEach(async () => {
    now = new Date();
    await fx.db.dataSource.query('DELETE FROM notification_delivery');
    await fx.db.dataSource.query('DELETE FROM notification');
    webhook.received.length = 0;
    smtp.mails.length = 0;
  });

  it('posts a signed DingTalk message and mails the person, each once, and records them delivered', async () => {
    expect(await notify('验收不通过：YH-1')).toBe(1);
    expect(await notify('验收不通过：YH-1')).toBe(0); // same key: nothing new
    expect(await worker(fx.db.dataSource).runOnce()).toEqual({ delivered: 2, retried: 0, failed: 0 });

    expect(webhook.received).toHaveLength(1);
    const [post] = webhook.received;
    expect(post.path).toBe('/robot/send');
    expect(post.query.get('access_token')).toBe('tok');
    expect(post.query.get('timestamp')).toBe(String(now.getTime()));
    expect(post.query.get('sign')).toBe(dingTalkSign(SECRET, now.getTime()));
    expect(post.body).toEqual({ msgtype: 'text', text: { content: '【校园安全】陈整改：验收不通过：YH-1\n验收不通过：YH-1的正文' } });

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['chen@school.example']);
    const mail = readMail(smtp.mails[0].raw);
    expect(mail.subject).toBe('【校园安全】验收不通过：YH-1');
    expect(mail.text).toContain('陈整改，您好：');
    expect(mail.text).toContain('验收不通过：YH-1的正文');

    expect(await deliveries()).toEqual([
      { channel: 'DINGTALK', status: 'DELIVERED', attempts: 1, last_error: null },
      { channel: 'EMAIL', status: 'DELIVERED', attempts: 1, last_error: null },
    ]);
    expect(await worker(fx.db.dataSource).runOnce()).toEqual({ delivered: 0, retried: 0, failed: 0 });
  });

  it('retries after the receiver fails (500, then 200), recording the attempt and the error, after the back-off only', async () => {
    await fx.db.dataSource.query('UPDATE notification_preference SET email = 0'); // none yet: the robot alone below
    await fx.db.dataSource.query('INSERT INTO notification_preference (person_id, kind, email, robot) VALUES (?, ?, 0, 1)', [personId, NotificationKind.ACCEPTANCE_FAILED]);
    await notify('验收不通过：YH-2');
    webhook.failNext(500);
    expect(await worker(fx.db.dataSource).runOnce()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(await deliveries()).toEqual([{ channel: 'DINGTALK', status: 'PENDING', attempts: 1, last_error: 'HTTP 500: {"errcode":-1,"errmsg":"busy"}' }]);

    expect(await worker(fx.db.dataSource).runOnce()).toEqual({ delivered: 0, retried: 0, failed: 0 }); // waiting out the back-off
    now = new Date(now.getTime() + 60_001);
    expect(await worker(fx.db.dataSource).runOnce()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(await deliveries()).toEqual([{ channel: 'DINGTALK', status: 'DELIVERED', attempts: 2, last_error: null }]);
    expect(webhook.received).toHaveLength(1);

    await notify('验收不通过：YH-3');
    webhook.failNext(500, 500, 500);
    for (let attempt = 0; attempt < 3; attempt++) {
      await worker(fx.db.dataSource).runOnce();
      now = new Date(now.getTime() + 10 * 60_000);
    }
    const [given] = (await deliveries()).filter((row) => row.status !== 'DELIVERED');
    expect(given).toEqual({ channel: 'DINGTALK', status: 'FAILED', attempts: 3, last_error: 'HTTP 500: {"errcode":-1,"errmsg":"busy"}' });
    await fx.db.dataSource.query('DELETE FROM notification_preference');
  });

  it('delivers each notification once with two workers on two connection pools running at the same time', async () => {
    for (let index = 0; index < 12; index++) await notify(`通知${index}`);
    const second = await fx.db.connectAgain();
    try {
      const runs = await Promise.all([worker(fx.db.dataSource).runOnce(), worker(second).runOnce()]);
      expect(runs[0].delivered + runs[1].delivered).toBe(24);
      expect(runs[0].delivered).toBeGreaterThan(0);
      expect(runs[1].delivered).toBeGreaterThan(0);
    } finally {
      await second.destroy();
    }
    const contents = webhook.received.map((post) => post.body.text.content.split('\n')[0]);
    expect(contents).toHaveLength(12);
    expect(new Set(contents).size).toBe(12);
    expect(smtp.mails).toHaveLength(12);
    expect((await deliveries()).every((row) => row.status === 'DELIVERED' && row.attempts === 1)).toBe(true);
  });
});
