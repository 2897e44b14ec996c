import { OrgUnitDirectory } from '@campus/org-directory';

/**
 * The org directory as seen by a contributing subgraph's integration tests: a fixed set of units and
 * their paths (responsibility-network itself is exercised end to end).
 */
export function fixedOrgDirectory(paths: Record<string, string>): OrgUnitDirectory {
  return { pathOf: async (unitId) => paths[unitId] ?? null };
}
