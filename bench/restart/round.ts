import os from 'node:os';
import { RunningPlatform, SubgraphName } from '@campus/platform';
import { childPidOf, portClosed } from './child-process';
import { DeactivationStream, SteadyLoad } from './load';
import { newestLogEntry, RELEASED, SERVING } from './service-log';
import { answersQuery, consumingEvents, firstSuccess, InboxCounter } from './probes';

export type RestartKind = 'kill -9' | 'SIGTERM';

/** One restart's figures in ms: the API's from the new process's spawn, the consumer's from the stop signal. */
export interface RoundResult {
  service: SubgraphName;
  kind: RestartKind;
  /** Signal to the port closed (for SIGTERM: the drain and clean stop). */
  stopMs: number;
  typenameMs: number | null;
  queryMs: number | null;
  /** /readyz answers 200 (what the platform waits for). */
  readyMs: number | null;
  consumingMs: number | null;
  /** Signal to the first person.deactivated produced after it applied by the restarted consumer. */
  eventFromSignalMs: number | null;
  /** Where the new process's start spent its time (its log), and the old one's clean stop (SIGTERM only). */
  startupPhases: Record<string, number> | null;
  /** CPU time the new process had used when it began to serve (user + system). */
  startupCpuMs: number | null;
  stopPhases: Record<string, number> | null;
  /** The machine's 1-minute load average when the round ended (2 cores, shared with other sessions). */
  loadAverage: number;
  /** The steady load's outcomes from the signal until the restarted subgraph answered its real query. */
  load: Record<string, number>;
}

export interface RoundContext {
  platform: RunningPlatform;
  inbox: InboxCounter;
  load: SteadyLoad;
  events: DeactivationStream;
  proofHeaders: Record<string, string>;
  token: string;
  /** A real query of each subgraph, for the viewer of `token`. */
  realQuery: Record<SubgraphName, string>;
  logFile: (service: SubgraphName) => string;
}

export const EVENT_TYPE = 'person.deactivated';
const ROUND_TIMEOUT_MS = 90_000;

/**
 * Stops the service (SIGKILL to its process, or SIGTERM and its clean exit), starts it again as the platform
 * does, and times its way back while the steady load runs and person.deactivated events are produced.
 */
export async function restartRound(context: RoundContext, service: SubgraphName, kind: RestartKind): Promise<RoundResult> {
  const { platform, inbox, events } = context;
  const database = platform.databaseName(service);
  const url = platform.subgraphUrl(service);
  const port = Number(new URL(url).port);
  // Every event produced so far applied, so the next inbox row is one produced after the signal.
  await inbox.reaches(database, EVENT_TYPE, events.deactivated, 60_000);
  const applied = await inbox.count(database, EVENT_TYPE);

  const signalAt = Date.now();
  if (kind === 'kill -9') {
    process.kill(childPidOf(service), 'SIGKILL');
    await portClosed(port);
  } else {
    await platform.stopService(service);
  }
  const stoppedAt = Date.now();
  events.start();
  const deadline = Date.now() + ROUND_TIMEOUT_MS;
  const eventApplied = inbox.moreThan(database, EVENT_TYPE, applied, deadline);

  const spawnAt = Date.now();
  const ready = platform.startService(service).then(
    () => Date.now(),
    () => null,
  );
  const typename = firstSuccess(answersQuery(url, '{ __typename }', context.proofHeaders), deadline);
  const query = firstSuccess(answersQuery(url, context.realQuery[service], { ...context.proofHeaders, authorization: `Bearer ${context.token}` }), deadline);
  const consuming = firstSuccess(consumingEvents(url.replace(/\/graphql$/, '/readyz')), deadline);
  const [readyAt, typenameAt, queryAt, consumingAt, eventAt] = await Promise.all([ready, typename, query, consuming, eventApplied]);
  await events.stop();

  const serving = newestLogEntry(context.logFile(service), SERVING, spawnAt);
  const released = kind === 'SIGTERM' ? newestLogEntry(context.logFile(service), RELEASED, signalAt) : null;
  const since = (start: number) => (at: number | null) => (at === null ? null : at - start);
  const fromSpawn = since(spawnAt);
  return {
    service,
    kind,
    stopMs: stoppedAt - signalAt,
    typenameMs: fromSpawn(typenameAt),
    queryMs: fromSpawn(queryAt),
    readyMs: fromSpawn(readyAt),
    consumingMs: fromSpawn(consumingAt),
    eventFromSignalMs: since(signalAt)(eventAt),
    startupPhases: (serving?.startupMs as Record<string, number> | undefined) ?? null,
    startupCpuMs: (serving?.cpuMs as number | undefined) ?? null,
    stopPhases: (released?.stopMs as Record<string, number> | undefined) ?? null,
    loadAverage: os.loadavg()[0],
    load: context.load.between(signalAt, queryAt ?? Date.now()),
  };
}
