import { escapeLike, outermostPaths, subtreeTotals } from '@campus/database';
import { DataSource, In } from 'typeorm';
import { UNACCEPTED_STATUSES } from '../fire-acceptance/fire-acceptance-status';
import { LetterCoverageStatus } from '../letters/letter-enums';
import { ResponsibilityLetterEntity } from '../letters/letter.entity';
import { unitCoverage } from '../letters/letter-rules';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { PlaceKind } from '../places/place-kind';

/** A unit the overview is of: what its loaders need. */
export interface OverviewUnit {
  id: string;
  path: string;
  parentId: string | null;
}

export function within(column: string, paths: readonly string[]): { sql: string; params: string[] } {
  const prefixes = outermostPaths(paths);
  return { sql: `(${prefixes.map(() => `${column} LIKE ?`).join(' OR ')})`, params: prefixes.map((path) => `${escapeLike(path)}%`) };
}

/**
 * One statement: places in use, key places, those of them outside any grid, and buildings in use without a
 * completed fire acceptance (no record, not accepted or in progress: as buildingsWithoutFireAcceptance counts), per subtree.
 */
export async function placeCounts(dataSource: DataSource, paths: string[]) {
  const scope = within('p.org_path', paths);
  const rows = await dataSource.query(
    `SELECT p.org_path, COUNT(*) AS places, SUM(p.key_place) AS key_places, SUM(p.grid_id IS NULL) AS uncovered,
            SUM(p.key_place AND p.grid_id IS NULL) AS uncovered_key,
            SUM(p.kind = ? AND (f.id IS NULL OR f.status IN (${UNACCEPTED_STATUSES.map(() => '?').join(', ')}))) AS unaccepted
       FROM place p LEFT JOIN fire_acceptance f ON f.place_id = p.id
      WHERE p.active = 1 AND ${scope.sql} GROUP BY p.org_path`,
    [PlaceKind.BUILDING, ...UNACCEPTED_STATUSES, ...scope.params],
  );
  return subtreeTotals(rows, paths, ['places', 'key_places', 'uncovered', 'uncovered_key', 'unaccepted'] as const);
}

export interface LetterFigures {
  status: LetterCoverageStatus | null;
  childUnits: number;
  childSigned: number;
}

/**
 * Two statements: the units' direct children (offices are not issued letters), then every letter of the
 * year to or from the units; per unit its own letter's standing (from its parent) and its children's.
 */
export async function letterFigures(dataSource: DataSource, units: OverviewUnit[], year: number): Promise<Map<string, LetterFigures>> {
  const ids = units.map((unit) => unit.id);
  const children: { id: string; parent_id: string }[] = await dataSource.query(
    `SELECT id, parent_id FROM org_unit WHERE parent_id IN (${ids.map(() => '?').join(', ')}) AND kind <> ?`,
    [...ids, OrgUnitKind.OFFICE],
  );
  const letters = await dataSource.getRepository(ResponsibilityLetterEntity).find({
    where: [
      { year, orgUnitId: In(ids) },
      { year, issuerUnitId: In(ids) },
    ],
  });
  return new Map(
    units.map((unit) => {
      const own = letters.filter((letter) => letter.orgUnitId === unit.id && letter.issuerUnitId === unit.parentId);
      const childIds = children.filter((child) => child.parent_id === unit.id).map((child) => child.id);
      const childSigned = childIds.filter(
        (childId) => unitCoverage(letters.filter((letter) => letter.issuerUnitId === unit.id && letter.orgUnitId === childId)).status === LetterCoverageStatus.SIGNED,
      ).length;
      return [unit.id, { status: unit.parentId ? unitCoverage(own).status : null, childUnits: childIds.length, childSigned }];
    }),
  );
}
