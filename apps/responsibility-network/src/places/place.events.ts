import { PlaceChanged, recordEvent } from '@campus/events';
import { EntityManager } from 'typeorm';
import { PlaceEntity } from './place.entity';

/** Keyed by the place, so consumers see a place's changes in order. */
export function recordPlaceChanged(manager: EntityManager, place: PlaceEntity): Promise<string> {
  return recordEvent(manager, PlaceChanged, place.id, {
    id: place.id,
    name: place.name,
    kind: place.kind,
    function: place.placeFunction,
    keyPlace: place.keyPlace,
    parentId: place.parentId,
    orgUnitId: place.orgUnitId,
    orgPath: place.orgPath,
    active: place.active,
  });
}
