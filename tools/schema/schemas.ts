/**
 * Prints each subgraph's SDL to apps/<name>/schema.graphql, composes them into
 * apps/gateway/supergraph.graphql, prints the public API schema (as clients see it, without federation's
 * directives) to apps/gateway/api-schema.graphql, its HTML reference to docs/api-reference.html and the services'
 * access policies to docs/access-policy.md;
 * then compares the public API with the last released one (apps/gateway/api-schema.released.graphql) and fails
 * on a breaking change not declared in apps/gateway/api-changes.json.
 * With --check, writes nothing and fails when a committed file is stale. With --release, the current public
 * API becomes the released one and the declarations are cleared (describe them in CHANGELOG.md first).
 * Runs on the compiled output: build first (npm run build).
 */
import 'reflect-metadata';
import { composeServices } from '@apollo/composition';
import { localGraphqlUrl, SUBGRAPH_SERVICES } from '@campus/config';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, printSchema } from 'graphql';
import type { ServiceDescription } from '@campus/server';
import { renderApiReference } from './api-reference';
import { checkBreakingChanges, describeFailure, parseDeclarations } from './breaking-changes';
import { renderPolicyTable } from './policy-table';

const ROOT = path.resolve(__dirname, '../../..');
const SUBGRAPHS = SUBGRAPH_SERVICES;
const SUPERGRAPH = path.join(ROOT, 'apps/gateway/supergraph.graphql');
const API_SCHEMA = path.join(ROOT, 'apps/gateway/api-schema.graphql');
const RELEASED_API_SCHEMA = path.join(ROOT, 'apps/gateway/api-schema.released.graphql');
const DECLARED_CHANGES = path.join(ROOT, 'apps/gateway/api-changes.json');

const POLICY_TABLE = path.join(ROOT, 'docs/access-policy.md');
const API_REFERENCE = path.join(ROOT, 'docs/api-reference.html');

/** Runs an app's compiled describe script: its SDL, or with --policy its policies as JSON. */
function describe(name: string, ...args: string[]): string {
  return execFileSync(
    process.execPath,
    ['-r', path.join(ROOT, 'tools/runtime/paths.js'), path.join(ROOT, `dist/apps/${name}/src/describe.js`), ...args],
    { encoding: 'utf8', cwd: ROOT },
  );
}

function compose(sdls: Map<string, string>) {
  const result = composeServices(
    SUBGRAPHS.map(({ name, port }) => ({ name, url: localGraphqlUrl(port), typeDefs: parse(sdls.get(name)!) })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  // The API schema: what clients can query, @inaccessible parts and federation's own types and directives left out.
  return { supergraphSdl: result.supergraphSdl, apiSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) };
}

/** Writes or, in check mode, compares; returns whether the file was already current. */
function sync(file: string, content: string, check: boolean): boolean {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (current === content) return true;
  if (!check) writeFileSync(file, content);
  return false;
}

function main(): void {
  const check = process.argv.includes('--check');
  const sdls = new Map(SUBGRAPHS.map(({ name }) => [name, describe(name)]));
  const policies = new Map(SUBGRAPHS.map(({ name }) => [name, JSON.parse(describe(name, '--policy')) as ServiceDescription]));
  const files = new Map<string, string>();
  for (const [name, sdl] of sdls) files.set(path.join(ROOT, `apps/${name}/schema.graphql`), sdl);
  const { supergraphSdl, apiSdl } = compose(sdls);
  files.set(SUPERGRAPH, supergraphSdl);
  files.set(API_SCHEMA, apiSdl);
  files.set(API_REFERENCE, renderApiReference(apiSdl));
  files.set(POLICY_TABLE, renderPolicyTable(policies));
  const stale = [...files].filter(([file, content]) => !sync(file, content, check)).map(([file]) => path.relative(ROOT, file));
  if (check && stale.length) {
    process.stderr.write(`Stale schema files (run npm run schema:write and commit):\n  ${stale.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stdout.write(
    stale.length ? `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}\n` : 'schema files are current\n',
  );
  if (process.argv.includes('--release')) return release(apiSdl);
  checkAgainstRelease(apiSdl);
}

/** Fails on a breaking change of the public API that apps/gateway/api-changes.json does not declare. */
function checkAgainstRelease(apiSdl: string): void {
  if (!existsSync(RELEASED_API_SCHEMA)) {
    process.stderr.write('No released API schema (apps/gateway/api-schema.released.graphql): run npm run schema:release and commit it.\n');
    process.exit(1);
  }
  const declared = parseDeclarations(readFileSync(DECLARED_CHANGES, 'utf8'), 'apps/gateway/api-changes.json');
  const check = checkBreakingChanges(readFileSync(RELEASED_API_SCHEMA, 'utf8'), apiSdl, declared);
  if (check.undeclared.length || check.unmatched.length) {
    process.stderr.write(`${describeFailure(check)}\n`);
    process.exit(1);
  }
  process.stdout.write(`public API: no undeclared breaking change against the released schema (${declared.length} declared)\n`);
}

function release(apiSdl: string): void {
  writeFileSync(RELEASED_API_SCHEMA, apiSdl);
  writeFileSync(DECLARED_CHANGES, '[]\n');
  process.stdout.write('released: apps/gateway/api-schema.released.graphql; apps/gateway/api-changes.json cleared (the CHANGELOG keeps what changed)\n');
}

main();
