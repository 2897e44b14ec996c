import { grant, Role, Viewer } from '@campus/auth';
import { dropDatabase, newId, openDatabase } from '@campus/database';
import { DomainError } from '@campus/graphql';
import { randomBytes } from 'node:crypto';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createOnce, CreateRequest, forgetOldClientRequests } from './client-requests';
import { ClientRequests1764800000000 } from './client-requests.migration';

const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/** A stand-in aggregate table for the creates under test. */
class Things1764800000900 implements MigrationInterface {
  name = 'Things1764800000900';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE thing (id CHAR(32) NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL) ENGINE=InnoDB');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE thing');
  }
}

const alice = new Viewer('account-alice', 'person-alice', [grant(Role.STAFF, 'u1', '/u1/')]);
const bob = new Viewer('account-bob', 'person-bob', [grant(Role.STAFF, 'u1', '/u1/')]);

describe('createOnce (kit module client-requests)', () => {
  const name = `test_client_requests_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openDatabase({ mysqlUrl: MYSQL_URL, database: name, entities: [], migrations: [ClientRequests1764800000000, Things1764800000900], poolSize: 4 });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(MYSQL_URL, name);
  });

  /**
   * Creates a thing in its own transaction, the way a service's create mutation does. `claimed` is called once the key is
   * claimed (the create runs only after the claim); `pause` then holds the transaction open after the insert.
   */
  function createThing(request: Omit<CreateRequest, 'operation'>, pause: Promise<void> = Promise.resolve(), claimed: () => void = () => undefined) {
    return dataSource.transaction((manager) =>
      createOnce(manager, { ...request, operation: 'createThing' }, async () => {
        claimed();
        const thing = { id: newId(), title: (request.input as { title: string }).title };
        await manager.query('INSERT INTO thing (id, title) VALUES (?, ?)', [thing.id, thing.title]);
        await pause;
        return thing;
      }),
    );
  }

  /** Polls until a transaction waits on a lock held by another's claim of the same key (InnoDB refreshes this table at most every 100 ms). */
  async function untilAClaimWaits(): Promise<void> {
    for (;;) {
      const [{ count }] = await dataSource.query(
        "SELECT COUNT(*) AS count FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE 'INSERT INTO client_request%'",
      );
      if (Number(count) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  async function countThings(title: string): Promise<number> {
    const [{ count }] = await dataSource.query('SELECT COUNT(*) AS count FROM thing WHERE title = ?', [title]);
    return Number(count);
  }

  it('replays a create with the same key: the same id, nothing created twice', async () => {
    const first = await createThing({ viewer: alice, clientRequestId: 'req-1', input: { title: 'replayed', clientRequestId: 'req-1' } });
    expect(first.created).toMatchObject({ id: first.id, title: 'replayed' });

    // Fields in another order are the same input.
    const again = await createThing({ viewer: alice, clientRequestId: 'req-1', input: { clientRequestId: 'req-1', title: 'replayed' } });
    expect(again).toEqual({ id: first.id, created: null });
    expect(await countThings('replayed')).toBe(1);
  });

  it('creates one thing when two calls with the same key run at once; the second waits for the first to commit', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const request = { viewer: alice, clientRequestId: 'req-concurrent', input: { title: 'concurrent' } };
    let firstClaimed!: () => void;
    const claimedByFirst = new Promise<void>((resolve) => (firstClaimed = resolve));
    const first = createThing(request, held, firstClaimed);
    // Only once the first holds the claim does the second start (started together, the second may claim first under
    // load); its claim then blocks on the first's uncommitted row until the first commits.
    await claimedByFirst;
    const second = createThing(request);
    await untilAClaimWaits();
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.created).not.toBeNull();
    expect(b).toEqual({ id: a.id, created: null });
    expect(await countThings('concurrent')).toBe(1);
  });

  it('creates afresh after a first attempt that rolled back', async () => {
    const failing = dataSource.transaction((manager) =>
      createOnce(manager, { viewer: alice, operation: 'createThing', clientRequestId: 'req-failed', input: { title: 'retried' } }, async () => {
        throw new Error('the create failed');
      }),
    );
    await expect(failing).rejects.toThrow('the create failed');
    const retried = await createThing({ viewer: alice, clientRequestId: 'req-failed', input: { title: 'retried' } });
    expect(retried.created).not.toBeNull();
    expect(await countThings('retried')).toBe(1);
  });

  it('refuses the same key with a different input, and creates nothing', async () => {
    await createThing({ viewer: alice, clientRequestId: 'req-2', input: { title: 'original' } });
    const reused = createThing({ viewer: alice, clientRequestId: 'req-2', input: { title: 'something else' } });
    await expect(reused).rejects.toBeInstanceOf(DomainError);
    await expect(reused).rejects.toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED', code: 'BAD_USER_INPUT' });
    expect(await countThings('something else')).toBe(0);
  });

  it('keeps keys per account: another account’s same key creates its own', async () => {
    const mine = await createThing({ viewer: alice, clientRequestId: 'req-shared', input: { title: 'per account' } });
    const theirs = await createThing({ viewer: bob, clientRequestId: 'req-shared', input: { title: 'per account' } });
    expect(theirs.created).not.toBeNull();
    expect(theirs.id).not.toBe(mine.id);
    expect(await countThings('per account')).toBe(2);
  });

  it('keeps keys per operation, and without a key creates every time', async () => {
    const asThing = await createThing({ viewer: alice, clientRequestId: 'req-op', input: { title: 'per operation' } });
    const other = await dataSource.transaction((manager) =>
      createOnce(manager, { viewer: alice, operation: 'createOther', clientRequestId: 'req-op', input: { title: 'per operation' } }, async () => ({ id: 'other-1' })),
    );
    expect(other).toEqual({ id: 'other-1', created: { id: 'other-1' } });
    expect(asThing.created).not.toBeNull();

    await createThing({ viewer: alice, input: { title: 'no key' } });
    await createThing({ viewer: alice, clientRequestId: null, input: { title: 'no key' } });
    expect(await countThings('no key')).toBe(2);
  });

  it('forgets client requests older than a week, and a key forgotten creates afresh', async () => {
    await createThing({ viewer: alice, clientRequestId: 'req-old', input: { title: 'forgotten' } });
    await dataSource.query("UPDATE client_request SET created_at = created_at - INTERVAL 8 DAY WHERE request_id = 'req-old'");
    expect(await forgetOldClientRequests(dataSource)).toEqual({ clientRequestsDeleted: 1 });
    const [{ count }] = await dataSource.query('SELECT COUNT(*) AS count FROM client_request');
    expect(Number(count)).toBeGreaterThan(0); // the recent ones stay
    await createThing({ viewer: alice, clientRequestId: 'req-old', input: { title: 'forgotten' } });
    expect(await countThings('forgotten')).toBe(2);
  });

  it.each(['', 'a'.repeat(65), 'has space', '中文', 'semi;colon'])('refuses the malformed key %j', async (clientRequestId) => {
    await expect(createThing({ viewer: alice, clientRequestId, input: { title: 'malformed' } })).rejects.toMatchObject({ reason: 'INVALID_INPUT' });
    expect(await countThings('malformed')).toBe(0);
  });
});
