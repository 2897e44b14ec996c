import { NoticeSent, recordEvents } from '@campus/events';
import { EntityManager } from 'typeorm';
import { NoticeEntity } from './notice.entity';

/** Units per notice.sent message: each message stays well under Kafka's 1 MB default. */
const UNITS_PER_EVENT = 1_000;

/**
 * Publishes notice.sent with the recipients counted per unit (a class, a college …), no names: the
 * denominator of the acknowledgement rate. A notice to more than 1,000 units is several events, each unit
 * in exactly one of them.
 */
export async function recordNoticeSent(manager: EntityManager, notice: NoticeEntity, sentAt: Date): Promise<void> {
  const rows: { org_unit_id: string; org_path: string; recipients: string }[] = await manager.query(
    `SELECT org_unit_id, org_path, COUNT(*) AS recipients FROM home_school_notice_recipient
     WHERE notice_id = ? GROUP BY org_unit_id, org_path ORDER BY org_path, org_unit_id`,
    [notice.id],
  );
  const units = rows.map((row) => ({ orgUnitId: row.org_unit_id, orgPath: row.org_path, recipients: Number(row.recipients) }));
  const facts = { noticeId: notice.id, orgUnitId: notice.orgUnitId, orgPath: notice.orgPath, title: notice.title, deadline: notice.deadline, sentAt: sentAt.toISOString() };
  const events = [];
  for (let start = 0; start < units.length; start += UNITS_PER_EVENT) {
    events.push({ aggregateId: notice.id, payload: { ...facts, units: units.slice(start, start + UNITS_PER_EVENT) } });
  }
  await recordEvents(manager, NoticeSent, events);
}
