/**
 * Data scope: every scoped row stores its unit's materialised org path; a viewer sees rows whose path
 * starts with one of their granted paths.
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A WHERE fragment with TypeORM named parameters. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** `(col LIKE :p0 OR col LIKE :p1)` for the viewer's subtrees, or a condition matching nothing for an empty scope. */
export function orgScopeCondition(column: string, scopePaths: readonly string[], paramPrefix = 'scope'): SqlCondition {
  if (scopePaths.length === 0) return { sql: '1 = 0', params: {} };
  const params: Record<string, unknown> = {};
  const parts = scopePaths.map((path, index) => {
    params[`${paramPrefix}${index}`] = `${escapeLike(path)}%`;
    return `${column} LIKE :${paramPrefix}${index}`;
  });
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** `col LIKE :name` for one subtree. */
export function subtreeCondition(column: string, path: string, param: string): SqlCondition {
  return { sql: `${column} LIKE :${param}`, params: { [param]: `${escapeLike(path)}%` } };
}

/** The path of a child: parent path plus the child's id. */
export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}
