import { GraphQLSchema, getNamedType, isInputObjectType, isNonNullType, GraphQLInputType } from 'graphql';
import { GraphQLClient, GraphQLResponse } from '@campus/testing';
import { ADMIN_ONLY_MUTATIONS, NOT_EXERCISED } from './allow-list';
import { BuiltCall, IdSource, buildCall } from './arguments';
import { contextTypeOf } from './id-types';
import { inBatches } from './objects';
import { ANONYMOUS, RoleScope } from './scope';
import { RootField, returnsMany, selectionOf } from './schema';

export interface MatrixCall {
  field: string;
  role: string;
  /** bola: naming foreign objects; read: a query naming none, judged by what it reveals; bfla: an admin-only mutation on the role's own objects. */
  kind: 'bola' | 'read' | 'bfla';
  built: BuiltCall;
  many: boolean;
  mutation: boolean;
  foreign: Set<string>;
}

export interface MatrixOutcome {
  call: MatrixCall;
  denied: boolean;
  why: string;
}

const DENIALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);

/** The calls for every root field and role: one per variant the field has (plain list read; foreign ids). */
export function planMatrix(schema: GraphQLSchema, fields: RootField[], scopes: RoleScope[]): { calls: MatrixCall[]; problems: string[] } {
  const calls: MatrixCall[] = [];
  const problems: string[] = [];
  for (const root of fields) {
    if (NOT_EXERCISED[root.name]) continue;
    const context = contextTypeOf(schema, root);
    const selection = selectionOf(root.field.type, 1);
    const many = returnsMany(root.field.type);
    const mutation = root.kind === 'mutation';
    const aboutUnits = getNamedType(root.field.type).name.startsWith('OrgUnit');
    for (const scope of scopes) {
      const foreign = scope.foreignIds(aboutUnits);
      const base = { field: root.name, role: scope.role.name, many, mutation, foreign };
      const anonymous = scope.role.name === ANONYMOUS;
      const source: IdSource = { pick: (type) => scope.pickForeign(type) };
      const withIds = buildCall(schema, root, context, source, true, selection);
      problems.push(...withIds.unresolved.map((path) => `${root.name}: no type for id ${path} (add it to id-types.ts)`));
      if (withIds.unresolved.length) continue;
      // A call that had to make up an id (no object of that type to name) would be refused for that id: it tests nothing.
      if ((withIds.namedIds.length > 0 && withIds.missing.length === 0) || anonymous) calls.push({ ...base, kind: 'bola', built: withIds });
      if (!mutation && !anonymous && (withIds.namedIds.length === 0 || hasOptionalIds(root))) {
        const plain = buildCall(schema, root, context, source, false, selection);
        if (plain.missing.length === 0 && plain.namedIds.length === 0) calls.push({ ...base, kind: 'read', built: plain });
      }
      if (mutation && ADMIN_ONLY_MUTATIONS.includes(root.name) && !anonymous && !isAdmin(scope)) {
        const own = buildCall(schema, root, context, { pick: (type, name) => scope.pickOwn(type, name) }, true, selection);
        if (own.missing.length === 0) calls.push({ ...base, kind: 'bfla', built: own, foreign: new Set() });
      }
    }
  }
  return { calls, problems };
}

function isAdmin(scope: RoleScope): boolean {
  return scope.role.name === 'safety.office';
}

function hasOptionalIds(root: RootField): boolean {
  const visit = (type: GraphQLInputType, name: string, depth: number): boolean => {
    const named = getNamedType(type);
    if (named.name === 'ID') return /Ids?$/.test(name);
    if (!isInputObjectType(named) || depth > 2) return false;
    return Object.values(named.getFields()).some((field) => visit(field.type, field.name, depth + 1));
  };
  return root.field.args.some((arg) => (!isNonNullType(arg.type) || arg.defaultValue !== undefined || getNamedType(arg.type).name !== 'ID') && visit(arg.type, arg.name, 0));
}

export async function runMatrix(calls: MatrixCall[], clients: Record<string, GraphQLClient>): Promise<MatrixOutcome[]> {
  return inBatches(
    calls.map((call) => async () => judge(call, await clients[call.role].request(call.built.query, call.built.variables))),
    8,
  );
}

/** Denied: an error with a refusal code (or BAD_USER_INPUT naming the id), a null object, or a list with no foreign object. */
export function judge(call: MatrixCall, response: GraphQLResponse): MatrixOutcome {
  const leaked = idsIn(response.data).filter((id) => call.foreign.has(id));
  if (leaked.length) return { call, denied: false, why: `reveals foreign ${leaked.slice(0, 3).join(', ')}` };
  const errors = response.errors ?? [];
  if (errors.length) {
    const refusal = errors.find((error) => isRefusal(call, error));
    if (refusal) return { call, denied: true, why: refusal.extensions?.code };
    return { call, denied: false, why: `error ${errors[0].extensions?.code}: ${errors[0].message.slice(0, 160)}` };
  }
  const value = response.data?.[call.field];
  if (call.mutation) return { call, denied: false, why: `succeeded: ${JSON.stringify(value).slice(0, 160)}` };
  if (value === null) return { call, denied: true, why: 'null' };
  if (call.many || call.built.namedIds.length === 0) return { call, denied: true, why: 'nothing foreign' };
  return { call, denied: false, why: `answered for foreign ${call.built.namedIds.join(', ')}: ${JSON.stringify(value).slice(0, 160)}` };
}

/** FORBIDDEN, UNAUTHENTICATED and NOT_FOUND refuse; BAD_USER_INPUT only when it names a foreign id. */
function isRefusal(call: MatrixCall, error: { message: string; extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code as string;
  return DENIALS.has(code) || (code === 'BAD_USER_INPUT' && namesId(error, call.built.namedIds));
}

/** Whether the error names one of the foreign ids the call passed. */
function namesId(error: { message: string; extensions?: Record<string, unknown> }, ids: string[]): boolean {
  const text = `${error.message} ${JSON.stringify(error.extensions ?? {})}`;
  return ids.some((id) => text.includes(id));
}

function idsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => idsIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'id' && typeof child === 'string') found.push(child);
      else idsIn(child, found);
    }
  }
  return found;
}

/** A compact table: per role, calls tried and denied by kind. */
export function summarise(outcomes: MatrixOutcome[]): { table: string; tried: number; denied: number; fields: number } {
  const roles = [...new Set(outcomes.map((outcome) => outcome.call.role))];
  const count = (role: string, kind?: string, denied?: boolean) =>
    outcomes.filter((o) => o.call.role === role && (!kind || o.call.kind === kind) && (denied === undefined || o.denied === denied)).length;
  const lines = [`${'role'.padEnd(14)} ${'tried'.padStart(6)} ${'denied'.padStart(6)}  bola  read  bfla`];
  for (const role of roles) {
    lines.push(
      `${role.padEnd(14)} ${String(count(role)).padStart(6)} ${String(count(role, undefined, true)).padStart(6)}  ${String(count(role, 'bola')).padStart(4)}  ${String(count(role, 'read')).padStart(4)}  ${String(count(role, 'bfla')).padStart(4)}`,
    );
  }
  const denied = outcomes.filter((outcome) => outcome.denied).length;
  const fields = new Set(outcomes.map((outcome) => outcome.call.field)).size;
  lines.push(`${'total'.padEnd(14)} ${String(outcomes.length).padStart(6)} ${String(denied).padStart(6)}  (${fields} root fields, ${roles.length} callers)`);
  return { table: lines.join('\n'), tried: outcomes.length, denied, fields };
}
