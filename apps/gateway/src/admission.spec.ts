import { createLogger } from '@campus/logger';
import { createHttpApp, listen } from '@campus/server';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Admission, AdmissionLimits } from './admission';

/** A gateway stand-in whose /graphql holds every admitted request until the test lets it answer. */
async function gatewayWith(limits: AdmissionLimits, mutationLimits?: AdmissionLimits) {
  const admission = new Admission(limits);
  const mutations = mutationLimits ? new Admission(mutationLimits) : undefined;
  const held: (() => void)[] = [];
  /** The names (x-name) of the requests admitted, in the order they were. */
  const started: string[] = [];
  const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
  /** The documents of the requests admitted, as Express's JSON parser read them. */
  const documents: string[] = [];
  app.use('/graphql', express.json(), (req, res) => {
    started.push(req.header('x-name') ?? '');
    documents.push((req.body as { query: string }).query);
    held.push(() => res.json({ data: { ok: true } }));
  });
  const server = http.createServer(admission.frontDoor(app, '/graphql', ['https://safety.example.edu'], mutations));
  await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (signal?: AbortSignal, name = '', query = '{ __typename }') =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-name': name, origin: 'https://safety.example.edu' }, body: JSON.stringify({ query }), signal });
  /** Resolves once `count` requests are being worked on. */
  const whenHeld = async (count: number) => {
    while (held.length < count) await new Promise((resolve) => setImmediate(resolve));
  };
  const whenQueued = async (count: number) => {
    while (admission.busy.queued !== count) await new Promise((resolve) => setImmediate(resolve));
  };
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { admission, mutations, held, started, documents, url, post, whenHeld, whenQueued, close };
}

