import { buildSchema, graphql, GraphQLResolveInfo } from 'graphql';
import { selectsBeyond, selectsField } from './selection';

describe('selection', () => {
  const schema = buildSchema('type Page { totalCount: Int, items: [Int] } type Query { page: Page }');

  async function seenBy(query: string, test: (info: GraphQLResolveInfo) => boolean): Promise<boolean> {
    let seen = false;
    await graphql({
      schema,
      source: query,
      rootValue: {
        page: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
          seen = test(info);
          return { totalCount: 1, items: [] };
        },
      },
    });
    return seen;
  }

  it('selectsField finds the field directly, in inline fragments and in named fragments, and not when absent', async () => {
    const selects = (query: string) => seenBy(query, (info) => selectsField(info, 'totalCount'));
    expect(await selects('{ page { totalCount items } }')).toBe(true);
    expect(await selects('{ page { ... on Page { totalCount } } }')).toBe(true);
    expect(await selects('query { page { ...counts } } fragment counts on Page { totalCount }')).toBe(true);
    expect(await selects('{ page { items } }')).toBe(false);
  });

  it('selectsBeyond tells a selection of only the listed fields from one with more, through fragments', async () => {
    const beyondKey = (query: string) => seenBy(query, (info) => selectsBeyond(info, ['__typename', 'totalCount']));
    expect(await beyondKey('{ page { __typename totalCount } }')).toBe(false);
    expect(await beyondKey('{ page { totalCount ... on Page { __typename } } }')).toBe(false);
    expect(await beyondKey('{ page { totalCount items } }')).toBe(true);
    expect(await beyondKey('query { page { ...rest } } fragment rest on Page { items }')).toBe(true);
  });
});
