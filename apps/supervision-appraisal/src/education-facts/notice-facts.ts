import { EventHandler, NoticeAcknowledged, NoticeSent, on } from '@campus/events';
import { monthOf } from './fact-queries';

/**
 * Notices per notice and recipient unit: recipients (from notice.sent) and acknowledgements counted (each
 * notice.acknowledged once, by the inbox; education-drills publishes one per recipient). An acknowledgement
 * arriving before its notice's notice.sent is counted, and the notice's figures fill in when it arrives.
 */
export function noticeFactHandlers(): EventHandler<unknown>[] {
  return [
    on(NoticeSent, (manager, { payload }) => {
      const sentAt = new Date(payload.sentAt);
      const month = monthOf(payload.sentAt);
      const title = payload.title.slice(0, 200);
      return manager.query(
        `INSERT INTO education_notice_fact (notice_id, org_unit_id, org_path, title, sent_at, sent_month, recipients)
         VALUES ${payload.units.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE org_path = VALUES(org_path), title = VALUES(title), sent_at = VALUES(sent_at),
           sent_month = VALUES(sent_month), recipients = VALUES(recipients)`,
        payload.units.flatMap((unit) => [payload.noticeId, unit.orgUnitId, unit.orgPath, title, sentAt, month, unit.recipients]),
      );
    }),
    on(NoticeAcknowledged, (manager, { payload }) =>
      manager.query(
        `INSERT INTO education_notice_fact (notice_id, org_unit_id, org_path, acknowledged) VALUES (?, ?, ?, 1)
         ON DUPLICATE KEY UPDATE acknowledged = acknowledged + 1`,
        [payload.noticeId, payload.orgUnitId, payload.orgPath],
      ),
    ),
  ];
}
