import { FeatureModule } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { Duty1764200000004 } from '../migrations/1764200000004-duty';
import { DutyGapReportEntity } from './duty-gap-report.entity';
import { DutyHandoverNoteEntity, DutyLogEntryEntity } from './duty-journal.entity';
import { DutyHandoverNoteResolver, DutyJournalResolver, DutyLogEntryResolver } from './duty-journal.resolver';
import { DutyJournalService } from './duty-journal.service';
import { DUTY_ROSTER_POLICY } from './duty-roster.access';
import { DutyRosterEntity } from './duty-roster.entity';
import { DutyRosterService } from './duty-roster.service';
import { DutySlotEntity, DutySlotOfficerEntity } from './duty-slot.entity';
import { DutyRosterResolver, DutySlotResolver, OnDutyResolver } from './duty.resolver';

/** 值班: 24-hour duty rosters with shifts, 领导带班 and officers, gaps, handover notes and the duty log. */
export const DUTY_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'duty-rosters',
  entities: [DutyRosterEntity, DutySlotEntity, DutySlotOfficerEntity, DutyHandoverNoteEntity, DutyLogEntryEntity, DutyGapReportEntity],
  scopedTables: ['duty_roster'],
  policies: [DUTY_ROSTER_POLICY],
  migrations: [Duty1764200000004],
  resolvers: ({ dataSource, outbox, orgUnits, people }) => {
    const rosters = new DutyRosterService(dataSource, outbox, orgUnits);
    const journal = new DutyJournalService(dataSource);
    return [
      new DutyRosterResolver(rosters, orgUnits),
      new DutySlotResolver(people),
      new OnDutyResolver(people),
      new DutyJournalResolver(journal),
      new DutyHandoverNoteResolver(people),
      new DutyLogEntryResolver(people),
    ];
  },
};
