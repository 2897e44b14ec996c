import { Role, Viewer } from '@campus/auth';
import { dropDatabase, openDatabase } from '@campus/database';
import { DomainError } from '@campus/graphql';
import { randomBytes } from 'node:crypto';
import { Column, DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner, VersionColumn } from 'typeorm';
import { definePolicy, viewRule } from '../access-policy';
import { serviceBase } from '../module-schema';
import { scopedAccess } from '../scoped-access';
import { withAuditActor } from './audit-context';
import { REDACTED } from './audit-diff';
import { auditedDelete, auditedUpdate } from './audit-recorder';
import { AuditTrail } from './audit-trail';
import { AuditLog1765000001300 } from './audit.migration';

@Entity('audit_probe')
class AuditProbeEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512 })
  orgPath: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100, nullable: true })
  passwordHash: string | null;

  @VersionColumn()
  version: number;
}

class AuditProbeTable1765000001301 implements MigrationInterface {
  name = 'AuditProbeTable1765000001301';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE audit_probe (id VARCHAR(32) PRIMARY KEY, org_path VARCHAR(512) NOT NULL, title VARCHAR(100) NOT NULL, password_hash VARCHAR(100) NULL, version INT NOT NULL) ENGINE=InnoDB',
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_probe');
  }
}

scopedAccess(definePolicy({ aggregate: 'AuditProbe', label: '探针', actions: { view: viewRule() } }), AuditProbeEntity);

const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const officeOfA = { viewer: new Viewer('account-a', 'person-a', [{ role: Role.SAFETY_OFFICE, unitId: 'a', path: '/s/a/' }]) };
const officeOfB = { viewer: new Viewer('account-b', 'person-b', [{ role: Role.SAFETY_OFFICE, unitId: 'b', path: '/s/b/' }]) };
const actor = { accountId: 'account-a', personId: 'person-a', operation: 'updateProbe', requestId: 'req-1' };
const page = { first: 20 };

interface LogRow {
  action: string;
  operation: string | null;
  account_id: string | null;
  person_id: string | null;
  request_id: string | null;
  changes: string;
}

