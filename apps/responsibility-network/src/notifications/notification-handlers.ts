import { CampaignPublished, CampaignReportSubmitted, EventHandler, HazardActionTaken, HazardEscalated, LetterIssued, on } from '@campus/events';
import { EntityManager } from 'typeorm';
import { NotificationKind } from './notification-kind';
import { acceptanceFailedText, hazardAssignedText, hazardEscalatedText, letterToSignText } from './notification-messages';
import { NotificationProducer } from './notification-producer';

/**
 * Notifications produced from events: hazard-tracking's steps (a plan naming me responsible, a failed
 * acceptance of my rectification) and escalations, and this service's own issued letters; and the campaign
 * report dates the reminders read (campaign-reminders.ts). The effect commits
 * with the inbox row of the event; the dedup keys make a replay harmless too.
 */
export function notificationHandlers(producer: NotificationProducer, afterCommit: () => void): EventHandler<unknown>[] {
  return [
    on(HazardActionTaken, async (manager, { id: eventId, payload }) => {
      const before = await hazardPeople(manager, payload.id, true);
      await manager.query(
        `INSERT INTO notification_hazard (hazard_id, responsible_person_id, rectified_by_person_id) VALUES (?, ?, ?)
         ON DUPLICATE KEY UPDATE responsible_person_id = VALUES(responsible_person_id), rectified_by_person_id = VALUES(rectified_by_person_id)`,
        [payload.id, payload.responsiblePersonId, payload.rectifiedByPersonId],
      );
      const hazard = { code: payload.code, title: payload.title };
      const common = { objectType: 'HAZARD', objectId: payload.id, orgUnitId: payload.orgUnitId, orgPath: payload.orgPath, at: new Date(payload.at) };
      const responsible = payload.responsiblePersonId;
      if (responsible && responsible !== before?.responsible_person_id) {
        const text = hazardAssignedText(hazard, payload.deadline);
        await producer.notify(manager, { ...common, kind: NotificationKind.HAZARD_ASSIGNED, personIds: [responsible], text, dedupKey: `hazard-assigned:${payload.id}:${responsible}` });
      }
      if (payload.action === 'FAIL_ACCEPTANCE') {
        const text = acceptanceFailedText(hazard, payload.deadline);
        const rectifier = payload.rectifiedByPersonId ?? responsible;
        await producer.notify(manager, { ...common, kind: NotificationKind.ACCEPTANCE_FAILED, personIds: [rectifier], text, dedupKey: `acceptance-failed:${eventId}` });
      }
    }, afterCommit),
    on(HazardEscalated, async (manager, { payload }) => {
      const personIds = await escalationRecipients(manager, payload.notify, payload.id, payload.orgUnitId, payload.orgPath);
      await producer.notify(manager, {
        kind: NotificationKind.HAZARD_ESCALATED,
        personIds,
        text: hazardEscalatedText({ code: payload.code, title: null, deadline: payload.deadline }, payload.tier),
        objectType: 'HAZARD',
        objectId: payload.id,
        orgUnitId: payload.orgUnitId,
        orgPath: payload.orgPath,
        dedupKey: `hazard-escalated:${payload.id}:${payload.tier}:${payload.deadline}`,
        at: new Date(payload.escalatedAt),
      });
    }, afterCommit),
    on(LetterIssued, async (manager, { payload }) => {
      await producer.notify(manager, {
        kind: NotificationKind.LETTER_TO_SIGN,
        personIds: [payload.recipientPersonId],
        text: letterToSignText(payload),
        objectType: 'RESPONSIBILITY_LETTER',
        objectId: payload.id,
        orgUnitId: payload.recipientUnitId,
        orgPath: payload.recipientPath,
        dedupKey: `letter:${payload.id}`,
        at: new Date(),
      });
    }, afterCommit),
    on(CampaignPublished, async (manager, { payload }) => {
      const rows = payload.reportingUnits.flatMap((unit) => payload.reportDates.map((date) => [payload.id, unit.orgUnitId, date, payload.title.slice(0, 200)]));
      if (!rows.length) return;
      await manager.query(
        `INSERT IGNORE INTO notification_report_due (campaign_id, org_unit_id, report_date, campaign_title) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')}`,
        rows.flat(),
      );
    }),
    on(CampaignReportSubmitted, async (manager, { payload }) => {
      await manager.query('UPDATE notification_report_due SET submitted = 1 WHERE campaign_id = ? AND org_unit_id = ? AND report_date = ?', [
        payload.campaignId,
        payload.orgUnitId,
        payload.reportDate,
      ]);
    }),
  ];
}

async function hazardPeople(manager: EntityManager, hazardId: string, lock = false): Promise<{ responsible_person_id: string | null } | undefined> {
  const rows = await manager.query(`SELECT responsible_person_id FROM notification_hazard WHERE hazard_id = ?${lock ? ' FOR UPDATE' : ''}`, [hazardId]);
  return rows[0];
}

/** Whom an escalation tier tells: the hazard's responsible person, the unit's leaders, or the safety offices above it. */
async function escalationRecipients(manager: EntityManager, notify: string, hazardId: string, orgUnitId: string, orgPath: string): Promise<string[]> {
  if (notify === 'RESPONSIBLE_PERSON') {
    const people = await hazardPeople(manager, hazardId);
    if (people?.responsible_person_id) return [people.responsible_person_id];
  }
  const leaders = notify !== 'SAFETY_OFFICE';
  const rows: { person_id: string }[] = await manager.query(
    `SELECT DISTINCT a.person_id FROM role_grant g
       JOIN account a ON a.id = g.account_id AND a.active = 1 AND a.person_id IS NOT NULL
       JOIN org_unit u ON u.id = g.org_unit_id
      WHERE ${leaders ? "g.role = 'UNIT_LEADER' AND g.org_unit_id = ?" : "g.role = 'SAFETY_OFFICE' AND ? LIKE CONCAT(u.path, '%')"}`,
    [leaders ? orgUnitId : orgPath],
  );
  return rows.map((row) => row.person_id);
}
