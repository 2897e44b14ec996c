import { createConnection } from 'mysql2/promise';
import { countSqlStatement } from '@campus/logger';
import { DataSource, EntitySchema, Logger, MixedList } from 'typeorm';

export interface DatabaseOptions {
  /** Server URL without a database, e.g. mysql://root@127.0.0.1:3306 */
  mysqlUrl: string;
  database: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

export function databaseUrl(mysqlUrl: string, database: string): string {
  const url = new URL(mysqlUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const SAFE_NAME = /^[A-Za-z0-9_]+$/;

/** Creates the service's database (utf8mb4) when it does not exist yet. */
export async function ensureDatabase(mysqlUrl: string, database: string): Promise<void> {
  if (!SAFE_NAME.test(database)) throw new Error(`invalid database name: ${database}`);
  const connection = await createConnection({ uri: mysqlUrl });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

export async function dropDatabase(mysqlUrl: string, database: string): Promise<void> {
  if (!SAFE_NAME.test(database)) throw new Error(`invalid database name: ${database}`);
  const connection = await createConnection({ uri: mysqlUrl });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'mysql',
    url: databaseUrl(options.mysqlUrl, options.database),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: ['DATE'],
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize ?? 10,
    logger: SQL_STATEMENT_COUNTER,
  });
}

/** Counts each statement against the request or event being served (see the request log line's `sql`). */
const SQL_STATEMENT_COUNTER: Logger = {
  logQuery: () => countSqlStatement(),
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

/**
 * Creates the database if missing, connects and runs pending migrations. A named lock keeps two
 * instances starting at once from migrating together.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  await ensureDatabase(options.mysqlUrl, options.database);
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  const lockRunner = dataSource.createQueryRunner();
  const lockName = `${options.database}.migrations`;
  try {
    await lockRunner.query('SELECT GET_LOCK(?, 60)', [lockName]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockRunner.query('SELECT RELEASE_LOCK(?)', [lockName]).catch(() => undefined);
    await lockRunner.release();
  }
  return dataSource;
}
