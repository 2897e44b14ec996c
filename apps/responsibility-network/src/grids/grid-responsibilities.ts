import { EntityManager, IsNull, MoreThanOrEqual } from 'typeorm';
import { GridAssignmentEntity } from './grid-assignment.entity';
import { GridAssignment, toGridAssignment } from './grid.types';

/** A person's open grid duties: their terms with no end, or ending today or later, earliest start first. One statement. */
export async function openGridRolesOf(manager: EntityManager, personId: string, today: string): Promise<GridAssignment[]> {
  const rows = await manager.getRepository(GridAssignmentEntity).find({
    where: [
      { personId, to: IsNull() },
      { personId, to: MoreThanOrEqual(today) },
    ],
    order: { from: 'ASC' },
  });
  return rows.map(toGridAssignment);
}
