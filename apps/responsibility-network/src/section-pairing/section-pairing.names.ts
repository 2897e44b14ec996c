import DataLoader from 'dataloader';
import { EntityManager, In, IsNull } from 'typeorm';
import { SectionPairingEntity } from './section-pairing.entity';
import { SectionPairing } from './section-pairing.types';

/**
 * Pairings as GraphQL objects, with the section's, school's and lead person's names (what a school's reports
 * name: 包抓股室、包抓领导), in two statements whatever the number of rows.
 */
export async function describePairings(manager: EntityManager, rows: SectionPairingEntity[]): Promise<SectionPairing[]> {
  if (!rows.length) return [];
  const unitIds = [...new Set(rows.flatMap((row) => [row.orgUnitId, row.schoolId]))];
  const personIds = [...new Set(rows.map((row) => row.leadPersonId).filter((id): id is string => Boolean(id)))];
  const unitNames = await namesOf(manager, 'org_unit', unitIds);
  const personNames = await namesOf(manager, 'person', personIds);
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    sectionId: row.orgUnitId,
    sectionName: unitNames.get(row.orgUnitId) ?? '',
    schoolId: row.schoolId,
    schoolName: unitNames.get(row.schoolId) ?? '',
    leadPersonId: row.leadPersonId,
    leadPersonName: row.leadPersonId ? (personNames.get(row.leadPersonId) ?? null) : null,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    active: row.endedOn === null,
    note: row.note,
  }));
}

async function namesOf(manager: EntityManager, table: 'org_unit' | 'person', ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM ${table} WHERE id IN (?)`, [ids]);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Per-request loader of the active pairings of many units at once, by the school (`school_id`) or by the
 * section (`org_unit_id`): one statement per request for a dashboard's list of units. The caller checks the
 * viewer may see the unit itself.
 */
export function activePairingsLoader(manager: EntityManager, by: 'school' | 'section'): DataLoader<string, SectionPairing[]> {
  return new DataLoader(async (unitIds) => {
    const key = by === 'school' ? 'schoolId' : 'orgUnitId';
    const rows = await manager.find(SectionPairingEntity, { where: { [key]: In([...unitIds]), endedOn: IsNull() }, order: { startedOn: 'ASC', id: 'ASC' } });
    const described = await describePairings(manager, rows);
    return unitIds.map((unitId) => described.filter((pairing) => (by === 'school' ? pairing.schoolId : pairing.sectionId) === unitId));
  });
}
