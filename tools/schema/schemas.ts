/**
 * Prints each subgraph's SDL to apps/<name>/schema.graphql, composes them into
 * apps/gateway/supergraph.graphql and prints the services' access policies to docs/access-policy.md.
 * With --check, writes nothing and fails when a committed file is stale.
 * Runs on the compiled output: build first (npm run build).
 */
import 'reflect-metadata';
import { composeServices } from '@apollo/composition';
import { localGraphqlUrl, SUBGRAPH_SERVICES } from '@campus/config';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { ServiceDescription } from '@campus/server';
import { renderPolicyTable } from './policy-table';

const ROOT = path.resolve(__dirname, '../../..');
const SUBGRAPHS = SUBGRAPH_SERVICES;
const SUPERGRAPH = path.join(ROOT, 'apps/gateway/supergraph.graphql');

const POLICY_TABLE = path.join(ROOT, 'docs/access-policy.md');

/** Runs an app's compiled describe script: its SDL, or with --policy its policies as JSON. */
function describe(name: string, ...args: string[]): string {
  return execFileSync(
    process.execPath,
    ['-r', path.join(ROOT, 'tools/runtime/paths.js'), path.join(ROOT, `dist/apps/${name}/src/describe.js`), ...args],
    { encoding: 'utf8', cwd: ROOT },
  );
}

function compose(sdls: Map<string, string>): string {
  const result = composeServices(
    SUBGRAPHS.map(({ name, port }) => ({ name, url: localGraphqlUrl(port), typeDefs: parse(sdls.get(name)!) })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
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
  files.set(SUPERGRAPH, compose(sdls));
  files.set(POLICY_TABLE, renderPolicyTable(policies));
  const stale = [...files].filter(([file, content]) => !sync(file, content, check)).map(([file]) => path.relative(ROOT, file));
  if (check && stale.length) {
    process.stderr.write(`Stale schema files (run npm run schema:write and commit):\n  ${stale.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stdout.write(
    stale.length ? `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}\n` : 'schema files are current\n',
  );
}

main();
