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
