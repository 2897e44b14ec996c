import { buildSchema, graphql, GraphQLResolveInfo } from 'graphql';
import { selectsField } from './selection';

describe('selectsField', () => {
  const schema = buildSchema('type Page { totalCount: Int, items: [Int] } type Query { page: Page }');

  async function selects(query: string): Promise<boolean> {
    let seen = false;
    await graphql({
      schema,
      source: query,
      rootValue: {
        page: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
          seen = selectsField(info, 'totalCount');
          return { totalCount: 1, items: [] };
        },
      },
    });
    return seen;
  }

  it('finds the field directly, in inline fragments and in named fragments, and not when absent', async () => {
    expect(await selects('{ page { totalCount items } }')).toBe(true);
    expect(await selects('{ page { ... on Page { totalCount } } }')).toBe(true);
    expect(await selects('query { page { ...counts } } fragment counts on Page { totalCount }')).toBe(true);
    expect(await selects('{ page { items } }')).toBe(false);
  });
});
