import { ADMIN_ROLES, Role, Viewer } from '@campus/auth';
import { escapeLike, isDuplicateKey, KeysetOrder, keysetPage, newId, orgScopeCondition } from '@campus/database';
import {
  BadUserInputError,
  Caller,
  calendarDateOf,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  ExportFile,
  FieldProblem,
  ForbiddenError,
  LoaderRegistry,
  NotFoundError,
  toConnection,
  VersionedInput,
  XLSX_CONTENT_TYPE,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { CampaignPhaseKind, CampaignStatus, FocusAreaRole } from './campaign-enums';
import { campaignForShare } from './campaign-link';
import {
  campaignDateProblems,
  canSeeCampaign,
  currentPhase,
  enclosingPaths,
  inPhaseOrder,
  isLateSubmission,
  reportState,
} from './campaign-rules';
import { StatisticsLine, statisticsLines, toStatisticsRow, totalFigures } from './campaign-statistics';
import { buildStatisticsWorkbook, statisticsWorkbookFilename } from './campaign-workbook';
import {
  CampaignEntity,
  CampaignFocusAreaEntity,
  CampaignFocusAreaUnitEntity,
  CampaignPhaseEntity,
  CampaignReportDateEntity,
  CampaignReportEntity,
  CampaignReportingUnitEntity,
  CampaignSnapshotEntity,
  CampaignSnapshotRowEntity,
} from './campaign.entity';
import {
  CampaignFilter,
  CampaignFocusAreaInput,
  CampaignPhaseInput,
  CloseCampaignInput,
  CreateCampaignInput,
  PublishCampaignInput,
  SubmitCampaignReportInput,
  UpdateCampaignInput,
} from './campaign.inputs';
import {
  calendarDay,
  Campaign,
  CampaignFigures,
  CampaignFocusArea,
  CampaignPhase,
  CampaignReport,
  CampaignSnapshot,
  CampaignStatistics,
  CampaignStatisticsRow,
  CampaignUnit,
  campaignUnit,
  CampaignUnitReport,
  toCampaign,
  toCampaignReport,
  toCampaignSnapshot,
} from './campaign.types';

/** Who plans, issues and closes a campaign: the safety office or the bureau at the campaign's scope unit. */
export const CAMPAIGN_MANAGER_ROLES: readonly Role[] = ADMIN_ROLES;
/** Who submits a unit's report: its leader or safety officer, or the safety office recording a report it received. */
export const CAMPAIGN_REPORTER_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER, Role.UNIT_SAFETY_OFFICER];

export interface CampaignServiceOptions {
  /** The clock (tests). */
  now?: () => Date;
}

interface Plan {
  phases: CampaignPhaseInput[];
  focusAreas: CampaignFocusAreaInput[];
  reportDates: string[];
}

/** Campaigns are listed by start date, latest first; the cursor is [startsOn, id]. */
const STARTS_LATEST_FIRST: KeysetOrder = { column: 'starts_on', direction: 'DESC', fromCursor: (value) => value };

function startsFirstKey(campaign: CampaignEntity): [string, string] {
  return [calendarDay(campaign.startsOn), campaign.id];
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];
/** Units in pinyin order of their names, as the statistics table lists them. */
const BY_NAME = new Intl.Collator('zh-Hans-CN');

