import { GraphQLObjectType, GraphQLSchema, getNamedType } from 'graphql';
import { RootField, hasId, isConnection } from './schema';

/**
 * Which type an id argument or input field names, from its name: `hazardId` → Hazard, `issuerUnitId` →
 * OrgUnit, `officerPersonIds` → Person. Where the stem is not a type's name, this table says which
 * (small and explicit: a new name that fits no rule fails the matrix until it is added here).
 */
const STEMS: Record<string, string> = {
  roster: 'DutyRoster',
  activity: 'EducationActivity',
  bank: 'QuizBank',
  scheme: 'AppraisalScheme',
  duty: 'PostDuty',
  task: 'InspectionTask',
  supervision: 'SupervisionInspection',
  supervisionGroup: 'WorkGroup',
  notice: 'HomeSchoolNotice',
  indicator: 'AppraisalIndicator',
  day: 'SafetyDay',
  problem: 'DrillProblem',
  objection: 'AppraisalObjection',
  letter: 'ResponsibilityLetter',
  finding: 'SupervisionFinding',
  grant: 'RoleGrantView',
  snapshot: 'CampaignSnapshot',
  attempt: 'QuizAttempt',
  item: 'ChecklistItem',
  record: 'ScreeningRecord',
  assignment: 'GridAssignment',
  holder: 'Person',
  responsibleTeacher: 'Person',
  owner: 'Person',
  reviewer: 'Person',
  root: 'OrgUnit',
  newParent: 'OrgUnit',
  fromUnit: 'OrgUnit',
  section: 'OrgUnit',
  school: 'OrgUnit',
  bureau: 'OrgUnit',
  lab: 'Place',
};

/** Stems that name the type the field itself is about (`id`, `parentId`; `templateId`: that type's template). */
const CONTEXTUAL = new Set(['', 'parent', 'template']);

/** Mutation names whose object is not a type name's suffix: startSupervision → SupervisionInspection. */
const CONTEXT_ALIASES: Record<string, string> = {
  Supervision: 'SupervisionInspection',
  Accountability: 'AccountabilityRecord',
  IncidentFollowUp: 'Incident',
  PostDuty: 'Post',
  ScreeningEntry: 'ScreeningRecord',
  DisputeMediation: 'Dispute',
  KeyStudentFollowUp: 'KeyStudent',
  OnTheSpot: 'Hazard',
  RectificationPlan: 'Hazard',
  Rectification: 'Hazard',
  Acceptance: 'Hazard',
  SpecialEquipmentInspection: 'SpecialEquipment',
  PeriodicReport: 'PeriodicReportSubmission',
  LabAccess: 'LabAccessEntry',
};

/** The type a root field is about: a query's return (or node) type, else the longest run of words in its name that names a type. */
export function contextTypeOf(schema: GraphQLSchema, root: RootField): string | null {
  const returned = getNamedType(root.field.type);
  if (root.kind === 'query' && hasId(returned)) return returned.name;
  if (root.kind === 'query' && isConnection(returned)) {
    const node = getNamedType((getNamedType((returned as GraphQLObjectType).getFields().edges.type) as GraphQLObjectType).getFields().node.type);
    if (hasId(node)) return node.name;
  }
  // A mutation's name starts with its verb (publishQuiz), a query's with its noun (hazardFile).
  const name = root.kind === 'mutation' ? root.name.replace(/^[a-z]+/, '') : root.name.charAt(0).toUpperCase() + root.name.slice(1);
  const words = name.match(/[A-Z][a-z]*/g) ?? [];
  for (let length = words.length; length > 0; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const run = words.slice(start, start + length).join('');
      if (CONTEXT_ALIASES[run]) return CONTEXT_ALIASES[run];
      const type = schema.getType(run);
      if (type && hasId(type)) return run;
    }
  }
  return null;
}

export function idTypeOf(schema: GraphQLSchema, name: string, context: string | null): string | null {
  const stem = /^ids?$/.test(name) ? '' : name.replace(/Ids?$/, '');
  if (CONTEXTUAL.has(stem)) {
    if (stem === 'template' && context && !context.endsWith('Template')) return schemaTypeEndingWith(schema, context, 'Template');
    return context;
  }
  if (STEMS[stem]) return STEMS[stem];
  if (stem.endsWith('Unit') || stem.endsWith('Units')) return 'OrgUnit';
  if (/Person$|^person$|^student$/.test(stem)) return stem === 'student' ? 'ScreeningStudent' : 'Person';
  const capitalised = stem.charAt(0).toUpperCase() + stem.slice(1);
  const type = schema.getType(capitalised);
  return type && hasId(type) ? capitalised : null;
}

/** HomeSchoolNotice + Template → HomeSchoolNoticeTemplate, InspectionTask + Template → ChecklistTemplate. */
function schemaTypeEndingWith(schema: GraphQLSchema, context: string, suffix: string): string | null {
  const direct = schema.getType(`${context}${suffix}`);
  if (direct) return direct.name;
  // PeriodicReportSubmission + Template → PeriodicReportTemplate (the submission's template).
  const parent = schema.getType(`${context.replace(/[A-Z][a-z]*$/, '')}${suffix}`);
  if (parent) return parent.name;
  return context.startsWith('Inspection') ? 'ChecklistTemplate' : null;
}
