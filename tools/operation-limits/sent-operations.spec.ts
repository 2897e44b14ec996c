import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@campus/graphql';
import { loadOperationLimits } from '@campus/config';
import { operationCost, operationLimitRules } from '@campus/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  buildSchema,
  DocumentNode,
  getNamedType,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  Lexer,
  OperationDefinitionNode,
  Source,
  TokenKind,
  typeFromAST,
  validate,
  ValidationRule,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SentOperation, sentOperations } from './sent-operations';

const ROOT = path.resolve(__dirname, '../..');
const supergraph = buildSchema(readFileSync(path.join(ROOT, 'apps/gateway/supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
const limits = loadOperationLimits({});

function tokensOf(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

/** What one of Armor's rules counts in a document (its onAccept handler hears the count). */
function counted(document: DocumentNode, rule: (options: object) => unknown): number {
  let largest = 0;
  const onAccept = [(_context: unknown, { n }: { n: number }) => (largest = Math.max(largest, n))];
  validate(supergraph, document, [rule({ n: Number.MAX_SAFE_INTEGER, onAccept, flattenFragments: true }) as ValidationRule]);
  return largest;
}

/** A value of a variable's type: the largest page for a page size, the first enum value, required fields filled. */
function sampleValue(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name);
  if (isListType(type)) return [sampleValue(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(required.map((field) => [field.name, sampleValue(field.type, field.name)]));
  }
  switch (getNamedType(type).name) {
    case 'Int':
      return /^(first|last|pageSize|limit)$/i.test(name) ? MAX_PAGE_SIZE : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'CalendarDate':
      return '2026-01-01';
    default:
      return 'x';
  }
}

function sampleVariables(document: DocumentNode, schema: GraphQLSchema): Record<string, unknown> {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const definitions = operations.flatMap((operation) => operation.variableDefinitions ?? []);
  return Object.fromEntries(
    definitions.flatMap((definition) => {
      const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
      return type ? [[definition.variable.name.value, sampleValue(type, definition.variable.name.value)]] : [];
    }),
  );
}

interface Figures {
  operation: SentOperation;
  tokens: number;
  aliases: number;
  directives: number;
  depth: number;
  cost: number;
}

function figuresOf(operation: SentOperation): Figures {
  const { document, source } = operation;
  return {
    operation,
    tokens: tokensOf(source),
    aliases: counted(document, maxAliasesRule as never),
    directives: counted(document, maxDirectivesRule as never),
    depth: counted(document, maxDepthRule as never),
    cost: operationCost(supergraph, document, sampleVariables(document, supergraph)),
  };
}

function largest(figures: Figures[], measure: keyof Omit<Figures, 'operation'>): Figures {
  return figures.reduce((top, next) => (next[measure] > top[measure] ? next : top));
}

describe('the operations the services, the demo, the tests and the benchmarks send', () => {
  const { operations, unparsed } = sentOperations(ROOT);
  const figures = operations.map(figuresOf);

  it('are found in the services, the demo, the e2e and integration specs and the benchmarks', () => {
    expect(operations.length).toBeGreaterThan(300);
    expect(new Set(operations.map((operation) => operation.file.split('/')[0])).size).toBe(4); // apps, libs, tools, bench
    // A few candidates carry an interpolation where a placeholder name cannot stand; they stay few.
    expect(unparsed.length).toBeLessThan(operations.length / 10);
  });

  it('all pass the default limits', () => {
    const summary = (['tokens', 'aliases', 'directives', 'depth', 'cost'] as const).map((measure) => {
      const top = largest(figures, measure);
      return `${measure}: ${top[measure]} (${top.operation.file})`;
    });
    console.log(`${operations.length} operations (${unparsed.length} unparsed), default page ${DEFAULT_PAGE_SIZE}, largest:\n  ${summary.join('\n  ')}`);
    const refused = figures.filter(
      (f) => f.tokens > limits.maxTokens || f.aliases > limits.maxAliases || f.directives > limits.maxDirectives || f.depth > limits.maxDepth || f.cost > limits.maxCost,
    );
    expect(refused.map(({ operation, ...measures }) => ({ file: operation.file, ...measures }))).toEqual([]);
  });

  it('are not refused by the validation rules of the limits', () => {
    const refusals = operations.flatMap(({ file, document }) =>
      validate(supergraph, document, operationLimitRules(limits)).map((error) => `${file}: ${error.message}`),
    );
    expect(refusals).toEqual([]);
  });
});
