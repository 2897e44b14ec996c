import { rowsByIds } from '@campus/database';
import { callerOf, RequestContext, selectsBeyond } from '@campus/graphql';
import { OrgUnitProjectionRow } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { ORG_UNIT_NAME_ACCESS, PERSON_NAME_ACCESS } from './directory.access';
import { PersonProjectionRow } from './directory.entity';

/**
 * responsibility-network's fields this service answers from its projections where its own fields
 * `@provides` them, so that a ledger page with unit and person names is one subgraph's work.
 */
export const PROVIDED_NAME_FIELDS = `
extend type OrgUnit { name: String! @external }
extend type Person { name: String! @external }
`;

export interface NamedReference {
  id: string;
  name: string;
}

type NamedType = 'OrgUnit' | 'Person';

const KEY_FIELDS = ['id', '__typename'];

function nameLoader(dataSource: DataSource, context: RequestContext, type: NamedType): DataLoader<string, NamedReference | null> {
  const caller = callerOf(context);
  const toNamed = (row: { id: string; name: string }): NamedReference => ({ id: row.id, name: row.name });
  return new DataLoader((ids) => {
    if (type === 'OrgUnit') {
      const scope = ORG_UNIT_NAME_ACCESS.where(caller, 'view', 'u.path');
      return rowsByIds(dataSource.getRepository(OrgUnitProjectionRow).createQueryBuilder('u').where(scope.sql, scope.params), 'u', ids, toNamed);
    }
    const scope = PERSON_NAME_ACCESS.where(caller, 'view', 'p.org_path');
    return rowsByIds(dataSource.getRepository(PersonProjectionRow).createQueryBuilder('p').where(scope.sql, scope.params), 'p', ids, toNamed);
  });
}

/**
 * A reference to a unit or person as a field that provides its name resolves it: the bare reference when
 * only its key is asked; with the name when the name is, and then null out of the viewer's scope, as
 * responsibility-network answers (or while the projection has not heard of it yet).
 */
export function namedReference(
  dataSource: DataSource,
  context: RequestContext,
  info: GraphQLResolveInfo,
  type: NamedType,
  reference: { id: string } | null,
): Promise<{ id: string } | null> {
  if (!reference || !selectsBeyond(info, KEY_FIELDS)) return Promise.resolve(reference);
  return context.loaders.get(`Provided${type}Name`, () => nameLoader(dataSource, context, type)).load(reference.id);
}
