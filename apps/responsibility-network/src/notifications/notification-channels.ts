import nodemailer, { Transporter } from 'nodemailer';
import { DeliveryChannel, RobotKind } from './notification-kind';
import { emailMessage, NotificationText, robotText } from './notification-messages';
import { robotAnswerError, robotPayload, signedRobotUrl } from './webhook-robots';

/** The notification as channels send it. */
export interface OutgoingNotification extends NotificationText {
  id: string;
}

/** Who (or which group) receives it: the person's name, and the channel's own address. */
export interface DeliveryRecipient {
  personName: string;
  /** An e-mail address, or a robot's webhook. */
  address: string;
  robot?: { kind: RobotKind; secret: string | null; keyword: string | null };
}

/** One way out of the platform; a thrown error is recorded on the delivery and retried later. */
export interface NotificationChannel {
  readonly channel: DeliveryChannel;
  deliver(notification: OutgoingNotification, recipient: DeliveryRecipient): Promise<void>;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/** 企业微信 and 钉钉 group robots: a JSON text message posted to the robot's webhook (signed for DingTalk with a secret). */
export class WebhookRobotChannel implements NotificationChannel {
  constructor(
    readonly channel: DeliveryChannel.WECOM | DeliveryChannel.DINGTALK,
    private readonly now: () => number = Date.now,
  ) {}

  async deliver(notification: OutgoingNotification, recipient: DeliveryRecipient): Promise<void> {
    const robot = recipient.robot;
    if (!robot) throw new Error('robot delivery without a robot');
    const url = signedRobotUrl(robot.kind, recipient.address, robot.secret, this.now());
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(robotPayload(robotText(notification, recipient.personName, robot.keyword))),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    const error = robotAnswerError(response.status, await response.text());
    if (error) throw new Error(error);
  }
}

/** SMTP e-mail through nodemailer. */
export class EmailChannel implements NotificationChannel {
  readonly channel = DeliveryChannel.EMAIL;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async deliver(notification: OutgoingNotification, recipient: DeliveryRecipient): Promise<void> {
    const message = emailMessage(notification, recipient.personName);
    await this.transport.sendMail({ from: this.from, to: recipient.address, subject: message.subject, text: message.text });
  }

  close(): void {
    this.transport.close();
  }
}
