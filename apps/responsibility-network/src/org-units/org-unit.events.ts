import { OrgUnitCreated, recordEvent } from '@campus/events';
import { EntityManager } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

/**
 * Org unit events are keyed by the root of their tree, not by the unit: a child created under a unit
 * that then moves must reach consumers in that order, and only one key orders them across units.
 */
export function orgTreeKey(path: string): string {
  return path.split('/')[1];
}

export function recordOrgUnitCreated(manager: EntityManager, unit: OrgUnitEntity): Promise<string> {
  return recordEvent(manager, OrgUnitCreated, orgTreeKey(unit.path), {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    path: unit.path,
  });
}
