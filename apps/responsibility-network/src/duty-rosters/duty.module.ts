import { FeatureModule } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { Duty1764200000004 } from '../migrations/1764200000004-duty';
import { DutyLeaders1764900000200 } from '../migrations/1764900000200-duty-leaders';
import { DutyGapReportEntity } from './duty-gap-report.entity';
import { DutyHandoverNoteEntity, DutyLogEntryEntity } from './duty-journal.entity';
import { DutyHandoverNoteResolver, DutyJournalResolver, DutyLogEntryResolver } from './duty-journal.resolver';
import { DutyJournalService } from './duty-journal.service';
import { DUTY_LEADER_POLICY } from './duty-leader.access';
import { DutyLeaderEntity } from './duty-leader.entity';
import { DutyLeaderResolver } from './duty-leader.resolver';
import { DutyLeaderService } from './duty-leader.service';
import { DUTY_ROSTER_POLICY } from './duty-roster.access';
import { DutyRosterEntity } from './duty-roster.entity';
import { DutyRosterService } from './duty-roster.service';
import { DutySlotEntity, DutySlotOfficerEntity } from './duty-slot.entity';
import { DutyRosterResolver, DutySlotResolver, OnDutyResolver } from './duty.resolver';

/** 值班: 24-hour duty rosters with shifts, 领导带班 (by designated leaders) and officers, gaps, handover notes and the duty log. */
export const DUTY_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'duty-rosters',
  entities: [DutyRosterEntity, DutySlotEntity, DutySlotOfficerEntity, DutyHandoverNoteEntity, DutyLogEntryEntity, DutyGapReportEntity, DutyLeaderEntity],
  scopedTables: ['duty_roster', 'duty_leader'],
  policies: [DUTY_ROSTER_POLICY, DUTY_LEADER_POLICY],
  migrations: [Duty1764200000004, DutyLeaders1764900000200],
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
      new DutyLeaderResolver(new DutyLeaderService(dataSource, orgUnits), people, orgUnits),
    ];
  },
};
