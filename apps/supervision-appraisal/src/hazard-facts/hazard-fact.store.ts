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

/** The hazard's facts, locked until the event's transaction ends (events of one hazard apply one at a time). */
async function load(manager: EntityManager, id: string): Promise<HazardFact | null> {
  const [row]: Row[] = await manager.query(`SELECT ${COLUMNS.join(', ')} FROM hazard_fact WHERE id = ? FOR UPDATE`, [id]);
  return row ? fromRow(row) : null;
}

async function save(manager: EntityManager, fact: HazardFact): Promise<void> {
  const updates = COLUMNS.filter((column) => column !== 'id').map((column) => `${column} = VALUES(${column})`);
  await manager.query(
    `INSERT INTO hazard_fact (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) ON DUPLICATE KEY UPDATE ${updates.join(', ')}`,
    toRow(fact),
  );
}

/** Applies one event to a hazard's facts: read (locked), merge, write back. */
export async function applyToHazard(manager: EntityManager, id: string, merge: (row: HazardFact | null) => HazardFact): Promise<void> {
  await save(manager, merge(await load(manager, id)));
}
