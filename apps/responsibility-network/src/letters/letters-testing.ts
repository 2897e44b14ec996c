import { Viewer } from '@campus/auth';
import { SchemaRunner } from '@campus/testing';

/** The GraphQL operations the letters specs send. */
export const LETTER_FIELDS = `id year title status issuerUnitId recipientUnitId recipientPersonId needsResigning
  issuedAt signedAt signedByPersonId revokedAt revokeReason expiredAt version items { number content weight }`;
export const MOVE_UNIT = 'mutation($input: MoveOrgUnitInput!) { moveOrgUnit(input: $input) { orgUnit { id path } } }';
export const CREATE = `mutation($input: CreateResponsibilityLetterInput!) {
  createResponsibilityLetter(input: $input) { responsibilityLetter { ${LETTER_FIELDS} } }
}`;
export const UPDATE = `mutation($input: UpdateResponsibilityLetterInput!) {
  updateResponsibilityLetter(input: $input) { responsibilityLetter { ${LETTER_FIELDS} } }
}`;
export const ISSUE = `mutation($input: IssueResponsibilityLetterInput!) {
  issueResponsibilityLetter(input: $input) { responsibilityLetter { ${LETTER_FIELDS} } }
}`;
export const SIGN = `mutation($input: SignResponsibilityLetterInput!) {
  signResponsibilityLetter(input: $input) { responsibilityLetter { ${LETTER_FIELDS} signedBy { id name } } }
}`;
export const REVOKE = `mutation($input: RevokeResponsibilityLetterInput!) {
  revokeResponsibilityLetter(input: $input) { responsibilityLetter { ${LETTER_FIELDS} } }
}`;
export const EXPIRE = `mutation($input: ExpireResponsibilityLettersInput!) {
  expireResponsibilityLetters(input: $input) { expiredCount responsibilityLetters { id status expiredAt } }
}`;
export const LETTER = `query($id: ID!) {
  responsibilityLetter(id: $id) {
    ${LETTER_FIELDS} issuer { id } issuerName recipient { id } recipientPerson { id name } signedBy { id }
  }
}`;
export const LETTERS = `query($filter: ResponsibilityLetterFilter!) {
  responsibilityLetters(filter: $filter, first: 50) { totalCount edges { node { id status recipientPersonId needsResigning } } }
}`;
export const COVERAGE = `query($issuerUnitId: ID!, $year: Int!) {
  letterSigningCoverage(issuerUnitId: $issuerUnitId, year: $year) {
    issuerUnitId year units { orgUnit { id } status letterId } totals { units signed unsigned }
  }
}`;
export const DELETE = `mutation($input: DeleteResponsibilityLetterInput!) { deleteResponsibilityLetter(input: $input) { id } }`;
export const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id grants { id } } } }';
export const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id } } }';
export const REVOKE_GRANT = 'mutation($id: ID!) { revokeRole(grantId: $id) { grant { id } } }';

/** Makes `personId` the unit's first responsible person: a real account holding UNIT_LEADER there; returns the grant id. */
export async function appointLeader(
  runner: SchemaRunner,
  admin: Viewer,
  unit: { id: string },
  personId: string,
): Promise<{ accountId: string; grantId: string }> {
  const input = { username: `leader-${personId}`, password: 'Leader@2026!x', personId, grants: [{ role: 'UNIT_LEADER', orgUnitId: unit.id }] };
  const account = (await runner.data(admin, CREATE_ACCOUNT, { input })).createAccount.account;
  return { accountId: account.id, grantId: account.grants[0].id };
}
