/** Codes of a connection lost before any answer came back (a pooled socket the subgraph had just closed, a reset). */
const LOST_BEFORE_ANSWER = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** A query (not a mutation) may be sent again: asking twice changes nothing. */
function isQuery(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && !/^\s*mutation\b/.test(query);
  } catch {
    return false;
  }
}

/**
 * How the gateway calls a subgraph: Node's fetch (undici — pooled keep-alive connections that it closes before
 * the subgraph's 65 s keep-alive ends), bounded by a deadline; a query whose connection was lost before any
 * answer is sent once more on a new connection, a mutation never (it may have been applied).
 */
export function subgraphFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const attempt = () => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    try {
      return await attempt();
    } catch (error) {
      if (!LOST_BEFORE_ANSWER.has(causeCode(error) ?? '') || !isQuery(init?.body)) throw error;
      return attempt();
    }
  };
}
