import { createConnection } from 'mysql2/promise';

export const POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tries the probe every POLL_MS until it succeeds; the Date.now() of the first success, or null past the deadline. */
export async function firstSuccess(probe: () => Promise<boolean>, deadline: number): Promise<number | null> {
  while (Date.now() < deadline) {
    const ok = await probe().catch(() => false);
    if (ok) return Date.now();
    await sleep(POLL_MS);
  }
  return null;
}

/** A GraphQL query straight to a subgraph (with the gateway proof), answered with data and no errors. */
export function answersQuery(url: string, query: string, headers: Record<string, string>): () => Promise<boolean> {
  return async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    return response.ok && body.data != null && !body.errors?.length;
  };
}

/** /readyz answers 200 with its events part consuming (the consumer has joined its group). */
export function consumingEvents(readyzUrl: string): () => Promise<boolean> {
  return async () => {
    const response = await fetch(readyzUrl, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { parts?: { events?: string } };
    return response.ok && body.parts?.events === 'consuming';
  };
}

/** Counts a service's inbox rows of one event type (the events its consumer has applied). */
export class InboxCounter {
  private constructor(private readonly connection: Awaited<ReturnType<typeof createConnection>>) {}

  static async open(mysqlUrl: string): Promise<InboxCounter> {
    return new InboxCounter(await createConnection({ uri: mysqlUrl }));
  }

  async count(database: string, eventType: string): Promise<number> {
    const [rows] = await this.connection.query(`SELECT COUNT(*) AS n FROM \`${database}\`.event_inbox WHERE event_type = ?`, [eventType]);
    return Number((rows as { n: number }[])[0].n);
  }

  /** Resolves once the count exceeds `applied` (an event produced after it was read has been applied). */
  moreThan(database: string, eventType: string, applied: number, deadline: number): Promise<number | null> {
    return firstSuccess(async () => (await this.count(database, eventType)) > applied, deadline);
  }

  async reaches(database: string, eventType: string, expected: number, timeoutMs: number): Promise<void> {
    const reached = await firstSuccess(async () => (await this.count(database, eventType)) >= expected, Date.now() + timeoutMs);
    if (reached === null) throw new Error(`${database}: ${eventType} not applied ${expected} times within ${timeoutMs} ms`);
  }

  close(): Promise<void> {
    return this.connection.end();
  }
}
