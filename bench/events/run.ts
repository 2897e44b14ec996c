import 'reflect-metadata';
/**
 * Event backbone benchmark: hazard-registered events from hazard-tracking to supervision-appraisal.
 *   npm run bench:events [-- --latency-events 300 --throughput-events 20000]
 * Starts the platform on fresh databases with a dev broker, then
 *  1. latency: registers hazards one by one through the gateway (a steady trickle) and measures
 *     commit-to-effect = the consumer's inbox processed_at − the producer's outbox created_at;
 *  2. throughput: commits a burst of outbox rows in hazard-tracking's database (as registrations would)
 *     and measures how fast supervision-appraisal applies them.
 * Writes bench/reports/events.md.
 */
import { dropDatabase } from '@campus/database';
import { EVENT_ENTITIES, HazardRegistered, PayloadOf, recordEvents } from '@campus/events';
import { GraphQLClient } from '@campus/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, ensureMysql, ROOT, seedDemoCampus, startPlatform, SUBGRAPHS } from '@campus/platform';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function waitForInbox(mysqlUrl: string, database: string, count: number, timeoutMs: number): Promise<void> {
  const connection = await createConnection({ uri: mysqlUrl });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${database}\`.event_inbox WHERE event_type = 'hazard.registered'`);
      const n = Number((rows as { n: number }[])[0].n);
      if (n >= count) return;
      if (Date.now() > deadline) throw new Error(`only ${n} of ${count} events applied after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await connection.end();
  }
}

async function latencies(mysqlUrl: string, producerDb: string, consumerDb: string, since: Date): Promise<number[]> {
  const connection = await createConnection({ uri: mysqlUrl });
  try {
    const [rows] = await connection.query(
      `SELECT TIMESTAMPDIFF(MICROSECOND, o.created_at, i.processed_at) / 1000 AS ms
         FROM \`${producerDb}\`.event_outbox o JOIN \`${consumerDb}\`.event_inbox i ON i.event_id = o.event_id
        WHERE o.event_type = 'hazard.registered' AND o.created_at >= ?`,
      [since],
    );
    return (rows as { ms: string }[]).map((row) => Number(row.ms)).sort((a, b) => a - b);
  } finally {
    await connection.end();
  }
}

/** Transactions committing hazard registrations at once, as concurrent requests to hazard-tracking would. */
const WRITERS = 4;
const BURST = 500;

/** The throughput phase's hazard.registered events, in bursts of one transaction each. */
function hazardBursts(count: number, orgUnitId: string): { aggregateId: string; payload: PayloadOf<typeof HazardRegistered> }[][] {
  const bursts = [];
  for (let done = 0; done < count; done += BURST) {
    const now = new Date().toISOString();
    bursts.push(
      Array.from({ length: Math.min(BURST, count - done) }, (_, index) => {
        const id = randomUUID().replace(/-/g, '');
        return {
          aggregateId: id,
          payload: {
            ...{ id, code: `B-${done + index}`, orgUnitId, orgPath: '/bench/', category: 'FIRE', grade: 'GENERAL' } as const,
            ...{ source: 'SELF_INSPECTION', status: 'REGISTERED', discoveredAt: now, registeredAt: now } as const,
          },
        };
      }),
    );
  }
  return bursts;
}

/** When the throughput phase's events were published (relay) and applied (consumer), in ms after the first commit. */
async function phases(mysqlUrl: string, producerDb: string, consumerDb: string, since: Date): Promise<{ publishedMs: number; appliedMs: number }> {
  const connection = await createConnection({ uri: mysqlUrl });
  try {
    const [rows] = await connection.query(
      `SELECT TIMESTAMPDIFF(MICROSECOND, MIN(o.created_at), MAX(o.sent_at)) / 1000 AS published, TIMESTAMPDIFF(MICROSECOND, MIN(o.created_at), MAX(i.processed_at)) / 1000 AS applied
         FROM \`${producerDb}\`.event_outbox o JOIN \`${consumerDb}\`.event_inbox i ON i.event_id = o.event_id
        WHERE o.event_type = 'hazard.registered' AND o.created_at >= ?`,
      [since],
    );
    const [row] = rows as { published: string; applied: string }[];
    return { publishedMs: Number(row.published), appliedMs: Number(row.applied) };
  } finally {
    await connection.end();
  }
}

/** The figures of commit 9e9734c (before issue 14's batching work on the handlers, relay and outbox), for the report's comparison. */
const BEFORE = { commit: '9e9734c', latency: { p50: 10, p90: 13, p99: 19 }, eventsPerSecond: 704, perEventConsumer: 354 };

const loadAverage = () => os.loadavg().map((load) => load.toFixed(1)).join(' / ');

