import { ASCII_ID } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** responsibility-network's places as this service knows them from place.changed events. */
@Entity('place_projection')
export class PlaceProjectionRow {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ type: 'boolean' })
  active: boolean;
}

/** Grids as known from grid.assignment-changed events (each carries the grid's name and unit). */
@Entity('grid_projection')
export class GridProjectionRow {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;
}

/** People as known from person.* events: enough to check a named person exists, is active and in scope. */
@Entity('person_projection')
export class PersonProjectionRow {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ type: 'boolean' })
  active: boolean;
}
