import { BadUserInputError, Caller, ConflictError, ForbiddenError, NotFoundError } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { refusalOf } from '@campus/server';
import { EntityManager } from 'typeorm';
import { AccountabilityTargetKind } from './accountability-enums';
import { ACCOUNTABILITY_ACCESS, ACCOUNTABILITY_POLICY } from './accountability.access';

export interface AccountabilityTarget {
  kind: AccountabilityTargetKind;
  personId: string | null;
  orgUnitId: string;
  orgPath: string;
}

export interface IssuingUnit {
  orgUnitId: string;
  orgPath: string;
}

const SELF_OR_ABOVE = '不能对本单位或上级单位问责：作出单位须为对象单位的上级单位';

/** The id of the unit a path ends in ("/a/b/" → "b"). */
export function unitIdOf(path: string): string {
  return path.split('/').filter(Boolean).at(-1) as string;
}

/** Is `path` strictly below `above`? */
export function isBelow(path: string, above: string): boolean {
  return path !== above && path.startsWith(above);
}

/**
 * A person's unit and path from the people projection education-facts keeps of responsibility-network's
 * person events (ids and units only); null when the person is not known here (yet).
 */
export async function personUnit(manager: EntityManager, personId: string): Promise<{ orgUnitId: string; orgPath: string } | null> {
  const [row] = await manager.query('SELECT org_unit_id, org_path FROM education_person_fact WHERE id = ?', [personId]);
  return row ? { orgUnitId: String(row.org_unit_id), orgPath: String(row.org_path) } : null;
}

/** The target of a record made by hand: a unit the caller sees, or a person of a unit they lead, with that unit (else NOT_FOUND). */
export async function recordTarget(
  manager: EntityManager,
  directory: OrgUnitDirectory,
  caller: Caller,
  input: { targetKind: AccountabilityTargetKind; orgUnitId?: string; personId?: string },
): Promise<AccountabilityTarget> {
  if (input.targetKind === AccountabilityTargetKind.UNIT) {
    if (!input.orgUnitId) throw new BadUserInputError([{ field: 'orgUnitId', message: '对单位问责须选择对象单位' }]);
    return { kind: input.targetKind, personId: null, orgUnitId: input.orgUnitId, orgPath: await visibleUnitPath(directory, caller, input.orgUnitId) };
  }
  if (!input.personId) throw new BadUserInputError([{ field: 'personId', message: '对个人问责须选择对象人员' }]);
  const unit = await personUnit(manager, input.personId);
  if (!unit) throw new BadUserInputError([{ field: 'personId', message: '人员不存在（新登记的人员需稍后片刻才能选用）' }]);
  // Issuers are unit leadership above the person's unit, so someone who does not lead it may not name the person (NOT_FOUND).
  if (!ACCOUNTABILITY_ACCESS.allows(caller, 'view', unit.orgPath)) throw new NotFoundError('人员', input.personId);
  if (input.orgUnitId && input.orgUnitId !== unit.orgUnitId) {
    throw new BadUserInputError([{ field: 'orgUnitId', message: '对个人问责时单位取其所在单位，不需另选或须与之一致' }]);
  }
  return { kind: input.targetKind, personId: input.personId, ...unit };
}

/**
 * The issuing unit: the one named (seen by the caller, held with an issuer role, strictly above the target),
 * or else the nearest unit above the target where the caller holds an issuer role. A unit never issues a
 * record against itself or a unit above it (OUTSIDE_RANGE); a caller with no issuer role gets FORBIDDEN.
 */
export async function issuingUnit(directory: OrgUnitDirectory, caller: Caller, target: AccountabilityTarget, issuingUnitId?: string): Promise<IssuingUnit> {
  if (issuingUnitId) {
    const orgPath = await visibleUnitPath(directory, caller, issuingUnitId);
    ACCOUNTABILITY_ACCESS.checkRole(caller, 'RECORD', orgPath);
    if (!isBelow(target.orgPath, orgPath)) throw new ConflictError('OUTSIDE_RANGE', SELF_OR_ABOVE, { issuingUnitId, orgUnitId: target.orgUnitId });
    return { orgUnitId: issuingUnitId, orgPath };
  }
  const above = caller.viewer.grants
    .filter((grant) => isBelow(target.orgPath, grant.path) && ACCOUNTABILITY_ACCESS.allows(caller, 'RECORD', grant.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (above) return { orgUnitId: above.unitId, orgPath: above.path };
  if (ACCOUNTABILITY_ACCESS.allows(caller, 'RECORD', target.orgPath)) throw new ConflictError('OUTSIDE_RANGE', SELF_OR_ABOVE, { orgUnitId: target.orgUnitId });
  throw new ForbiddenError(refusalOf(ACCOUNTABILITY_POLICY, 'RECORD'));
}

/**
 * Where a proposal about a unit goes to be confirmed: the nearest school or bureau strictly above it (as the
 * org projection knows their kinds), else its parent; null for the root, which nobody is above.
 */
export async function proposalIssuingUnit(manager: EntityManager, targetPath: string): Promise<IssuingUnit | null> {
  const ids = targetPath.split('/').filter(Boolean).slice(0, -1);
  if (ids.length === 0) return null;
  const rows: { id: string; kind: string | null }[] = await manager.query(
    `SELECT id, kind FROM org_unit_projection WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const kinds = new Map(rows.map((row) => [row.id, row.kind]));
  const depth = [...ids.keys()].reverse().find((index) => ['SCHOOL', 'BUREAU'].includes(kinds.get(ids[index]) ?? '')) ?? ids.length - 1;
  return { orgUnitId: ids[depth], orgPath: `/${ids.slice(0, depth + 1).join('/')}/` };
}
