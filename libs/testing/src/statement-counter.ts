import { DataSource, Logger } from 'typeorm';

/**
 * Counts the SQL statements a piece of work sends through a data source (every query TypeORM runs goes
 * through its logger's logQuery, whatever the logging option), and lists them for a failure message.
 */
export async function countStatements<T>(dataSource: DataSource, work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const statements: string[] = [];
  const original = dataSource.logger;
  const counting: Logger = {
    logQuery: (query) => void statements.push(query),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  Object.assign(dataSource, { logger: counting });
  try {
    const result = await work();
    return { result, count: statements.length, statements };
  } finally {
    Object.assign(dataSource, { logger: original });
  }
}
