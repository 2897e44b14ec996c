import { chunks } from '@campus/database';
import { SCHOOL_UTC_OFFSET_MS } from '@campus/graphql';
import { EntityManager } from 'typeorm';

/**
 * The coverage rollup, kept in the transaction of every change that moves it.
 *
 * Covered people of a unit in [from, to] = people with at least one attendance day in the range. For one
 * person with attendance days d1 < d2 < … < dk, the days inside the range are a run of consecutive ones,
 * so (days in the range) − (pairs (di, di+1) with both in the range) is 1 if the run is not empty, else 0.
 * Summed over people: covered = Σ day rows with from ≤ day ≤ to − Σ pair rows with day ≥ from and next_day ≤ to.
 * Both sums are index ranges of one unit's rows, so any period of any unit costs about the same.
 *
 * Every row is per unit, counting the unit's whole subtree (each person adds to each unit on their path),
 * per kind of person and per topic ('' = any topic). Only active people count.
 */
export const ANY_TOPIC = '';

const placeholders = (items: readonly unknown[]) => items.map(() => '?').join(', ');

/** The school day (UTC+8, no daylight saving) of an instant, YYYY-MM-DD. */
export function schoolDayOf(instant: Date): string {
  return new Date(instant.getTime() + SCHOOL_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The units a path counts in: '/a/b/c/' → a, b, c. */
function unitsOn(path: string): string[] {
  return path.split('/').filter(Boolean);
}

type Counts = Map<string, number>;
const SEP = '|';

function add(counts: Counts, key: string[], by = 1): void {
  const joined = key.join(SEP);
  counts.set(joined, (counts.get(joined) ?? 0) + by);
}

/** What a set of people adds to the rollup now: keys 'P|unit|kind', 'D|unit|topic|kind|day', 'N|unit|topic|kind|day|next'. */
async function contributions(manager: EntityManager, personIds: readonly string[]): Promise<Counts> {
  const counts: Counts = new Map();
  for (const ids of chunks(personIds)) {
    const people: { id: string; kind: string; org_path: string }[] = await manager.query(
      `SELECT id, kind, org_path FROM person_projection WHERE id IN (${placeholders(ids)}) AND active = TRUE`,
      ids,
    );
    if (!people.length) continue;
    const attended: { person_id: string; held_at: Date; topics: string }[] = await manager.query(
      `SELECT e.person_id, e.held_at, a.topics FROM education_attendance e JOIN education_activity a ON a.id = e.activity_id
       WHERE e.person_id IN (${placeholders(people)})`,
      people.map((person) => person.id),
    );
    const daysOf = new Map<string, Map<string, Set<string>>>();
    for (const row of attended) {
      const byTopic = daysOf.get(row.person_id) ?? new Map<string, Set<string>>();
      daysOf.set(row.person_id, byTopic);
      const day = schoolDayOf(row.held_at);
      for (const topic of [ANY_TOPIC, ...row.topics.split(',').filter(Boolean)]) {
        byTopic.set(topic, (byTopic.get(topic) ?? new Set()).add(day));
      }
    }
    for (const person of people) {
      const units = unitsOn(person.org_path);
      for (const unit of units) add(counts, ['P', unit, person.kind]);
      for (const [topic, daySet] of daysOf.get(person.id) ?? []) {
        const days = [...daySet].sort();
        for (const unit of units) {
          days.forEach((day, index) => {
            add(counts, ['D', unit, topic, person.kind, day]);
            if (index + 1 < days.length) add(counts, ['N', unit, topic, person.kind, day, days[index + 1]]);
          });
        }
      }
    }
  }
  return counts;
}

const TABLES = {
  P: { table: 'education_coverage_population', columns: ['unit_id', 'kind'] },
  D: { table: 'education_coverage_day', columns: ['unit_id', 'topic', 'kind', 'day'] },
  N: { table: 'education_coverage_next', columns: ['unit_id', 'topic', 'kind', 'day', 'next_day'] },
} as const;

/** Adds after − before to the rollup, in key order (so concurrent writers lock rows in the same order). */
async function applyDifference(manager: EntityManager, before: Counts, after: Counts): Promise<void> {
  const delta: Counts = new Map(after);
  for (const [key, count] of before) delta.set(key, (delta.get(key) ?? 0) - count);
  const changed = [...delta].filter(([, count]) => count !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [letter, { table, columns }] of Object.entries(TABLES)) {
    const rows = changed.filter(([key]) => key.startsWith(`${letter}${SEP}`)).map(([key, count]) => [...key.split(SEP).slice(1), count]);
    for (const part of chunks(rows)) {
      await manager.query(
        `INSERT INTO ${table} (${columns.join(', ')}, people) VALUES ${part.map(() => `(${placeholders(columns)}, ?)`).join(', ')}
         ON DUPLICATE KEY UPDATE people = people + VALUES(people)`,
        part.flat(),
      );
    }
  }
}

/**
 * Runs a change to some people or their attendance with the rollup kept exact: the people's rows are
 * locked (so two changes to one person never interleave), what they add to the rollup is read before and
 * after the change, and the difference is applied.
 */
export async function recountCoverage<T>(manager: EntityManager, personIds: readonly string[], change: () => Promise<T>): Promise<T> {
  const ids = [...new Set(personIds)].sort();
  for (const part of chunks(ids)) await manager.query(`SELECT id FROM person_projection WHERE id IN (${placeholders(part)}) FOR UPDATE`, part);
  const before = await contributions(manager, ids);
  const result = await change();
  await applyDifference(manager, before, await contributions(manager, ids));
  return result;
}

/**
 * A unit moved in the tree: its own rows are its subtree's totals, so they are taken from the ancestors it
 * left and given to the ancestors it joined (the people's paths are rewritten by the org projection).
 */
export async function moveCoverageSubtree(manager: EntityManager, oldPath: string, newPath: string): Promise<void> {
  const moved = unitsOn(oldPath).at(-1)!;
  const left = unitsOn(oldPath).slice(0, -1);
  const joined = unitsOn(newPath).slice(0, -1);
  const shifts = [...left.filter((unit) => !joined.includes(unit)).map((unit) => [unit, -1] as const), ...joined.filter((unit) => !left.includes(unit)).map((unit) => [unit, 1] as const)];
  for (const { table, columns } of Object.values(TABLES)) {
    const rest = columns.slice(1).join(', ');
    for (const [unit, sign] of shifts) {
      await manager.query(
        `INSERT INTO ${table} (unit_id, ${rest}, people)
         SELECT ?, ${rest}, ? * s.n FROM (SELECT ${rest}, people AS n FROM ${table} WHERE unit_id = ?) s
         ON DUPLICATE KEY UPDATE people = people + VALUES(people)`,
        [unit, sign, moved],
      );
    }
  }
}
