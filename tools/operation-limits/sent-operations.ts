import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentNode, Kind, parse } from 'graphql';
import ts from 'typescript';

/**
 * Where GraphQL documents are written: the demo, the e2e and integration specs, the benchmarks, and the
 * services and libraries themselves (lookups one service makes of another, the gateway's exports).
 */
const SENDING_FILES: { folder: string; name: RegExp }[] = [
  { folder: 'tools/platform', name: /\.ts$/ },
  { folder: 'tools/e2e', name: /\.ts$/ },
  { folder: 'apps', name: /\.ts$/ },
  { folder: 'libs', name: /\.ts$/ },
  { folder: 'bench', name: /\.ts$/ },
];

/** Unit specs (written against small schemas of their own) and the security probes (hostile on purpose). */
const NOT_SENT = /\.spec\.ts$|\/security-[^/]*$|\/security-matrix\//;

function sendingFiles(root: string): string[] {
  return SENDING_FILES.flatMap(({ folder, name }) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => name.test(file) && !NOT_SENT.test(`/${file}`))
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

interface ModuleConstants {
  constants: Map<string, ts.Expression>;
  /** Local name → the module it is imported from and its name there. */
  imports: Map<string, { module: string; name: string }>;
  /** Modules re-exported whole (`export * from './x'`). */
  reexports: string[];
  literals: ts.Expression[];
}

const modules = new Map<string, ModuleConstants | null>();

/** The repository a file belongs to: the nearest folder above it that holds libs/. */
function repositoryOf(file: string): string {
  let folder = path.dirname(file);
  while (!existsSync(path.join(folder, 'libs')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}

/** The file a module specifier names, from a file: relative paths and the @campus/* libraries. */
function resolveModule(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else if (specifier.startsWith('@campus/')) base = path.join(repositoryOf(from), 'libs', specifier.slice('@campus/'.length), 'src');
  else return null;
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate)) ?? null;
}

function moduleConstants(file: string): ModuleConstants | null {
  if (modules.has(file)) return modules.get(file) ?? null;
  modules.set(file, null);
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: ModuleConstants = { constants: new Map(), imports: new Map(), reexports: [], literals: [] };
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) found.constants.set(node.name.text, node.initializer);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) found.literals.push(node);
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
      const module = resolveModule(file, node.moduleSpecifier.text);
      for (const element of module ? node.importClause.namedBindings.elements : []) {
        found.imports.set(element.name.text, { module: module as string, name: (element.propertyName ?? element.name).text });
      }
    }
    if (ts.isExportDeclaration(node) && !node.exportClause && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const module = resolveModule(file, node.moduleSpecifier.text);
      if (module) found.reexports.push(module);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  modules.set(file, found);
  return found;
}

/** The initializer of a constant a file declares, imports or re-exports, and the file that declares it. */
function constantNamed(file: string, name: string, depth = 0): { file: string; initializer: ts.Expression } | null {
  const module = depth > 10 ? null : moduleConstants(file);
  if (!module) return null;
  const initializer = module.constants.get(name);
  if (initializer) return { file, initializer };
  const imported = module.imports.get(name);
  if (imported) return constantNamed(imported.module, imported.name, depth + 1);
  for (const reexport of module.reexports) {
    const found = constantNamed(reexport, name, depth + 1);
    if (found) return found;
  }
  return null;
}

function evaluate(file: string, node: ts.Expression, depth = 0): string | null {
  if (depth > 20) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => (evaluate(file, span.expression, depth + 1) ?? PLACEHOLDER) + span.literal.text).join('');
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return evaluate(file, node.expression, depth + 1);
  if (ts.isIdentifier(node)) {
    const constant = constantNamed(file, node.text);
    return constant ? evaluate(constant.file, constant.initializer, depth + 1) : null;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evaluate(file, node.left, depth + 1);
    const right = evaluate(file, node.right, depth + 1);
    return left === null || right === null ? null : left + right;
  }
  return null;
}

function graphqlStringsIn(file: string): string[] {
  const literals = moduleConstants(file)?.literals ?? [];
  return literals
    .filter((literal) => !ts.isTemplateSpan(literal.parent) || !ts.isTemplateExpression(literal.parent.parent))
    .map((literal) => evaluate(file, literal))
    .filter((text): text is string => text !== null && OPERATION_START.test(text));
}
