import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { PLACE_REFUSAL } from '../places/place.access';
import { GridEntity } from './grid.entity';

/** Grids are kept by those who keep the unit's places: its leadership and its safety officer. */
const GRID_KEEPERS = UNIT_SAFETY_MANAGER_ROLES;

export const GRID_POLICY = definePolicy({
  aggregate: 'Grid',
  label: '网格',
  actions: {
    view: viewRule(),
    create: {
      roles: GRID_KEEPERS,
      label: '新建',
      refusal: PLACE_REFUSAL,
      condition: '上级网格须属于本单位或上级单位；网格最多三级',
    },
    rename: { roles: GRID_KEEPERS, label: '更名', refusal: PLACE_REFUSAL },
    setPlaces: {
      roles: GRID_KEEPERS,
      label: '设定覆盖场所',
      refusal: PLACE_REFUSAL,
      condition: '场所须在用、属于网格所属单位或其下级单位，且不属于其他网格',
    },
  },
});

export const GRID_ACCESS = scopedAccess(GRID_POLICY, GridEntity);
