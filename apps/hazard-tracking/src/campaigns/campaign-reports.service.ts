import { isDuplicateKey, newId } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, FieldProblem } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { NO_OUTBOX_SIGNAL, OutboxSignal, transactionWithEvents } from '@campus/events';
import { clientRequest, oncePerRequest, requireTransition } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { recordCampaignReportSubmitted } from './campaign-events';
import { campaignForShare } from './campaign-link';
import { CampaignLoaders } from './campaign-loaders';
import { isLateSubmission, reportState } from './campaign-rules';
import { CAMPAIGN_ACCESS, CAMPAIGN_REPORT_ACCESS, CAMPAIGN_TRANSITIONS } from './campaign.access';
import { CampaignReportDateEntity, CampaignReportEntity, CampaignReportingUnitEntity } from './campaign.entity';
import { SubmitCampaignReportInput } from './campaign.inputs';
import { calendarDay, Campaign, CampaignReport, campaignUnit, CampaignUnitReport, toCampaignReport } from './campaign.types';

/** A reporting unit of a campaign with its name, path and report for one report date (if any). */
interface UnitReportRow {
  orgUnitId: string;
  unitName: string | null;
  path: string | null;
  report: CampaignReportEntity | null;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/** 报送: the units' statistics tables for each report date, and who has reported. */
export class CampaignReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly campaignLoaders: CampaignLoaders,
    private readonly now: () => Date,
    private readonly outbox: OutboxSignal = NO_OUTBOX_SIGNAL,
  ) {}

  /** A reporting unit's statistics table for one report date, once; after the date it is recorded as late. */
  async submitReport(caller: Caller, input: SubmitCampaignReportInput): Promise<CampaignReport> {
    const { viewer } = caller;
    const unitPath = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(viewer, 'submitCampaignReport', input), async (manager) => {
      const campaign = CAMPAIGN_ACCESS.visible(caller, input.campaignId, await campaignForShare(manager, input.campaignId));
      CAMPAIGN_ACCESS.checkRole(caller, 'REPORT', unitPath);
      requireTransition(CAMPAIGN_TRANSITIONS, 'REPORT', campaign.status, campaign.id);
      const problems: FieldProblem[] = [];
      if (!(await manager.existsBy(CampaignReportDateEntity, { campaignId: campaign.id, reportDate: input.reportDate }))) {
        problems.push({ field: 'reportDate', message: `${input.reportDate} 不是本专项整治的报送日期` });
      }
      if (!(await manager.existsBy(CampaignReportingUnitEntity, { campaignId: campaign.id, orgUnitId: input.orgUnitId }))) {
        problems.push({ field: 'orgUnitId', message: '该单位不是本专项整治的报送单位' });
      }
      if (problems.length) throw new BadUserInputError(problems);
      const submittedAt = this.now();
      const report = manager.create(CampaignReportEntity, {
        id: newId(),
        campaignId: campaign.id,
        reportDate: input.reportDate,
        orgUnitId: input.orgUnitId,
        orgPath: unitPath,
        note: input.note ?? null,
        submittedAt,
        late: isLateSubmission(submittedAt, input.reportDate),
        submittedByAccountId: viewer.accountId,
        submittedByPersonId: viewer.personId,
      });
      try {
        await manager.insert(CampaignReportEntity, report);
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', `该单位已报送 ${input.reportDate} 的统计表`, { campaignId: campaign.id });
        throw error;
      }
      await recordCampaignReportSubmitted(manager, campaign, report);
      return toCampaignReport(report);
    }));
    // A replay answers the report this same account submitted.
    return outcome.created ?? toCampaignReport(await this.dataSource.manager.findOneByOrFail(CampaignReportEntity, { id: outcome.id }));
  }

  /**
   * Each reporting unit's standing for a report date: submitted (on time or late), pending until the date
   * has passed, missing after. The organisers see every unit; a unit inside the scope sees its own.
   */
  async reportStatus(caller: Caller, campaign: Campaign, reportDate: string): Promise<CampaignUnitReport[]> {
    if (!(await this.campaignLoaders.reportDates(caller, campaign.id)).includes(reportDate)) {
      throw new BadUserInputError([{ field: 'reportDate', message: `${reportDate} 不是本专项整治的报送日期` }]);
    }
    const entries = await caller.loaders
      .get<string, UnitReportRow[]>('Campaign.reportStatus', () => new DataLoader((keys: readonly string[]) => this.unitReportRows(keys)))
      .load(`${campaign.id}|${reportDate}`);
    const today = calendarDateOf(this.now());
    const organiser = CAMPAIGN_REPORT_ACCESS.allows(caller, 'view', campaign.orgPath);
    return entries
      .filter((entry) => organiser || (entry.path !== null && CAMPAIGN_REPORT_ACCESS.allows(caller, 'view', entry.path)))
      .map((entry) => ({
        unit: campaignUnit(entry.orgUnitId, entry.unitName),
        state: reportState(reportDate, entry.report, today),
        report: entry.report ? toCampaignReport(entry.report) : null,
      }));
  }

  /** For each "campaignId|reportDate" key: the reporting units with their names, paths and report (if any), in one statement. */
  private async unitReportRows(keys: readonly string[]): Promise<UnitReportRow[][]> {
    const pairs = keys.map((key) => key.split('|') as [string, string]);
    const campaignIds = unique(pairs.map(([campaignId]) => campaignId));
    const dates = unique(pairs.map(([, reportDate]) => reportDate));
    const rows: (Record<string, unknown> & { campaign_id: string; org_unit_id: string; report_id: string | null })[] = await this.dataSource.query(
      `SELECT e.campaign_id, e.org_unit_id, u.name AS unit_name, u.path AS unit_path,
              r.id AS report_id, r.report_date, r.org_path, r.note, r.submitted_at, r.late, r.submitted_by_account_id, r.submitted_by_person_id
         FROM campaign_reporting_unit e
         LEFT JOIN org_unit_projection u ON u.id = e.org_unit_id
         LEFT JOIN campaign_report r
           ON r.campaign_id = e.campaign_id AND r.org_unit_id = e.org_unit_id AND r.report_date IN (${dates.map(() => '?').join(', ')})
        WHERE e.campaign_id IN (${campaignIds.map(() => '?').join(', ')})
        ORDER BY e.campaign_id, e.position`,
      [...dates, ...campaignIds],
    );
    return pairs.map(([campaignId, reportDate]) => {
      const forCampaign = rows.filter((row) => row.campaign_id === campaignId);
      const unitIds = unique(forCampaign.map((row) => row.org_unit_id));
      return unitIds.map((orgUnitId) => {
        const unitRows = forCampaign.filter((row) => row.org_unit_id === orgUnitId);
        const reported = unitRows.find((row) => row.report_id && calendarDay(row.report_date as string | Date) === reportDate);
        return {
          orgUnitId,
          unitName: (unitRows[0].unit_name as string | null) ?? null,
          path: (unitRows[0].unit_path as string | null) ?? null,
          report: reported ? reportFromRow(reported, campaignId, orgUnitId) : null,
        };
      });
    });
  }
}

function reportFromRow(row: Record<string, unknown>, campaignId: string, orgUnitId: string): CampaignReportEntity {
  return Object.assign(new CampaignReportEntity(), {
    id: row.report_id as string,
    campaignId,
    reportDate: calendarDay(row.report_date as string | Date),
    orgUnitId,
    orgPath: row.org_path as string,
    note: (row.note as string | null) ?? null,
    submittedAt: row.submitted_at as Date,
    late: Boolean(Number(row.late)),
    submittedByAccountId: row.submitted_by_account_id as string,
    submittedByPersonId: (row.submitted_by_person_id as string | null) ?? null,
  });
}
