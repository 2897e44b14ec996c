import { BreakingChange, buildSchema, findBreakingChanges } from 'graphql';
import { z } from 'zod';

/**
 * A breaking change of the public API that a release means to make, declared in apps/gateway/api-changes.json
 * with what graphql-js calls it (type and description, as the check prints them) and why, in Chinese, for the
 * CHANGELOG and the frontend teams.
 */
export interface DeclaredChange {
  type: string;
  description: string;
  reason: string;
}

const DECLARATIONS = z.array(z.object({ type: z.string().min(1), description: z.string().min(1), reason: z.string().min(1) }).strict());

/** The declarations file's content, or an error naming what is wrong with it. */
export function parseDeclarations(text: string, file: string): DeclaredChange[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = DECLARATIONS.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new Error(`${file} must be a list of { type, description, reason }:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

export interface BreakingChangeCheck {
  /** Breaking changes against the released schema that nobody declared: each one fails the check. */
  undeclared: BreakingChange[];
  /** Declarations that match no change any more (the change was undone, or its description changed). */
  unmatched: DeclaredChange[];
}

/**
 * The public API schema against the last released one: removed types, fields and enum values, changed
 * types, new required arguments and input fields (graphql-js' findBreakingChanges). Additions and
 * deprecations are not breaking; a frontend's operations keep working through them.
 */
export function checkBreakingChanges(releasedSdl: string, currentSdl: string, declared: DeclaredChange[]): BreakingChangeCheck {
  const changes = findBreakingChanges(buildSchema(releasedSdl), buildSchema(currentSdl));
  const matches = (change: BreakingChange, declaration: DeclaredChange) => declaration.type === change.type && declaration.description === change.description;
  return {
    undeclared: changes.filter((change) => !declared.some((declaration) => matches(change, declaration))),
    unmatched: declared.filter((declaration) => !changes.some((change) => matches(change, declaration))),
  };
}

/** What the check says when it fails, with the declaration to add for each undeclared change. */
export function describeFailure(check: BreakingChangeCheck): string {
  const lines: string[] = [];
  if (check.undeclared.length) {
    lines.push('Breaking changes of the public API against apps/gateway/api-schema.released.graphql:');
    for (const change of check.undeclared) lines.push(`  - ${change.type}: ${change.description}`);
    lines.push(
      'Keep the old field or value and mark it @deprecated(reason: "…") instead, or declare the change in',
      'apps/gateway/api-changes.json, e.g.',
      JSON.stringify(check.undeclared.map((change) => ({ type: change.type, description: change.description, reason: '原因（中文）' })), null, 2),
    );
  }
  if (check.unmatched.length) {
    lines.push('Declared in apps/gateway/api-changes.json but not made (remove them):');
    for (const declaration of check.unmatched) lines.push(`  - ${declaration.type}: ${declaration.description}`);
  }
  return lines.join('\n');
}