async function main(): Promise<void> {
  const latencyEvents = option('latency-events', 300);
  const throughputEvents = option('throughput-events', 20000);
  const mysql = await ensureMysql(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306', path.join(ROOT, '.data'), console.log);
  const prefix = `bench_${randomBytes(3).toString('hex')}`;
  const platform = await startPlatform({
    mysqlUrl: mysql.url,
    jwtSecret: 'bench-secret-0123456789abcdef0123456789',
    basePort: 4200,
    databasePrefix: prefix,
    logDir: path.join(ROOT, 'tmp/bench-logs', prefix),
    devBrokerPort: 4209,
    devBrokerDataDir: path.join(ROOT, 'tmp/bench-kafka', prefix),
    kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
    bootstrap: { rootCode: 'BUREAU', rootName: '某县教育体育局', adminUsername: 'bureau.admin', adminPassword: DEMO_PASSWORD },
    logLevel: 'warn',
  });
  const producerDb = platform.databaseName('hazard-tracking');
  const consumerDb = platform.databaseName('supervision-appraisal');
  try {
    const gateway = new GraphQLClient(platform.gatewayUrl);
    const { unitIds } = await seedDemoCampus(await gateway.login('bureau.admin', DEMO_PASSWORD));
    const office = await gateway.login('safety.office', DEMO_PASSWORD);
    await waitForInbox(mysql.url, consumerDb, 6, 30_000); // the demo's six hazards

    console.log(`latency: registering ${latencyEvents} hazards through the gateway, one at a time`);
    const latencyStart = new Date();
    for (let n = 0; n < latencyEvents; n++) {
      await office.data('mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id } } }', {
        input: {
          orgUnitId: unitIds['XDZY-XX'],
          title: `基准测试隐患 ${n}`,
          description: '基准测试',
          category: 'FIRE',
          placeText: '实训楼',
          discoveredAt: new Date().toISOString(),
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await waitForInbox(mysql.url, consumerDb, 6 + latencyEvents, 60_000);
    const latency = await latencies(mysql.url, producerDb, consumerDb, latencyStart);

    console.log(`throughput: committing ${throughputEvents} outbox rows in bursts of 500`);
    const producer = new DataSource({ type: 'mysql', url: `${mysql.url}/${producerDb}`, entities: EVENT_ENTITIES, timezone: 'Z' });
    await producer.initialize();
    const bursts = hazardBursts(throughputEvents, unitIds['XDZY-JD']);
    const loadBefore = loadAverage();
    const burstStart = Date.now();
    let nextBurst = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (nextBurst < bursts.length) {
          const events = bursts[nextBurst++];
          await producer.transaction((manager) => recordEvents(manager, HazardRegistered, events));
        }
      }),
    );
    const committedMs = Date.now() - burstStart;
    await producer.destroy();
    await waitForInbox(mysql.url, consumerDb, 6 + latencyEvents + throughputEvents, 600_000);
    const totalMs = Date.now() - burstStart;
    const loadAfter = loadAverage();
    const { publishedMs, appliedMs } = await phases(mysql.url, producerDb, consumerDb, new Date(burstStart));
    const eventsPerSecond = Math.round((throughputEvents * 1000) / totalMs);

    const report = [
      '# Event backbone benchmark',
      '',
      `Run ${new Date().toISOString()} by \`npm run bench:events\`.`,
      '',
      '## Machine and settings',
      `- ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
      `- MariaDB at ${new URL(mysql.url).host}; broker: ${process.env.KAFKA_BROKERS ? `Kafka at ${process.env.KAFKA_BROKERS}` : 'the dev broker (tools/kafka-broker), one process, log on local disk'}`,
      `- load average (1 / 5 / 15 min) when the throughput phase began: ${loadBefore}; when it ended: ${loadAfter} (the machine is shared: other sessions' tests and benchmarks run meanwhile)`,
      '- topics with 3 partitions; relay: one instance holding the lock, batches of up to 1000 (plain SQL; marking a batch sent overlaps publishing the next), poll 250 ms plus wake-up on commit, idempotent producer, acks = all;',
      '  consumer: one instance of supervision-appraisal, one transaction per fetched batch of a partition (up to 1000 events): the inbox check and rows, and each module\'s handler once per run of events of a type —',
      '  one multi-row upsert each for the hazard facts, the monthly counts and the appraisal marks.',
      '',
      '## Commit-to-effect latency',
      `${latency.length} hazards registered through the gateway one at a time (20 ms apart); latency = inbox processed_at − outbox created_at.`,
      '',
      '| p50 | p90 | p99 | max |',
      '|---|---|---|---|',
      `| ${percentile(latency, 50).toFixed(1)} ms | ${percentile(latency, 90).toFixed(1)} ms | ${percentile(latency, 99).toFixed(1)} ms | ${latency[latency.length - 1].toFixed(1)} ms |`,
      '',
      '## Sustained throughput',
      `${throughputEvents} hazard.registered events committed to hazard-tracking's outbox in ${committedMs} ms (bursts of ${BURST} per transaction, ${WRITERS} transactions at once);`,
      `by the databases' clocks the relay had published the last ${publishedMs.toFixed(0)} ms and supervision-appraisal applied the last ${appliedMs.toFixed(0)} ms after the first commit;`,
      `all applied (as the benchmark saw it) ${totalMs} ms after the first commit: **${eventsPerSecond} events/s** end to end.`,
      '',
      '## Before and after',
      '',
      `| | before (${BEFORE.commit}) | now |`,
      '|---|---|---|',
      `| events/s end to end | ${BEFORE.eventsPerSecond} (one event at a time at the consumer: ${BEFORE.perEventConsumer}) | ${eventsPerSecond} |`,
      `| latency p50 / p90 / p99 | ${BEFORE.latency.p50} / ${BEFORE.latency.p90} / ${BEFORE.latency.p99} ms | ${[50, 90, 99].map((p) => percentile(latency, p).toFixed(0)).join(' / ')} ms |`,
      '',
    ].join('\n');
    mkdirSync(path.join(ROOT, 'bench/reports'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/reports/events.md'), report);
    console.log(report);
  } finally {
    await platform.stop();
    await Promise.all(SUBGRAPHS.map((name) => dropDatabase(mysql.url, platform.databaseName(name))));
    await mysql.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
