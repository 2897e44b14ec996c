import { Role, Viewer } from '@campus/auth';
import { dropDatabase, openDatabase } from '@campus/database';
import { ConflictError, ForbiddenError, LoaderRegistry, NotFoundError } from '@campus/graphql';
import { randomBytes } from 'node:crypto';
import { Column, DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner, VersionColumn } from 'typeorm';
import { definePolicy, viewRule } from './access-policy';
import { scopedAccess } from './scoped-access';

@Entity('kit_probe')
class ProbeEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512 })
  orgPath: string;

  @Column({ type: 'varchar', length: 100 })
  note: string;

  @VersionColumn()
  version: number;
}

class ProbeTable1000000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE kit_probe (id VARCHAR(32) PRIMARY KEY, org_path VARCHAR(512) NOT NULL, note VARCHAR(100) NOT NULL, version INT NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE kit_probe');
  }
}

const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const ACCESS = scopedAccess(
  definePolicy({ aggregate: 'Probe', label: '探针', actions: { view: viewRule(), edit: { roles: [Role.UNIT_LEADER], label: '修改' } } }),
  ProbeEntity,
);
const asker = (role: Role, path: string) => ({ viewer: new Viewer('a', null, [{ role, unitId: path, path }]) });
const leaderOfA = asker(Role.UNIT_LEADER, '/s/a/');
const staffOfA = asker(Role.STAFF, '/s/a/');

describe('ScopedAccess against MariaDB', () => {
  const database = `test_kit_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openDatabase({ mysqlUrl: MYSQL_URL, database, entities: [ProbeEntity], migrations: [ProbeTable1000000000000], poolSize: 3 });
    await dataSource.query("INSERT INTO kit_probe VALUES ('in-a', '/s/a/x/', 'a', 1), ('in-b', '/s/b/', 'b', 1)");
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(MYSQL_URL, database);
  });

  it('locks a row for an action in order: NOT_FOUND, then FORBIDDEN, then STALE_VERSION', async () => {
    const lock = (who: typeof leaderOfA, id: string, version?: number) =>
      dataSource.transaction((manager) => ACCESS.lock(manager, who, 'edit', { id, version }));
    await expect(lock(leaderOfA, 'nope', 1)).rejects.toThrow(NotFoundError);
    await expect(lock(leaderOfA, 'in-b', 1)).rejects.toThrow(NotFoundError);
    await expect(lock(staffOfA, 'in-a', 0)).rejects.toThrow(ForbiddenError);
    await expect(lock(leaderOfA, 'in-a', 0)).rejects.toThrow(ConflictError);
    await expect(lock(leaderOfA, 'in-a', 1)).resolves.toMatchObject({ id: 'in-a', note: 'a' });
  });

  it('holds the row until the transaction ends, so a second writer waits and then sees the new version', async () => {
    const order: string[] = [];
    const first = dataSource.transaction(async (manager) => {
      const row = await ACCESS.lock(manager, leaderOfA, 'edit', { id: 'in-a', version: 1 });
      await new Promise((resolve) => setTimeout(resolve, 150));
      row.note = 'first';
      await manager.save(row);
      order.push('first saved');
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = dataSource.transaction((manager) => ACCESS.lock(manager, leaderOfA, 'edit', { id: 'in-a', version: 1 })).catch((error) => {
      order.push('second refused');
      return error;
    });
    await first;
    expect(await second).toMatchObject({ reason: 'STALE_VERSION', details: { currentVersion: 2 } });
    expect(order).toEqual(['first saved', 'second refused']);
  });

  it('loads many rows in one statement per request, out-of-scope ones as null', async () => {
    const loaders = new LoaderRegistry();
    let statements = 0;
    const manager = dataSource.createEntityManager();
    const query = manager.query.bind(manager);
    const counted = Object.assign(Object.create(manager), { find: (...args: Parameters<typeof manager.find>) => (statements++, manager.find(...args)), query });
    const loader = ACCESS.loader(loaders, counted, staffOfA, 'view');
    const [a, b, missing] = await Promise.all([loader.load('in-a'), loader.load('in-b'), loader.load('nope')]);
    expect([a?.id, b, missing]).toEqual(['in-a', null, null]);
    expect(statements).toBe(1);
    expect(ACCESS.loader(loaders, counted, staffOfA, 'view')).toBe(loader);
    await expect(ACCESS.load(loaders, counted, staffOfA, 'view', 'in-b')).rejects.toThrow(NotFoundError);
  });
});
