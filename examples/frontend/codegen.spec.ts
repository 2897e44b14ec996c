import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { documentId } from '../../libs/server/src/trusted-documents';
import { bodiesOf, trustedOperation } from '../../tools/trusted-documents/register';
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';

const CODEGEN = path.join(__dirname, '../../node_modules/@graphql-codegen/cli/esm/bin.js');
const API_SCHEMA = path.join(__dirname, '../../apps/gateway/api-schema.graphql');

/** GraphQL Code Generator's command line, as a frontend team runs it: its output, or its refusal. */
async function codegen(configFile: string): Promise<{ ok: boolean; output: string }> {
  // Not Jest's NODE_ENV=test, under which the generator keeps its errors to itself.
  const env = { ...process.env };
  delete env.NODE_ENV;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CODEGEN, '--config', configFile], { cwd: path.dirname(configFile), env });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

function typeErrors(tsconfigFile: string): string[] {
  const { config } = ts.readConfigFile(tsconfigFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(tsconfigFile));
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('the frontend example (examples/frontend)', () => {
  it('generates typed operations from the public API schema, and the example compiles against them', async () => {
    const run = await codegen(path.join(__dirname, 'codegen.ts'));
    expect(run).toMatchObject({ ok: true });
    // Strict TypeScript over the example: result fields and variables are checked against the generated types.
    expect(typeErrors(path.join(__dirname, 'tsconfig.json'))).toEqual([]);
    // Its persisted documents register as trusted documents under the ids the generated code sends.
    const persisted = path.join(__dirname, 'src/gql/persisted-documents.json');
    const ids = Object.keys(JSON.parse(readFileSync(persisted, 'utf8')) as Record<string, string>);
    const schema = buildSchema(readFileSync(API_SCHEMA, 'utf8'));
    const registered = bodiesOf(persisted, readFileSync(persisted, 'utf8')).map((body) => trustedOperation(body, schema, persisted));
    expect(registered.map((operation) => operation.name).sort()).toEqual(['LedgerPage', 'StartRectification']);
    expect(registered.map((operation) => `sha256:${documentId(operation.body)}`)).toEqual(ids);
  }, 60_000);

  it('refuses an operation the public API does not have, naming the field', async () => {
    // Inside the repository, so that the client preset resolves from its node_modules.
    const scratch = path.join(__dirname, '../../tmp');
    mkdirSync(scratch, { recursive: true });
    const dir = mkdtempSync(path.join(scratch, 'codegen-'));
    try {
      writeFileSync(path.join(dir, 'wrong.graphql'), 'query Wrong { hazards(first: 5) { edges { node { id hazardColour } } } }');
      const config = { schema: API_SCHEMA, documents: ['*.graphql'], generates: { 'gql/': { preset: 'client' } } };
      writeFileSync(path.join(dir, 'codegen.json'), JSON.stringify(config));
      const run = await codegen(path.join(dir, 'codegen.json'));
      expect(run).toMatchObject({ ok: false });
      expect(run.output).toContain('hazardColour');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