describe('gateway admission control', () => {
  it('works on at most maxInFlight requests, queues the rest first come first served, and answers a shed one with 503, Retry-After and a GraphQL error', async () => {
    const gateway = await gatewayWith({ maxInFlight: 1, maxQueued: 2, queueWaitMs: 60_000, overloadedWaitMs: 60_000, retryAfterSeconds: 3 });
    try {
      const first = gateway.post(undefined, 'first');
      await gateway.whenHeld(1);
      const second = gateway.post(undefined, 'second');
      await gateway.whenQueued(1);
      const third = gateway.post(undefined, 'third');
      await gateway.whenQueued(2);
      // Health and readiness are never shed nor queued.
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
      gateway.held[0]();
      await gateway.whenHeld(2);
      gateway.held[1]();
      await gateway.whenHeld(3);
      gateway.held[2]();
      for (const response of await Promise.all([first, second, third])) expect(response.status).toBe(200);
      expect(gateway.started).toEqual(['first', 'second', 'third']);
      expect(gateway.admission.busy).toEqual({ inFlight: 0, queued: 0 });
    } finally {
      await gateway.close();
    }
  });

  it('when the queue overflows, sheds the request that waited longest and serves the newest first', async () => {
    const gateway = await gatewayWith({ maxInFlight: 1, maxQueued: 2, queueWaitMs: 60_000, overloadedWaitMs: 60_000, retryAfterSeconds: 3 });
    try {
      const first = gateway.post(undefined, 'first');
      await gateway.whenHeld(1);
      const oldest = gateway.post(undefined, 'oldest');
      await gateway.whenQueued(1);
      const older = gateway.post(undefined, 'older');
      await gateway.whenQueued(2);
      const newest = gateway.post(undefined, 'newest');
      const shed = await oldest;
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe('3');
      // A page of an allowed origin can read it, Retry-After included.
      expect(shed.headers.get('access-control-allow-origin')).toBe('https://safety.example.edu');
      expect(shed.headers.get('access-control-expose-headers')).toBe('retry-after');
      expect(await shed.json()).toEqual({
        errors: [{ message: '系统繁忙，请稍后重试 (SERVICE_UNAVAILABLE)', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'OVERLOADED', retryAfterSeconds: 3 } }],
      });
      await gateway.whenQueued(2);
      gateway.held[0]();
      await gateway.whenHeld(2);
      gateway.held[1]();
      await gateway.whenHeld(3);
      gateway.held[2]();
      for (const response of await Promise.all([first, older, newest])) expect(response.status).toBe(200);
      expect(gateway.started).toEqual(['first', 'newest', 'older']);
      expect(gateway.admission.shed).toBe(1);
    } finally {
      await gateway.close();
    }
  });

  it('while overloaded, sheds a request that finds no slot within the overloaded wait; once the spell is over, it waits its turn again', async () => {
    const gateway = await gatewayWith({ maxInFlight: 1, maxQueued: 1, queueWaitMs: 60_000, overloadedWaitMs: 5, retryAfterSeconds: 1 });
    try {
      const first = gateway.post(undefined, 'first');
      await gateway.whenHeld(1);
      const queued = gateway.post(undefined, 'queued');
      await gateway.whenQueued(1);
      // The queue overflows: the one waiting is shed, and the newcomer may wait only the overloaded allowance, not a minute.
      const newcomer = gateway.post(undefined, 'newcomer');
      expect((await queued).status).toBe(503);
      expect((await newcomer).status).toBe(503);
      expect(gateway.admission.busy).toEqual({ inFlight: 1, queued: 0 });
      // A second on, nothing has been shed since: a request waits for the slot as long as it takes.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const patient = gateway.post(undefined, 'patient');
      await gateway.whenQueued(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(gateway.admission.busy).toEqual({ inFlight: 1, queued: 1 });
      gateway.held[0]();
      await gateway.whenHeld(2);
      gateway.held[1]();
      expect((await first).status).toBe(200);
      expect((await patient).status).toBe(200);
      expect(gateway.started).toEqual(['first', 'patient']);
      expect(gateway.admission.shed).toBe(2);
    } finally {
      await gateway.close();
    }
  });

  it('works on fewer at once while overloaded (overloadedMaxInFlight), and on maxInFlight again once calm', async () => {
    const gateway = await gatewayWith({ maxInFlight: 2, overloadedMaxInFlight: 1, maxQueued: 1, queueWaitMs: 60_000, overloadedWaitMs: 60_000, retryAfterSeconds: 1 });
    try {
      const first = gateway.post(undefined, 'first');
      const second = gateway.post(undefined, 'second');
      await gateway.whenHeld(2);
      const shed = gateway.post(undefined, 'shed');
      await gateway.whenQueued(1);
      // The queue overflows: overloaded, so one at a time until the spell is over.
      const waiting = gateway.post(undefined, 'waiting');
      expect((await shed).status).toBe(503);
      gateway.held[0]();
      expect((await first).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(gateway.admission.busy).toEqual({ inFlight: 1, queued: 1 });
      gateway.held[1]();
      await gateway.whenHeld(3);
      expect(gateway.admission.busy).toEqual({ inFlight: 1, queued: 0 });
      gateway.held[2]();
      expect((await second).status).toBe(200);
      expect((await waiting).status).toBe(200);
      // A second on, calm: two at once again.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const calm = [gateway.post(undefined, 'calm-1'), gateway.post(undefined, 'calm-2')];
      await gateway.whenHeld(5);
      expect(gateway.admission.busy).toEqual({ inFlight: 2, queued: 0 });
      gateway.held[3]();
      gateway.held[4]();
      for (const response of await Promise.all(calm)) expect(response.status).toBe(200);
      expect(gateway.started).toEqual(['first', 'second', 'waiting', 'calm-1', 'calm-2']);
    } finally {
      await gateway.close();
    }
  });

  it('sheds a queued request that found no free slot by the queue deadline', async () => {
    const gateway = await gatewayWith({ maxInFlight: 1, maxQueued: 5, queueWaitMs: 50, overloadedWaitMs: 5, retryAfterSeconds: 1 });
    try {
      const admitted = gateway.post();
      await gateway.whenHeld(1);
      const waited = await gateway.post();
      expect(waited.status).toBe(503);
      expect(((await waited.json()) as any).errors[0].extensions.reason).toBe('OVERLOADED');
      expect(gateway.admission.busy).toEqual({ inFlight: 1, queued: 0 });
      gateway.held.shift()!();
      expect((await admitted).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('frees the place of a caller who hangs up while waiting, and the slot of one who hangs up while served', async () => {
    const gateway = await gatewayWith({ maxInFlight: 1, maxQueued: 1, queueWaitMs: 60_000, overloadedWaitMs: 60_000, retryAfterSeconds: 1 });
    try {
      const servedCaller = new AbortController();
      const served = gateway.post(servedCaller.signal).catch((error: Error) => error.name);
      await gateway.whenHeld(1);
      const waitingCaller = new AbortController();
      const waiting = gateway.post(waitingCaller.signal).catch((error: Error) => error.name);
      await gateway.whenQueued(1);
      waitingCaller.abort();
      await gateway.whenQueued(0);
      servedCaller.abort();
      expect(await waiting).toBe('AbortError');
      expect(await served).toBe('AbortError');
      // Both places are free again: the next request is worked on at once.
      const next = gateway.post();
      await gateway.whenHeld(2);
      gateway.held[1]();
      expect((await next).status).toBe(200);
      expect(gateway.admission.shed).toBe(0);
    } finally {
      await gateway.close();
    }
  });

  it('admits mutations under their own limit, so queries filling theirs hold no mutation back, and passes each body on whole', async () => {
    const limits = { maxInFlight: 1, maxQueued: 4, queueWaitMs: 60_000, overloadedWaitMs: 60_000, retryAfterSeconds: 1 };
    const gateway = await gatewayWith(limits, { ...limits, maxInFlight: 2 });
    const report = 'mutation($input: ReportHazardInput!) { reportHazard(input: $input) { hazard { id } } }';
    try {
      const queries = [gateway.post(undefined, 'query 1'), gateway.post(undefined, 'query 2', `query { hazards(first: 20) { totalCount } }`)];
      await gateway.whenHeld(1);
      await gateway.whenQueued(1);
      // A mutation's document may start after white space, escaped in the JSON string.
      const mutations = [gateway.post(undefined, 'mutation 1', report), gateway.post(undefined, 'mutation 2', `\n  ${report}`), gateway.post(undefined, 'mutation 3', report)];
      await gateway.whenHeld(3);
      while (gateway.mutations!.busy.queued !== 1) await new Promise((resolve) => setImmediate(resolve));
      expect(gateway.started).toEqual(['query 1', 'mutation 1', 'mutation 2']);
      expect(gateway.documents).toEqual(['{ __typename }', report, `\n  ${report}`]);
      // Answered in turn, the queued query and mutation are admitted as slots come free.
      for (let answered = 0; answered < 5; await new Promise((resolve) => setTimeout(resolve, 5))) {
        gateway.held.slice(answered).forEach((answer) => answer());
        answered = gateway.held.length;
      }
      for (const response of await Promise.all([...queries, ...mutations])) expect(response.status).toBe(200);
      expect(gateway.documents).toHaveLength(5);
      expect(gateway.admission.busy).toEqual({ inFlight: 0, queued: 0 });
      expect(gateway.mutations!.busy).toEqual({ inFlight: 0, queued: 0 });
    } finally {
      await gateway.close();
    }
  });
});
