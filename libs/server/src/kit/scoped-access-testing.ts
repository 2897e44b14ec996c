import { Role, Viewer } from '@campus/auth';
import { definePolicy, viewRule } from './access-policy';
import { scopedAccess } from './scoped-access';

/** A probe aggregate for the kit's access specs: viewed by anyone in scope, edited by the safety office and unit leaders. */
export class ProbeRow {
  id: string;
  orgPath: string;
  version: number;
}

export const POLICY = definePolicy({
  aggregate: 'Probe',
  label: '探针',
  actions: { view: viewRule(), edit: { roles: [Role.SAFETY_OFFICE, Role.UNIT_LEADER], label: '修改' } },
});
export const ACCESS = scopedAccess(POLICY, ProbeRow);

/** A caller with these grants (role, org path). */
export const asker = (...grants: [Role, string][]) => ({ viewer: new Viewer('a', null, grants.map(([role, path]) => ({ role, unitId: path, path }))) });
export const leaderOfA = asker([Role.UNIT_LEADER, '/s/a/']);
export const staffOfA = asker([Role.STAFF, '/s/a/']);
export const office = asker([Role.SAFETY_OFFICE, '/s/'], [Role.STAFF, '/s/a/']);
