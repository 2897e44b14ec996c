import { GraphQLClient } from '@campus/testing';

/**
 * One event to an updated process appraisal: the school's safety office registers a 重大隐患 through the
 * gateway, discovered 30 hours ago and not reported (a late report, 迟报, by the time it is registered);
 * hazard-tracking's hazard.registered event reaches supervision-appraisal through the broker, its fact
 * marks the school's process appraisal, the refresh job (every 500 ms) recomputes it. The school's
 * appraisal is polled through the gateway until its 重大隐患迟报 count has gone up by one.
 */
const REGISTER = `mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id } } }`;
const APPRAISAL = `query($id: ID!) { appraisal(id: $id) { id computedAt values { indicatorId numerator } } }`;
const POLL_PAUSE_MS = 10;
const GIVE_UP_MS = 20_000;

export interface EventSample {
  /** From sending the registration to seeing the new count. */
  totalMs: number;
  /** From the registration's answer (the event committed in hazard-tracking's outbox) to seeing the new count. */
  afterCommitMs: number;
  mutationMs: number;
  polls: number;
  /**
   * afterCommitMs split by the service's own timestamps (same clock), the three adding up to it: commit →
   * the fact applied (its inbox row's processed_at: outbox relay, broker, consumer) …
   */
  deliveryMs: number;
  /** … → the refresh run that recomputed the school began (the appraisal's computedAt; 0 when that run had begun before the fact was applied) … */
  waitMs: number;
  /** … → the new count seen: the recomputation, its commit, the next poll. */
  restMs: number;
  /** The run that recomputed the school had begun before the fact was applied (it read the marks after). */
  runBeganBefore: boolean;
}

export interface EventOptions {
  registrar: GraphQLClient;
  reader: GraphQLClient;
  schoolId: string;
  appraisalId: string;
  indicatorId: string;
  events: number;
  warmup: number;
  /** When supervision-appraisal's inbox applied the latest hazard.registered. */
  appliedAt: () => Promise<Date>;
  log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function countOf(options: EventOptions): Promise<{ count: number; computedAt: number }> {
  type Answer = { appraisal: { computedAt: string; values: { indicatorId: string; numerator: number | null }[] } };
  const data = await options.reader.data<Answer>(APPRAISAL, { id: options.appraisalId });
  return { count: data.appraisal.values.find((value) => value.indicatorId === options.indicatorId)?.numerator ?? 0, computedAt: Date.parse(data.appraisal.computedAt) };
}

export async function measureEvents(options: EventOptions): Promise<{ samples: EventSample[]; failures: string[]; pollMs: number }> {
  const samples: EventSample[] = [];
  const failures: string[] = [];
  const pollTimes: number[] = [];
  for (let k = 0; k < options.warmup + options.events; k++) {
    const before = (await countOf(options)).count;
    const start = process.hrtime.bigint();
    await options.registrar.data(REGISTER, {
      input: {
        orgUnitId: options.schoolId,
        title: `基准测试：配电房线路老化（重大隐患 ${k + 1}）`,
        description: '配电房主线路绝缘层老化开裂，存在短路起火风险，需立即管控。',
        category: 'ELECTRICAL',
        grade: 'MAJOR',
        placeText: '配电房',
        discoveredAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
      },
    });
    const mutationMs = since(start);
    const committed = process.hrtime.bigint();
    const committedAt = Date.now();
    let polls = 0;
    let seen: { computedAt: number; at: number } | null = null;
    while (since(start) < GIVE_UP_MS) {
      const pollStart = process.hrtime.bigint();
      const answer = await countOf(options);
      pollTimes.push(since(pollStart));
      polls++;
      if (answer.count > before) {
        seen = { computedAt: answer.computedAt, at: Date.now() };
        break;
      }
      await sleep(POLL_PAUSE_MS);
    }
    if (!seen) failures.push(`event ${k + 1}: the count stayed at ${before} for ${GIVE_UP_MS / 1000} s`);
    else if (k >= options.warmup) {
      const totalMs = since(start);
      const afterCommitMs = since(committed);
      const applied = (await options.appliedAt()).getTime();
      const deliveryMs = Math.max(0, applied - committedAt);
      const waitMs = Math.max(0, seen.computedAt - applied);
      samples.push({ totalMs, afterCommitMs, mutationMs, polls, deliveryMs, waitMs, restMs: afterCommitMs - deliveryMs - waitMs, runBeganBefore: seen.computedAt < applied });
    }
    if ((k + 1) % 10 === 0) options.log(`  ${k + 1} events`);
    // Events arrive at any point of the refresh job's 500 ms cycle.
    await sleep(100 + Math.floor(Math.random() * 500));
  }
  pollTimes.sort((a, b) => a - b);
  return { samples, failures, pollMs: pollTimes[Math.floor(pollTimes.length / 2)] ?? 0 };
}
