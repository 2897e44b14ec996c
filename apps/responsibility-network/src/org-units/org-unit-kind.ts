import { OrgUnitKind } from '@campus/graphql';

export { OrgUnitKind, ORG_UNIT_KIND_LABELS } from '@campus/graphql';

/** Which kinds of unit may sit directly under which. */
const ALLOWED_CHILDREN: Record<OrgUnitKind, OrgUnitKind[]> = {
  BUREAU: [OrgUnitKind.BUREAU, OrgUnitKind.SCHOOL],
  SCHOOL: [OrgUnitKind.COLLEGE, OrgUnitKind.DEPARTMENT],
  COLLEGE: [OrgUnitKind.OFFICE],
  DEPARTMENT: [OrgUnitKind.OFFICE],
  OFFICE: [OrgUnitKind.OFFICE],
};

export function mayContain(parent: OrgUnitKind, child: OrgUnitKind): boolean {
  return ALLOWED_CHILDREN[parent].includes(child);
}
