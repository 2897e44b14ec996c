import { calendarDateOf, Caller } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CampaignPhaseKind, FocusAreaRole } from './campaign-enums';
import { currentPhase, inPhaseOrder } from './campaign-rules';
import { StatisticsLine, statisticsLines, toStatisticsRow, totalFigures } from './campaign-statistics';
import { CAMPAIGN_STATISTICS_ACCESS } from './campaign.access';
import { CampaignPhaseEntity, CampaignReportDateEntity } from './campaign.entity';
import { calendarDay, Campaign, CampaignFocusArea, CampaignPhase, CampaignStatistics, CampaignUnit, campaignUnit } from './campaign.types';

/** The fields of Campaign read from its plan and the hazards: each one statement per request, whatever the number of campaigns. */
export class CampaignLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  async phases(caller: Caller, campaignId: string): Promise<CampaignPhase[]> {
    return caller.loaders
      .get<string, CampaignPhase[]>('Campaign.phases', () => new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.dataSource.getRepository(CampaignPhaseEntity).findBy({ campaignId: In([...ids]) });
        return ids.map((id) =>
          inPhaseOrder(rows.filter((row) => row.campaignId === id)).map((row) => ({
            kind: row.kind,
            deadline: calendarDay(row.deadline),
            description: row.description,
          })),
        );
      }))
      .load(campaignId);
  }

  async currentPhase(caller: Caller, campaign: Campaign): Promise<CampaignPhaseKind | null> {
    return currentPhase(campaign.startsOn, await this.phases(caller, campaign.id), calendarDateOf(this.now()));
  }

  async focusAreas(caller: Caller, campaignId: string): Promise<CampaignFocusArea[]> {
    return caller.loaders
      .get<string, CampaignFocusArea[]>('Campaign.focusAreas', () => new DataLoader(async (ids: readonly string[]) => {
        const rows: {
          campaign_id: string;
          seq: number;
          name: string;
          description: string | null;
          category: CampaignFocusArea['category'];
          role: FocusAreaRole | null;
          org_unit_id: string | null;
          unit_name: string | null;
        }[] = await this.dataSource.query(
          `SELECT a.campaign_id, a.seq, a.name, a.description, a.category, u.role, u.org_unit_id, o.name AS unit_name
             FROM campaign_focus_area a
             LEFT JOIN campaign_focus_area_unit u ON u.campaign_id = a.campaign_id AND u.focus_area_seq = a.seq
             LEFT JOIN org_unit_projection o ON o.id = u.org_unit_id
            WHERE a.campaign_id IN (${ids.map(() => '?').join(', ')})
            ORDER BY a.campaign_id, a.seq, u.role, u.position`,
          [...ids],
        );
        const areas = new Map<string, CampaignFocusArea & { campaignId: string }>();
        for (const row of rows) {
          const key = `${row.campaign_id}:${row.seq}`;
          let area = areas.get(key);
          if (!area) {
            area = { campaignId: row.campaign_id, seq: Number(row.seq), name: row.name, description: row.description, category: row.category, leadUnits: [], responsibleUnits: [] };
            areas.set(key, area);
          }
          if (row.org_unit_id) (row.role === FocusAreaRole.LEAD ? area.leadUnits : area.responsibleUnits).push(campaignUnit(row.org_unit_id, row.unit_name));
        }
        return ids.map((id) => [...areas.values()].filter((area) => area.campaignId === id).map(({ campaignId: _, ...area }) => area));
      }))
      .load(campaignId);
  }

  async reportDates(caller: Caller, campaignId: string): Promise<string[]> {
    return caller.loaders
      .get<string, string[]>('Campaign.reportDates', () => new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.dataSource
          .getRepository(CampaignReportDateEntity)
          .find({ where: { campaignId: In([...ids]) }, order: { reportDate: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.campaignId === id).map((row) => calendarDay(row.reportDate)));
      }))
      .load(campaignId);
  }

  async nextReportDate(caller: Caller, campaignId: string): Promise<string | null> {
    const today = calendarDateOf(this.now());
    return (await this.reportDates(caller, campaignId)).find((day) => day >= today) ?? null;
  }

  async reportingUnits(caller: Caller, campaignId: string): Promise<CampaignUnit[]> {
    return caller.loaders
      .get<string, CampaignUnit[]>('Campaign.reportingUnits', () => new DataLoader(async (ids: readonly string[]) => {
        const rows: { campaign_id: string; org_unit_id: string; name: string | null }[] = await this.dataSource.query(
          `SELECT e.campaign_id, e.org_unit_id, o.name
             FROM campaign_reporting_unit e
             LEFT JOIN org_unit_projection o ON o.id = e.org_unit_id
            WHERE e.campaign_id IN (${ids.map(() => '?').join(', ')})
            ORDER BY e.campaign_id, e.position`,
          [...ids],
        );
        return ids.map((id) => rows.filter((row) => row.campaign_id === id).map((row) => campaignUnit(row.org_unit_id, row.name)));
      }))
      .load(campaignId);
  }

  /** The campaign's scope unit, named from the org projection (one statement for every campaign of a request). */
  async scope(caller: Caller, campaign: Campaign): Promise<CampaignUnit> {
    const name = await caller.loaders
      .get<string, string | null>('Campaign.scope', () => new DataLoader(async (unitIds: readonly string[]) => {
        const rows: { id: string; name: string }[] = await this.dataSource.query(
          `SELECT id, name FROM org_unit_projection WHERE id IN (${unitIds.map(() => '?').join(', ')})`,
          [...unitIds],
        );
        return unitIds.map((id) => rows.find((row) => row.id === id)?.name ?? null);
      }))
      .load(campaign.orgUnitId);
    return campaignUnit(campaign.orgUnitId, name);
  }

  /** Live figures (not frozen): overdue counted against today; the lines of units in the caller's scope. */
  async statistics(caller: Caller, campaign: Campaign): Promise<CampaignStatistics> {
    const asOf = this.now();
    const lines = await caller.loaders
      .get<string, StatisticsLine[]>('Campaign.statistics', () => new DataLoader(async (ids: readonly string[]) => {
        const byCampaign = await statisticsLines(this.dataSource, ids, { overdueBefore: calendarDateOf(asOf) });
        return ids.map((id) => byCampaign.get(id) ?? []);
      }))
      .load(campaign.id);
    const visible = lines.filter((line) => CAMPAIGN_STATISTICS_ACCESS.allows(caller, 'view', line.orgPath));
    return { asOf, rows: visible.map(toStatisticsRow), totals: totalFigures(visible) };
  }
}
