import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { GridProjectionRow, PlaceProjectionRow } from './directory.entity';

/** Places and grids as projected here: a hazard, risk point or task may name one the viewer sees. */
export const PLACE_POLICY = definePolicy({ aggregate: 'Place', label: '场所', actions: { view: viewRule('引用') } });
export const GRID_POLICY = definePolicy({ aggregate: 'Grid', label: '网格', actions: { view: viewRule('引用') } });

export const PLACE_ACCESS = scopedAccess(PLACE_POLICY, PlaceProjectionRow);
export const GRID_ACCESS = scopedAccess(GRID_POLICY, GridProjectionRow);
