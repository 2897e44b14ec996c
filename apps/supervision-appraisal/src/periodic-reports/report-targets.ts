import { escapeLike } from '@campus/database';
import { BadUserInputError, Caller, ConflictError, OrgUnitKind } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { EntityManager } from 'typeorm';

const BY_NAME = new Intl.Collator('zh-Hans-CN');

/** Is `path` strictly below `above`? */
export function isBelow(path: string, above: string): boolean {
  return path !== above && path.startsWith(above);
}

/**
 * The units a template asks to report, in order: the chosen units (each seen by the caller and strictly below
 * the issuing unit, else NOT_FOUND / OUTSIDE_RANGE), or every direct child of the issuing unit of the chosen
 * kinds (from the local org projection, in pinyin order of their names). Exactly one of the two is given.
 */
export async function resolveTargets(
  manager: EntityManager,
  directory: OrgUnitDirectory,
  caller: Caller,
  issuingPath: string,
  input: { targetKinds?: OrgUnitKind[] | null; targetUnitIds?: string[] | null },
): Promise<string[]> {
  const byKinds = input.targetKinds?.length ? input.targetKinds : null;
  const byIds = input.targetUnitIds?.length ? [...new Set(input.targetUnitIds)] : null;
  if ((byKinds === null) === (byIds === null)) {
    throw new BadUserInputError([{ field: 'targetUnitIds', message: '报送单位须按单位类型（targetKinds）或选定单位（targetUnitIds）二选一指定' }]);
  }
  if (byIds) {
    for (const unitId of byIds) {
      const path = await visibleUnitPath(directory, caller, unitId);
      if (!isBelow(path, issuingPath)) throw new ConflictError('OUTSIDE_RANGE', '报送单位须为下达单位的下级单位', { orgUnitId: unitId });
    }
    return byIds;
  }
  const children: { id: string; name: string }[] = await manager.query(
    `SELECT id, name FROM org_unit_projection
      WHERE path LIKE ? AND LOCATE('/', path, CHAR_LENGTH(?) + 1) = CHAR_LENGTH(path) AND kind IN (${byKinds!.map(() => '?').join(', ')})`,
    [`${escapeLike(issuingPath)}%`, issuingPath, ...byKinds!],
  );
  if (children.length === 0) throw new BadUserInputError([{ field: 'targetKinds', message: '下达单位没有这些类型的直属下级单位' }]);
  return children.sort((a, b) => BY_NAME.compare(a.name, b.name) || a.id.localeCompare(b.id)).map((child) => child.id);
}
