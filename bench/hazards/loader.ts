import { Readable } from 'node:stream';
import { Connection, createConnection } from 'mysql2/promise';

export type Cell = string | number | null;

/** A TSV line for LOAD DATA: NULL as \N, tabs, newlines and backslashes escaped. */
export function tsvLine(cells: readonly Cell[]): string {
  return cells
    .map((cell) => (cell === null ? '\\N' : typeof cell === 'number' ? String(cell) : cell.replace(/[\\\t\n]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\\\'))))
    .join('\t');
}

/** DATETIME(3) text in UTC. */
export function sqlTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
}

async function loadInto(connection: Connection, table: string, columns: readonly string[], lines: readonly string[]): Promise<void> {
  const body = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  await connection.query({
    sql: `LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE ${table} CHARACTER SET utf8mb4
            FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.join(', ')})`,
    infileStreamFactory: () => Readable.from([body]),
  });
}

/**
 * Loads chunks of rows with LOAD DATA LOCAL INFILE over a few connections at once. submit() returns as
 * soon as a connection takes the chunk, so the generator keeps producing while the database loads.
 */
export class ParallelLoader {
  private readonly idle: Connection[] = [];
  private readonly waiting: ((connection: Connection) => void)[] = [];
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown = null;

  private constructor(private readonly connections: Connection[]) {
    this.idle.push(...connections);
  }

  static async open(databaseUrl: string, count: number): Promise<ParallelLoader> {
    const connections = await Promise.all(Array.from({ length: count }, () => createConnection({ uri: databaseUrl, timezone: 'Z' })));
    for (const connection of connections) await connection.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    return new ParallelLoader(connections);
  }

  async submit(table: string, columns: readonly string[], lines: readonly string[], onDone: () => void = () => undefined): Promise<void> {
    if (this.failure) throw this.failure;
    if (lines.length === 0) return;
    const connection = await this.acquire();
    const job: Promise<void> = loadInto(connection, table, columns, lines)
      .then(onDone)
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.pending.delete(job);
        this.release(connection);
      });
    this.pending.add(job);
  }

  async drain(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.drain().finally(() => Promise.all(this.connections.map((connection) => connection.end())));
  }

  private acquire(): Promise<Connection> {
    const connection = this.idle.pop();
    return connection ? Promise.resolve(connection) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(connection: Connection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }
}
