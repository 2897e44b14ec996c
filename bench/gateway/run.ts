import 'reflect-metadata';
/**
 * The request path through the gateway against straight to the subgraphs, on the demo campus.
 *   npm run bench:gateway [-- --rounds 3] [--seconds 5] [--development]
 * Starts the platform on fresh bench_gw_* databases and ports 4640–4649 with the demo campus, each of the
 * gateway, hazard-tracking and responsibility-network writing a CPU profile; loads each operation from a
 * separate autocannon process at 1 and 50 connections, direct and through the gateway alternated; then
 * stops the platform and reads the profiles. Writes bench/reports/gateway.md (with bench/gateway/findings.md).
 */
import { calendarDateOf } from '@campus/graphql';
import { GATEWAY_PROOF_HEADER } from '@campus/server';
import { DEMO_BOOTSTRAP, DEMO_PASSWORD, ROOT, RunningPlatform, seedDemoCampus, startCompiled, startPlatform, stopApp, SUBGRAPHS, waitForPort } from '@campus/platform';
import { GraphQLClient } from '@campus/testing';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { benchPlatformOptions, BenchRun, flag, option, runBench } from '../bench-run';
import { LEDGER_PAGE } from './operations';
import { measureAll } from './measurements';
import { topFunctions } from './profiles';
import { gatewayReport } from './report';