export class CampaignService {
  private readonly clock: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    options: CampaignServiceOptions = {},
  ) {
    this.clock = options.now ?? (() => new Date());
  }

  private today(): string {
    return calendarDateOf(this.clock());
  }

  async get(viewer: Viewer, id: string): Promise<Campaign> {
    return toCampaign(await this.visible(this.dataSource.manager, viewer, id));
  }

  async list(viewer: Viewer, filter: CampaignFilter, first: number, after?: string | null): Promise<ConnectionShape<Campaign>> {
    const cursor = decodeCursor(after, 2);
    const scope = orgScopeCondition('c.org_path', viewer.scopePaths);
    const enclosing = unique(viewer.scopePaths.flatMap(enclosingPaths));
    const query = this.dataSource.getRepository(CampaignEntity).createQueryBuilder('c');
    if (enclosing.length) {
      query.where(`(${scope.sql} OR (c.status <> :draft AND c.org_path IN (:...enclosing)))`, { ...scope.params, draft: CampaignStatus.DRAFT, enclosing });
    } else {
      query.where(scope.sql, scope.params);
    }
    if (filter.statuses?.length) query.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    const page = await keysetPage(query, 'c', STARTS_LATEST_FIRST, first, cursor);
    return toConnection(page.rows, first, page.totalCount, startsFirstKey, toCampaign);
  }

  /** 制定方案: a draft with its phases, focus areas, report dates and the units expected to report. */
  async create(caller: Caller, input: CreateCampaignInput): Promise<Campaign> {
    const problems = campaignDateProblems(input);
    if (problems.length) throw new BadUserInputError(problems);
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    if (!caller.viewer.hasRoleAt(CAMPAIGN_MANAGER_ROLES, path)) throw new ForbiddenError('您无权在该单位制定专项整治方案');
    await this.checkFocusAreaUnits(caller, path, input.focusAreas);
    return this.dataSource.transaction(async (manager) => {
      const campaign = manager.create(CampaignEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: path,
        title: input.title,
        documentNumber: input.documentNumber ?? null,
        description: input.description ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: CampaignStatus.DRAFT,
        createdByAccountId: caller.viewer.accountId,
        publishedAt: null,
        closedAt: null,
      });
      await manager.save(campaign);
      await this.writePlan(manager, campaign, { phases: input.phases, focusAreas: input.focusAreas, reportDates: input.reportDates });
      return toCampaign(campaign);
    });
  }

  /**
   * Title, document number and description may change until the campaign is closed; dates, phases, focus
   * areas and report dates only while it is a draft (each list is replaced as a whole).
   */
  async update(caller: Caller, input: UpdateCampaignInput): Promise<Campaign> {
    const { viewer } = caller;
    const structural = ['startsOn', 'endsOn', 'phases', 'focusAreas', 'reportDates'] as const;
    const changesPlan = structural.some((key) => input[key] !== undefined && input[key] !== null);
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockForChange(manager, viewer, input);
      if (campaign.status === CampaignStatus.CLOSED) throw new ConflictError('ILLEGAL_TRANSITION', '专项整治已结束，不能再修改', { id: campaign.id });
      if (changesPlan && campaign.status !== CampaignStatus.DRAFT) {
        throw new ConflictError('ILLEGAL_TRANSITION', '专项整治方案已印发，日期、阶段、整治重点和报送日期不能再修改', { id: campaign.id, status: campaign.status });
      }
      const changes: Partial<CampaignEntity> = {};
      if (input.title) changes.title = input.title;
      if (input.documentNumber !== undefined) changes.documentNumber = input.documentNumber;
      if (input.description !== undefined) changes.description = input.description;
      if (changesPlan) {
        const current = await this.currentPlanDates(manager, campaign.id);
        const startsOn = input.startsOn ?? calendarDay(campaign.startsOn);
        const endsOn = input.endsOn ?? calendarDay(campaign.endsOn);
        const phases = input.phases ?? current.phases;
        const reportDates = input.reportDates ?? current.reportDates;
        const problems = campaignDateProblems({ startsOn, endsOn, phases, reportDates });
        if (problems.length) throw new BadUserInputError(problems);
        if (input.focusAreas) await this.checkFocusAreaUnits(caller, campaign.orgPath, input.focusAreas);
        const focusAreas = input.focusAreas ?? (await this.currentFocusAreas(manager, campaign.id));
        Object.assign(changes, { startsOn, endsOn });
        await this.writePlan(manager, campaign, { phases, focusAreas, reportDates });
      }
      // The query builder bumps the version and updated_at even when only the plan's rows changed.
      await manager.createQueryBuilder().update(CampaignEntity).set(changes).where('id = :id', { id: campaign.id }).execute();
      return toCampaign(await manager.findOneByOrFail(CampaignEntity, { id: campaign.id }));
    });
  }

  /** 印发: DRAFT → ACTIVE; from now on units report and the report dates are frozen as they pass. */
  async publish(viewer: Viewer, input: PublishCampaignInput): Promise<Campaign> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockForChange(manager, viewer, input);
      if (campaign.status !== CampaignStatus.DRAFT) throw new ConflictError('ILLEGAL_TRANSITION', '只有草稿状态的专项整治方案可以印发', { id: campaign.id, status: campaign.status });
      campaign.status = CampaignStatus.ACTIVE;
      campaign.publishedAt = this.clock();
      await manager.save(campaign);
      return toCampaign(campaign);
    });
  }

  /** ACTIVE → CLOSED, from the end date on; a closed campaign takes no more hazards or reports. */
  async close(viewer: Viewer, input: CloseCampaignInput): Promise<Campaign> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockForChange(manager, viewer, input);
      if (campaign.status !== CampaignStatus.ACTIVE) throw new ConflictError('ILLEGAL_TRANSITION', '只有进行中的专项整治可以结束', { id: campaign.id, status: campaign.status });
      const endsOn = calendarDay(campaign.endsOn);
      if (this.today() < endsOn) throw new ConflictError('NOT_YET_DUE', `专项整治至 ${endsOn} 结束，届时方可结束`, { id: campaign.id, endsOn });
      campaign.status = CampaignStatus.CLOSED;
      campaign.closedAt = this.clock();
      await manager.save(campaign);
      return toCampaign(campaign);
    });
  }

  /** 报送: a reporting unit's statistics table for one report date, once; after the date it is recorded as late. */
  async submitReport(caller: Caller, input: SubmitCampaignReportInput): Promise<CampaignReport> {
    const { viewer } = caller;
    const unitPath = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    return this.dataSource.transaction(async (manager) => {
      const campaign = await campaignForShare(manager, input.campaignId);
      if (!campaign || !canSeeCampaign(viewer, campaign)) throw new NotFoundError('专项整治', input.campaignId);
      if (!viewer.hasRoleAt(CAMPAIGN_REPORTER_ROLES, unitPath)) throw new ForbiddenError('您无权代表该单位报送统计表');
      if (campaign.status === CampaignStatus.DRAFT) throw new ConflictError('ILLEGAL_TRANSITION', '专项整治方案尚未印发，不能报送', { id: campaign.id });
      if (campaign.status === CampaignStatus.CLOSED) throw new ConflictError('ILLEGAL_TRANSITION', '专项整治已结束，不能再报送', { id: campaign.id });
      const problems: FieldProblem[] = [];
      if (!(await manager.existsBy(CampaignReportDateEntity, { campaignId: campaign.id, reportDate: input.reportDate }))) {
        problems.push({ field: 'reportDate', message: `${input.reportDate} 不是本专项整治的报送日期` });
      }
      if (!(await manager.existsBy(CampaignReportingUnitEntity, { campaignId: campaign.id, orgUnitId: input.orgUnitId }))) {
        problems.push({ field: 'orgUnitId', message: '该单位不是本专项整治的报送单位' });
      }
      if (problems.length) throw new BadUserInputError(problems);
      const submittedAt = this.clock();
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
      return toCampaignReport(report);
    });
  }

  // ---- fields of Campaign, each one statement per request ----

  async phases(loaders: LoaderRegistry, campaignId: string): Promise<CampaignPhase[]> {
    return loaders
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

  async currentPhase(loaders: LoaderRegistry, campaign: Campaign): Promise<CampaignPhaseKind | null> {
    return currentPhase(campaign.startsOn, await this.phases(loaders, campaign.id), this.today());
  }

  async focusAreas(loaders: LoaderRegistry, campaignId: string): Promise<CampaignFocusArea[]> {
    return loaders
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

  async reportDates(loaders: LoaderRegistry, campaignId: string): Promise<string[]> {
    return loaders
      .get<string, string[]>('Campaign.reportDates', () => new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.dataSource
          .getRepository(CampaignReportDateEntity)
          .find({ where: { campaignId: In([...ids]) }, order: { reportDate: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.campaignId === id).map((row) => calendarDay(row.reportDate)));
      }))
      .load(campaignId);
  }

  async nextReportDate(loaders: LoaderRegistry, campaignId: string): Promise<string | null> {
    const today = this.today();
    return (await this.reportDates(loaders, campaignId)).find((day) => day >= today) ?? null;
  }

  async reportingUnits(loaders: LoaderRegistry, campaignId: string): Promise<CampaignUnit[]> {
    return loaders
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
  async scope(loaders: LoaderRegistry, campaign: Campaign): Promise<CampaignUnit> {
    const name = await loaders
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

  /**
   * Each reporting unit's standing for a report date: submitted (on time or late), pending until the date
   * has passed, missing after. The organisers see every unit; a unit inside the scope sees its own.
   */
  async reportStatus(loaders: LoaderRegistry, viewer: Viewer, campaign: Campaign, reportDate: string): Promise<CampaignUnitReport[]> {
    if (!(await this.reportDates(loaders, campaign.id)).includes(reportDate)) {
      throw new BadUserInputError([{ field: 'reportDate', message: `${reportDate} 不是本专项整治的报送日期` }]);
    }
    const entries = await loaders
      .get<string, UnitReportRow[]>('Campaign.reportStatus', () => new DataLoader((keys: readonly string[]) => this.unitReportRows(keys)))
      .load(`${campaign.id}|${reportDate}`);
    const today = this.today();
    const organiser = viewer.covers(campaign.orgPath);
    return entries
      .filter((entry) => organiser || (entry.path !== null && viewer.covers(entry.path)))
      .map((entry) => ({
        unit: campaignUnit(entry.orgUnitId, entry.unitName),
        state: reportState(reportDate, entry.report, today),
        report: entry.report ? toCampaignReport(entry.report) : null,
      }));
  }

  /** Live figures (not frozen): overdue counted against today. */
  async statistics(loaders: LoaderRegistry, viewer: Viewer, campaign: Campaign): Promise<CampaignStatistics> {
    const asOf = this.clock();
    const lines = await loaders
      .get<string, StatisticsLine[]>('Campaign.statistics', () => new DataLoader(async (ids: readonly string[]) => {
        const byCampaign = await statisticsLines(this.dataSource, ids, { overdueBefore: calendarDateOf(asOf) });
        return ids.map((id) => byCampaign.get(id) ?? []);
      }))
      .load(campaign.id);
    const visible = lines.filter((line) => viewer.covers(line.orgPath));
    return { asOf, rows: visible.map(toStatisticsRow), totals: totalFigures(visible) };
  }

  async snapshots(loaders: LoaderRegistry, campaignId: string): Promise<CampaignSnapshot[]> {
    return loaders
      .get<string, CampaignSnapshot[]>('Campaign.snapshots', () => new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.dataSource
          .getRepository(CampaignSnapshotEntity)
          .find({ where: { campaignId: In([...ids]) }, order: { reportDate: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.campaignId === id).map(toCampaignSnapshot));
      }))
      .load(campaignId);
  }

  /** The frozen lines of a snapshot that the viewer's scope covers. */
  async snapshotLines(loaders: LoaderRegistry, viewer: Viewer, snapshotId: string): Promise<StatisticsLine[]> {
    const lines = await loaders
      .get<string, StatisticsLine[]>('CampaignSnapshot.lines', () => new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.dataSource
          .getRepository(CampaignSnapshotRowEntity)
          .find({ where: { snapshotId: In([...ids]) }, order: { snapshotId: 'ASC', seq: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.snapshotId === id).map(frozenLine));
      }))
      .load(snapshotId);
    return lines.filter((line) => viewer.covers(line.orgPath));
  }

  async snapshotRows(loaders: LoaderRegistry, viewer: Viewer, snapshotId: string): Promise<CampaignStatisticsRow[]> {
    return (await this.snapshotLines(loaders, viewer, snapshotId)).map(toStatisticsRow);
  }

  async snapshotTotals(loaders: LoaderRegistry, viewer: Viewer, snapshotId: string): Promise<CampaignFigures> {
    return totalFigures(await this.snapshotLines(loaders, viewer, snapshotId));
  }

  /** The frozen statistics table as an Excel workbook (the lines the viewer's scope covers). */
  async statisticsWorkbook(loaders: LoaderRegistry, viewer: Viewer, snapshotId: string): Promise<ExportFile> {
    const snapshot = await this.dataSource.getRepository(CampaignSnapshotEntity).findOneBy({ id: snapshotId });
    const campaign = snapshot ? await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: snapshot.campaignId }) : null;
    if (!snapshot || !campaign || !canSeeCampaign(viewer, campaign)) throw new NotFoundError('统计表快照', snapshotId);
    const [scope] = await this.dataSource.query('SELECT name FROM org_unit_projection WHERE id = ?', [campaign.orgUnitId]);
    const reportDate = calendarDay(snapshot.reportDate);
    const content = await buildStatisticsWorkbook({
      campaignTitle: campaign.title,
      documentNumber: campaign.documentNumber,
      scopeName: (scope?.name as string | undefined) ?? null,
      reportDate,
      frozenAt: snapshot.frozenAt,
      lines: await this.snapshotLines(loaders, viewer, snapshot.id),
    });
    return { filename: statisticsWorkbookFilename(campaign.title, reportDate), contentType: XLSX_CONTENT_TYPE, base64: content.toString('base64') };
  }

  // ---- internals ----

  private async visible(manager: EntityManager, viewer: Viewer, id: string): Promise<CampaignEntity> {
    const campaign = await manager.findOneBy(CampaignEntity, { id });
    if (!campaign || !canSeeCampaign(viewer, campaign)) throw new NotFoundError('专项整治', id);
    return campaign;
  }

  /** The campaign, locked, if the viewer manages it and read the current version. */
  private async lockForChange(manager: EntityManager, viewer: Viewer, input: VersionedInput): Promise<CampaignEntity> {
    const campaign = await manager.findOne(CampaignEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
    if (!campaign || !canSeeCampaign(viewer, campaign)) throw new NotFoundError('专项整治', input.id);
    if (!viewer.hasRoleAt(CAMPAIGN_MANAGER_ROLES, campaign.orgPath)) throw new ForbiddenError('您无权管理该专项整治');
    if (campaign.version !== input.version) {
      throw new ConflictError('STALE_VERSION', '专项整治已被他人修改，请刷新后重试', { id: campaign.id, currentVersion: campaign.version });
    }
    return campaign;
  }

  /**
   * Every lead and responsible unit must be one the caller sees (else NOT_FOUND, as for any unit) and lie
   * inside the campaign's scope; a unit named twice in one list is refused.
   */
  private async checkFocusAreaUnits(caller: Caller, scopePath: string, areas: CampaignFocusAreaInput[]): Promise<void> {
    const ids = unique(areas.flatMap((area) => [...area.leadUnitIds, ...area.responsibleUnitIds]));
    const paths = new Map<string, string>();
    for (const id of ids) paths.set(id, await visibleUnitPath(this.directory, caller, id));
    const problems: FieldProblem[] = [];
    areas.forEach((area, index) => {
      for (const [field, list, label] of [
        ['leadUnitIds', area.leadUnitIds, '牵头部门'],
        ['responsibleUnitIds', area.responsibleUnitIds, '责任部门'],
      ] as const) {
        if (unique(list).length !== list.length) problems.push({ field: `focusAreas.${index}.${field}`, message: `${label}重复` });
        if (list.some((id) => !paths.get(id)?.startsWith(scopePath))) {
          problems.push({ field: `focusAreas.${index}.${field}`, message: `${label}须为专项整治范围内的单位` });
        }
      }
    });
    if (problems.length) throw new BadUserInputError(problems);
  }

  /** Replaces the plan's rows: phases, focus areas and their units, report dates, reporting units. */
  private async writePlan(manager: EntityManager, campaign: CampaignEntity, plan: Plan): Promise<void> {
    const campaignId = campaign.id;
    for (const entity of [CampaignFocusAreaUnitEntity, CampaignFocusAreaEntity, CampaignPhaseEntity, CampaignReportDateEntity, CampaignReportingUnitEntity]) {
      await manager.delete(entity, { campaignId });
    }
    await manager.insert(
      CampaignPhaseEntity,
      plan.phases.map((phase) => ({ campaignId, kind: phase.kind, deadline: phase.deadline, description: phase.description ?? null })),
    );
    await manager.insert(
      CampaignFocusAreaEntity,
      plan.focusAreas.map((input, index) => ({
        campaignId,
        seq: index + 1,
        name: input.name,
        description: input.description ?? null,
        category: input.category ?? null,
      })),
    );
    const areaUnits = plan.focusAreas.flatMap((area, index) => [
      ...area.leadUnitIds.map((orgUnitId, position) => ({ campaignId, focusAreaSeq: index + 1, role: FocusAreaRole.LEAD, orgUnitId, position })),
      ...area.responsibleUnitIds.map((orgUnitId, position) => ({ campaignId, focusAreaSeq: index + 1, role: FocusAreaRole.RESPONSIBLE, orgUnitId, position })),
    ]);
    if (areaUnits.length) await manager.insert(CampaignFocusAreaUnitEntity, areaUnits);
    await manager.insert(
      CampaignReportDateEntity,
      [...plan.reportDates].sort().map((reportDate) => ({ campaignId, reportDate })),
    );
    const reporting = await this.expectedReporters(manager, campaign.orgPath, plan.focusAreas);
    if (reporting.length) {
      await manager.insert(
        CampaignReportingUnitEntity,
        reporting.map((orgUnitId, position) => ({ campaignId, orgUnitId, position })),
      );
    }
  }

  /**
   * The units expected to report on each report date: every lead and responsible unit named in the focus
   * areas, in the order first named; when none is named, the scope unit's direct children (from the
   * local org projection, in pinyin order of their names).
   */
  private async expectedReporters(manager: EntityManager, scopePath: string, areas: CampaignFocusAreaInput[]): Promise<string[]> {
    const named = unique(areas.flatMap((area) => [...area.leadUnitIds, ...area.responsibleUnitIds]));
    if (named.length) return named;
    const children: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM org_unit_projection
        WHERE path LIKE ? AND LOCATE('/', path, CHAR_LENGTH(?) + 1) = CHAR_LENGTH(path)`,
      [`${escapeLike(scopePath)}%`, scopePath],
    );
    return children.sort((a, b) => BY_NAME.compare(a.name, b.name) || a.id.localeCompare(b.id)).map((child) => child.id);
  }

  private async currentPlanDates(manager: EntityManager, campaignId: string): Promise<{ phases: CampaignPhaseInput[]; reportDates: string[] }> {
    const phases = await manager.findBy(CampaignPhaseEntity, { campaignId });
    const reportDates = await manager.findBy(CampaignReportDateEntity, { campaignId });
    return {
      phases: inPhaseOrder(phases).map((phase) => ({ kind: phase.kind, deadline: calendarDay(phase.deadline), description: phase.description })),
      reportDates: reportDates.map((row) => calendarDay(row.reportDate)),
    };
  }

  private async currentFocusAreas(manager: EntityManager, campaignId: string): Promise<CampaignFocusAreaInput[]> {
    const areas = await manager.find(CampaignFocusAreaEntity, { where: { campaignId }, order: { seq: 'ASC' } });
    const units = await manager.find(CampaignFocusAreaUnitEntity, { where: { campaignId }, order: { position: 'ASC' } });
    return areas.map((area) => {
      const of = (role: FocusAreaRole) => units.filter((unit) => unit.focusAreaSeq === area.seq && unit.role === role).map((unit) => unit.orgUnitId);
      return {
        name: area.name,
        description: area.description,
        category: area.category,
        leadUnitIds: of(FocusAreaRole.LEAD),
        responsibleUnitIds: of(FocusAreaRole.RESPONSIBLE),
      };
    });
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

interface UnitReportRow {
  orgUnitId: string;
  unitName: string | null;
  path: string | null;
  report: CampaignReportEntity | null;
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

function frozenLine(row: CampaignSnapshotRowEntity): StatisticsLine {
  return {
    orgUnitId: row.orgUnitId,
    orgPath: row.orgPath,
    unitName: row.unitName,
    category: row.category,
    found: row.found,
    general: row.general,
    major: row.major,
    rectified: row.rectified,
    rectifying: row.rectifying,
    overdue: row.overdue,
  };
}
