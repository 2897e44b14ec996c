import { SqlCondition } from '@campus/database';
import { Caller, NotFoundError } from '@campus/graphql';
import { Asker } from '@campus/server';
import { EntityManager } from 'typeorm';
import { SUPERVISION_ACCESS } from './supervision.access';
import { SupervisionEntity, SupervisionUnitEntity } from './supervision.entity';

/**
 * Who sees an inspection: those whose scope covers the organiser (all of it), and the people of an
 * inspected unit (its outline and, through the findings' own scope, their unit's findings only).
 */
export function visibleSupervisionCondition(asker: Asker, alias: string): SqlCondition {
  const own = SUPERVISION_ACCESS.where(asker, 'view', `${alias}.org_path`, 'ownScope');
  const inspected = SUPERVISION_ACCESS.where(asker, 'view', 'vu.org_path', 'inspectedScope');
  return {
    sql: `(${own.sql} OR EXISTS (SELECT 1 FROM supervision_unit vu WHERE vu.supervision_id = ${alias}.id AND ${inspected.sql}))`,
    params: { ...own.params, ...inspected.params },
  };
}

/** Does the viewer see the whole inspection (its organiser's scope), rather than as an inspected unit? */
export function seesWholeSupervision(caller: Caller, supervision: { orgPath: string }): boolean {
  return SUPERVISION_ACCESS.allows(caller, 'view', supervision.orgPath);
}

/** The inspection, if the viewer sees it as organiser or inspected unit; NOT_FOUND otherwise. */
export async function findVisibleSupervision(manager: EntityManager, caller: Caller, id: string): Promise<SupervisionEntity> {
  const row = await manager.findOneBy(SupervisionEntity, { id });
  if (row && seesWholeSupervision(caller, row)) return row;
  if (row) {
    const units = await manager.findBy(SupervisionUnitEntity, { supervisionId: id });
    if (units.some((unit) => SUPERVISION_ACCESS.allows(caller, 'view', unit.orgPath))) return row;
  }
  throw new NotFoundError(SUPERVISION_ACCESS.policy.label, id);
}
