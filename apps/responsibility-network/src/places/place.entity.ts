import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';
import { PlaceFunction, PlaceKind } from './place-kind';

@Entity('place')
export class PlaceEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PlaceKind;

  @Column({ name: 'place_function', type: 'varchar', length: 32, nullable: true })
  placeFunction: PlaceFunction | null;

  @Column({ name: 'key_place', type: 'boolean', default: false })
  keyPlace: boolean;

  @Column({ name: 'parent_id', ...ASCII_ID, nullable: true })
  parentId: string | null;

  /** Written by the grids module (setGridPlaces); a place belongs to at most one grid. */
  @Column({ name: 'grid_id', ...ASCII_ID, nullable: true })
  gridId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
