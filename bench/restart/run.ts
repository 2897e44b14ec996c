import 'reflect-metadata';
/**
 * How fast a subgraph is back after a crash, and after a clean stop.
 *   npm run bench:restart [-- --rounds 3] [--term-rounds 2] [--services hazard-tracking,supervision-appraisal]
 * Starts the platform on fresh bench_rs_* databases and ports 4860–4869 with the demo campus and a light
 * steady load; then, per subgraph, kills it with SIGKILL (and, for comparison, stops it with SIGTERM),
 * restarts it as the platform does and times its way back (round.ts). Writes bench/reports/restart.md
 * (with bench/restart/findings.md when present).
 */
import { dropDatabase } from '@campus/database';
import { GATEWAY_PROOF_HEADER } from '@campus/server';
import { DEMO_BOOTSTRAP, DEMO_PASSWORD, ensureMysql, ROOT, seedDemoCampus, startPlatform, SubgraphName, SUBGRAPHS } from '@campus/platform';
import { GraphQLClient } from '@campus/testing';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { option } from '../bench-run';
import { DeactivationStream, SteadyLoad } from './load';
import { consumingEvents, firstSuccess, InboxCounter } from './probes';
import { restartReport } from './report';
import { restartRound, RoundResult } from './round';

const REAL_QUERY: Record<SubgraphName, string> = {
  'responsibility-network': '{ orgUnits(first: 5) { totalCount edges { node { id name } } } }',
  'hazard-tracking': '{ hazards(first: 5) { totalCount edges { node { id code status } } } }',
  'education-drills': '{ emergencyPlans(first: 5) { totalCount } }',
  'supervision-appraisal': '{ appraisalSchemes(first: 5) { totalCount } }',
};

function servicesToRestart(): SubgraphName[] {
  const index = process.argv.indexOf('--services');
  if (index < 0) return [...SUBGRAPHS];
  const named = process.argv[index + 1].split(',');
  const unknown = named.filter((name) => !(SUBGRAPHS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown services: ${unknown.join(', ')}`);
  return named as SubgraphName[];
}

async function main(): Promise<void> {
  const settings = { killRounds: option('rounds', 3), termRounds: option('term-rounds', 2) };
  const services = servicesToRestart();
  const mysql = await ensureMysql(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306', path.join(ROOT, '.data'), console.log);
  const prefix = `bench_rs_${randomBytes(3).toString('hex')}`;
  const brokerDir = path.join(ROOT, 'tmp/bench-kafka', prefix);
  const logDir = path.join(ROOT, 'tmp/bench-logs/restart', prefix);
  const platform = await startPlatform({
    mysqlUrl: mysql.url,
    jwtSecret: 'bench-secret-0123456789abcdef0123456789',
    basePort: 4860,
    databasePrefix: prefix,
    logDir,
    devBrokerPort: 4869,
    devBrokerDataDir: brokerDir,
    kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
    bootstrap: DEMO_BOOTSTRAP,
    logLevel: 'info',
  });
  const inbox = await InboxCounter.open(mysql.url);
  let load: SteadyLoad | null = null;
  try {
    const gateway = new GraphQLClient(platform.gatewayUrl);
    const admin = await gateway.login(DEMO_BOOTSTRAP.adminUsername, DEMO_BOOTSTRAP.adminPassword);
    const { unitIds } = await seedDemoCampus(admin, console.log);
    const office = await gateway.login('safety.office', DEMO_PASSWORD);
    for (const name of SUBGRAPHS) {
      const readyz = platform.subgraphUrl(name).replace(/\/graphql$/, '/readyz');
      if ((await firstSuccess(consumingEvents(readyz), Date.now() + 60_000)) === null) throw new Error(`${name} never consumed events`);
    }
    load = new SteadyLoad(office, unitIds['XDZY-XX']);
    load.start();
    const context = {
      platform,
      inbox,
      load,
      events: new DeactivationStream(admin, unitIds['XDZY-XX']),
      proofHeaders: { [GATEWAY_PROOF_HEADER]: platform.gatewaySecret },
      token: office.token as string,
      realQuery: REAL_QUERY,
      logFile: (service: SubgraphName) => path.join(logDir, `${service}.log`),
    };
    const results: RoundResult[] = [];
    for (const service of services) {
      const kinds = [...Array(settings.killRounds).fill('kill -9'), ...Array(settings.termRounds).fill('SIGTERM')];
      for (const kind of kinds) {
        const result = await restartRound(context, service, kind);
        console.log(JSON.stringify(result));
        results.push(result);
      }
    }
    await load.stop();
    load = null;
    const findingsFile = path.join(ROOT, 'bench/restart/findings.md');
    const report = restartReport(
      results,
      {
        ...settings,
        mysqlHost: new URL(mysql.url).host,
        broker: process.env.KAFKA_BROKERS ? `Kafka at ${process.env.KAFKA_BROKERS}` : 'the dev broker (tools/kafka-broker), one process',
      },
      existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8') : '',
    );
    mkdirSync(path.join(ROOT, 'bench/reports'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/reports/restart.md'), report);
    console.log(report);
  } finally {
    await load?.stop();
    await inbox.close();
    await platform.stop();
    await Promise.all(SUBGRAPHS.map((name) => dropDatabase(mysql.url, platform.databaseName(name))));
    rmSync(brokerDir, { recursive: true, force: true });
    await mysql.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
