import { documentId } from '@campus/server';
import { buildSchema } from 'graphql';
import { bodiesOf, mergeInto, trustedOperation } from './register';

const SCHEMA = buildSchema(`
  type Hazard { id: ID! title: String! }
  type Query { hazards(first: Int): [Hazard!]! }
  type Mutation { voidHazard(id: ID!): Hazard! }
`);
const LEDGER = 'query LedgerPage { hazards(first: 20) { id title } }';
const VOID = 'mutation VoidHazard($id: ID!) { voidHazard(id: $id) { id } }';

describe('registering a frontend’s operations as trusted documents', () => {
  it('reads GraphQL Code Generator’s persisted documents, a manifest and a .graphql file', () => {
    expect(bodiesOf('gql/persisted-documents.json', JSON.stringify({ [documentId(LEDGER)]: LEDGER, [documentId(VOID)]: VOID }))).toEqual([LEDGER, VOID]);
    const manifest = { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: documentId(VOID), name: 'VoidHazard', type: 'mutation', body: VOID }] };
    expect(bodiesOf('manifest.json', JSON.stringify(manifest))).toEqual([VOID]);
    expect(bodiesOf('ledger.graphql', LEDGER)).toEqual([LEDGER]);
    expect(() => bodiesOf('other.json', '[1, 2]')).toThrow(/other.json: neither/);
  });

  it('names each operation by the SHA-256 of its body, and refuses one the public API does not have', () => {
    expect(trustedOperation(VOID, SCHEMA, 'f')).toEqual({ id: documentId(VOID), name: 'VoidHazard', type: 'mutation', body: VOID });
    expect(() => trustedOperation('query Wrong { hazards { colour } }', SCHEMA, 'wrong.graphql')).toThrow(
      'wrong.graphql: Wrong does not fit the public API: Cannot query field "colour" on type "Hazard".',
    );
    expect(() => trustedOperation('{ hazards { id } }', SCHEMA, 'anon.graphql')).toThrow('anon.graphql: each document must hold exactly one named operation');
  });

  it('adds new operations to the manifest once, keeping the ones it has', () => {
    const empty = { format: 'apollo-persisted-query-manifest' as const, version: 1 as const, operations: [] };
    const ledger = trustedOperation(LEDGER, SCHEMA, 'f');
    const first = mergeInto(empty, [ledger, ledger]);
    expect(first).toMatchObject({ added: 1, manifest: { operations: [ledger] } });
    const second = mergeInto(first.manifest, [trustedOperation(VOID, SCHEMA, 'f'), ledger]);
    expect(second.added).toBe(1);
    expect(second.manifest.operations.map((operation) => operation.name)).toEqual(['LedgerPage', 'VoidHazard']);
  });
});
