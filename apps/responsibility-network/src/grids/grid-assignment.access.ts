import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { PLACE_REFUSAL } from '../places/place.access';
import { GridEntity } from './grid.entity';

/** Who names a grid's leader and safety officers: those who keep the grid. */
const GRID_KEEPERS = UNIT_SAFETY_MANAGER_ROLES;

export const GRID_ASSIGNMENT_POLICY = definePolicy({
  aggregate: 'GridAssignment',
  label: '网格任职',
  actions: {
    view: viewRule(),
    assign: {
      roles: GRID_KEEPERS,
      label: '指派',
      refusal: PLACE_REFUSAL,
      condition: '任职人员须为网格所属单位或其下级单位的在职人员；新责任人上任时前任于前一天卸任',
    },
    end: { roles: GRID_KEEPERS, label: '结束', refusal: PLACE_REFUSAL, condition: '只能结束未结束的任职，且不早于其起始日期' },
  },
});

/** A term has no scope of its own: it is guarded through its grid (the rows checked are grids). */
export const GRID_ASSIGNMENT_ACCESS = scopedAccess(GRID_ASSIGNMENT_POLICY, GridEntity);
