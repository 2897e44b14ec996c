import { GridAssignmentChanged, recordEvent } from '@campus/events';
import { EntityManager } from 'typeorm';
import { GridAssignmentEntity } from './grid-assignment.entity';
import { GridEntity } from './grid.entity';

/** Keyed by the grid: a leader handover (one term closed, one opened) reaches consumers in order. */
export function recordGridAssignmentChanged(manager: EntityManager, grid: GridEntity, assignment: GridAssignmentEntity): Promise<string> {
  return recordEvent(manager, GridAssignmentChanged, grid.id, {
    gridId: grid.id,
    gridName: grid.name,
    orgUnitId: grid.orgUnitId,
    orgPath: grid.orgPath,
    personId: assignment.personId,
    role: assignment.role,
    from: assignment.from,
    to: assignment.to,
  });
}
