import { GraphQLSchema } from 'graphql';
import { GraphQLClient } from '@campus/testing';
import { DEMO_ACCOUNTS } from '@campus/platform';
import { NOT_EXERCISED } from './allow-list';
import { prepareFiles } from './arguments';
import { CREATORS, makeObjects } from './foreign-school';
import { idTypeOf } from './id-types';
import { MatrixOutcome, planMatrix, runMatrix, summarise } from './matrix';
import { ObjectRegistry, collectObjects } from './objects';
import { ANONYMOUS, RoleScope } from './scope';
import { loadSupergraph, rootFields, selectionOf } from './schema';

export interface MatrixReport {
  outcomes: MatrixOutcome[];
  /** Root fields neither called by a signed-in role nor in the allow-list. */
  unexercised: string[];
  /** Id arguments no rule gives a type. */
  problems: string[];
  summary: ReturnType<typeof summarise>;
  objects: number;
  /** Objects made for the matrix before it ran (in the second school, a quiz attempt, a self-assessment). */
  made: number;
  /** Lists the wide accounts could not read (the matrix would miss their objects). */
  unreadable: string[];
  /** Roles whose token no longer worked after the matrix (their refusals would prove nothing). */
  signedOut: string[];
  /** What the matrix ran with, to run parts of it again. */
  context: { schema: GraphQLSchema; registry: ObjectRegistry; clients: Record<string, GraphQLClient> };
}

/**
 * The BOLA/BFLA matrix: every root field of the composed schema, called as every demo role and with no
 * token, against objects outside the caller's scope (and admin-only mutations against its own).
 */
export async function securityMatrix(gateway: GraphQLClient, login: (username: string) => Promise<GraphQLClient>, foreignSchoolId: string): Promise<MatrixReport> {
  const schema = loadSupergraph();
  const fields = rootFields(schema);
  await prepareFiles();
  const bureauAdmin = await login('bureau.admin');
  const clients: Record<string, GraphQLClient> = { [ANONYMOUS]: gateway.withToken(null) };
  const grantUnits: Record<string, string[]> = {};
  for (const account of DEMO_ACCOUNTS) {
    clients[account.username] = await login(account.username);
    const me = await clients[account.username].data<{ me: { grants: { orgUnitId: string }[] } }>('{ me { grants { orgUnitId } } }');
    grantUnits[account.username] = me.me.grants.map((grant) => grant.orgUnitId);
  }

  const registry = new ObjectRegistry();
  // Accounts are listed nowhere: each demo role's own, from `me`, are the matrix's targets.
  const meSelection = selectionOf(schema.getQueryType()?.getFields().me.type ?? schema.getType('Account')!, 1);
  for (const account of DEMO_ACCOUNTS) registry.record(schema, await clients[account.username].data(`{ me ${meSelection} }`));
  const collect = () => collectObjects(schema, [bureauAdmin, clients.counselor], registry, (name) => idTypeOf(schema, name, null));
  await collect();
  // Objects no role has outside its scope in the demo: the second school's, a staff member's quiz attempt, a post holder's self-assessment.
  let made = await makeObjects(schema, bureauAdmin, registry, foreignSchoolId, CREATORS, 4);
  made += await makeObjects(schema, clients.staff, registry, grantUnits.staff[0], /^startQuizAttempt$/, 1);
  made += await selfAssess(clients['xx.officer']);
  made += await submitForeignReport(schema, bureauAdmin, registry, foreignSchoolId);
  await collect();

  const scopes = [new RoleScope({ name: ANONYMOUS, unitIds: [] }, registry)];
  for (const account of DEMO_ACCOUNTS) scopes.push(new RoleScope({ name: account.username, unitIds: grantUnits[account.username] }, registry));
  const { calls, problems } = planMatrix(schema, fields, scopes);
  const outcomes = await runMatrix(calls, clients);
  const signedOut: string[] = [];
  for (const account of DEMO_ACCOUNTS) if ((await clients[account.username].request('{ me { id } }')).errors) signedOut.push(account.username);
  const exercised = new Set(calls.filter((call) => call.role !== ANONYMOUS).map((call) => call.field));
  const unexercised = fields.map((field) => field.name).filter((name) => !exercised.has(name) && !NOT_EXERCISED[name]);
  return { outcomes, unexercised, problems: [...new Set(problems)], summary: summarise(outcomes), objects: registry.byId.size, made, unreadable: [...new Set(registry.unreadable)], signedOut, context: { schema, registry, clients } };
}

/**
 * A periodic report of the second school, for its template's first target unit and latest period (the matrix's
 * dummy period key and unit would be refused as input); recorded so that the matrix aims at it.
 */
async function submitForeignReport(schema: GraphQLSchema, admin: GraphQLClient, registry: ObjectRegistry, schoolId: string): Promise<number> {
  type Templates = { periodicReportTemplates: { edges: { node: { id: string; targetUnits: { id: string }[]; periods: { key: string }[] } }[] } };
  const { periodicReportTemplates } = await admin.data<Templates>(
    'query($school: ID!) { periodicReportTemplates(filter: { issuingUnitId: $school }) { edges { node { id targetUnits { id } periods(last: 1) { key } } } } }',
    { school: schoolId },
  );
  const template = periodicReportTemplates.edges.map((edge) => edge.node).find((node) => node.targetUnits.length && node.periods.length);
  if (!template) return 0;
  const input = { templateId: template.id, orgUnitId: template.targetUnits[0].id, periodKey: template.periods[0].key, content: '安全测试：越权访问矩阵的报送' };
  const submitted = await admin.data('mutation($input: SubmitPeriodicReportInput!) { submitPeriodicReport(input: $input) { submission { __typename id version orgUnit { id } } } }', { input });
  registry.record(schema, submitted);
  return 1;
}

/** A post holder's self-assessment of every duty of their posts (the matrix's arguments cannot score them all). */
async function selfAssess(holder: GraphQLClient): Promise<number> {
  type Posts = { me: { person: { id: string } }; dutyListOf?: never };
  const me = await holder.data<Posts>('{ me { person { id } } }');
  const { dutyListOf } = await holder.data<{ dutyListOf: { id: string; duties: { id: string }[] }[] }>(
    'query($person: ID!) { dutyListOf(personId: $person) { id duties { id } } }',
    { person: me.me.person.id },
  );
  const period = new Date().getFullYear().toString();
  for (const post of dutyListOf) {
    await holder.data('mutation($input: SubmitDutySelfAssessmentInput!) { submitDutySelfAssessment(input: $input) { __typename } }', {
      input: { postId: post.id, period, items: post.duties.map((duty) => ({ dutyId: duty.id, score: 5 })) },
    });
  }
  return dutyListOf.length;
}
