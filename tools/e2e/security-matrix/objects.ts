import { GraphQLField, GraphQLSchema, getNamedType, isInputObjectType, isNonNullType, isObjectType } from 'graphql';
import { GraphQLClient, GraphQLResponse } from '@campus/testing';

const SCOPE_REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);
import { hasId, isConnection, rootFields, selectionOf, unitFieldOf } from './schema';

/** One object the platform holds, with the unit whose scope it belongs to. */
export interface KnownObject {
  type: string;
  id: string;
  version?: number;
  unitId?: string;
}

/** Every object seen so far, by id; the org tree (unit id → parent id) comes with the OrgUnits. */
export class ObjectRegistry {
  readonly byId = new Map<string, KnownObject>();
  readonly parentOf = new Map<string, string | null>();
  /** Reads the collectors were refused for a reason other than scope (an operation limit, a server error). */
  readonly unreadable: string[] = [];

  recordAnswer(schema: GraphQLSchema, field: string, answer: GraphQLResponse): void {
    const error = answer.errors?.find((candidate) => !SCOPE_REFUSALS.has(candidate.extensions?.code));
    if (error) this.unreadable.push(`${field}: ${error.extensions?.code} ${error.message.slice(0, 120)}`);
    this.record(schema, answer.data);
  }

  /** Records the objects of an answer; an object without a unit of its own takes its parent's (or a child's). */
  record(schema: GraphQLSchema, value: unknown, inheritedUnit?: string): string | undefined {
    if (Array.isArray(value)) {
      let unit: string | undefined;
      for (const item of value) unit = this.record(schema, item, inheritedUnit) ?? unit;
      return unit;
    }
    if (!value || typeof value !== 'object') return undefined;
    const object = value as Record<string, unknown>;
    const typeName = object.__typename as string | undefined;
    const type = typeName ? schema.getType(typeName) : undefined;
    let unit: string | undefined;
    let unscoped = false;
    if (typeName === 'OrgUnit' && typeof object.id === 'string') {
      unit = object.id;
      const parent = object.parent as { id?: string } | null | undefined;
      if (parent !== undefined && !this.parentOf.get(object.id)) this.parentOf.set(object.id, parent?.id ?? null);
    } else if (type && isObjectType(type)) {
      const unitField = unitFieldOf(type);
      const unitObject = unitField ? valueAt(object, unitField) : undefined;
      // The unit itself, or (an ID field) its id.
      unit = typeof unitObject === 'string' ? unitObject : (unitObject as { id?: string } | null | undefined)?.id;
      // A null unit marks an object shared by everyone (a built-in template): it takes no unit from around it.
      unscoped = unitObject === null;
    }
    let childUnit: string | undefined;
    for (const child of Object.values(object)) {
      if (child && typeof child === 'object') {
        const found = this.record(schema, child, unscoped ? undefined : (unit ?? inheritedUnit));
        childUnit ??= found;
      }
    }
    if (!unscoped) unit = unit ?? inheritedUnit ?? childUnit;
    if (typeName && typeof object.id === 'string') {
      const known = this.byId.get(object.id);
      this.byId.set(object.id, {
        type: typeName,
        id: object.id,
        version: typeof object.version === 'number' ? object.version : known?.version,
        unitId: known?.unitId ?? unit,
      });
    }
    return unit;
  }

  ofType(type: string): KnownObject[] {
    return [...this.byId.values()].filter((object) => object.type === type);
  }
}

/**
 * Reads every list and connection the schema offers as each collector (a wide account sees most; the
 * counsellor alone sees screening records), then the lists that need an id, once per known id of that type.
 */
export async function collectObjects(schema: GraphQLSchema, collectors: GraphQLClient[], registry: ObjectRegistry, idTypeOf: (argName: string) => string | null): Promise<void> {
  const lists = rootFields(schema).filter(({ kind, field }) => kind === 'query' && (isConnection(getNamedType(field.type)) || hasId(getNamedType(field.type))));
  for (const round of [0, 1]) {
    const calls: (() => Promise<void>)[] = [];
    for (const { name, field } of lists) {
      const need = idNeedOf(field);
      if (need === undefined || (round === 0) !== (need === null)) continue;
      const first = field.args.some((arg) => arg.name === 'first') ? 'first: 25' : '';
      const selection = selectionOf(field.type, 2);
      if (need === null) {
        const query = `{ ${name}${first ? `(${first})` : ''} ${selection} }`;
        for (const client of collectors) calls.push(async () => registry.recordAnswer(schema, name, await client.request(query)));
        continue;
      }
      const query = `query($v: ${need.argType}) { ${name}(${need.arg}: $v${first ? `, ${first}` : ''}) ${selection} }`;
      for (const object of registry.ofType(idTypeOf(need.idName) ?? '').slice(0, 20)) {
        const value = need.inputField ? { [need.inputField]: object.id } : object.id;
        for (const client of collectors) calls.push(async () => registry.recordAnswer(schema, name, await client.request(query, { v: value })));
      }
    }
    await inBatches(calls, 8);
  }
}

/** What a list needs to be read: nothing (null), one id argument or one id inside an input; undefined: more than that. */
function idNeedOf(field: GraphQLField<unknown, unknown>): { arg: string; argType: string; inputField?: string; idName: string } | null | undefined {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length === 0) return null;
  if (required.length > 1) return undefined;
  const [arg] = required;
  const type = getNamedType(arg.type);
  if (type.name === 'ID') return { arg: arg.name, argType: String(arg.type), idName: arg.name };
  if (!isInputObjectType(type)) return undefined;
  const inner = Object.values(type.getFields()).filter((input) => isNonNullType(input.type) && input.defaultValue === undefined);
  if (inner.length !== 1 || getNamedType(inner[0].type).name !== 'ID') return undefined;
  return { arg: arg.name, argType: String(arg.type), inputField: inner[0].name, idName: inner[0].name };
}

export async function inBatches<T>(calls: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < calls.length; start += size) {
    results.push(...(await Promise.all(calls.slice(start, start + size).map((call) => call()))));
  }
  return results;
}

function valueAt(object: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), object);
}
