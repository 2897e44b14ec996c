import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentNode, Kind, parse } from 'graphql';
import ts from 'typescript';

/** Where the demo, the e2e and integration specs and the benchmarks write the GraphQL documents they send. */
const SENDING_FILES: { folder: string; name: RegExp }[] = [
  { folder: 'tools/platform', name: /\.ts$/ },
  { folder: 'tools/e2e', name: /\.ts$/ },
  { folder: 'libs/testing/src', name: /\.ts$/ },
  { folder: 'apps', name: /\.integration-spec\.ts$/ },
  { folder: 'bench', name: /\.ts$/ },
];

function sendingFiles(root: string): string[] {
  return SENDING_FILES.flatMap(({ folder, name }) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => name.test(file))
      .map((file) => path.join(folder, file)),
  ).sort();
}

/** Stands for an interpolation whose value is not a constant of the same file (e.g. a mutation name). */
const PLACEHOLDER = 'x';

export interface SentOperation {
  file: string;
  source: string;
  document: DocumentNode;
}

/**
 * Every GraphQL operation written as a string or template in the files: interpolated constants of the same
 * file are substituted, anything else becomes a placeholder name. Candidates that do not parse (a
 * placeholder where a name cannot stand) are returned apart.
 */
export function sentOperations(root: string): { operations: SentOperation[]; unparsed: { file: string; source: string }[] } {
  const operations: SentOperation[] = [];
  const unparsed: { file: string; source: string }[] = [];
  const seen = new Set<string>();
  for (const file of sendingFiles(root)) {
    for (const source of graphqlStringsIn(path.join(root, file))) {
      if (seen.has(source)) continue;
      seen.add(source);
      try {
        const document = parse(source);
        if (document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION)) operations.push({ file, source, document });
      } catch {
        unparsed.push({ file, source });
      }
    }
  }
  return { operations, unparsed };
}

const OPERATION_START = /^\s*(query|mutation|subscription|fragment)\b[\s\S]*\{|^\s*\{\s*[_A-Za-z]/;

function graphqlStringsIn(file: string): string[] {
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const constants = new Map<string, ts.Expression>();
  const literals: ts.Expression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) constants.set(node.name.text, node.initializer);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) literals.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const evaluate = (node: ts.Expression, depth = 0): string | null => {
    if (depth > 20) return null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) {
      return node.head.text + node.templateSpans.map((span) => (evaluate(span.expression, depth + 1) ?? PLACEHOLDER) + span.literal.text).join('');
    }
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return evaluate(node.expression, depth + 1);
    if (ts.isIdentifier(node)) {
      const initializer = constants.get(node.text);
      return initializer ? evaluate(initializer, depth + 1) : null;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = evaluate(node.left, depth + 1);
      const right = evaluate(node.right, depth + 1);
      return left === null || right === null ? null : left + right;
    }
    return null;
  };
  return literals
    .filter((literal) => !ts.isTemplateSpan(literal.parent) || !ts.isTemplateExpression(literal.parent.parent))
    .map((literal) => evaluate(literal))
    .filter((text): text is string => text !== null && OPERATION_START.test(text));
}
