import { escapeLike, KeysetOrder, keysetPage, newId } from '@campus/database';
import { BadUserInputError, Caller, calendarDateOf, ConflictError, ConnectionShape, decodeCursor, FieldProblem, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { NO_OUTBOX_SIGNAL, OutboxSignal, transactionWithEvents } from '@campus/events';
import { auditedDelete, auditedUpdate, clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import { DataSource, EntityManager } from 'typeorm';
import { CampaignStatus, FocusAreaRole } from './campaign-enums';
import { recordCampaignPublished } from './campaign-events';
import { campaignDateProblems, inPhaseOrder } from './campaign-rules';
import { CAMPAIGN_ACCESS, CAMPAIGN_TRANSITIONS } from './campaign.access';
import { CampaignEntity, CampaignFocusAreaEntity, CampaignFocusAreaUnitEntity, CampaignPhaseEntity, CampaignReportDateEntity, CampaignReportingUnitEntity } from './campaign.entity';
import { CampaignFilter, CampaignFocusAreaInput, CampaignPhaseInput, CloseCampaignInput, CreateCampaignInput, PublishCampaignInput, UpdateCampaignInput } from './campaign.inputs';
import { calendarDay, Campaign, toCampaign } from './campaign.types';

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

/** 制定方案、印发、结束: the campaign and its plan (phases, focus areas, report dates, reporting units). */
export class CampaignPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly now: () => Date,
    private readonly outbox: OutboxSignal = NO_OUTBOX_SIGNAL,
  ) {}

  async get(caller: Caller, id: string): Promise<Campaign> {
    return toCampaign(await CAMPAIGN_ACCESS.find(this.dataSource.manager, caller, id));
  }

  async list(caller: Caller, filter: CampaignFilter, first: number, after?: string | null): Promise<ConnectionShape<Campaign>> {
    const cursor = decodeCursor(after, 2);
    const visible = CAMPAIGN_ACCESS.where(caller, 'c');
    const query = this.dataSource.getRepository(CampaignEntity).createQueryBuilder('c').where(visible.sql, visible.params);
    if (filter.statuses?.length) query.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    const page = await keysetPage(query, 'c', STARTS_LATEST_FIRST, first, cursor);
    return toConnection(page.rows, first, page.totalCount, startsFirstKey, toCampaign);
  }

  /** 制定方案: a draft with its phases, focus areas, report dates and the units expected to report. */
  async create(caller: Caller, input: CreateCampaignInput): Promise<Campaign> {
    const problems = campaignDateProblems(input);
    if (problems.length) throw new BadUserInputError(problems);
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    CAMPAIGN_ACCESS.checkRole(caller, 'create', path);
    await this.checkFocusAreaUnits(caller, path, input.focusAreas);
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createCampaign', input), async (manager) => {
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
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /**
   * Title, document number and description may change until the campaign is closed; dates, phases, focus
   * areas and report dates only while it is a draft (each list is replaced as a whole).
   */
  async update(caller: Caller, input: UpdateCampaignInput): Promise<Campaign> {
    const structural = ['startsOn', 'endsOn', 'phases', 'focusAreas', 'reportDates'] as const;
    const changesPlan = structural.some((key) => input[key] !== undefined && input[key] !== null);
    const action = changesPlan ? 'EDIT_PLAN' : 'EDIT';
    return this.dataSource.transaction(async (manager) => {
      const { row: campaign } = await lockTransition(CAMPAIGN_ACCESS, manager, caller, CAMPAIGN_TRANSITIONS, action, input);
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
      await auditedUpdate(manager, CampaignEntity, { id: campaign.id }, changes);
      return toCampaign(await manager.findOneByOrFail(CampaignEntity, { id: campaign.id }));
    });
  }

  /** 印发: DRAFT → ACTIVE; from now on units report and the report dates are frozen as they pass. */
  async publish(caller: Caller, input: PublishCampaignInput): Promise<Campaign> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const { row: campaign, next: status } = await lockTransition(CAMPAIGN_ACCESS, manager, caller, CAMPAIGN_TRANSITIONS, 'PUBLISH', input);
      campaign.status = status;
      campaign.publishedAt = this.now();
      await manager.save(campaign);
      await recordCampaignPublished(manager, campaign);
      return toCampaign(campaign);
    });
  }

  /** ACTIVE → CLOSED, from the end date on; a closed campaign takes no more hazards or reports. */
  async close(caller: Caller, input: CloseCampaignInput): Promise<Campaign> {
    return this.dataSource.transaction(async (manager) => {
      const { row: campaign, next: status } = await lockTransition(CAMPAIGN_ACCESS, manager, caller, CAMPAIGN_TRANSITIONS, 'CLOSE', input);
      const endsOn = calendarDay(campaign.endsOn);
      if (calendarDateOf(this.now()) < endsOn) throw new ConflictError('NOT_YET_DUE', `专项整治至 ${endsOn} 结束，届时方可结束`, { id: campaign.id, endsOn });
      campaign.status = status;
      campaign.closedAt = this.now();
      await manager.save(campaign);
      return toCampaign(campaign);
    });
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
      await auditedDelete(manager, entity, { campaignId });
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
}
