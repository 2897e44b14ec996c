import { ROOT, RunningPlatform, SubgraphName } from '@campus/platform';
import { GraphQLClient } from '@campus/testing';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { LoadResult, LoadSpec } from './load-worker';
import { Operation, operations, REPORT_HAZARD, Sender } from './operations';

/** Straight to the subgraph, through the gateway, or through the bare proxy (the floor of any gateway). */
export type Route = 'direct' | 'gateway' | 'proxy';

export interface Measured {
  operation: Operation;
  connections: number;
  route: Route;
  runs: LoadResult[];
}

export interface MeasureOptions {
  platform: RunningPlatform;
  /** The bare proxy in front of hazard-tracking. */
  proxyUrl: string;
  /** The bare proxy's own fixed answer: the machine's pace, measured at the start of each round. */
  paceUrl: string;
  clients: Record<Sender, GraphQLClient>;
  /** The gateway proof, for calls straight to a subgraph. */
  proofHeaders: Record<string, string>;
  rounds: number;
  seconds: number;
  /** Requests per mutation run at 1 and at 50 connections. */
  mutationAmounts: { one: number; many: number };
  log: (line: string) => void;
}

/** Runs the load generator in its own node process. */
export function load(spec: LoadSpec): LoadResult {
  const output = execFileSync(process.execPath, ['-r', path.join(ROOT, 'tools/runtime/paths.js'), path.join(ROOT, 'dist/bench/gateway/load-worker.js')], {
    cwd: ROOT,
    input: JSON.stringify(spec),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as LoadResult;
}

function urlOf(options: MeasureOptions, route: Route, subgraph: SubgraphName): string {
  if (route === 'proxy') return options.proxyUrl;
  return route === 'gateway' ? options.platform.gatewayUrl : options.platform.subgraphUrl(subgraph);
}

/** What one run of an operation sends, by which route. */
function loadSpec(options: MeasureOptions, operation: Operation, route: Route, connections: number): LoadSpec {
  const request = route === 'gateway' ? operation.gateway : operation.direct;
  return {
    url: urlOf(options, route, operation.direct.subgraph),
    headers: { authorization: `Bearer ${options.clients[operation.sender].token}`, ...(route === 'direct' ? options.proofHeaders : {}) },
    body: JSON.stringify({ query: operation.mutation ? REPORT_HAZARD : request.query, variables: request.variables ?? {} }),
    connections,
    timeoutSeconds: 10,
  };
}

const connectionsOf = (operation: Operation) => (operation.name === 'typename' ? [20] : [1, 50]);
const routesOf = (operation: Operation, round: number): Route[] => {
  const routes: Route[] = operation.floor ? ['direct', 'gateway', 'proxy'] : ['direct', 'gateway'];
  return round % 2 === 0 ? routes : routes.reverse();
};

/** Seconds of load per query and route before the first round, not measured: JIT compilation and MariaDB's caches warm. */
const WARM_UP_SECONDS = 2;

/** Registers hazards of the school for the transition's runs: each run reports hazards no run reported before. */
async function registerHazards(client: GraphQLClient, orgUnitId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const register = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id } } }';
  for (let start = 0; start < count; start += 16) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(16, count - start) }, (_, index) =>
        client.data(register, {
          input: { orgUnitId, title: `压测隐患 ${start + index + 1}`, description: '基准测试登记', category: 'ELECTRICAL', placeText: '实训楼二层配电间', discoveredAt: new Date().toISOString() },
        }),
      ),
    );
    ids.push(...batch.map((data) => data.registerHazard.hazard.id as string));
  }
  return ids;
}

/** Each operation answered once by both routes without errors before it is loaded. */
async function checkAnswers(options: MeasureOptions, list: Operation[]): Promise<void> {
  for (const operation of list.filter((candidate) => !candidate.mutation)) {
    const client = options.clients[operation.sender];
    for (const route of routesOf(operation, 0)) {
      const request = route === 'gateway' ? operation.gateway : operation.direct;
      const target = new GraphQLClient(urlOf(options, route, operation.direct.subgraph), client.token, route === 'direct' ? options.proofHeaders : {});
      await target.data(request.query, request.variables ?? {});
    }
  }
}

/**
 * Every operation at 1 and at 50 connections ({ __typename } at 20), straight to its subgraph and through the
 * gateway (and the bare proxy, for the floor operations) one after the other, the order flipped each round, for
 * `rounds` rounds after a warm-up: the routes share the machine's noise. Mutations run a fixed number of
 * requests, each on a hazard registered for it.
 */
export async function measureAll(options: MeasureOptions, inputs: Parameters<typeof operations>[0], transitionSchoolId: string): Promise<{ measured: Measured[]; pace: LoadResult[] }> {
  const list = operations(inputs);
  await checkAnswers(options, list);
  const transition = list.find((operation) => operation.mutation)!;
  const perRound = 2 * (options.mutationAmounts.one + options.mutationAmounts.many);
  options.log(`registering ${perRound * options.rounds} hazards for the transition's runs`);
  const hazards = await registerHazards(options.clients[transition.sender], transitionSchoolId, perRound * options.rounds);
  for (const operation of list.filter((candidate) => !candidate.mutation)) {
    for (const route of routesOf(operation, 0)) load({ ...loadSpec(options, operation, route, Math.max(...connectionsOf(operation))), durationSeconds: WARM_UP_SECONDS });
  }
  const results = new Map<string, Measured>();
  const pace: LoadResult[] = [];
  for (let round = 0; round < options.rounds; round++) {
    pace.push(load({ url: options.paceUrl, headers: {}, body: '{}', connections: 1, durationSeconds: options.seconds, timeoutSeconds: 10 }));
    options.log(`round ${round + 1} the machine's pace: ${pace[round].perSecond.toFixed(0)} req/s`);
    for (const operation of list) {
      for (const connections of connectionsOf(operation)) {
        for (const route of routesOf(operation, round)) {
          const amount = operation.mutation ? (connections === 1 ? options.mutationAmounts.one : options.mutationAmounts.many) : undefined;
          const result = load({
            ...loadSpec(options, operation, route, connections),
            durationSeconds: amount ? undefined : options.seconds,
            amount,
            hazardIds: amount ? hazards.splice(0, amount) : undefined,
          });
          const key = `${operation.name}:${connections}:${route}`;
          if (!results.has(key)) results.set(key, { operation, connections, route, runs: [] });
          results.get(key)!.runs.push(result);
          options.log(`round ${round + 1} ${operation.name} ×${connections} ${route}: ${result.perSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, failures ${result.failures}`);
        }
      }
    }
  }
  return { measured: [...results.values()], pace };
}
