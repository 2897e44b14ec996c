import { escapeLike } from '@campus/database';
import { Caller, NotFoundError } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { OrgUnitDirectory, visibleUnitPath } from './directory';

/**
 * The paths of several units the caller may see, from the local projection in one statement; a unit not
 * projected yet is looked up through the directory; a unit out of scope (by `allows`) is NOT_FOUND.
 */
export async function visibleProjectedPaths(
  dataSource: DataSource,
  directory: OrgUnitDirectory,
  caller: Caller,
  unitIds: readonly string[],
  allows: (path: string) => boolean,
): Promise<(string | Error)[]> {
  const rows: { id: string; path: string }[] = await dataSource.query(
    `SELECT id, path FROM org_unit_projection WHERE id IN (${unitIds.map(() => '?').join(', ')})`,
    [...unitIds],
  );
  const projected = new Map(rows.map((row) => [row.id, row.path]));
  return Promise.all(
    unitIds.map(async (unitId) => {
      const path = projected.get(unitId) ?? (await visibleUnitPath(directory, caller, unitId).catch((error: Error) => error));
      if (path instanceof Error) return path;
      return allows(path) ? path : new NotFoundError('单位', unitId);
    }),
  );
}

/**
 * The direct children of a unit (path = parent path + id + '/') the caller may see, from the projection: the
 * units it ranks. Its own offices (科室, e.g. a bureau's 安全股) are part of it, not units ranked beside schools.
 */
export async function projectedChildren(dataSource: DataSource, parentPath: string, allows: (path: string) => boolean): Promise<{ id: string; path: string }[]> {
  const rows: { id: string; path: string }[] = await dataSource.query(
    `SELECT id, path FROM org_unit_projection
      WHERE path LIKE ? AND path = CONCAT(?, id, '/') AND (kind IS NULL OR kind <> 'OFFICE') ORDER BY id`,
    [`${escapeLike(parentPath)}%`, parentPath],
  );
  return rows.filter((row) => allows(row.path));
}
