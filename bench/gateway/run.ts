import 'reflect-metadata';
/**
 * The request path through the gateway against straight to the subgraphs, on the demo campus.
 *   npm run bench:gateway [-- --rounds 2] [--seconds 5] [--development]
 * Starts the platform on fresh bench_gw_* databases and ports 4640–4649 with the demo campus, each of the
 * gateway, hazard-tracking and responsibility-network writing a CPU profile; loads each operation from a
 * separate autocannon process at 1 and 50 connections, direct and through the gateway alternated; then
 * stops the platform and reads the profiles. Writes bench/reports/gateway.md (with bench/gateway/findings.md).
 */
import { GATEWAY_PROOF_HEADER } from '@campus/server';
import { DEMO_BOOTSTRAP, DEMO_PASSWORD, ROOT, seedDemoCampus, SUBGRAPHS } from '@campus/platform';
import { GraphQLClient } from '@campus/testing';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { flag, option, runBench } from '../bench-run';
import { LEDGER_PAGE } from './operations';
import { measureAll } from './measurements';
import { topFunctions } from './profiles';
import { gatewayReport } from './report';

const PROFILED = ['gateway', 'hazard-tracking', 'responsibility-network'] as const;
const profileDir = path.join(ROOT, 'tmp/bench-profiles/gateway');
// Production mode, as deployments run (graphql-js' fast paths, no introspection); --development for npm start's mode.
const mode = flag('development') ? 'development' : 'production';
const processEnv = (name: string) => ({
  CAMPUS_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-name=${name}.cpuprofile`,
  NODE_ENV: mode,
});
const settings = { rounds: option('rounds', 2), seconds: option('seconds', 5), mode };
const today = new Date().toISOString().slice(0, 10);

rmSync(profileDir, { recursive: true, force: true });
mkdirSync(profileDir, { recursive: true });

runBench({
  name: 'gateway',
  databasePrefix: 'bench_gw',
  basePort: 4640,
  bootstrap: DEMO_BOOTSTRAP,
  serviceEnv: Object.fromEntries(SUBGRAPHS.map((name) => [name, processEnv(name)])),
  gatewayEnv: { ...processEnv('gateway'), CORS_ORIGINS: 'https://safety.example.edu' },
  // A fresh demo each run: the transition's runs leave hazards behind.
  existing: async () => null,
  // The demo campus is seeded through the gateway once the platform runs (measure).
  generate: async () => ({ generatedAt: new Date().toISOString(), generationSeconds: 0 }),
  measure: async ({ platform }) => {
    const gateway = new GraphQLClient(platform.gatewayUrl);
    await seedDemoCampus(await gateway.login(DEMO_BOOTSTRAP.adminUsername, DEMO_BOOTSTRAP.adminPassword), () => undefined);
    const clients = { 'safety.office': await gateway.login('safety.office', DEMO_PASSWORD), 'bureau.admin': await gateway.login(DEMO_BOOTSTRAP.adminUsername, DEMO_PASSWORD) };
    const grantUnit = async (client: GraphQLClient) => (await client.data('{ me { grants { orgUnitId } } }')).me.grants[0].orgUnitId as string;
    const [schoolId, countyId] = [await grantUnit(clients['safety.office']), await grantUnit(clients['bureau.admin'])];
    const schoolIds = (await clients['bureau.admin'].data('query($id: ID!) { orgUnit(id: $id) { children { id } } }', { id: countyId })).orgUnit.children.map((child: { id: string }) => child.id);
    const hazardId = (await clients['safety.office'].data(LEDGER_PAGE)).hazards.edges[0].node.id as string;
    const measured = await measureAll(
      {
        platform,
        clients,
        proofHeaders: { [GATEWAY_PROOF_HEADER]: platform.gatewaySecret },
        rounds: settings.rounds,
        seconds: settings.seconds,
        mutationAmounts: { one: 200, many: 800 },
        log: console.log,
      },
      { hazardId, countyId, schoolIds, from: `${today.slice(0, 4)}-01-01`, to: today },
      schoolId,
    );
    // The profiles are written as the processes exit.
    await platform.stop();
    const windows = measured.flatMap((entry) => entry.runs.map((run) => run.window));
    const profiles = PROFILED.map((name) => topFunctions(path.join(profileDir, `${name}.cpuprofile`), name, windows, ROOT));
    const findings = path.join(ROOT, 'bench/gateway/findings.md');
    return gatewayReport({ settings, measured, profiles, schools: schoolIds.length }) + (existsSync(findings) ? `\n${readFileSync(findings, 'utf8')}` : '');
  },
});
