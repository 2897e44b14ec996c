import { dropDatabase, openDatabase } from '@campus/database';
import { FeatureModule, moduleEntities, moduleMigrations, withKitModules } from '@campus/server';
import { randomBytes } from 'node:crypto';
import { DataSource, EntitySchema, MixedList } from 'typeorm';

export const TEST_MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  dataSource: DataSource;
  name: string;
  drop(): Promise<void>;
  /** A second, separate pool on the same database (for tests of concurrent instances); the caller destroys it. */
  connectAgain(): Promise<DataSource>;
}

/** A fresh, migrated database for one test file; dropped afterwards. */
export async function createTestDatabase(
  label: string,
  entities: MixedList<Function | string | EntitySchema>,
  migrations: MixedList<Function | string>,
): Promise<TestDatabase> {
  const name = `test_${label}_${randomBytes(4).toString('hex')}`;
  const dataSource = await openDatabase({ mysqlUrl: TEST_MYSQL_URL, database: name, entities, migrations, poolSize: 5 });
  return {
    dataSource,
    name,
    connectAgain: () => openDatabase({ mysqlUrl: TEST_MYSQL_URL, database: name, entities, migrations, poolSize: 5 }),
    drop: async () => {
      await dataSource.destroy();
      await dropDatabase(TEST_MYSQL_URL, name);
    },
  };
}

/** A fresh database migrated for a service's modules (plus the kit's event tables), as the service itself would be. */
export function createServiceTestDatabase(label: string, modules: readonly FeatureModule<never>[]): Promise<TestDatabase> {
  const all = withKitModules(modules);
  return createTestDatabase(label, moduleEntities(all), moduleMigrations(all));
}
