import { STATUS_CODES } from 'node:http';
import pLimit from 'p-limit';
import { Agent, request } from 'undici';

/** Codes of a connection lost before any answer came back (a pooled socket the subgraph had just closed, a reset). */
export const LOST_BEFORE_ANSWER = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** Codes of a subgraph that kept silent past the deadline (no headers, or no body, in time). */
export const DEADLINE_PASSED = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The system code behind a failed call: its own, or its cause's (fetch wraps it: TypeError('fetch failed', { cause })). */
export function errorCode(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof cause?.code === 'string') return cause.code;
  return typeof code === 'string' ? code : undefined;
}

/** Code of a query that waited out its deadline for one of its subgraph's read slots: it was never sent. */
export const READ_SLOT_WAITED_OUT = 'CAMPUS_READ_SLOT_WAITED_OUT';

/** A mutation changes something: it is never sent twice, and a lost answer leaves its outcome unknown. */
export function isMutation(query: unknown): boolean {
  return typeof query === 'string' && /^\s*mutation\b/.test(query);
}

/** A query (not a mutation) may be sent again: asking twice changes nothing. */
function isQueryBody(body: string): boolean {
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && !isMutation(query);
  } catch {
    return false;
  }
}

/** A subgraph's answer, read whole: as much of a fetch Response as the gateway's data source uses. */
export interface SubgraphAnswer {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** How many calls the gateway makes to one subgraph at once, and how long it waits for any. */
export interface SubgraphCallLimits {
  /** Longest wait for a subgraph's answer (its headers, then each part of its body), a read slot included. */
  timeoutMs: number;
  /**
   * Queries sent to one subgraph at once; more wait for a slot. Reads cost the subgraph CPU, and past a few at once
   * each one more only lengthens the others; a mutation's time is its commit, and more at once share the disk's
   * flush, so mutations are not held back here (the gateway's admission bounds everything).
   */
  maxReadsPerSubgraph: number;
}

/**
 * How the gateway calls a subgraph: undici's request on pooled keep-alive connections — not fetch, whose
 * Request, Response, web streams and abort signals cost more CPU than the call's own work — bounded by a
 * deadline for the headers and again for the body. An idle connection is kept for the subgraph's advertised
 * keep-alive less 2 s (63 s against the subgraphs' 65 s, libs/server's listen). A query whose connection was
 * lost before any answer (the subgraph closed it as the pool handed it out) is sent once more, on a new
 * connection (subgraph-fetch.spec reproduces the race); a mutation never (it may have been applied).
 */
export class SubgraphClient {
  private readonly agent = new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 600_000, keepAliveTimeoutThreshold: 2_000 });
  /** Per subgraph URL, the slots its queries take (p-limit: a concurrency limit with a first-come queue). */
  private readonly readSlots = new Map<string, pLimit.Limit>();

  constructor(private readonly limits: SubgraphCallLimits) {}

  /** As the gateway's data sources call a fetcher: a POST of the subgraph request as JSON. */
  readonly fetcher = (url: string, init: { headers: Record<string, string>; body: string }): Promise<SubgraphAnswer> =>
    this.call(url, init.headers, init.body, isQueryBody(init.body));

  /**
   * A POST of a GraphQL request. A query (`isQuery`) takes one of the subgraph's read slots for the call and is sent
   * once more when its connection was lost before any answer; a mutation is sent at once, and once.
   */
  call(url: string, headers: Record<string, string>, body: string, isQuery: boolean): Promise<SubgraphAnswer> {
    const deadline = Date.now() + this.limits.timeoutMs;
    if (!isQuery) return this.send(url, headers, body, deadline);
    return this.withReadSlot(url, deadline, async () => {
      try {
        return await this.send(url, headers, body, deadline);
      } catch (error) {
        if (!LOST_BEFORE_ANSWER.has(errorCode(error) ?? '')) throw error;
        return this.send(url, headers, body, deadline);
      }
    });
  }

  /** Queries waiting for a read slot of each subgraph (for tests and logs). */
  readsWaiting(url: string): number {
    return this.readSlots.get(url)?.pendingCount ?? 0;
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  /** Runs `read` in one of the subgraph's read slots; a query still waiting at the deadline fails, never sent. */
  private withReadSlot(url: string, deadline: number, read: () => Promise<SubgraphAnswer>): Promise<SubgraphAnswer> {
    let slots = this.readSlots.get(url);
    if (!slots) this.readSlots.set(url, (slots = pLimit(this.limits.maxReadsPerSubgraph)));
    return new Promise((resolve, reject) => {
      let waitedOut = false;
      const timer = setTimeout(() => {
        waitedOut = true;
        reject(Object.assign(new Error(`no read slot of ${url} came free within ${this.limits.timeoutMs} ms`), { code: READ_SLOT_WAITED_OUT }));
      }, deadline - Date.now());
      void slots(async () => {
        clearTimeout(timer);
        // A slot that comes free for a query already answered with the error passes straight on to the next.
        if (!waitedOut) await read().then(resolve, reject);
      });
    });
  }

  private async send(url: string, headers: Record<string, string>, body: string, deadline: number): Promise<SubgraphAnswer> {
    const response = await request(url, {
      method: 'POST',
      headers,
      body,
      dispatcher: this.agent,
      // What is left of the deadline once a read slot came free; the body's parts each get the whole allowance.
      headersTimeout: Math.max(1, deadline - Date.now()),
      bodyTimeout: this.limits.timeoutMs,
    });
    const text = await response.body.text();
    return answerOf(url, response.statusCode, response.headers, text);
  }
}

function answerOf(url: string, status: number, headers: Record<string, string | string[] | undefined>, text: string): SubgraphAnswer {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_CODES[status] ?? '',
    url,
    headers: {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  };
}

