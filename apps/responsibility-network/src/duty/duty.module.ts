import { ResponsibilityModule } from '../module';
import { Duty1764200000004 } from '../migrations/1764200000004-duty';
import { DutyGapReportEntity } from './duty-gap-report.entity';
import { DutyHandoverNoteEntity, DutyLogEntryEntity } from './duty-journal.entity';
import { DutyHandoverNoteResolver, DutyJournalResolver, DutyLogEntryResolver } from './duty-journal.resolver';
import { DutyJournalService } from './duty-journal.service';
import { DutyRosterEntity } from './duty-roster.entity';
import { DutyRosterService } from './duty-roster.service';
import { DutySlotEntity, DutySlotOfficerEntity } from './duty-slot.entity';
import { DutyRosterResolver, DutySlotResolver, OnDutyResolver } from './duty.resolver';

export const DUTY_MODULE: ResponsibilityModule = {
  entities: [DutyRosterEntity, DutySlotEntity, DutySlotOfficerEntity, DutyHandoverNoteEntity, DutyLogEntryEntity, DutyGapReportEntity],
  orgPathColumns: [{ table: 'duty_roster', column: 'org_path' }],
  migrations: [Duty1764200000004],
  resolverClasses: [DutyRosterResolver, DutySlotResolver, OnDutyResolver, DutyJournalResolver, DutyHandoverNoteResolver, DutyLogEntryResolver],
  createResolvers: ({ dataSource, outbox, orgUnits, people }) => {
    const rosters = new DutyRosterService(dataSource, outbox, orgUnits);
    const journal = new DutyJournalService(dataSource);
    return new Map<Function, unknown>([
      [DutyRosterResolver, new DutyRosterResolver(rosters, orgUnits)],
      [DutySlotResolver, new DutySlotResolver(people)],
      [OnDutyResolver, new OnDutyResolver(people)],
      [DutyJournalResolver, new DutyJournalResolver(journal)],
      [DutyHandoverNoteResolver, new DutyHandoverNoteResolver(people)],
      [DutyLogEntryResolver, new DutyLogEntryResolver(people)],
    ]);
  },
};