const PROFILED = ['gateway', 'hazard-tracking', 'responsibility-network'] as const;
const profileDir = path.join(ROOT, 'tmp/bench-profiles/gateway');
// Production mode, as deployments run (graphql-js' fast paths, no introspection); --development for npm start's mode.
const mode = flag('development') ? 'development' : 'production';
const profiler = (name: string) => ({ CAMPUS_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-name=${name}.cpuprofile` });
const settings = { rounds: option('rounds', 3), seconds: option('seconds', 5), mode };
// The school's date (China time), as a dashboard asks for its period: past 16:00 UTC the UTC date is the day before.
const today = calendarDateOf(new Date());

rmSync(profileDir, { recursive: true, force: true });
mkdirSync(profileDir, { recursive: true });

const gatewayBench: BenchRun<{ generatedAt: string; generationSeconds: number }> = {
  name: 'gateway',
  databasePrefix: 'bench_gw',
  basePort: 4640,
  bootstrap: DEMO_BOOTSTRAP,
  serviceEnv: Object.fromEntries(SUBGRAPHS.map((name) => [name, { NODE_ENV: mode }])),
  gatewayEnv: { NODE_ENV: mode, CORS_ORIGINS: 'https://safety.example.edu' },
  // A fresh demo each run: the transition's runs leave hazards behind.
  existing: async () => null,
  // The demo campus is seeded through the gateway once the platform runs (measure).
  generate: async () => ({ generatedAt: new Date().toISOString(), generationSeconds: 0 }),
  measure: async ({ platform, mysqlUrl }) => {
    const gateway = new GraphQLClient(platform.gatewayUrl);
    await seedDemoCampus(await gateway.login(DEMO_BOOTSTRAP.adminUsername, DEMO_BOOTSTRAP.adminPassword), () => undefined);
    const { runs: measured, pace, schools } = await measureOn(platform, settings);
    // V8's sampling profiler slows every process by a third or more: the figures come from processes without it, the
    // profiles from a second, shorter pass on the same databases with every process restarted under it.
    await platform.stop();
    rmSync(profileDir, { recursive: true, force: true });
    const options = benchPlatformOptions(gatewayBench, mysqlUrl);
    const profiled = await startPlatform({
      ...options,
      serviceEnv: Object.fromEntries(SUBGRAPHS.map((name) => [name, { ...options.serviceEnv?.[name], ...profiler(name) }])),
      gatewayEnv: { ...options.gatewayEnv, ...profiler('gateway') },
    });
    let profiledRuns: Awaited<ReturnType<typeof measureOn>>['runs'];
    try {
      profiledRuns = (await measureOn(profiled, { rounds: 1, seconds: PROFILED_SECONDS })).runs;
    } finally {
      // The profiles are written as the processes exit.
      await profiled.stop();
    }
    const windows = profiledRuns.flatMap((entry) => entry.runs.map((run) => run.window));
    const profiles = PROFILED.map((name) => topFunctions(path.join(profileDir, `${name}.cpuprofile`), name, windows, ROOT));
    const findings = path.join(ROOT, 'bench/gateway/findings.md');
    return gatewayReport({ settings, measured, pace, profiles, schools }) + (existsSync(findings) ? `\n${readFileSync(findings, 'utf8')}` : '');
  },
};

/** The bare proxy's port, beside the platform's 4640–4644 and its broker's 4649. */
const PROXY_PORT = 4647;

/** Seconds per operation and route of the profiled pass. */
const PROFILED_SECONDS = 3;

/** Every operation at 1 and 50 connections, direct and through the gateway, on a platform holding the demo campus. */
async function measureOn(platform: RunningPlatform, pass: { rounds: number; seconds: number }) {
  const gateway = new GraphQLClient(platform.gatewayUrl);
  const admin = await gateway.login(DEMO_BOOTSTRAP.adminUsername, DEMO_PASSWORD);
  const grantUnit = async (client: GraphQLClient) => (await client.data('{ me { grants { orgUnitId } } }')).me.grants[0].orgUnitId as string;
  const demoOffice = await gateway.login('safety.office', DEMO_PASSWORD);
  const [schoolId, countyId] = [await grantUnit(demoOffice), await grantUnit(admin)];
  const schoolIds = (await admin.data('query($id: ID!) { orgUnit(id: $id) { children { id } } }', { id: countyId })).orgUnit.children.map((child: { id: string }) => child.id);
  const secondSchoolId = schoolIds.find((id: string) => id !== schoolId) as string;
  const clients = { 'safety.office': demoOffice, 'bureau.admin': admin, 'second.office': await secondOffice(gateway, admin, secondSchoolId) };
  const hazardId = (await clients['safety.office'].data(LEDGER_PAGE)).hazards.edges[0].node.id as string;
  const proxy = startCompiled('bare-proxy', 'dist/bench/gateway/bare-proxy.js', [], PROXY_PORT, { TARGET: platform.subgraphUrl('hazard-tracking'), PROOF_HEADERS: JSON.stringify({ [GATEWAY_PROOF_HEADER]: platform.gatewaySecret }) }, path.join(ROOT, 'tmp/bench-logs/gateway'));
  await waitForPort(proxy);
  const { measured: runs, pace } = await measureAll(
    {
      platform,
      proxyUrl: `http://127.0.0.1:${PROXY_PORT}/graphql`,
      paceUrl: `http://127.0.0.1:${PROXY_PORT}/pace`,
      clients,
      proofHeaders: { [GATEWAY_PROOF_HEADER]: platform.gatewaySecret },
      rounds: pass.rounds,
      seconds: pass.seconds,
      mutationAmounts: { one: 200, many: 800 },
      log: console.log,
    },
    { hazardId, countyId, schoolIds, from: `${today.slice(0, 4)}-01-01`, to: today },
    secondSchoolId,
  ).finally(() => stopApp(proxy));
  return { runs, pace, schools: schoolIds.length };
}

const SECOND_OFFICE = 'bench.second.office';

/** The safety office of the county's second school: made on the first pass, logged in again on the profiled one. */
async function secondOffice(gateway: GraphQLClient, admin: GraphQLClient, orgUnitId: string): Promise<GraphQLClient> {
  const existing = await gateway.login(SECOND_OFFICE, DEMO_PASSWORD).catch(() => null);
  if (existing) return existing;
  const person = await admin.data('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', {
    input: { orgUnitId, kind: 'STAFF', name: '吴敏', position: '县第一中学安全办主任', phone: '13909310099' },
  });
  await admin.data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', {
    input: { username: SECOND_OFFICE, password: DEMO_PASSWORD, personId: person.createPerson.person.id, grants: [{ role: 'SAFETY_OFFICE', orgUnitId }] },
  });
  return gateway.login(SECOND_OFFICE, DEMO_PASSWORD);
}

runBench(gatewayBench);
