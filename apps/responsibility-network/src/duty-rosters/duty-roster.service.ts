import { auditedDelete, auditedUpdate, clientRequest, oncePerRequest } from '@campus/server';
import { KeysetOrder, keysetPage, newId, subtreeCondition } from '@campus/database';
import { DutyGapFound, OutboxSignal, recordEvent, transactionWithEvents } from '@campus/events';
import { BadUserInputError, Caller, ConflictError, ConnectionShape, decodeCursor, FieldProblem, toConnection } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitService } from '../org-units/org-unit.service';
import { PERSON_ACCESS } from '../people/person.access';
import { PersonEntity } from '../people/person.entity';
import { DUTY_ROSTER_ACCESS } from './duty-roster.access';
import { requireDutyShift } from './duty-slots';
import { DutyGapShape, findDutyGaps, withDesignatedLeaders } from './duty-gaps';
import { designatedLeaderIds } from './duty-leader.service';
import { DutyGapReportEntity } from './duty-gap-report.entity';
import { DutyRosterEntity } from './duty-roster.entity';
import { DutySlotEntity, DutySlotOfficerEntity } from './duty-slot.entity';
import { addDays, dateRangeProblems, shanghaiDateOf, shiftAt, shiftProblems, ShiftTimes } from './duty-time';
import { CreateDutyRosterInput, DutyRosterFilter, SetDutySlotInput, UpdateDutyRosterInput } from './duty.inputs';
import { DutyContact, DutyRoster, DutySlot, OnDuty, toDutyRoster, toDutyShift } from './duty.types';

export interface SlotChange {
  roster: DutyRoster;
  slot: DutySlot | null;
}

export interface GapCheck {
  gaps: DutyGapShape[];
  newlyReported: DutyGapShape[];
}