describe('audit trail (kit/audit) against MariaDB', () => {
  const database = `test_audit_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;
  let trail: AuditTrail;

  beforeAll(async () => {
    dataSource = await openDatabase({
      mysqlUrl: MYSQL_URL,
      database,
      entities: [AuditProbeEntity],
      migrations: [AuditLog1765000001300, AuditProbeTable1765000001301],
      poolSize: 3,
    });
    serviceBase([], dataSource, { eventsRecorded: () => undefined });
    trail = new AuditTrail(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(MYSQL_URL, database);
  });

  const logOf = (id: string): Promise<LogRow[]> => dataSource.query('SELECT * FROM audit_log WHERE object_id = ? ORDER BY id', [id]);

  it('records a create and an update with before and after, as the mutation\'s viewer, in the change\'s transaction', async () => {
    await withAuditActor({ ...actor, operation: 'createProbe' }, () =>
      dataSource.transaction((manager) => manager.save(manager.create(AuditProbeEntity, { id: 'p1', orgPath: '/s/a/x/', title: '一', passwordHash: null }))),
    );
    await withAuditActor(actor, () =>
      dataSource.transaction(async (manager) => {
        const probe = await manager.findOneByOrFail(AuditProbeEntity, { id: 'p1' });
        probe.title = '二';
        await manager.save(probe);
        // Not yet committed: another connection sees nothing of this change, in the trail either.
        const [{ seen }] = await dataSource.query("SELECT COUNT(*) AS seen FROM audit_log WHERE object_id = 'p1' AND action = 'update'");
        expect(Number(seen)).toBe(0);
      }),
    );
    const rows = await logOf('p1');
    expect(rows.map((row) => [row.action, row.operation])).toEqual([
      ['create', 'createProbe'],
      ['update', 'updateProbe'],
    ]);
    expect(rows[1]).toMatchObject({ account_id: 'account-a', person_id: 'person-a', request_id: 'req-1' });
    expect(JSON.parse(rows[1].changes)).toEqual([{ field: 'title', before: '"一"', after: '"二"' }]);
  });

  it('leaves no entry when the mutation rolls back', async () => {
    await expect(
      withAuditActor(actor, () =>
        dataSource.transaction(async (manager) => {
          await manager.save(manager.create(AuditProbeEntity, { id: 'p-rolled-back', orgPath: '/s/a/', title: 'x', passwordHash: null }));
          throw new Error('refused after the write');
        }),
      ),
    ).rejects.toThrow('refused after the write');
    expect(await logOf('p-rolled-back')).toEqual([]);
  });

  it('refuses, in the database, to update or delete an entry', async () => {
    await expect(dataSource.query("UPDATE audit_log SET operation = 'forged' WHERE object_id = 'p1'")).rejects.toThrow(/append-only/);
    await expect(dataSource.query("DELETE FROM audit_log WHERE object_id = 'p1'")).rejects.toThrow(/append-only/);
    expect(await logOf('p1')).toHaveLength(2);
  });

  it('never stores a password hash: its change is recorded with both values redacted', async () => {
    await withAuditActor(actor, () =>
      dataSource.transaction(async (manager) => {
        await manager.save(manager.create(AuditProbeEntity, { id: 'p-secret', orgPath: '/s/a/', title: 's', passwordHash: '$2b$10$firsthash' }));
        const probe = await manager.findOneByOrFail(AuditProbeEntity, { id: 'p-secret' });
        probe.passwordHash = '$2b$10$secondhash';
        await manager.save(probe);
      }),
    );
    const [{ everything }] = await dataSource.query("SELECT GROUP_CONCAT(changes) AS everything FROM audit_log WHERE object_id = 'p-secret'");
    expect(everything).not.toMatch(/\$2b\$/);
    expect(everything).toContain(REDACTED);
  });

  it('sees query-builder inserts, and updates and deletes by criteria through auditedUpdate/auditedDelete', async () => {
    await withAuditActor({ ...actor, operation: 'importProbes' }, () =>
      dataSource.transaction(async (manager) => {
        await manager.insert(AuditProbeEntity, [
          { id: 'q1', orgPath: '/s/a/', title: 'q', passwordHash: null, version: 1 },
          { id: 'q2', orgPath: '/s/a/', title: 'q', passwordHash: null, version: 1 },
        ]);
        await auditedUpdate(manager, AuditProbeEntity, { title: 'q' }, { title: 'r' });
        await auditedDelete(manager, AuditProbeEntity, { id: 'q2' });
      }),
    );
    expect((await logOf('q1')).map((row) => row.action)).toEqual(['create', 'update']);
    expect((await logOf('q2')).map((row) => row.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse((await logOf('q1'))[1].changes)).toEqual([{ field: 'title', before: '"q"', after: '"r"' }]);
  });

  it('records a bulk import in a few statements (one entry per row)', async () => {
    const rows = Array.from({ length: 1200 }, (_, index) => ({ id: `bulk${index}`, orgPath: '/s/a/', title: 'b', passwordHash: null, version: 1 }));
    await withAuditActor({ ...actor, operation: 'importProbes' }, () => dataSource.transaction((manager) => manager.insert(AuditProbeEntity, rows)));
    const [{ count }] = await dataSource.query("SELECT COUNT(*) AS count FROM audit_log WHERE object_id LIKE 'bulk%'");
    expect(Number(count)).toBe(1200);
  });

  it('serves the trail newest first to a viewer of the object; out of scope, absent or of an unknown type is NOT_FOUND', async () => {
    const first = await trail.read(officeOfA, 'AuditProbe', 'p1', { ...page, first: 1 });
    expect(first.totalCount).toBe(2);
    expect(first.edges[0].node).toMatchObject({ action: 'update', operation: 'updateProbe', actorPersonId: 'person-a' });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await trail.read(officeOfA, 'AuditProbe', 'p1', { first: 1, after: first.pageInfo.endCursor });
    expect(second.edges[0].node.action).toBe('create');
    for (const [asker, type, id] of [
      [officeOfB, 'AuditProbe', 'p1'],
      [officeOfA, 'AuditProbe', 'missing'],
      [officeOfA, 'Nothing', 'p1'],
      [officeOfA, 'Account', 'p1'],
    ] as const) {
      const refusal = await trail.read(asker, type, id, page).catch((error: DomainError) => error);
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).code).toBe('NOT_FOUND');
    }
  });
});
