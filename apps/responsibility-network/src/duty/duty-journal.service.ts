import { Viewer } from '@campus/auth';
import { KeysetOrder, keysetPage, newId, recentFirstKey, recentFirstPage } from '@campus/database';
import { BadUserInputError, ConnectionShape, decodeCursor, ForbiddenError, NotFoundError, toConnection } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { isOnSlot, mayManageDuty, requireDutyShift } from './duty-access';
import { DutyLogCategory } from './duty-enums';
import { DutyHandoverNoteEntity, DutyLogEntryEntity } from './duty-journal.entity';
import { DutyRosterEntity } from './duty-roster.entity';
import { shanghaiDateOf, shiftAt } from './duty-time';
import { AddDutyLogEntryInput, AddHandoverNoteInput } from './duty.inputs';
import { DutyHandoverNote, DutyLogEntry, toDutyHandoverNote, toDutyLogEntry } from './duty.types';

/** Handover notes and the duty log: written by whoever keeps the unit's duty, or by the people on the shift. */
export class DutyJournalService {
  constructor(private readonly dataSource: DataSource) {}

  private get manager() {
    return this.dataSource.manager;
  }

  async addHandoverNote(viewer: Viewer, input: AddHandoverNoteInput): Promise<DutyHandoverNote> {
    const roster = await this.manager.findOneBy(DutyRosterEntity, { id: input.rosterId });
    const onShift = roster ? await isOnSlot(this.manager, viewer.personId, roster.id, input.date, input.shiftName) : false;
    requireJournalWriter(viewer, roster, input.rosterId, onShift);
    requireDutyShift(roster, input.date, input.shiftName);
    const note = this.manager.create(DutyHandoverNoteEntity, {
      id: newId(),
      rosterId: roster.id,
      dutyDate: input.date,
      shiftName: input.shiftName,
      note: input.note,
      writtenByAccountId: viewer.accountId,
      writtenByPersonId: viewer.personId,
    });
    await this.manager.save(note);
    return toDutyHandoverNote(note);
  }

  /** A log entry is filed under the shift running when it happened; its people may write it. */
  async addLogEntry(viewer: Viewer, input: AddDutyLogEntryInput): Promise<DutyLogEntry> {
    const roster = await this.manager.findOneBy(DutyRosterEntity, { id: input.rosterId });
    const running = roster ? shiftAt(roster, input.occurredAt) : null;
    const onShift = roster && running ? await isOnSlot(this.manager, viewer.personId, roster.id, running.date, running.shift.name) : false;
    requireJournalWriter(viewer, roster, input.rosterId, onShift);
    const day = shanghaiDateOf(input.occurredAt);
    if (!running && (day < roster.startDate || day > roster.endDate)) {
      throw new BadUserInputError([{ field: 'occurredAt', message: `发生时间不在值班表的值班期内（${roster.startDate} 至 ${roster.endDate}）` }]);
    }
    const entry = this.manager.create(DutyLogEntryEntity, {
      id: newId(),
      rosterId: roster.id,
      occurredAt: input.occurredAt,
      category: input.category,
      content: input.content,
      dutyDate: running?.date ?? null,
      shiftName: running?.shift.name ?? null,
      recordedByAccountId: viewer.accountId,
      recordedByPersonId: viewer.personId,
    });
    await this.manager.save(entry);
    return toDutyLogEntry(entry);
  }

  /** Handover notes of a roster the viewer can see, newest first. */
  async handoverNotes(rosterId: string, date: string | null, first: number, after?: string | null): Promise<ConnectionShape<DutyHandoverNote>> {
    const query = this.manager.createQueryBuilder(DutyHandoverNoteEntity, 'n').where('n.roster_id = :rosterId', { rosterId });
    if (date) query.andWhere('n.duty_date = :date', { date });
    const page = await recentFirstPage(query, 'n', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toDutyHandoverNote);
  }

  /** Log entries of a roster the viewer can see, the latest occurrence first. */
  async logEntries(
    rosterId: string,
    category: DutyLogCategory | null,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<DutyLogEntry>> {
    const query = this.manager.createQueryBuilder(DutyLogEntryEntity, 'e').where('e.roster_id = :rosterId', { rosterId });
    if (category) query.andWhere('e.category = :category', { category });
    const order: KeysetOrder = { column: 'occurred_at', direction: 'DESC', fromCursor: (value) => new Date(value) };
    const page = await keysetPage(query, 'e', order, first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, (row) => [row.occurredAt.toISOString(), row.id], toDutyLogEntry);
  }
}

/**
 * The people on the shift may write its journal even when the roster's unit lies outside their own
 * scope (officers are often drawn from units below it); anyone else needs to keep the unit's duty.
 */
function requireJournalWriter(
  viewer: Viewer,
  roster: DutyRosterEntity | null,
  rosterId: string,
  onShift: boolean,
): asserts roster is DutyRosterEntity {
  if (!roster || (!onShift && !viewer.covers(roster.orgPath))) throw new NotFoundError('值班表', rosterId);
  if (!onShift && !mayManageDuty(viewer, roster.orgPath)) {
    throw new ForbiddenError('只有该班次的值班人员、本单位负责人、安全员或安全管理部门可以记录');
  }
}
