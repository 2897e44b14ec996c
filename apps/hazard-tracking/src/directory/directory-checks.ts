import { Caller } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { GRID_ACCESS, PLACE_ACCESS } from './directory.access';
import { GridProjectionRow, PlaceProjectionRow } from './directory.entity';

/** The named place, if it is active and within the caller's scope; refused as not found otherwise. */
export async function placeInScope(manager: EntityManager, caller: Caller, placeId: string): Promise<PlaceProjectionRow> {
  const place = await manager.findOneBy(PlaceProjectionRow, { id: placeId });
  return PLACE_ACCESS.guard(caller, 'view', placeId, place?.active ? place : null);
}

export function gridInScope(manager: EntityManager, caller: Caller, gridId: string): Promise<GridProjectionRow> {
  return GRID_ACCESS.find(manager, caller, 'view', gridId);
}
