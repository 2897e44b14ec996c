import { chunks } from '@campus/database';
import { CampaignPublished, CampaignReportSubmitted, EventHandler, InspectionPerformed, InspectionTaskScheduled, InspectionTaskStopped, on, PayloadOf } from '@campus/events';
import { EntityManager } from 'typeorm';

/** A task's schedule never changes once set: it is written whenever it arrives, the stop kept if that came first. */
async function taskScheduled(manager: EntityManager, task: PayloadOf<typeof InspectionTaskScheduled>): Promise<void> {
  await manager.query(
    `INSERT INTO inspection_task_fact (id, name, org_unit_id, org_path, cadence, starts_on, ends_on, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE name = VALUES(name), cadence = VALUES(cadence), starts_on = VALUES(starts_on), ends_on = VALUES(ends_on),
       org_unit_id = IF(VALUES(version) > version, VALUES(org_unit_id), org_unit_id), org_path = IF(VALUES(version) > version, VALUES(org_path), org_path),
       version = GREATEST(version, VALUES(version))`,
    [task.id, task.name, task.orgUnitId, task.orgPath, task.cadence, task.startsOn, task.endsOn, task.version],
  );
}

/** A stop arriving before the schedule leaves a row without cadence: it counts nothing until the schedule comes. */
async function taskStopped(manager: EntityManager, task: PayloadOf<typeof InspectionTaskStopped>): Promise<void> {
  await manager.query(
    `INSERT INTO inspection_task_fact (id, org_unit_id, org_path, stopped_on, version) VALUES (?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE stopped_on = VALUES(stopped_on),
       org_unit_id = IF(VALUES(version) > version, VALUES(org_unit_id), org_unit_id), org_path = IF(VALUES(version) > version, VALUES(org_path), org_path),
       version = GREATEST(version, VALUES(version))`,
    [task.id, task.orgUnitId, task.orgPath, task.stoppedOn, task.version],
  );
}

/** One check per task and period: a second event for the same period (a replay) is ignored. */
async function inspectionPerformed(manager: EntityManager, check: PayloadOf<typeof InspectionPerformed>): Promise<void> {
  await manager.query(
    `INSERT IGNORE INTO inspection_fact (id, task_id, org_unit_id, org_path, period_start, period_end, performed_at, recorded_at, on_time, findings_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [check.id, check.taskId, check.orgUnitId, check.orgPath, check.periodStart, check.periodEnd, new Date(check.performedAt), new Date(check.recordedAt), check.onTime, check.findingsCount],
  );
}

/**
 * The reports a campaign's units owe, one row per unit and report date; a report submitted before this
 * event arrived keeps its submission. A unit hazard-tracking could not place yet is placed by this
 * service's own org projection.
 */
async function campaignPublished(manager: EntityManager, campaign: PayloadOf<typeof CampaignPublished>): Promise<void> {
  const unplaced = campaign.reportingUnits.filter((unit) => unit.orgPath === null).map((unit) => unit.orgUnitId);
  const projected: { id: string; path: string }[] = unplaced.length
    ? await manager.query(`SELECT id, path FROM org_unit_projection WHERE id IN (${unplaced.map(() => '?').join(', ')})`, unplaced)
    : [];
  const paths = new Map(projected.map((unit) => [unit.id, unit.path]));
  const rows = campaign.reportingUnits.flatMap((unit) =>
    campaign.reportDates.map((date) => [campaign.id, unit.orgUnitId, date, unit.orgPath ?? paths.get(unit.orgUnitId) ?? null, campaign.title]),
  );
  for (const chunk of chunks(rows, 500)) {
    await manager.query(
      `INSERT INTO campaign_report_fact (campaign_id, org_unit_id, report_date, org_path, campaign_title) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE org_path = COALESCE(org_path, VALUES(org_path)), campaign_title = VALUES(campaign_title)`,
      chunk.flat(),
    );
  }
}

async function reportSubmitted(manager: EntityManager, report: PayloadOf<typeof CampaignReportSubmitted>): Promise<void> {
  await manager.query(
    `INSERT INTO campaign_report_fact (campaign_id, org_unit_id, report_date, org_path, campaign_title, report_id, submitted_at, on_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE org_path = VALUES(org_path), report_id = VALUES(report_id), submitted_at = VALUES(submitted_at), on_time = VALUES(on_time)`,
    [report.campaignId, report.orgUnitId, report.reportDate, report.orgPath, report.campaignTitle, report.id, new Date(report.submittedAt), report.onTime],
  );
}

/** Inspection tasks and their checks, campaign reports owed and submitted, from hazard-tracking's events. */
export function activityFactHandlers(): EventHandler<unknown>[] {
  return [
    on(InspectionTaskScheduled, (manager, { payload }) => taskScheduled(manager, payload)),
    on(InspectionTaskStopped, (manager, { payload }) => taskStopped(manager, payload)),
    on(InspectionPerformed, (manager, { payload }) => inspectionPerformed(manager, payload)),
    on(CampaignPublished, (manager, { payload }) => campaignPublished(manager, payload)),
    on(CampaignReportSubmitted, (manager, { payload }) => reportSubmitted(manager, payload)),
  ];
}
