import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLType,
  buildSchema,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { ROOT } from '@campus/platform';

/** The composed schema the gateway serves (the committed supergraph; its join__ directives are defined in it). */
export function loadSupergraph(): GraphQLSchema {
  return buildSchema(readFileSync(path.join(ROOT, 'apps/gateway/supergraph.graphql'), 'utf8'));
}

export type RootKind = 'query' | 'mutation';

export interface RootField {
  kind: RootKind;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  const query = Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ kind: 'query' as const, name: field.name, field }));
  const mutation = Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ kind: 'mutation' as const, name: field.name, field }));
  return [...query, ...mutation];
}

export function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();
}

/** A field whose answer is a set of objects (a list or a connection), judged by what it contains. */
export function returnsMany(type: GraphQLType): boolean {
  return isListType(getNullableType(type)) || isConnection(getNamedType(type));
}

export function hasId(type: GraphQLNamedType): type is GraphQLObjectType {
  return isObjectType(type) && 'id' in type.getFields();
}

/**
 * The field naming the unit an object belongs to (its scope): `orgUnit`, else one explicit choice (a dotted path
 * to an OrgUnit, or an ID field holding the unit's id where the type has no OrgUnit field).
 */
const UNIT_FIELD_OVERRIDES: Record<string, string> = {
  ResponsibilityLetter: 'recipient',
  Campaign: 'scope.orgUnit',
  SectionPairing: 'school',
  PeriodicReportTemplate: 'issuingUnit',
  NotificationRobot: 'orgUnitId',
};

export function unitFieldOf(type: GraphQLObjectType): string | null {
  const fields = type.getFields();
  if (UNIT_FIELD_OVERRIDES[type.name]) return UNIT_FIELD_OVERRIDES[type.name];
  if (fields.orgUnit && getNamedType(fields.orgUnit.type).name === 'OrgUnit' && !isListType(getNullableType(fields.orgUnit.type))) return 'orgUnit';
  return null;
}

function requiredArgsFree(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);
}

/**
 * A selection that brings back, for every object reached, its __typename, id, version and scope unit, down to
 * `depth` levels of nested objects (lists included) — enough to see which objects an answer reveals.
 */
export function selectionOf(type: GraphQLType, depth: number): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  if (isConnection(named)) {
    const node = getNamedType(named.getFields().edges.type) as GraphQLObjectType;
    return `{ totalCount edges { node ${selectionOf(node.getFields().node.type, depth)} } }`;
  }
  const fields = named.getFields();
  const parts = ['__typename'];
  if (fields.id) parts.push('id');
  if (fields.version && getNamedType(fields.version.type).name === 'Int') parts.push('version');
  if (named.name === 'OrgUnit') {
    if (fields.parent) parts.push('parent { id }');
    return `{ ${parts.join(' ')} }`;
  }
  const unitPath = UNIT_FIELD_OVERRIDES[named.name]?.split('.');
  if (unitPath && unitPath.length > 1) parts.push(`${unitPath.join(' { ')} { id ${' }'.repeat(unitPath.length)}`);
  if (unitPath?.length === 1 && fields[unitPath[0]] && getNamedType(fields[unitPath[0]].type).name === 'ID') parts.push(unitPath[0]);
  for (const field of Object.values(fields)) {
    if (field.name === 'id' || !requiredArgsFree(field)) continue;
    const target = getNamedType(field.type);
    if (!isObjectType(target)) continue;
    if (target.name === 'OrgUnit') {
      parts.push(`${field.name} { id }`);
    } else if (depth > 0 && (hasId(target) || isConnection(target))) {
      // Nested pages stay small, so that the answer keeps within the operation cost limit.
      const page = field.args.some((arg) => arg.name === 'first') ? '(first: 5)' : '';
      parts.push(`${field.name}${page} ${selectionOf(field.type, depth - 1)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}
