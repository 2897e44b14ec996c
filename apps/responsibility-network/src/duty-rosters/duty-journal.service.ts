import { clientRequest, oncePerRequest } from '@campus/server';
import { KeysetOrder, keysetPage, newId, recentFirstKey, recentFirstPage } from '@campus/database';
import { BadUserInputError, Caller, ConnectionShape, decodeCursor, toConnection } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { DutyLogCategory } from './duty-enums';
import { DutyHandoverNoteEntity, DutyLogEntryEntity } from './duty-journal.entity';
import { DUTY_ROSTER_ACCESS } from './duty-roster.access';
import { DutyRosterEntity } from './duty-roster.entity';
import { isOnSlot, requireDutyShift } from './duty-slots';
import { shanghaiDateOf, shiftAt } from './duty-time';
import { AddDutyLogEntryInput, AddHandoverNoteInput } from './duty.inputs';
import { DutyHandoverNote, DutyLogEntry, toDutyHandoverNote, toDutyLogEntry } from './duty.types';

/** Handover notes and the duty log: written by whoever keeps the unit's duty, or by the people on the shift. */
export class DutyJournalService {
  constructor(private readonly dataSource: DataSource) {}

  private get manager() {
    return this.dataSource.manager;
  }

  async addHandoverNote(caller: Caller, input: AddHandoverNoteInput): Promise<DutyHandoverNote> {
    const found = await this.manager.findOneBy(DutyRosterEntity, { id: input.rosterId });
    const onShift = found ? await isOnSlot(this.manager, caller.viewer.personId, found.id, input.date, input.shiftName) : false;
    const roster = journalRoster(caller, input.rosterId, found, onShift);
    requireDutyShift(roster, input.date, input.shiftName);
    const note = this.manager.create(DutyHandoverNoteEntity, {
      id: newId(),
      rosterId: roster.id,
      dutyDate: input.date,
      shiftName: input.shiftName,
      note: input.note,
      writtenByAccountId: caller.viewer.accountId,
      writtenByPersonId: caller.viewer.personId,
    });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'addHandoverNote', input), async (manager) => {
      await manager.save(note);
      return toDutyHandoverNote(note);
    }));
    return outcome.created ?? toDutyHandoverNote(await this.dataSource.manager.findOneByOrFail(DutyHandoverNoteEntity, { id: outcome.id }));
  }

  /** A log entry is filed under the shift running when it happened; its people may write it. */
  async addLogEntry(caller: Caller, input: AddDutyLogEntryInput): Promise<DutyLogEntry> {
    const found = await this.manager.findOneBy(DutyRosterEntity, { id: input.rosterId });
    const running = found ? shiftAt(found, input.occurredAt) : null;
    const onShift = found && running ? await isOnSlot(this.manager, caller.viewer.personId, found.id, running.date, running.shift.name) : false;
    const roster = journalRoster(caller, input.rosterId, found, onShift);
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
      recordedByAccountId: caller.viewer.accountId,
      recordedByPersonId: caller.viewer.personId,
    });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'addDutyLogEntry', input), async (manager) => {
      await manager.save(entry);
      return toDutyLogEntry(entry);
    }));
    return outcome.created ?? toDutyLogEntry(await this.dataSource.manager.findOneByOrFail(DutyLogEntryEntity, { id: outcome.id }));
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
 * The roster whose journal the caller writes. The people on the shift may write it even when the
 * roster's unit lies outside their own scope (officers are often drawn from units below it); anyone
 * else is judged by the roster's policy (NOT_FOUND out of scope, FORBIDDEN without a keeper's role).
 */
function journalRoster(caller: Caller, rosterId: string, roster: DutyRosterEntity | null, onShift: boolean): DutyRosterEntity {
  if (roster && onShift) return roster;
  return DUTY_ROSTER_ACCESS.guard(caller, 'writeJournal', rosterId, roster);
}
