import { z } from 'zod';
import { calendarDate, contract, id, isoDateTime, orgPath } from './contract';

// ---- responsibility-network
export const OrgUnitCreated = contract(
  'responsibility-network',
  'org-unit.created',
  1,
  z.object({ id, code: z.string(), name: z.string(), kind: z.string(), parentId: id.nullable(), path: orgPath }),
);
export const OrgUnitRenamed = contract('responsibility-network', 'org-unit.renamed', 1, z.object({ id, name: z.string(), path: orgPath }));
export const OrgUnitMoved = contract(
  'responsibility-network',
  'org-unit.moved',
  1,
  z.object({ id, parentId: id, oldPath: orgPath, newPath: orgPath }),
);
const personFacts = z.object({ id, name: z.string(), kind: z.string(), orgUnitId: id, orgPath, active: z.boolean() });
export const PersonCreated = contract('responsibility-network', 'person.created', 1, personFacts);
export const PersonUpdated = contract('responsibility-network', 'person.updated', 1, personFacts);
export const PersonDeactivated = contract('responsibility-network', 'person.deactivated', 1, z.object({ id, orgUnitId: id, orgPath }));

export const PlaceChanged = contract(
  'responsibility-network',
  'place.changed',
  1,
  z.object({
    id,
    name: z.string(),
    kind: z.string(),
    function: z.string().nullable(),
    keyPlace: z.boolean(),
    parentId: id.nullable(),
    orgUnitId: id,
    orgPath,
    active: z.boolean(),
  }),
);
export const GridAssignmentChanged = contract(
  'responsibility-network',
  'grid.assignment-changed',
  1,
  z.object({
    gridId: id,
    gridName: z.string(),
    orgUnitId: id,
    orgPath,
    personId: id,
    role: z.enum(['LEADER', 'SAFETY_OFFICER']),
    from: calendarDate,
    to: calendarDate.nullable(),
  }),
);
const letterFacts = {
  id,
  year: z.number().int(),
  title: z.string(),
  issuerUnitId: id,
  recipientUnitId: id,
  recipientPath: orgPath,
};
export const LetterIssued = contract('responsibility-network', 'letter.issued', 1, z.object({ ...letterFacts, recipientPersonId: id.nullable() }));
export const LetterSigned = contract(
  'responsibility-network',
  'letter.signed',
  1,
  z.object({ ...letterFacts, signedByPersonId: id, signedAt: isoDateTime }),
);
export const LetterExpired = contract('responsibility-network', 'letter.expired', 1, z.object(letterFacts));
export const LetterRevoked = contract('responsibility-network', 'letter.revoked', 1, z.object({ ...letterFacts, reason: z.string() }));
export const DutyGapFound = contract(
  'responsibility-network',
  'duty.gap-found',
  1,
  z.object({
    rosterId: id,
    orgUnitId: id,
    orgPath,
    date: calendarDate,
    shift: z.string(),
    missing: z.array(z.enum(['LEADER', 'OFFICER'])).min(1),
  }),
);

/**
 * A work group (领导小组, 工作专班, 督导组) set up, changed, re-staffed or dissolved, with its version after the
 * change: supervision-appraisal checks the supervision group an inspection names against it.
 */
export const WorkGroupChanged = contract(
  'responsibility-network',
  'work-group.changed',
  1,
  z.object({ id, kind: z.string(), name: z.string(), orgUnitId: id, orgPath, active: z.boolean(), version: z.number().int().positive() }),
);

/**
 * Tokens stop counting (every service keeps these, libs/server's access revocations): the one session when
 * `sessionId` is set (logout), otherwise every token of the account issued before `notBefore` (a grant
 * revoked, the password changed, the account deactivated). `keepUntil`: when every token it could refuse
 * has expired, so the revocation may be forgotten.
 */
export const AccountAccessRevoked = contract(
  'responsibility-network',
  'account.access-revoked',
  1,
  z.object({ accountId: id, sessionId: id.nullable(), notBefore: isoDateTime, keepUntil: isoDateTime, cause: z.string().max(40) }),
);
