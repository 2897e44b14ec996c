import { Viewer } from '@campus/auth';
import { NotFoundError } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { GridProjectionRow, PlaceProjectionRow } from './directory.entity';

/** The named place, if it is active and within the viewer's scope; refused as not found otherwise. */
export async function placeInScope(manager: EntityManager, viewer: Viewer, placeId: string): Promise<PlaceProjectionRow> {
  const place = await manager.findOneBy(PlaceProjectionRow, { id: placeId });
  if (!place || !place.active || !viewer.covers(place.orgPath)) throw new NotFoundError('场所', placeId);
  return place;
}

export async function gridInScope(manager: EntityManager, viewer: Viewer, gridId: string): Promise<GridProjectionRow> {
  const grid = await manager.findOneBy(GridProjectionRow, { id: gridId });
  if (!grid || !viewer.covers(grid.orgPath)) throw new NotFoundError('网格', gridId);
  return grid;
}
