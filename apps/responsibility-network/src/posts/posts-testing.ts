/** The GraphQL operations the posts specs send. */
export const DEACTIVATE_PERSON = 'mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id } } }';

export const POST_FIELDS = `id title kind vacant holderId version orgUnit { id } holder { id name }
  duties { id position content fromTemplate }`;
export const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) { post { ${POST_FIELDS} } } }`;
export const UPDATE_POST = `mutation($input: UpdatePostInput!) { updatePost(input: $input) { post { ${POST_FIELDS} } } }`;
export const ASSIGN = `mutation($input: AssignPostHolderInput!) { assignPostHolder(input: $input) { post { ${POST_FIELDS} } } }`;
export const VACATE = `mutation($input: VacatePostInput!) { vacatePost(input: $input) { post { ${POST_FIELDS} } } }`;
export const ADD_DUTY = `mutation($input: AddPostDutyInput!) { addPostDuty(input: $input) { post { ${POST_FIELDS} } } }`;
export const REMOVE_DUTY = `mutation($input: RemovePostDutyInput!) { removePostDuty(input: $input) { post { ${POST_FIELDS} } } }`;
export const POST = `query($id: ID!) { post(id: $id) { ${POST_FIELDS} } }`;
export const POSTS = `query($filter: PostFilter!, $first: Int, $after: String) {
  posts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } }
}`;
export const DUTY_LIST_OF = 'query($personId: ID!) { dutyListOf(personId: $personId) { id title kind duties { position content } } }';
export const DUTY_TEMPLATES = 'query($kind: PostKind!) { dutyTemplates(kind: $kind) { position content } }';

export const ASSESSMENT_FIELDS = `id period status selfTotal reviewTotal reviewComment version reviewedAt
  post { id } holder { id } reviewer { id }
  items { duty { id position content fromTemplate } selfScore selfComment reviewScore }`;
export const SELF_ASSESS = `mutation($input: SubmitDutySelfAssessmentInput!) {
  submitDutySelfAssessment(input: $input) { assessment { ${ASSESSMENT_FIELDS} } }
}`;
export const REVIEW = `mutation($input: ReviewDutyAssessmentInput!) {
  reviewDutyAssessment(input: $input) { assessment { ${ASSESSMENT_FIELDS} } }
}`;
export const ASSESSMENT = `query($id: ID!) { dutyAssessment(id: $id) { ${ASSESSMENT_FIELDS} } }`;
export const POST_ASSESSMENTS = 'query($id: ID!) { post(id: $id) { assessments { id period status } } }';
