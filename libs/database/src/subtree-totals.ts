/**
 * Pure: sums rows grouped by org_path into each asked-for unit's subtree. A row counts for every asked-for
 * path that is a prefix of its own (its ancestors-or-self), found by walking the row's path segments, so
 * one GROUP BY org_path statement answers any number of units.
 */
export function subtreeTotals<C extends string>(rows: readonly Record<string, unknown>[], paths: readonly string[], columns: readonly C[], pathColumn = 'org_path'): Map<string, Record<C, number>> {
  const zero = () => Object.fromEntries(columns.map((column) => [column, 0])) as Record<C, number>;
  const totals = new Map(paths.map((path) => [path, zero()]));
  for (const row of rows) {
    const path = String(row[pathColumn]);
    for (let end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
      const target = totals.get(path.slice(0, end + 1));
      if (!target) continue;
      for (const column of columns) target[column] += Number(row[column] ?? 0);
    }
  }
  return totals;
}

/** The paths not inside another of them: the LIKE prefixes that cover them all. */
export function outermostPaths(paths: readonly string[]): string[] {
  const kept: string[] = [];
  for (const path of [...new Set(paths)].sort()) if (!kept.length || !path.startsWith(kept[kept.length - 1])) kept.push(path);
  return kept;
}
