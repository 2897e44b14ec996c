import { escapeLike } from '@campus/database';
import { calendarDateOf, orgUnitReference } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { HealthCheckSession, HealthCheckTimeliness } from './health-check-enums';
import { sessionsFrom, settingsAround } from './health-check-schedule';
import { isDue, schoolDaysBetween, SESSION_ORDER } from './health-check-timing';
import { HealthCheckCompletion, HealthCheckCompletionRow, HealthCheckMissingSlot } from './health-check.types';

const MISSING_LIST_LIMIT = 500;

interface UnitRow {
  id: string;
  path: string;
  name: string;
  kind: string | null;
}

/** A late or back-filled entry, for the workbook's detail sheet. */
export interface IrregularEntry {
  orgUnitId: string;
  checkDate: string;
  session: HealthCheckSession;
  timeliness: HealthCheckTimeliness;
  enteredAt: Date;
  recordedByName: string | null;
}

interface EnteredRow extends IrregularEntry {
  orgPath: string;
}

export interface CompletionReport extends HealthCheckCompletion {
  irregular: IrregularEntry[];
  unitNames: Map<string, string>;
}

interface Tally {
  classes: number;
  expected: number;
  onTime: number;
  late: number;
  backfilled: number;
  missing: number;
}

const emptyTally = (): Tally => ({ classes: 0, expected: 0, onTime: 0, late: 0, backfilled: 0, missing: 0 });

function add(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

function toRow(unit: UnitRow, tally: Tally): HealthCheckCompletionRow {
  const entered = tally.onTime + tally.late + tally.backfilled;
  return {
    orgUnit: orgUnitReference(unit.id),
    unitName: unit.name,
    unitKind: unit.kind,
    ...tally,
    onTimeRate: tally.expected ? tally.onTime / tally.expected : null,
    completionRate: tally.expected ? entered / tally.expected : null,
  };
}

/** The unit ids on a path, from the root down: "/a/b/c/" → [a, b, c]. */
function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** One class's slots over the days: entered ones by timeliness, the due ones without an entry as missing. */
function tallyClass(
  unit: UnitRow,
  days: string[],
  sessions: readonly HealthCheckSession[],
  entered: Map<string, EnteredRow>,
  now: Date,
  missing: HealthCheckMissingSlot[],
): Tally {
  const tally = { ...emptyTally(), classes: 1 };
  for (const day of days) {
    for (const session of SESSION_ORDER) {
      const entry = entered.get(`${unit.id}|${day}|${session}`);
      if (entry) {
        tally.expected += 1;
        if (entry.timeliness === HealthCheckTimeliness.ON_TIME) tally.onTime += 1;
        else if (entry.timeliness === HealthCheckTimeliness.LATE) tally.late += 1;
        else tally.backfilled += 1;
      } else if (sessions.includes(session) && isDue(day, session, now)) {
        tally.expected += 1;
        tally.missing += 1;
        missing.push({ orgUnit: orgUnitReference(unit.id), unitName: unit.name, checkDate: day, session });
      }
    }
  }
  return tally;
}

/**
 * 晨午晚检完成情况 of the classes under the unit at `path` from `from` to `to` (not after today): a fixed
 * number of statements (units, schedules, entries), whatever the number of classes and days.
 */
export async function healthCheckCompletion(manager: EntityManager, path: string, from: string, to: string, now: Date): Promise<CompletionReport> {
  const today = calendarDateOf(now);
  const until = to < today ? to : today;
  const below = `${escapeLike(path)}%`;
  const units: UnitRow[] = await manager.query('SELECT id, path, name, kind FROM org_unit_projection WHERE path LIKE ? ORDER BY path', [below]);
  const settings = await settingsAround(manager, path);
  const rows: Record<string, unknown>[] = from <= until
    ? await manager.query(
        `SELECT org_unit_id, org_path, check_date, session, timeliness, entered_at, recorded_by_name FROM health_check
         WHERE org_path LIKE ? AND check_date BETWEEN ? AND ?`,
        [below, from, until],
      )
    : [];
  const entered = new Map<string, EnteredRow>();
  for (const row of rows) {
    const checkDate = typeof row.check_date === 'string' ? row.check_date.slice(0, 10) : calendarDateOf(row.check_date as Date, 'UTC');
    entered.set(`${row.org_unit_id}|${checkDate}|${row.session}`, {
      orgUnitId: row.org_unit_id as string,
      orgPath: row.org_path as string,
      checkDate,
      session: row.session as HealthCheckSession,
      timeliness: row.timeliness as HealthCheckTimeliness,
      enteredAt: new Date(row.entered_at as Date),
      recordedByName: (row.recorded_by_name as string | null) ?? null,
    });
  }
  const days = from <= until ? schoolDaysBetween(from, until) : [];
  const tallies = new Map<string, Tally>();
  const missing: HealthCheckMissingSlot[] = [];
  for (const unit of units.filter((candidate) => candidate.kind === 'CLASS')) {
    const tally = tallyClass(unit, days, sessionsFrom(settings, unit.path).sessions, entered, now, missing);
    for (const id of idsOnPath(unit.path)) {
      if (!tallies.has(id)) tallies.set(id, emptyTally());
      add(tallies.get(id) as Tally, tally);
    }
  }
  const root = units.find((unit) => unit.path === path);
  const listed = units.filter((unit) => unit === root || tallies.has(unit.id));
  missing.sort((a, b) => a.checkDate.localeCompare(b.checkDate) || a.unitName.localeCompare(b.unitName) || SESSION_ORDER.indexOf(a.session) - SESSION_ORDER.indexOf(b.session));
  const irregular = [...entered.values()]
    .filter((entry) => entry.timeliness !== HealthCheckTimeliness.ON_TIME && days.includes(entry.checkDate))
    .sort((a, b) => a.checkDate.localeCompare(b.checkDate) || a.enteredAt.getTime() - b.enteredAt.getTime());
  return {
    from,
    to,
    rows: listed.map((unit) => toRow(unit, tallies.get(unit.id) ?? emptyTally())),
    missingSlots: missing.slice(0, MISSING_LIST_LIMIT),
    irregular,
    unitNames: new Map(units.map((unit) => [unit.id, unit.name])),
  };
}
