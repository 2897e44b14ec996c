import { Role } from '@campus/auth';
import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';

/**
 * A unit's first responsible person (第一责任人): the person whose account holds the UNIT_LEADER grant at
 * that unit, counting active accounts of active people only. Should several hold it (a handover whose old
 * grant was not yet taken away), the newest grant wins — it is the one that re-addressed the letters.
 * One statement for any number of units; returns unit id → person id, units without one left out.
 */
export async function firstResponsiblePersonIds(manager: EntityManager, unitIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (unitIds.length === 0) return found;
  const rows: { unitId: string; personId: string }[] = await manager.query(
    `SELECT g.org_unit_id AS unitId, a.person_id AS personId
       FROM role_grant g
       JOIN account a ON a.id = g.account_id AND a.active = TRUE
       JOIN person p ON p.id = a.person_id AND p.active = TRUE
      WHERE g.role = ? AND g.org_unit_id IN (?)
      ORDER BY g.created_at DESC, g.id DESC`,
    [Role.UNIT_LEADER, [...new Set(unitIds)]],
  );
  for (const row of rows) if (!found.has(row.unitId)) found.set(row.unitId, row.personId);
  return found;
}

/** The first responsible person of one unit, or null. */
export async function firstResponsiblePersonId(manager: EntityManager, unitId: string): Promise<string | null> {
  return (await firstResponsiblePersonIds(manager, [unitId])).get(unitId) ?? null;
}

/** Per request: the first responsible persons of all the units a response lists, in one statement. */
export function createFirstResponsiblePersonLoader(manager: EntityManager): DataLoader<string, string | null> {
  return new DataLoader(async (unitIds) => {
    const found = await firstResponsiblePersonIds(manager, unitIds);
    return unitIds.map((unitId) => found.get(unitId) ?? null);
  });
}
