import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FieldDefinitionNode, InputObjectTypeDefinitionNode, Kind, NamedTypeNode, ObjectTypeDefinitionNode, parse, TypeNode } from 'graphql';

/**
 * Every create mutation takes an optional clientRequestId (the kit's createOnce), so a client told to retry
 * can do so safely. This reads the printed schemas (npm run schema:write) and fails when a create lacks it.
 */
const CREATES = {
  'hazard-tracking': [
    'registerHazard', 'reportHazardDiscovery', 'fixOnTheSpot', 'reportIncident', 'addIncidentFollowUp', 'performInspection', 'createCampaign',
    'createChecklistTemplate', 'createInspectionTask', 'createRiskPoint', 'submitCampaignReport',
  ],
  'education-drills': [
    'checkInEducationActivity', 'createEducationActivity', 'planDrill', 'raiseDrillProblem', 'createEmergencyPlan', 'createHomeSchoolNoticeTemplate',
    'createHomeSchoolNotice', 'recordHomeSchoolNoticeSlip', 'startQuizAttempt', 'createQuizBank', 'addQuizBankQuestion', 'createQuiz', 'createSafetyDay',
    'createScreeningRecord', 'addScreeningEntry', 'planSafetyDay',
  ],
  'responsibility-network': [
    'createOrgUnit', 'createPerson', 'createAccount', 'addHandoverNote', 'addDutyLogEntry', 'createDutyRoster', 'createPlace', 'createGrid',
    'createResponsibilityLetter', 'createPost', 'createWorkGroup',
  ],
  'supervision-appraisal': ['recordAccountability', 'fileAppraisalObjection', 'createAppraisalScheme', 'planSupervision', 'recordSupervisionFinding', 'raiseSupervisionFinding'],
} as const;

/** Names that look like creates but are not: each with why a retry is already safe or makes no new aggregate. */
const NOT_CREATES: Record<string, string> = {
  reportHazard: 'a versioned transition of an existing hazard (上报): a retry is refused with STALE_VERSION, never applied twice',
  reportSupervision: 'a versioned transition of an existing supervision (出具报告): a retry is refused with STALE_VERSION',
  addPostDuty: 'a versioned edit of an existing post’s duty list, not a new aggregate: a retry is refused with STALE_VERSION',
  recordIllnessAbsenceCause: 'a versioned transition of an existing illness absence (查明病因): a retry is refused with STALE_VERSION',
  recordIllnessAbsenceReturn: 'a versioned transition of an existing illness absence (返校): a retry is refused with STALE_VERSION',
  recordSpecialEquipmentInspection: 'a versioned change of an existing piece of equipment (its next due date moves on): a retry is refused with STALE_VERSION',
  raiseSpecialEquipmentHazard: 'versioned on the equipment, and a second raise while its hazard is open is refused with DUPLICATE',
};

/** A mutation whose name says it makes something new. */
const CREATE_LIKE = /^(create|register|report|record|add|plan|raise|file|perform)[A-Z]/;

const APPS_DIR = join(__dirname, '..', '..', 'apps');

function namedType(type: TypeNode): NamedTypeNode {
  return type.kind === Kind.NAMED_TYPE ? type : namedType(type.type);
}

interface SubgraphMutations {
  app: string;
  mutations: FieldDefinitionNode[];
  inputs: Map<string, InputObjectTypeDefinitionNode>;
}

function printedSubgraphs(): SubgraphMutations[] {
  return readdirSync(APPS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'gateway')
    .flatMap((entry) => {
      let sdl: string;
      try {
        sdl = readFileSync(join(APPS_DIR, entry.name, 'schema.graphql'), 'utf8');
      } catch {
        return [];
      }
      const definitions = parse(sdl).definitions;
      const mutations = definitions
        .filter((definition): definition is ObjectTypeDefinitionNode => 'name' in definition && definition.name?.value === 'Mutation' && 'fields' in definition)
        .flatMap((definition) => [...(definition.fields ?? [])]);
      const inputs = new Map(
        definitions
          .filter((definition): definition is InputObjectTypeDefinitionNode => definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION)
          .map((definition) => [definition.name.value, definition]),
      );
      return [{ app: entry.name, mutations, inputs }];
    });
}

/** True when the mutation takes clientRequestId as an argument or as a field of one of its input objects. */
function takesClientRequestId(mutation: FieldDefinitionNode, inputs: Map<string, InputObjectTypeDefinitionNode>): boolean {
  return (mutation.arguments ?? []).some((argument) => {
    if (argument.name.value === 'clientRequestId') return true;
    const input = inputs.get(namedType(argument.type).name.value);
    return (input?.fields ?? []).some((field) => field.name.value === 'clientRequestId' && namedType(field.type).name.value === 'String');
  });
}

describe('create mutations take a clientRequestId (safe retries)', () => {
  const subgraphs = printedSubgraphs();

  it('reads the four printed subgraph schemas', () => {
    expect(subgraphs.map((subgraph) => subgraph.app).sort()).toEqual(Object.keys(CREATES).sort());
  });

  it.each(Object.entries(CREATES))('%s: every listed create exists and takes clientRequestId', (app, creates) => {
    const subgraph = subgraphs.find((candidate) => candidate.app === app)!;
    const byName = new Map(subgraph.mutations.map((mutation) => [mutation.name.value, mutation]));
    const missing = creates.filter((name) => !byName.has(name));
    const lacking = creates.filter((name) => byName.has(name) && !takesClientRequestId(byName.get(name)!, subgraph.inputs));
    expect({ missing, lacking }).toEqual({ missing: [], lacking: [] });
  });

  it('every other mutation named like a create takes it too, or is excluded with a reason', () => {
    const listed = new Set<string>(Object.values(CREATES).flat());
    const unguarded = subgraphs.flatMap((subgraph) =>
      subgraph.mutations
        .filter((mutation) => CREATE_LIKE.test(mutation.name.value) && !listed.has(mutation.name.value) && !(mutation.name.value in NOT_CREATES))
        .filter((mutation) => !takesClientRequestId(mutation, subgraph.inputs))
        .map((mutation) => `${subgraph.app}: ${mutation.name.value}`),
    );
    expect(unguarded).toEqual([]);
  });
});
