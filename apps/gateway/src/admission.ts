import { REASONS } from '@campus/graphql';
import { NextFunction, Request, RequestHandler, Response } from 'express';

export interface AdmissionLimits {
  /** Requests worked on at once. */
  maxInFlight: number;
  /** Requests waiting for a slot; one more is shed at once. */
  maxQueued: number;
  /** Longest wait for a slot before the request is shed. */
  queueWaitMs: number;
  retryAfterSeconds: number;
}

/** How a shed request is answered: GraphQL's error shape on /graphql, the plain-HTTP refusal elsewhere. */
export type ShedBody = 'graphql' | 'http';

interface Waiting {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Admission control for one kind of work: at most `maxInFlight` requests at once, a short first-come queue
 * behind them, and every other request shed at once with 503 and Retry-After — a request that cannot start
 * within `queueWaitMs` is shed too, so nothing queues for long while the machine is saturated. A slot is
 * held until the response is finished or its connection closed.
 */
export class Admission {
  private inFlight = 0;
  private readonly queue: Waiting[] = [];
  /** Requests shed since start (for logs and tests). */
  shed = 0;

  constructor(private readonly limits: AdmissionLimits) {}

  middleware(body: ShedBody): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => this.admitOrShed(req, res, next, body);
  }

  get busy(): { inFlight: number; queued: number } {
    return { inFlight: this.inFlight, queued: this.queue.length };
  }

  private admitOrShed(req: Request, res: Response, next: NextFunction, body: ShedBody): void {
    if (this.inFlight < this.limits.maxInFlight) return this.start(res, next);
    if (this.queue.length >= this.limits.maxQueued || this.limits.queueWaitMs === 0) return this.refuse(req, res, body);
    const waiting: Waiting = {
      admit: () => {
        clearTimeout(waiting.timer);
        res.off('close', gaveUp);
        this.start(res, next);
      },
      timer: setTimeout(() => {
        this.remove(waiting);
        res.off('close', gaveUp);
        this.refuse(req, res, body);
      }, this.limits.queueWaitMs),
    };
    // A caller who hangs up while waiting leaves the queue.
    const gaveUp = () => {
      clearTimeout(waiting.timer);
      this.remove(waiting);
    };
    res.once('close', gaveUp);
    this.queue.push(waiting);
  }

  private start(res: Response, next: NextFunction): void {
    this.inFlight++;
    res.once('close', () => {
      this.inFlight--;
      this.queue.shift()?.admit();
    });
    next();
  }

  private remove(waiting: Waiting): void {
    const index = this.queue.indexOf(waiting);
    if (index >= 0) this.queue.splice(index, 1);
  }

  private refuse(req: Request, res: Response, body: ShedBody): void {
    this.shed++;
    // A GraphQL body is small: read and dropped, the connection carries the caller's next request. An upload's
    // is not worth reading: the connection is closed after the answer.
    if (body === 'graphql') req.resume();
    else if (!req.complete) res.setHeader('connection', 'close');
    res.status(503).setHeader('retry-after', String(this.limits.retryAfterSeconds));
    res.json(body === 'graphql' ? overloadedGraphQLBody(this.limits.retryAfterSeconds) : overloadedHttpBody());
  }
}

const OVERLOADED_MESSAGE = `${REASONS.OVERLOADED.message} (SERVICE_UNAVAILABLE)`;

export function overloadedGraphQLBody(retryAfterSeconds: number) {
  return { errors: [{ message: OVERLOADED_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'OVERLOADED', retryAfterSeconds } }] };
}

function overloadedHttpBody() {
  return { code: 'SERVICE_UNAVAILABLE', reason: 'OVERLOADED', message: OVERLOADED_MESSAGE };
}
