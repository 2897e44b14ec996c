import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { depthLimit } from './depth-limit';

const schema = buildSchema(`
  type Unit {
    id: ID!
    name: String!
    parent: Unit
    children: [Unit!]!
  }
  type Query {
    unit(id: ID!): Unit
    units: [Unit!]!
  }
`);

function check(query: string, maxDepth: number): readonly GraphQLError[] {
  return validate(schema, parse(query), [depthLimit(maxDepth)]);
}

describe('depthLimit', () => {
  it('accepts a query exactly at the limit', () => {
    expect(check('{ unit(id: "1") { parent { parent { name } } } }', 4)).toEqual([]);
  });

  it('refuses a query one level deeper than the limit', () => {
    const errors = check('{ unit(id: "1") { parent { parent { parent { name } } } } }', 4);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('5 层，最多 4 层');
    expect(errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('counts the depth of the deepest branch', () => {
    const query = '{ units { id } unit(id: "1") { name children { children { id } } } }';
    expect(check(query, 4)).toEqual([]);
    expect(check(query, 3)).toHaveLength(1);
  });

  it('follows fragment spreads, including nested ones', () => {
    const query = `
      query Deep { unit(id: "1") { ...Up } }
      fragment Up on Unit { parent { ...UpAgain } }
      fragment UpAgain on Unit { parent { parent { name } } }
    `;
    expect(check(query, 5)).toEqual([]);
    const errors = check(query, 4);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('5 层');
  });

  it('does not count fragments as levels of their own', () => {
    const query = `
      { unit(id: "1") { ...Name ... on Unit { parent { ...Name } } } }
      fragment Name on Unit { name }
    `;
    expect(check(query, 3)).toEqual([]);
    expect(check(query, 2)).toHaveLength(1);
  });

  it('checks each operation of a document separately', () => {
    const errors = check('query Shallow { units { id } } query Deep { units { children { children { id } } } }', 2);
    expect(errors).toHaveLength(1);
    expect(errors[0].nodes?.[0]).toMatchObject({ name: { value: 'Deep' } });
  });

  it('terminates on fragment cycles (reported by graphql itself)', () => {
    const query = `
      { unit(id: "1") { ...A } }
      fragment A on Unit { parent { ...B } }
      fragment B on Unit { parent { ...A } }
    `;
    expect(check(query, 10)).toEqual([]);
  });
});
