import { chunks } from '@campus/database';
import { EntityManager } from 'typeorm';
import { derivedFacts, HazardFact } from './hazard-fact-merge';

const COLUMNS = [
  'id', 'code', 'title', 'org_unit_id', 'org_path', 'grade', 'category', 'source', 'source_ref_type', 'source_ref_id', 'status', 'version',
  'discovered_at', 'registered_at', 'reported_at', 'deadline', 'rectified_at', 'overdue_at', 'voided', 'rectified_on', 'due_on', 'reported_late',
] as const;

type Row = Record<(typeof COLUMNS)[number], unknown>;

const dateOrNull = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));

function fromRow(row: Row): HazardFact {
  return {
    id: row.id as string,
    code: row.code as string | null,
    title: row.title as string | null,
    orgUnitId: row.org_unit_id as string,
    orgPath: row.org_path as string,
    grade: row.grade as HazardFact['grade'],
    category: row.category as string | null,
    source: row.source as string | null,
    sourceRefType: row.source_ref_type as string | null,
    sourceRefId: row.source_ref_id as string | null,
    status: row.status as HazardFact['status'],
    version: Number(row.version),
    discoveredAt: dateOrNull(row.discovered_at),
    registeredAt: dateOrNull(row.registered_at),
    reportedAt: dateOrNull(row.reported_at),
    deadline: (row.deadline as string | null) ?? null,
    rectifiedAt: dateOrNull(row.rectified_at),
    overdueAt: dateOrNull(row.overdue_at),
    voided: Boolean(Number(row.voided)),
  };
}

function toRow(fact: HazardFact): unknown[] {
  const derived = derivedFacts(fact);
  return [
    fact.id, fact.code, fact.title, fact.orgUnitId, fact.orgPath, fact.grade, fact.category, fact.source, fact.sourceRefType, fact.sourceRefId,
    fact.status, fact.version, fact.discoveredAt, fact.registeredAt, fact.reportedAt, fact.deadline, fact.rectifiedAt, fact.overdueAt, fact.voided,
    derived.rectifiedOn, derived.dueOn, derived.reportedLate,
  ];
}

/** The hazards' facts, locked until the events' transaction ends (events of one hazard apply one at a time). */
async function load(manager: EntityManager, ids: string[]): Promise<Map<string, HazardFact>> {
  const facts = new Map<string, HazardFact>();
  for (const part of chunks(ids, 500)) {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS.join(', ')} FROM hazard_fact WHERE id IN (${part.map(() => '?').join(', ')}) FOR UPDATE`, part);
    for (const row of rows) facts.set(row.id as string, fromRow(row));
  }
  return facts;
}

const UPDATES = COLUMNS.filter((column) => column !== 'id').map((column) => `${column} = VALUES(${column})`);
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => '?').join(', ')})`;

async function save(manager: EntityManager, facts: HazardFact[]): Promise<void> {
  for (const part of chunks(facts, 200)) {
    await manager.query(
      `INSERT INTO hazard_fact (${COLUMNS.join(', ')}) VALUES ${part.map(() => ROW_PLACEHOLDERS).join(', ')} ON DUPLICATE KEY UPDATE ${UPDATES.join(', ')}`,
      part.flatMap(toRow),
    );
  }
}

/**
 * Applies a run of events to their hazards' facts: the rows read (locked) at once, each event merged in
 * turn into its hazard's fact (a later event of the same hazard sees the earlier one's merge), written back
 * in one upsert.
 */
export async function applyToHazards<E>(manager: EntityManager, events: E[], hazardOf: (event: E) => string, merge: (row: HazardFact | null, event: E) => HazardFact): Promise<void> {
  const facts = await load(manager, [...new Set(events.map(hazardOf))]);
  const touched = new Set<HazardFact>();
  for (const event of events) {
    const merged = merge(facts.get(hazardOf(event)) ?? null, event);
    facts.set(hazardOf(event), merged);
    touched.add(merged);
  }
  await save(manager, [...touched]);
}
