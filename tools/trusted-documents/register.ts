/**
 * Registers a frontend's operations as trusted documents: reads GraphQL Code Generator's persisted-documents.json
 * (client preset, `persistedDocuments: { hashAlgorithm: 'sha256' }`), an Apollo persisted query manifest or .graphql
 * files (one operation each, with its fragments), checks every operation against the public API schema, and
 * merges them into the gateway's manifest (Apollo's format; each id the SHA-256 of the body).
 *   npm run trusted-documents:register -- <file>... [--manifest <path>]   (default apps/gateway/trusted-documents.json)
 * The production gateway then runs with GATEWAY_TRUSTED_DOCUMENTS=<path> and executes nothing else.
 */
import { documentId, parseTrustedDocuments, TrustedDocumentManifest, TrustedOperation } from '@campus/server';
import { buildSchema, getOperationAST, GraphQLSchema, parse, validate } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const API_SCHEMA = path.join(ROOT, 'apps/gateway/api-schema.graphql');

/** The bodies a source file holds: a codegen map of hash → body, a manifest, or one .graphql document. */
export function bodiesOf(file: string, text: string): string[] {
  if (file.endsWith('.graphql') || file.endsWith('.gql')) return [text];
  const json = JSON.parse(text) as unknown;
  if (json && typeof json === 'object' && (json as { format?: unknown }).format === 'apollo-persisted-query-manifest') {
    return parseTrustedDocuments(text, file).operations.map((operation) => operation.body);
  }
  if (json && typeof json === 'object' && !Array.isArray(json) && Object.values(json).every((value) => typeof value === 'string')) {
    return Object.values(json as Record<string, string>);
  }
  throw new Error(`${file}: neither persisted-documents.json (hash → body), a persisted query manifest nor a .graphql file`);
}

/** One body as a trusted operation, or an error naming it and what the API schema says is wrong with it. */
export function trustedOperation(body: string, schema: GraphQLSchema, source: string): TrustedOperation {
  const document = parse(body);
  const operation = getOperationAST(document);
  if (!operation?.name) throw new Error(`${source}: each document must hold exactly one named operation`);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(`${source}: ${operation.name.value} does not fit the public API: ${errors.map((error) => error.message).join('; ')}`);
  return { id: documentId(body), name: operation.name.value, type: operation.operation, body };
}

/** The manifest with the new operations added (an operation already there by id is kept as it is). */
export function mergeInto(manifest: TrustedDocumentManifest, operations: TrustedOperation[]): { manifest: TrustedDocumentManifest; added: number } {
  const known = new Set(manifest.operations.map((operation) => operation.id));
  const fresh = operations.filter((operation, index) => !known.has(operation.id) && operations.findIndex((other) => other.id === operation.id) === index);
  const merged = [...manifest.operations, ...fresh].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { manifest: { ...manifest, operations: merged }, added: fresh.length };
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--manifest');
  const manifestFile = path.resolve(at >= 0 ? args[at + 1] : path.join(ROOT, 'apps/gateway/trusted-documents.json'));
  const sources = args.filter((arg, index) => arg !== '--manifest' && index !== at + 1);
  if (!sources.length) throw new Error('usage: npm run trusted-documents:register -- <persisted-documents.json | manifest.json | op.graphql>... [--manifest <path>]');
  const schema = buildSchema(readFileSync(API_SCHEMA, 'utf8'));
  const operations = sources.flatMap((file) => bodiesOf(file, readFileSync(file, 'utf8')).map((body) => trustedOperation(body, schema, file)));
  const current: TrustedDocumentManifest = existsSync(manifestFile)
    ? parseTrustedDocuments(readFileSync(manifestFile, 'utf8'), manifestFile)
    : { format: 'apollo-persisted-query-manifest', version: 1, operations: [] };
  const { manifest, added } = mergeInto(current, operations);
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`${manifestFile}: ${manifest.operations.length} operations (${added} new)\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
