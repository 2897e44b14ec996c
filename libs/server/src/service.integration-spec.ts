import { dropDatabase } from '@campus/database';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Query, Resolver } from 'type-graphql';
import type { BackgroundJob } from './kit/feature-module';
import { runSubgraphService } from './service';

@Resolver()
class PingResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The service's answer to `{ ping }`, or how asking failed. */
async function ping(port: number): Promise<string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    return ((await response.json()) as { data?: { ping?: string } }).data?.ping ?? `HTTP ${response.status}`;
  } catch {
    return 'no answer';
  }
}

describe('runSubgraphService', () => {
  const database = `test_service_start_${randomBytes(4).toString('hex')}`;
  afterAll(() => dropDatabase(MYSQL_URL, database));

  it('starts its background jobs once its API answers (their first runs do not slow the start), and stops them on SIGTERM', async () => {
    // No broker at this address: the consumer keeps trying in the background, which holds up nothing.
    const [port, noBroker] = [await freePort(), await freePort()];
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as () => never);
    const listenersBefore = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT') };
    let answerWhenJobStarted: Promise<string> | null = null;
    let jobStopped = false;
    let exitCodes: unknown[] = [];
    const job: BackgroundJob = {
      start: () => (answerWhenJobStarted = ping(port)),
      stop: async () => void (jobStopped = true),
    };
    try {
      await runSubgraphService({
        name: 'education-drills',
        modules: [{ name: 'ping', resolvers: () => [new PingResolver()], jobs: () => [job] }],
        loadConfig: () => ({
          PORT: port,
          HOST: '127.0.0.1',
          MYSQL_URL,
          DATABASE_NAME: database,
          DB_POOL_SIZE: 2,
          KAFKA_BROKERS: `127.0.0.1:${noBroker}`,
          KAFKA_TOPIC_PARTITIONS: 3,
          JWT_SECRET: 'service-start-spec-secret-0123456789abcdef',
          NODE_ENV: 'development',
          LOG_LEVEL: 'silent',
        }),
        dependencies: (base) => base,
      });
      expect(exit).not.toHaveBeenCalled();
      expect(await answerWhenJobStarted).toBe('pong');
    } finally {
      const added = (signal: 'SIGTERM' | 'SIGINT') => process.listeners(signal).filter((listener) => !listenersBefore[signal].includes(listener));
      const stopHandlers = added('SIGTERM');
      stopHandlers.forEach((listener) => listener('SIGTERM'));
      while (stopHandlers.length && !exit.mock.calls.length) await new Promise((resolve) => setTimeout(resolve, 20));
      (['SIGTERM', 'SIGINT'] as const).forEach((signal) => added(signal).forEach((listener) => process.removeListener(signal, listener)));
      exitCodes = exit.mock.calls.map(([code]) => code);
      exit.mockRestore();
    }
    expect(jobStopped).toBe(true);
    expect(exitCodes).toEqual([0]);
  });
});
