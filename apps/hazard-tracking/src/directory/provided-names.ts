import { callerOf, RequestContext, selectsBeyond } from '@campus/graphql';
import DataLoader from 'dataloader';
import { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { ORG_UNIT_NAME_ACCESS, PERSON_NAME_ACCESS } from './directory.access';

/**
 * responsibility-network's fields this service answers from its projections where its own fields
 * `@provides` them, so that a ledger page with unit and person names is one subgraph's work.
 */
export const PROVIDED_NAME_FIELDS = `
extend type OrgUnit { name: String! @external }
extend type Person { name: String! @external }
`;

type NamedType = 'OrgUnit' | 'Person';

interface ProjectedName {
  name: string;
  path: string;
}

/** Names read along with a row (a ledger page's statement): null where the projection has none. */
export type ProvidedNames = Record<NamedType, ProjectedName | null>;

const ACCESS = { OrgUnit: ORG_UNIT_NAME_ACCESS, Person: PERSON_NAME_ACCESS };

const KEY_FIELDS = ['id', '__typename'];

/**
 * What a page statement adds to bring each row's names along (ledgerPage's `alongside`), given the row's
 * columns holding the unit's and the person's ids.
 */
export function providedNamesAlongside(idColumns: Record<NamedType, string>): { columns: string; joins: string } {
  return {
    columns: 'pn_unit.name AS pn_unit_name, pn_unit.path AS pn_unit_path, pn_person.name AS pn_person_name, pn_person.org_path AS pn_person_path',
    joins: `LEFT JOIN org_unit_projection pn_unit ON pn_unit.id = t.${idColumns.OrgUnit} LEFT JOIN person_projection pn_person ON pn_person.id = t.${idColumns.Person}`,
  };
}

export function providedNamesOf(row: Record<string, unknown>): ProvidedNames {
  const named = (name: unknown, path: unknown) => (typeof name === 'string' ? { name, path: String(path) } : null);
  return { OrgUnit: named(row.pn_unit_name, row.pn_unit_path), Person: named(row.pn_person_name, row.pn_person_path) };
}

/** Both projections in one statement, for references whose names did not come with their row. */
const NAMES_SQL = `SELECT 'OrgUnit' AS type, id, name, path FROM org_unit_projection WHERE id IN (?)
  UNION ALL SELECT 'Person' AS type, id, name, org_path AS path FROM person_projection WHERE id IN (?)`;

/** Loads `type:id` keys: a request's units and people in one round trip. */
function nameLoader(dataSource: DataSource): DataLoader<string, (ProjectedName & { type: NamedType }) | null> {
  return new DataLoader(async (keys) => {
    const idsOf = (type: NamedType) => keys.filter((key) => key.startsWith(`${type}:`)).map((key) => key.slice(type.length + 1));
    // An empty list would be `IN ()`: an id no row has stands in.
    const rows: (ProjectedName & { type: NamedType; id: string })[] = await dataSource.query(NAMES_SQL, [idsOf('OrgUnit').concat(''), idsOf('Person').concat('')]);
    const byKey = new Map(rows.map((row) => [`${row.type}:${row.id}`, row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

export type NamedReferenceAnswer = { id: string } | null | Promise<{ id: string } | null>;

/**
 * A reference to a unit or person as a field that provides its name resolves it: the bare reference when
 * only its key is asked; with the name when the name is — from the row's own statement when it brought the
 * name along, else loaded — and then null out of the viewer's scope, as responsibility-network answers (or
 * while the projection has not heard of it yet).
 */
export function namedReference(
  dataSource: DataSource,
  context: RequestContext,
  info: GraphQLResolveInfo,
  type: NamedType,
  reference: { id: string } | null,
  alongside?: ProvidedNames,
): NamedReferenceAnswer {
  if (!reference || !selectsBeyond(info, KEY_FIELDS)) return reference;
  const caller = callerOf(context);
  const named = (projected: ProjectedName | null) =>
    projected && ACCESS[type].allows(caller, 'view', projected.path) ? { id: reference.id, name: projected.name } : null;
  if (alongside) return named(alongside[type]);
  return context.loaders.get('ProvidedNames', () => nameLoader(dataSource)).load(`${type}:${reference.id}`).then(named);
}
