import { calendarDateOf } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { NotificationKind } from './notification-kind';
import { campaignReportDueText } from './notification-messages';
import { NotificationProducer } from './notification-producer';

interface DueRow {
  campaign_id: string;
  campaign_title: string;
  report_date: string;
  org_unit_id: string;
  unit_name: string;
  path: string;
  person_id: string;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * 统计表明日截止: the unit's safety officers and leader, for each campaign report due tomorrow (Asia/Shanghai)
 * that the unit has not submitted; once per report date and person (dedup key), whichever instance runs it.
 */
export async function remindCampaignReportsDue(dataSource: DataSource, producer: NotificationProducer, now: Date = new Date()): Promise<{ reminded: number }> {
  const tomorrow = calendarDateOf(new Date(now.getTime() + DAY_MS));
  const rows: DueRow[] = await dataSource.query(
    `SELECT DISTINCT d.campaign_id, d.campaign_title, d.report_date, d.org_unit_id, u.name AS unit_name, u.path, a.person_id
       FROM notification_report_due d
       JOIN org_unit u ON u.id = d.org_unit_id
       JOIN role_grant g ON g.org_unit_id = d.org_unit_id AND g.role IN ('UNIT_SAFETY_OFFICER', 'UNIT_LEADER')
       JOIN account a ON a.id = g.account_id AND a.active = 1 AND a.person_id IS NOT NULL
       LEFT JOIN notification n ON n.person_id = a.person_id AND n.dedup_key = CONCAT('campaign-report:', d.campaign_id, ':', d.org_unit_id, ':', d.report_date)
      WHERE d.report_date = ? AND d.submitted = 0 AND n.id IS NULL`,
    [tomorrow],
  );
  let reminded = 0;
  for (const row of rows) {
    reminded += await dataSource.transaction((manager) =>
      producer.notify(manager, {
        kind: NotificationKind.CAMPAIGN_REPORT_DUE,
        personIds: [row.person_id],
        text: campaignReportDueText({ campaignTitle: row.campaign_title, reportDate: tomorrow, unitName: row.unit_name }),
        objectType: 'CAMPAIGN',
        objectId: row.campaign_id,
        orgUnitId: row.org_unit_id,
        orgPath: row.path,
        dedupKey: `campaign-report:${row.campaign_id}:${row.org_unit_id}:${tomorrow}`,
        at: now,
      }),
    );
  }
  return { reminded };
}
