import { clientRequest, oncePerRequest } from '@campus/server';
import { recentFirstKey, recentFirstPage } from '@campus/database';
import { NoticeAcknowledged, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import { Caller, ConflictError, ConnectionShape, decodeCursor, DomainError, LoaderRegistry, NotFoundError, schoolDayEnd, toConnection } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import type { EducationSettings } from '../service';
import { HomeSchoolNoticeAckMethod, HomeSchoolNoticeStatus } from './notice-enums';
import { hashLinkToken, LINK_GRACE_DAYS, maskedName } from './notice-link';
import { NOTICE_RECIPIENT_ACCESS } from './notice.access';
import { NoticeEntity, NoticeRecipientEntity } from './notice.entity';
import { RecordHomeSchoolNoticeSlipInput } from './notice.inputs';
import {
  HomeSchoolNotice,
  HomeSchoolNoticeAcknowledgement,
  HomeSchoolNoticeRecipient,
  HomeSchoolNoticeUnitAcknowledgement,
  toRecipient,
} from './notice.types';

/** What a guardian's page shows: the notice and whom it is about, masked. */
export interface GuardianNoticeView {
  title: string;
  body: string;
  deadline: string;
  school: string | null;
  unit: string | null;
  student: string;
  acknowledgedAt: string | null;
}

const LINK_UNUSABLE = '链接无效或已过期，如需确认请联系班主任';
const GRACE_MS = LINK_GRACE_DAYS * 24 * 3600 * 1000;

interface UnitCounts {
  notice_id: string;
  org_unit_id: string;
  recipients: string | number;
  acknowledged: string | number;
  by_link: string | number;
  by_paper: string | number;
}

const rateOf = (acknowledged: number, recipients: number) => (recipients === 0 ? 0 : Math.round((acknowledged / recipients) * 10000) / 10000);

/** Acknowledgements: by a guardian's one-time link (no account) or a paper slip the class teacher records; rates and follow-up. */
export class NoticeAckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly settings: EducationSettings,
  ) {}

  /** HomeSchoolNotice.acknowledgement for every notice of a request: one statement. */
  acknowledgement(loaders: LoaderRegistry, noticeId: string): Promise<HomeSchoolNoticeAcknowledgement> {
    const loader = loaders.get('HomeSchoolNotice.acknowledgement', () => new DataLoader<string, HomeSchoolNoticeAcknowledgement>(async (ids) => {
      const rows: UnitCounts[] = await this.dataSource.query(
        `SELECT notice_id, org_unit_id, COUNT(*) AS recipients, COUNT(acknowledged_at) AS acknowledged,
           SUM(ack_method = 'LINK') AS by_link, SUM(ack_method = 'PAPER') AS by_paper
         FROM home_school_notice_recipient WHERE notice_id IN (?) GROUP BY notice_id, org_unit_id ORDER BY notice_id, org_unit_id`,
        [[...ids]],
      );
      return ids.map((id) => this.summaryOf(rows.filter((row) => row.notice_id === id)));
    }));
    return loader.load(noticeId);
  }

  /** How many students a draft would reach if sent now, for every notice of a request: one statement. */
  expectedRecipients(loaders: LoaderRegistry, noticeId: string): Promise<number> {
    const loader = loaders.get('HomeSchoolNotice.expectedRecipientCount', () => new DataLoader<string, number>(async (ids) => {
      const rows: { notice_id: string; students: string | number }[] = await this.dataSource.query(
        `SELECT u.notice_id, COUNT(DISTINCT p.id) AS students
         FROM home_school_notice_unit u
         JOIN person_projection p ON p.kind = 'STUDENT' AND p.active AND p.org_path LIKE CONCAT(u.org_path, '%')
         WHERE u.notice_id IN (?) GROUP BY u.notice_id`,
        [[...ids]],
      );
      return ids.map((id) => Number(rows.find((row) => row.notice_id === id)?.students ?? 0));
    }));
    return loader.load(noticeId);
  }

  /** The students whose guardians have not acknowledged yet, for follow-up: names only for managers of their units. */
  async unacknowledged(caller: Caller, notice: HomeSchoolNotice, first: number, after?: string | null): Promise<ConnectionShape<HomeSchoolNoticeRecipient>> {
    const scope = NOTICE_RECIPIENT_ACCESS.where(caller, 'viewNames', 'r.org_path');
    const query = this.dataSource
      .getRepository(NoticeRecipientEntity)
      .createQueryBuilder('r')
      .where('r.notice_id = :noticeId', { noticeId: notice.id })
      .andWhere('r.acknowledged_at IS NULL')
      .andWhere(scope.sql, scope.params);
    const page = await recentFirstPage(query, 'r', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toRecipient);
  }

  /** A paper slip returned to the class teacher: once per student, while the notice is open. */
  async recordSlip(caller: Caller, input: RecordHomeSchoolNoticeSlipInput): Promise<HomeSchoolNoticeRecipient> {
    const request = clientRequest(caller.viewer, 'recordHomeSchoolNoticeSlip', input);
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(request, async (manager) => {
      const recipient = await manager.findOne(NoticeRecipientEntity, {
        where: { noticeId: input.noticeId, personId: input.studentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!recipient) throw new NotFoundError('告知对象', input.studentId);
      NOTICE_RECIPIENT_ACCESS.check(caller, 'recordSlip', { id: input.studentId, path: recipient.orgPath });
      const notice = await manager.findOneOrFail(NoticeEntity, { where: { id: recipient.noticeId } });
      if (notice.status !== HomeSchoolNoticeStatus.SENT) {
        throw new ConflictError('ILLEGAL_TRANSITION', '告知已结束，不再登记回执', { id: notice.id, status: notice.status });
      }
      if (recipient.acknowledgedAt) {
        throw new ConflictError('DUPLICATE', '该学生家长已确认过此告知', { id: recipient.id, method: recipient.ackMethod });
      }
      return toRecipient(await this.acknowledge(manager, recipient, notice, HomeSchoolNoticeAckMethod.PAPER, caller.viewer.accountId));
    }));
    // A replay answers the recipient this same account recorded the slip of.
    return outcome.created ?? toRecipient(await this.dataSource.manager.findOneByOrFail(NoticeRecipientEntity, { id: outcome.id }));
  }

  /** The guardian's page: the notice text, the school and class, the student's masked name. */
  async view(token: string): Promise<GuardianNoticeView> {
    const { recipient, notice } = await this.usable(this.dataSource.manager, token, false);
    const names: { id: string; name: string }[] = await this.dataSource.query('SELECT id, name FROM org_unit_projection WHERE id IN (?)', [
      [notice.orgUnitId, recipient.orgUnitId],
    ]);
    const nameOf = (id: string) => names.find((unit) => unit.id === id)?.name ?? null;
    return {
      title: notice.title,
      body: notice.body,
      deadline: notice.deadline,
      school: nameOf(notice.orgUnitId),
      unit: nameOf(recipient.orgUnitId),
      student: maskedName(recipient.studentName),
      acknowledgedAt: recipient.acknowledgedAt?.toISOString() ?? null,
    };
  }

  /** A guardian acknowledges by link: once; the link stays readable but a second use is answered as done. */
  async acknowledgeByLink(token: string): Promise<{ acknowledgedAt: string }> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { recipient, notice } = await this.usable(manager, token, true);
      if (recipient.acknowledgedAt) {
        throw new ConflictError('DUPLICATE', `您已于 ${recipient.acknowledgedAt.toISOString().slice(0, 10)} 确认过此告知，无需重复确认，感谢您的配合`);
      }
      const acknowledged = await this.acknowledge(manager, recipient, notice, HomeSchoolNoticeAckMethod.LINK, null);
      return { acknowledgedAt: (acknowledged.acknowledgedAt as Date).toISOString() };
    });
  }

  /** The recipient and notice of a token, or NOT_FOUND when unknown, closed or past the deadline's grace. */
  private async usable(manager: EntityManager, token: string, lock: boolean): Promise<{ recipient: NoticeRecipientEntity; notice: NoticeEntity }> {
    const recipient = await manager.findOne(NoticeRecipientEntity, {
      where: { tokenHash: hashLinkToken(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const notice = recipient ? await manager.findOne(NoticeEntity, { where: { id: recipient.noticeId } }) : null;
    const expired = !notice || notice.status !== HomeSchoolNoticeStatus.SENT || this.settings.now().getTime() > schoolDayEnd(notice.deadline).getTime() + GRACE_MS;
    // An acknowledged link stays readable (and answers DUPLICATE) until the notice closes.
    if (!recipient || !notice || (expired && !(recipient.acknowledgedAt && notice.status === HomeSchoolNoticeStatus.SENT))) {
      throw new DomainError('NOT_FOUND', LINK_UNUSABLE);
    }
    return { recipient, notice };
  }

  private async acknowledge(
    manager: EntityManager,
    recipient: NoticeRecipientEntity,
    notice: NoticeEntity,
    method: HomeSchoolNoticeAckMethod,
    recordedBy: string | null,
  ): Promise<NoticeRecipientEntity> {
    recipient.acknowledgedAt = this.settings.now();
    recipient.ackMethod = method;
    recipient.recordedBy = recordedBy;
    await manager.save(recipient);
    await recordEvent(manager, NoticeAcknowledged, recipient.id, {
      noticeId: notice.id,
      recipientId: recipient.id,
      orgUnitId: recipient.orgUnitId,
      orgPath: recipient.orgPath,
      method,
      acknowledgedAt: recipient.acknowledgedAt.toISOString(),
    });
    return recipient;
  }

  private summaryOf(rows: UnitCounts[]): HomeSchoolNoticeAcknowledgement {
    const units: HomeSchoolNoticeUnitAcknowledgement[] = rows.map((row) => {
      const recipients = Number(row.recipients);
      const acknowledged = Number(row.acknowledged);
      return {
        orgUnit: { id: row.org_unit_id },
        recipients,
        acknowledged,
        byLink: Number(row.by_link ?? 0),
        byPaper: Number(row.by_paper ?? 0),
        rate: rateOf(acknowledged, recipients),
      };
    });
    const recipients = units.reduce((sum, unit) => sum + unit.recipients, 0);
    const acknowledged = units.reduce((sum, unit) => sum + unit.acknowledged, 0);
    return { recipients, acknowledged, rate: rateOf(acknowledged, recipients), units };
  }
}
