import { httpError, overloadedGraphQLBody } from '@campus/graphql';
import { RequestHandler } from 'express';
import { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import { peekOperationKind } from './operation-kind';

export interface AdmissionLimits {
  /** Requests worked on at once. */
  maxInFlight: number;
  /**
   * Requests worked on at once while overloaded (at most maxInFlight; the same when not given): fewer at once, each
   * answered sooner, while the rest is shed. When calm, more at once keep the subgraphs' waits on the database overlapped.
   */
  overloadedMaxInFlight?: number;
  /** Requests waiting for a slot; past it the one that waited longest is shed. */
  maxQueued: number;
  /** Longest wait for a slot before the request is shed. */
  queueWaitMs: number;
  /**
   * Longest wait for a slot while overloaded (CoDel's target, as "Fail at Scale" applies it): past it the request
   * is shed, so that an admitted one starts within this of its arrival rather than behind a standing queue.
   */
  overloadedWaitMs: number;
  retryAfterSeconds: number;
}

/** How a shed request is answered: GraphQL's error shape on /graphql, the plain-HTTP refusal elsewhere. */
export type ShedBody = 'graphql' | 'http';

/** Origins whose pages may read the answer (as the cors middleware is configured): any, or these. */
export type ShedOrigins = true | string[];

interface Waiting {
  admit: () => void;
  shed: () => void;
}

/** How long after the queue last overflowed (or a request waited out its allowance) the gateway counts as overloaded. */
const LIFO_SPELL_MS = 1_000;

/**
 * Admission control for one kind of work: at most `maxInFlight` requests at once (`overloadedMaxInFlight` while
 * overloaded), a bounded queue behind
 * them, and 503 with Retry-After for the rest. Nothing waits past `queueWaitMs`. A burst the queue holds is
 * served first come, first served. When the queue overflows — more arrives than the machine answers — the
 * request that has waited longest is shed to make room, and for a while the newest is served first (adaptive
 * LIFO, as in Facebook's "Fail at Scale"), and a request waits no more than `overloadedWaitMs`: those admitted start
 * at once and keep their usual latency, instead of every caller waiting out the whole queue. A closed loop of callers
 * the queue holds (50 users each sending again on an answer) never overflows it and is served in turn, unshed.
 * A slot is held until the response is finished or its connection closed.
 */
export class Admission {
  private inFlight = 0;
  private readonly queue: Waiting[] = [];
  private overflowedAt = -Infinity;
  /** Requests shed since start (for logs and tests). */
  shed = 0;
  private readonly answers: Record<ShedBody, Buffer>;

  constructor(private readonly limits: AdmissionLimits) {
    this.answers = {
      graphql: Buffer.from(JSON.stringify(overloadedGraphQLBody(limits.retryAfterSeconds))),
      http: Buffer.from(JSON.stringify(httpError('OVERLOADED').body)),
    };
  }

  /** As Express middleware, for routes of little volume (exports, file transfers; CORS already answered). */
  middleware(body: ShedBody): RequestHandler {
    return (req, res, next) => this.admitOrShed(req, res, () => next(), body, {});
  }

  /**
   * As the HTTP server's request listener, in front of the whole app: a request under `path` is admitted or shed
   * before Express sees it — shedding has to cost far less than serving, and Express's own handling of a request
   * is ~0.5 ms of CPU. Everything else (health, readiness, CORS preflight, other routes) goes straight to the app.
   * With `mutations`, a mutation (told by its body's first chunk) waits under that admission instead: a query costs
   * the subgraphs CPU, and past a few at once each one more only lengthens the others, while a mutation's time is
   * its commit, and more commits at once share the disk's flush.
   */
  frontDoor(app: RequestListener, path: string, origins: ShedOrigins, mutations?: Admission): RequestListener {
    return (req, res) => {
      const url = req.url ?? '';
      const guarded = req.method !== 'OPTIONS' && (url === path || url.startsWith(`${path}?`) || url.startsWith(`${path}/`));
      if (!guarded) return app(req, res);
      const admit = (admission: Admission) => admission.admitOrShed(req, res, () => app(req, res), 'graphql', corsHeaders(req, origins));
      if (!mutations) return admit(this);
      peekOperationKind(req, (kind) => admit(kind === 'mutation' ? mutations : this));
    };
  }

  get busy(): { inFlight: number; queued: number } {
    return { inFlight: this.inFlight, queued: this.queue.length };
  }

  private admitOrShed(req: IncomingMessage, res: ServerResponse, next: () => void, body: ShedBody, headers: OutgoingHttpHeaders): void {
    if (this.inFlight < this.inFlightLimit() && this.queue.length === 0) return this.start(res, next);
    if (this.limits.maxQueued === 0 || this.limits.queueWaitMs === 0) return this.refuse(req, res, body, headers);
    const leave = () => {
      clearTimeout(timer);
      res.off('close', leave);
      this.remove(waiting);
    };
    const waiting: Waiting = {
      admit: () => {
        leave();
        this.start(res, next);
      },
      shed: () => {
        leave();
        this.refuse(req, res, body, headers);
      },
    };
    if (this.queue.length >= this.limits.maxQueued) {
      this.overflowedAt = Date.now();
      this.queue[0].shed();
    }
    const waitedOut = () => {
      this.overflowedAt = Date.now();
      waiting.shed();
    };
    const timer = setTimeout(waitedOut, this.overloaded() ? Math.min(this.limits.overloadedWaitMs, this.limits.queueWaitMs) : this.limits.queueWaitMs);
    // A caller who hangs up while waiting leaves the queue.
    res.once('close', leave);
    this.queue.push(waiting);
  }

  private start(res: ServerResponse, next: () => void): void {
    this.inFlight++;
    res.once('close', () => {
      this.inFlight--;
      while (this.inFlight < this.inFlightLimit() && this.queue.length > 0) this.nextWaiting()!.admit();
    });
    next();
  }

  private inFlightLimit(): number {
    const { maxInFlight, overloadedMaxInFlight = maxInFlight } = this.limits;
    return this.overloaded() ? Math.min(overloadedMaxInFlight, maxInFlight) : maxInFlight;
  }

  private overloaded(): boolean {
    return Date.now() - this.overflowedAt < LIFO_SPELL_MS;
  }

  private nextWaiting(): Waiting | undefined {
    return this.overloaded() ? this.queue[this.queue.length - 1] : this.queue[0];
  }

  private remove(waiting: Waiting): void {
    const index = this.queue.indexOf(waiting);
    if (index >= 0) this.queue.splice(index, 1);
  }

  private refuse(req: IncomingMessage, res: ServerResponse, body: ShedBody, headers: OutgoingHttpHeaders): void {
    this.shed++;
    // A GraphQL body is small: read and dropped, the connection carries the caller's next request. An upload's
    // is not worth reading: the connection is closed after the answer.
    if (body === 'graphql') req.resume();
    else if (!req.complete) res.setHeader('connection', 'close');
    const answer = this.answers[body];
    res.writeHead(503, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': answer.length, 'retry-after': String(this.limits.retryAfterSeconds) });
    res.end(answer);
  }
}

/** What the cors middleware would have added for an allowed origin, so that a page can read the 503 and its Retry-After. */
function corsHeaders(req: IncomingMessage, origins: ShedOrigins): OutgoingHttpHeaders {
  const origin = req.headers.origin;
  if (!origin || (origins !== true && !origins.includes(origin))) return {};
  return { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': 'retry-after' };
}