export class DutyRosterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly orgUnits: OrgUnitService,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(DutyRosterEntity);
  }

  /** A roster the caller may see, or null: through the request's loader. */
  async get(caller: Caller, id: string): Promise<DutyRoster | null> {
    const roster = await DUTY_ROSTER_ACCESS.loader(caller.loaders, this.dataSource.manager, caller, 'view').load(id);
    return roster ? toDutyRoster(roster) : null;
  }

  /** Rosters in the caller's scope, the latest start first. */
  async list(caller: Caller, filter: DutyRosterFilter, first: number, after?: string | null): Promise<ConnectionShape<DutyRoster>> {
    const query = this.repository.createQueryBuilder('r');
    const scope = DUTY_ROSTER_ACCESS.where(caller, 'view', 'r.org_path');
    query.where(scope.sql, scope.params);
    if (filter.orgUnitId) {
      const unit = await this.orgUnits.getVisible(caller, filter.orgUnitId);
      if (filter.includeSubtree) {
        const subtree = subtreeCondition('r.org_path', unit.path, 'unitPath');
        query.andWhere(subtree.sql, subtree.params);
      } else {
        query.andWhere('r.org_unit_id = :unitId', { unitId: unit.id });
      }
    }
    if (filter.periodKind) query.andWhere('r.period_kind = :periodKind', { periodKind: filter.periodKind });
    if (filter.coveringDate) query.andWhere('r.start_date <= :day AND r.end_date >= :day', { day: filter.coveringDate });
    const order: KeysetOrder = { column: 'start_date', direction: 'DESC', fromCursor: (value) => value };
    const page = await keysetPage(query, 'r', order, first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, (row) => [row.startDate, row.id], toDutyRoster);
  }

  async create(caller: Caller, input: CreateDutyRosterInput): Promise<DutyRoster> {
    const shifts = input.shifts.map(plainShift);
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createDutyRoster', input), async (manager) => {
      // Locking the unit serialises roster creation per unit, so two overlapping rosters cannot slip in.
      const unit = await ORG_UNIT_ACCESS.lock(manager, caller, 'view', { id: input.orgUnitId });
      DUTY_ROSTER_ACCESS.checkRole(caller, 'create', unit.path);
      const problems = [...dateRangeProblems(input.startDate, input.endDate), ...shiftProblems(shifts, input.periodKind)];
      if (problems.length) throw new BadUserInputError(problems);
      await this.refuseOverlap(manager, unit.id, input.startDate, input.endDate);
      const roster = manager.create(DutyRosterEntity, {
        id: newId(),
        orgUnitId: unit.id,
        orgPath: unit.path,
        name: input.name,
        startDate: input.startDate,
        endDate: input.endDate,
        periodKind: input.periodKind,
        shifts,
        createdByAccountId: caller.viewer.accountId,
      });
      await manager.save(roster);
      return toDutyRoster(roster);
    }));
    return outcome.created ?? toDutyRoster(await this.dataSource.manager.findOneByOrFail(DutyRosterEntity, { id: outcome.id }));
  }

  async update(caller: Caller, input: UpdateDutyRosterInput): Promise<DutyRoster> {
    return this.dataSource.transaction(async (manager) => {
      const roster = await DUTY_ROSTER_ACCESS.lock(manager, caller, 'edit', input);
      const periodKind = input.periodKind ?? roster.periodKind;
      const shifts = input.shifts ? input.shifts.map(plainShift) : roster.shifts;
      const problems = shiftProblems(shifts, periodKind, input.shifts ? 'shifts' : 'periodKind');
      if (problems.length) throw new BadUserInputError(problems);
      if (input.shifts) await this.refuseDroppingStaffedShifts(manager, roster.id, shifts);
      roster.name = input.name ?? roster.name;
      roster.periodKind = periodKind;
      roster.shifts = shifts;
      await manager.save(roster);
      return toDutyRoster(roster);
    });
  }

  /** Replaces who is on one shift of one day; naming nobody clears the slot. */
  async setSlot(caller: Caller, input: SetDutySlotInput): Promise<SlotChange> {
    return this.dataSource.transaction(async (manager) => {
      const roster = await DUTY_ROSTER_ACCESS.lock(manager, caller, 'setSlot', { id: input.rosterId });
      requireDutyShift(roster, input.date, input.shiftName);
      const leaderId = input.leaderPersonId || null;
      const officerIds = input.officerPersonIds;
      await this.requireDutyPeople(manager, caller, roster, leaderId, officerIds);
      if (leaderId) await requireDesignatedLeader(manager, roster, leaderId);

      const where = { rosterId: roster.id, dutyDate: input.date, shiftName: input.shiftName };
      const existing = await manager.findOneBy(DutySlotEntity, where);
      if (!leaderId && officerIds.length === 0) {
        if (existing) await auditedDelete(manager, DutySlotEntity, { id: existing.id });
        return { roster: toDutyRoster(roster), slot: null };
      }
      const slotId = existing?.id ?? newId();
      if (existing) {
        await auditedUpdate(manager, DutySlotEntity, { id: slotId }, { leaderPersonId: leaderId, updatedByAccountId: caller.viewer.accountId });
        await auditedDelete(manager, DutySlotOfficerEntity, { slotId });
      } else {
        await manager.insert(DutySlotEntity, { ...where, id: slotId, leaderPersonId: leaderId, updatedByAccountId: caller.viewer.accountId });
      }
      if (officerIds.length) {
        await manager.insert(DutySlotOfficerEntity, officerIds.map((personId, position) => ({ slotId, personId, position })));
      }
      const saved = await manager.findOneByOrFail(DutySlotEntity, { id: slotId });
      return { roster: toDutyRoster(roster), slot: toDutySlot(saved, officerIds) };
    });
  }

  async gaps(caller: Caller, rosterId: string): Promise<DutyGapShape[]> {
    const roster = await DUTY_ROSTER_ACCESS.find(this.dataSource.manager, caller, 'view', rosterId);
    return findDutyGaps(roster, await staffingOf(this.dataSource.manager, roster));
  }

  /**
   * Announces each gap not announced before with a DutyGapFound event. Announced gaps are remembered
   * per missing position, so a shift that later also loses its leader is announced again for that.
   */
  async checkGaps(caller: Caller, rosterId: string): Promise<GapCheck> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const roster = await DUTY_ROSTER_ACCESS.lock(manager, caller, 'checkGaps', { id: rosterId });
      const gaps = findDutyGaps(roster, await staffingOf(manager, roster));
      const reported = await manager.findBy(DutyGapReportEntity, { rosterId: roster.id });
      const reportedKeys = new Set(reported.map((report) => gapKey(report.dutyDate, report.shiftName, report.missing)));
      const newlyReported = gaps
        .map((gap) => ({ ...gap, missing: gap.missing.filter((position) => !reportedKeys.has(gapKey(gap.date, gap.shiftName, position))) }))
        .filter((gap) => gap.missing.length > 0);
      if (newlyReported.length) {
        await manager.insert(
          DutyGapReportEntity,
          newlyReported.flatMap((gap) =>
            gap.missing.map((missing) => ({ id: newId(), rosterId: roster.id, dutyDate: gap.date, shiftName: gap.shiftName, missing })),
          ),
        );
      }
      for (const gap of newlyReported) {
        await recordEvent(manager, DutyGapFound, roster.id, {
          rosterId: roster.id,
          orgUnitId: roster.orgUnitId,
          orgPath: roster.orgPath,
          date: gap.date,
          shift: gap.shiftName,
          missing: gap.missing,
        });
      }
      return { gaps, newlyReported };
    });
  }

  /** Slots of many rosters between two dates, one statement per request and date range. */
  createSlotsLoader(fromDate: string | null, toDate: string | null): DataLoader<string, DutySlot[]> {
    return new DataLoader(async (rosterIds) => {
      const slots = await slotsOf(this.dataSource.manager, rosterIds, fromDate, toDate);
      return rosterIds.map((rosterId) => slots.filter((slot) => slot.rosterId === rosterId));
    });
  }

  /**
   * Who is on duty for a unit at an instant: the shift running then in the unit's own rosters, else in
   * those of the nearest ancestor that has one. The ancestors' rosters answer even beyond the caller's
   * scope: a college's own people must learn that the school's night shift covers them (公示). A leader
   * whose designation was withdrawn is not shown, as the gap rules do not count them.
   */
  async onDutyAt(caller: Caller, orgUnitId: string, at: Date): Promise<OnDuty | null> {
    const unit = await this.orgUnits.getVisible(caller, orgUnitId);
    const chain = unitsUpward(unit.path);
    const today = shanghaiDateOf(at);
    const rosters = await this.repository
      .createQueryBuilder('r')
      .where('r.org_unit_id IN (:...unitIds)', { unitIds: chain.map((link) => link.id) })
      .andWhere('r.start_date <= :today AND r.end_date >= :yesterday', { today, yesterday: addDays(today, -1) })
      .orderBy('r.start_date', 'DESC')
      .getMany();
    for (const link of chain) {
      for (const roster of rosters.filter((candidate) => candidate.orgUnitId === link.id)) {
        const running = shiftAt(roster, at);
        if (!running) continue;
        const slots = await slotsOf(this.dataSource.manager, [roster.id], running.date, running.date);
        const found = slots.find((candidate) => candidate.shiftName === running.shift.name);
        const leaders = found?.leaderPersonId ? await designatedLeaderIds(this.dataSource.manager, roster.orgUnitId, [found.leaderPersonId]) : new Set<string>();
        const slot = found ? withDesignatedLeaders([found], leaders)[0] : undefined;
        return {
          roster: toDutyRoster(roster),
          date: running.date,
          shift: toDutyShift(running.shift),
          startsAt: running.startsAt,
          endsAt: running.endsAt,
          leaderPersonId: slot?.leaderPersonId ?? null,
          officerPersonIds: slot?.officerPersonIds ?? [],
          contacts: await this.dutyContacts(slot?.leaderPersonId ?? null, slot?.officerPersonIds ?? []),
        };
      }
    }
    return null;
  }

  /** The shift's people as posted (公示): names and full phone numbers, the leader first. */
  private async dutyContacts(leaderId: string | null, officerIds: string[]): Promise<DutyContact[]> {
    const ids = [...(leaderId ? [leaderId] : []), ...officerIds];
    if (!ids.length) return [];
    const people = await this.dataSource.manager.find(PersonEntity, { where: { id: In(ids) }, select: ['id', 'name', 'phone'] });
    return ids.flatMap((id, index) => {
      const person = people.find((candidate) => candidate.id === id);
      return person ? [{ personId: id, name: person.name, phone: person.phone, leader: index === 0 && leaderId !== null }] : [];
    });
  }

  private async refuseOverlap(manager: EntityManager, orgUnitId: string, startDate: string, endDate: string): Promise<void> {
    const overlapping = await manager
      .createQueryBuilder(DutyRosterEntity, 'r')
      .where('r.org_unit_id = :orgUnitId AND r.start_date <= :endDate AND r.end_date >= :startDate', { orgUnitId, startDate, endDate })
      .orderBy('r.start_date')
      .getOne();
    if (overlapping) {
      throw new ConflictError(
        'TERM_OVERLAP', `本单位 ${overlapping.startDate} 至 ${overlapping.endDate} 已有值班表「${overlapping.name}」，同一单位的值班日期不能重叠`,
        { rosterId: overlapping.id },
      );
    }
  }

  private async refuseDroppingStaffedShifts(manager: EntityManager, rosterId: string, shifts: ShiftTimes[]): Promise<void> {
    const rows: { shiftName: string }[] = await manager
      .createQueryBuilder(DutySlotEntity, 's')
      .select('DISTINCT s.shift_name', 'shiftName')
      .where('s.roster_id = :rosterId', { rosterId })
      .getRawMany();
    const dropped = rows.map((row) => row.shiftName).filter((name) => !shifts.some((shift) => shift.name === name));
    if (dropped.length) {
      throw new ConflictError('IN_USE', `以下班次已有排班，不能删除或改名：${dropped.join('、')}；请先清空这些班次的排班`, { shiftNames: dropped });
    }
  }

  /** Everyone named must be active and belong to the roster's unit or a unit below it. */
  private async requireDutyPeople(
    manager: EntityManager,
    caller: Caller,
    roster: DutyRosterEntity,
    leaderId: string | null,
    officerIds: string[],
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    if (new Set(officerIds).size !== officerIds.length) problems.push({ field: 'officerPersonIds', message: '值班人员重复' });
    if (leaderId && officerIds.includes(leaderId)) problems.push({ field: 'officerPersonIds', message: '带班领导不能同时作为值班人员' });
    const ids = [...new Set([...(leaderId ? [leaderId] : []), ...officerIds])];
    const people = ids.length ? await manager.findBy(PersonEntity, { id: In(ids) }) : [];
    const byId = new Map(people.map((person) => [person.id, person]));
    const problemWith = (id: string): string | null => {
      const person = byId.get(id);
      if (!person || !PERSON_ACCESS.allows(caller, 'view', person.orgPath)) return `人员不存在或不在您的管辖范围内：${id}`;
      if (!person.active) return `${person.name}已停用`;
      if (!person.orgPath.startsWith(roster.orgPath)) return `${person.name}不属于值班单位及其下级单位`;
      return null;
    };
    const leaderProblem = leaderId ? problemWith(leaderId) : null;
    if (leaderProblem) problems.push({ field: 'leaderPersonId', message: leaderProblem });
    for (const officerId of new Set(officerIds)) {
      const officerProblem = problemWith(officerId);
      if (officerProblem) problems.push({ field: 'officerPersonIds', message: officerProblem });
    }
    if (problems.length) throw new BadUserInputError(problems);
  }
}

