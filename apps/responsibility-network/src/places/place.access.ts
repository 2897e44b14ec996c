import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { PlaceEntity } from './place.entity';

/** Who keeps a unit's places (and its grids): its leadership and its safety officer. */
const PLACE_KEEPERS = UNIT_SAFETY_MANAGER_ROLES;
export const PLACE_REFUSAL = '只有本单位负责人、安全员或安全管理部门可以维护场所和网格';
const CLOSED = '该场所已停用';

export type PlaceState = 'ACTIVE' | 'INACTIVE';

export function placeState(place: { active: boolean }): PlaceState {
  return place.active ? 'ACTIVE' : 'INACTIVE';
}

export type PlaceAction = 'EDIT' | 'DEACTIVATE';

/** A place in use is edited or closed; a closed place is kept for the record (hazards point at it) and no longer changes. */
export const PLACE_TRANSITIONS: TransitionTable<PlaceState, PlaceAction> = {
  EDIT: { from: ['ACTIVE'], to: null, roles: PLACE_KEEPERS, label: '修改', wrongState: CLOSED, wrongStateReason: 'INACTIVE', refusal: PLACE_REFUSAL },
  DEACTIVATE: {
    from: ['ACTIVE'],
    to: 'INACTIVE',
    roles: PLACE_KEEPERS,
    label: '停用',
    wrongState: CLOSED,
    wrongStateReason: 'INACTIVE',
    refusal: PLACE_REFUSAL,
    condition: '其下在用的场所须先停用；停用时移出所在网格',
  },
};

export const PLACE_POLICY = policyFromTransitions('Place', '场所', PLACE_TRANSITIONS, {
  view: viewRule(),
  create: { roles: PLACE_KEEPERS, label: '登记', refusal: PLACE_REFUSAL, condition: '上级场所须在用，且属于本单位或其下级单位' },
});

export const PLACE_ACCESS = scopedAccess(PLACE_POLICY, PlaceEntity);
