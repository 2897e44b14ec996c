import { OrgUnitProjectionRow } from '@campus/org-directory';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { GridProjectionRow, PersonProjectionRow, PlaceProjectionRow } from './directory.entity';

/** Places and grids as projected here: a hazard, risk point or task may name one the viewer sees. */
export const PLACE_POLICY = definePolicy({ aggregate: 'Place', label: '场所', actions: { view: viewRule('引用') } });
export const GRID_POLICY = definePolicy({ aggregate: 'Grid', label: '网格', actions: { view: viewRule('引用') } });

export const PLACE_ACCESS = scopedAccess(PLACE_POLICY, PlaceProjectionRow);
export const GRID_ACCESS = scopedAccess(GRID_POLICY, GridProjectionRow);

/**
 * Units' and people's names as projected here, for Hazard.orgUnit and responsiblePerson, which provide them:
 * the rule responsibility-network applies to the same entities (in the viewer's scope, or no entity at all).
 */
export const ORG_UNIT_NAME_POLICY = definePolicy({ aggregate: 'OrgUnit', label: '单位', actions: { view: viewRule('查看名称') } });
export const PERSON_NAME_POLICY = definePolicy({ aggregate: 'Person', label: '人员', actions: { view: viewRule('查看姓名') } });

export const ORG_UNIT_NAME_ACCESS = scopedAccess(ORG_UNIT_NAME_POLICY, OrgUnitProjectionRow, (unit) => unit.path);
export const PERSON_NAME_ACCESS = scopedAccess(PERSON_NAME_POLICY, PersonProjectionRow);