/** CONFLICT (NOT_DESIGNATED) unless the roster's unit has designated the person to lead duty. */
async function requireDesignatedLeader(manager: EntityManager, roster: DutyRosterEntity, leaderId: string): Promise<void> {
  const designated = await designatedLeaderIds(manager, roster.orgUnitId, [leaderId]);
  if (designated.has(leaderId)) return;
  const person = await manager.findOneByOrFail(PersonEntity, { id: leaderId });
  throw new ConflictError('NOT_DESIGNATED', `${person.name}不在本单位指定的带班领导名单内，不能担任带班领导；请先由单位负责人指定`, {
    field: 'leaderPersonId',
    personId: leaderId,
  });
}

/** The roster's slots for the gap rules: leaders the unit no longer designates count as none. */
async function staffingOf(manager: EntityManager, roster: DutyRosterEntity): Promise<DutySlot[]> {
  const slots = await slotsOf(manager, [roster.id]);
  const leaderIds = slots.flatMap((slot) => (slot.leaderPersonId ? [slot.leaderPersonId] : []));
  const designated = await designatedLeaderIds(manager, roster.orgUnitId, leaderIds);
  return withDesignatedLeaders(slots, designated);
}

/** Slots with their officers in the order named, by date. */
async function slotsOf(
  manager: EntityManager,
  rosterIds: readonly string[],
  fromDate: string | null = null,
  toDate: string | null = null,
): Promise<DutySlot[]> {
  const query = manager.createQueryBuilder(DutySlotEntity, 's').where('s.roster_id IN (:...rosterIds)', { rosterIds: [...rosterIds] });
  if (fromDate) query.andWhere('s.duty_date >= :fromDate', { fromDate });
  if (toDate) query.andWhere('s.duty_date <= :toDate', { toDate });
  const slots = await query.orderBy('s.duty_date').addOrderBy('s.created_at').getMany();
  if (!slots.length) return [];
  const officers = await manager
    .createQueryBuilder(DutySlotOfficerEntity, 'o')
    .where('o.slot_id IN (:...slotIds)', { slotIds: slots.map((slot) => slot.id) })
    .orderBy('o.position')
    .getMany();
  const officerIdsBySlot = new Map<string, string[]>();
  for (const officer of officers) officerIdsBySlot.set(officer.slotId, [...(officerIdsBySlot.get(officer.slotId) ?? []), officer.personId]);
  return slots.map((slot) => toDutySlot(slot, officerIdsBySlot.get(slot.id) ?? []));
}

function toDutySlot(entity: DutySlotEntity, officerPersonIds: string[]): DutySlot {
  return {
    id: entity.id,
    rosterId: entity.rosterId,
    date: entity.dutyDate,
    shiftName: entity.shiftName,
    leaderPersonId: entity.leaderPersonId,
    officerPersonIds,
    updatedAt: entity.updatedAt,
  };
}

function plainShift(shift: ShiftTimes): ShiftTimes {
  return { name: shift.name, start: shift.start, end: shift.end };
}

function gapKey(date: string, shiftName: string, missing: string): string {
  return `${date}\u0000${shiftName}\u0000${missing}`;
}

/** The unit and its ancestors, nearest first, read off the materialised path "/root/…/unit/". */
function unitsUpward(path: string): { id: string; path: string }[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((id, index) => ({ id, path: `/${ids.slice(0, index + 1).join('/')}/` })).reverse();
}
