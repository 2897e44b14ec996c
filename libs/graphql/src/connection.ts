import { Max, Min } from 'class-validator';
import { ArgsType, ClassType, Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@Directive('@shareable')
@ObjectType({ description: '分页信息' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `每页条数，最多 ${MAX_PAGE_SIZE}` })
  @Min(1, { message: '每页条数至少为 1' })
  @Max(MAX_PAGE_SIZE, { message: `每页条数最多为 ${MAX_PAGE_SIZE}` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: '上一页最后一条的游标' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the GraphQL connection and edge types for a node type. */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  // Unnamed and abstract: only the concrete subclass (e.g. HazardConnection) reaches the schema.
  @ObjectType()
  abstract class ConnectionClass implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: '符合条件的总数' })
    totalCount: number;
  }
  return ConnectionClass;
}

/**
 * Keyset cursors: the sort key of the last row, opaque to clients. A row's key is an array of
 * strings or numbers, compared in order (e.g. [createdAt, id]).
 */
export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, length: number): CursorKey | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((part) => ['string', 'number'].includes(typeof part))) {
      return key;
    }
  } catch {
    // falls through to the error below
  }
  throw new BadUserInputError([{ field: 'after', message: '游标无效，请从第一页重新查询' }]);
}

/** Turns rows fetched with limit first + 1 into a connection. */
export function toConnection<Row, Node>(
  rows: Row[],
  first: number,
  totalCount: number,
  keyOf: (row: Row) => CursorKey,
  toNode: (row: Row) => Node,
): ConnectionShape<Node> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}

/** Inputs that change an existing record name it and the version the client read (optimistic locking). */
@InputType()
export abstract class VersionedInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '读取时的版本号' })
  @Min(1, { message: '版本号无效' })
  version: number;
}
