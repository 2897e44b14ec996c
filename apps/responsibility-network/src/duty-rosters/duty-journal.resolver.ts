import { CalendarDate, callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { loadPerson } from '../people/person.resolver';
import { PersonService } from '../people/person.service';
import { Person } from '../people/person.types';
import { DutyLogCategory } from './duty-enums';
import { DutyJournalService } from './duty-journal.service';
import { AddDutyLogEntryInput, AddHandoverNoteInput } from './duty.inputs';
import {
  DutyHandoverNote,
  DutyHandoverNoteConnection,
  DutyHandoverNotePayload,
  DutyLogEntry,
  DutyLogEntryConnection,
  DutyLogEntryPayload,
  DutyRoster,
} from './duty.types';

@Authorized()
@Resolver(() => DutyRoster)
export class DutyJournalResolver {
  constructor(private readonly journal: DutyJournalService) {}

  @FieldResolver(() => DutyHandoverNoteConnection, { description: '交接班记录，最新的在前' })
  handoverNotes(
    @Root() roster: DutyRoster,
    @Arg('date', () => CalendarDate, { nullable: true, description: '只看某个值班日期的' }) date: string | null,
    @Args() { first, after }: ConnectionArgs,
  ): Promise<DutyHandoverNoteConnection> {
    return this.journal.handoverNotes(roster.id, date ?? null, first, after);
  }

  @FieldResolver(() => DutyLogEntryConnection, { description: '值班日志，发生时间最近的在前' })
  logEntries(
    @Root() roster: DutyRoster,
    @Arg('category', () => DutyLogCategory, { nullable: true }) category: DutyLogCategory | null,
    @Args() { first, after }: ConnectionArgs,
  ): Promise<DutyLogEntryConnection> {
    return this.journal.logEntries(roster.id, category ?? null, first, after);
  }

  @Mutation(() => DutyHandoverNotePayload, { description: '填写交接班记录（该班次的值班人员或本单位值班管理者）' })
  async addHandoverNote(@Arg('input') input: AddHandoverNoteInput, @Ctx() context: RequestContext): Promise<DutyHandoverNotePayload> {
    return { handoverNote: await this.journal.addHandoverNote(callerOf(context), input) };
  }

  @Mutation(() => DutyLogEntryPayload, { description: '记录值班日志（当时在班的值班人员或本单位值班管理者）' })
  async addDutyLogEntry(@Arg('input') input: AddDutyLogEntryInput, @Ctx() context: RequestContext): Promise<DutyLogEntryPayload> {
    return { logEntry: await this.journal.addLogEntry(callerOf(context), input) };
  }
}

@Authorized()
@Resolver(() => DutyHandoverNote)
export class DutyHandoverNoteResolver {
  constructor(private readonly people: PersonService) {}

  @FieldResolver(() => Person, { nullable: true, description: '记录人' })
  writtenBy(@Root() note: DutyHandoverNote, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return note.writtenByPersonId ? loadPerson(this.people, context, note.writtenByPersonId) : null;
  }
}

@Authorized()
@Resolver(() => DutyLogEntry)
export class DutyLogEntryResolver {
  constructor(private readonly people: PersonService) {}

  @FieldResolver(() => Person, { nullable: true, description: '记录人' })
  recordedBy(@Root() entry: DutyLogEntry, @Ctx() context: RequestContext): Promise<Person | null> | null {
    return entry.recordedByPersonId ? loadPerson(this.people, context, entry.recordedByPersonId) : null;
  }
}
