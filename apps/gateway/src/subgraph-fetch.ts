/** Codes of a connection lost before any answer came back (a pooled socket the subgraph had just closed, a reset). */
export const LOST_BEFORE_ANSWER = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The system code behind a failed fetch (undici wraps it: TypeError('fetch failed', { cause })). */
export function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** A mutation changes something: it is never sent twice, and a lost answer leaves its outcome unknown. */
export function isMutation(query: unknown): boolean {
  return typeof query === 'string' && /^\s*mutation\b/.test(query);
}

/** A query (not a mutation) may be sent again: asking twice changes nothing. */
function isQueryBody(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && !isMutation(query);
  } catch {
    return false;
  }
}

/**
 * How the gateway calls a subgraph: Node's fetch (undici — pooled keep-alive connections, kept idle for the
 * subgraph's advertised keep-alive less 2 s: 63 s against the subgraphs' 65 s, libs/server's listen), bounded by a
 * deadline. A query whose connection was lost before any answer (the subgraph closed it as the pool handed it
 * out) is sent once more (undici opens a new connection for it rather than hand out another pooled one:
 * subgraph-fetch.spec reproduces the race); a mutation never (it may have been applied).
 */
export function subgraphFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const attempt = () => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    try {
      return await attempt();
    } catch (error) {
      if (!LOST_BEFORE_ANSWER.has(causeCode(error) ?? '') || !isQueryBody(init?.body)) throw error;
      return attempt();
    }
  };
}
