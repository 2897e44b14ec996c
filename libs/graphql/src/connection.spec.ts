import { decodeCursor, encodeCursor, toConnection } from './connection';
import { BadUserInputError } from './errors';

function decodeError(cursor: string, length: number): BadUserInputError {
  try {
    decodeCursor(cursor, length);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return error as BadUserInputError;
  }
  throw new Error(`expected cursor ${cursor} to be refused`);
}

const raw = (value: string) => Buffer.from(value).toString('base64url');

describe('encodeCursor / decodeCursor', () => {
  it('round-trips a key of strings and numbers', () => {
    const key = ['2026-03-01T08:00:00.000Z', 'hazard-42', 7];
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 3)).toEqual(key);
  });

  it('returns null when there is no cursor', () => {
    expect(decodeCursor(null, 2)).toBeNull();
    expect(decodeCursor(undefined, 2)).toBeNull();
    expect(decodeCursor('', 2)).toBeNull();
  });

  it.each([
    ['garbage', '!!!not-base64!!!'],
    ['non-JSON text', raw('hello')],
    ['a key of the wrong length', encodeCursor(['a', 'b', 'c'])],
    ['a JSON object', raw(JSON.stringify({ id: 'a', at: 1 }))],
    ['a key with a non-scalar part', raw(JSON.stringify(['a', { id: 1 }]))],
    ['a key with null', raw(JSON.stringify(['a', null]))],
  ])('refuses %s as a BAD_USER_INPUT on field "after"', (_label, cursor) => {
    const error = decodeError(cursor, 2);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual([{ field: 'after', message: expect.any(String) }]);
    expect(error.details).toEqual({ fields: error.fields });
  });
});

describe('toConnection', () => {
  interface Row {
    id: string;
    createdAt: string;
  }
  const rows: Row[] = [1, 2, 3, 4].map((n) => ({ id: `id-${n}`, createdAt: `2026-01-0${n}` }));
  const build = (fetched: Row[], first: number) =>
    toConnection(fetched, first, 42, (row) => [row.createdAt, row.id], (row) => ({ id: row.id }));

  it('shows first rows and reports a next page when first + 1 rows were fetched', () => {
    const connection = build(rows, 3);
    expect(connection.edges.map((edge) => edge.node)).toEqual([{ id: 'id-1' }, { id: 'id-2' }, { id: 'id-3' }]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.pageInfo.endCursor).toBe(connection.edges[2].cursor);
    expect(decodeCursor(connection.pageInfo.endCursor, 2)).toEqual(['2026-01-03', 'id-3']);
    expect(connection.totalCount).toBe(42);
  });

  it('reports no next page when fewer rows than first + 1 were fetched', () => {
    const connection = build(rows.slice(0, 2), 3);
    expect(connection.edges).toHaveLength(2);
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(decodeCursor(connection.pageInfo.endCursor, 2)).toEqual(['2026-01-02', 'id-2']);
  });

  it('gives each edge the cursor of its own row', () => {
    const connection = build(rows.slice(0, 2), 5);
    expect(connection.edges.map((edge) => decodeCursor(edge.cursor, 2))).toEqual([
      ['2026-01-01', 'id-1'],
      ['2026-01-02', 'id-2'],
    ]);
  });

  it('has a null end cursor when there are no rows', () => {
    const connection = toConnection([], 20, 0, () => ['x'], (row) => row);
    expect(connection).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });
});
