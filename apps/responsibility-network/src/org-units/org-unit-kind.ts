import { OrgUnitKind } from '@campus/graphql';

export { OrgUnitKind, ORG_UNIT_KIND_LABELS } from '@campus/graphql';

/** Which kinds of unit may sit directly under which. */
const ALLOWED_CHILDREN: Record<OrgUnitKind, OrgUnitKind[]> = {
  BUREAU: [OrgUnitKind.BUREAU, OrgUnitKind.SCHOOL, OrgUnitKind.OFFICE],
  SCHOOL: [OrgUnitKind.COLLEGE, OrgUnitKind.DEPARTMENT, OrgUnitKind.CLASS],
  COLLEGE: [OrgUnitKind.OFFICE, OrgUnitKind.CLASS],
  DEPARTMENT: [OrgUnitKind.OFFICE],
  OFFICE: [OrgUnitKind.OFFICE],
  // A class holds its students and its class teacher, no units.
  CLASS: [],
};

export function mayContain(parent: OrgUnitKind, child: OrgUnitKind): boolean {
  return ALLOWED_CHILDREN[parent].includes(child);
}
