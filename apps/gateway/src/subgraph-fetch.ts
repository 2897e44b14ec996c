import { STATUS_CODES } from 'node:http';
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

  constructor(private readonly timeoutMs: number) {}

  /** As the gateway's data sources call a fetcher: a POST of the subgraph request as JSON. */
  readonly fetcher = (url: string, init: { headers: Record<string, string>; body: string }): Promise<SubgraphAnswer> =>
    this.call(url, init.headers, init.body, isQueryBody(init.body));

  /** A POST of a GraphQL request; sent once more when its connection was lost before any answer and `mayResend` (a query). */
  async call(url: string, headers: Record<string, string>, body: string, mayResend: boolean): Promise<SubgraphAnswer> {
    try {
      return await this.send(url, headers, body);
    } catch (error) {
      if (!LOST_BEFORE_ANSWER.has(errorCode(error) ?? '') || !mayResend) throw error;
      return this.send(url, headers, body);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async send(url: string, headers: Record<string, string>, body: string): Promise<SubgraphAnswer> {
    const response = await request(url, {
      method: 'POST',
      headers,
      body,
      dispatcher: this.agent,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
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

