import { escapeLike } from '@campus/database';
import { EventHandler, on, OrgUnitCreated, OrgUnitMoved, OrgUnitRenamed } from '@campus/events';
import { Column, DataSource, Entity, EntityManager, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { OrgUnitDirectory } from './directory';

/** This service's copy of the org tree: enough to know each unit's path (its data scope) and name. */
@Entity('org_unit_projection')
export class OrgUnitProjectionRow {
  @PrimaryColumn({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  path: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Null for units projected before codes were kept. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  code: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  kind: string | null;
}

export class OrgUnitProjection1764100000001 implements MigrationInterface {
  name = 'OrgUnitProjection1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE org_unit_projection (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(100) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_org_unit_projection_path (path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE org_unit_projection');
  }
}

/** Units' codes and kinds, so a service can name a unit's school (e.g. in hazard codes). */
export class OrgUnitProjectionCodes1764400000000 implements MigrationInterface {
  name = 'OrgUnitProjectionCodes1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE org_unit_projection ADD COLUMN code VARCHAR(64) NULL, ADD COLUMN kind VARCHAR(32) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE org_unit_projection DROP COLUMN code, DROP COLUMN kind');
  }
}

async function upsertUnit(manager: EntityManager, id: string, path: string, name: string): Promise<void> {
  await manager.query(
    'INSERT INTO org_unit_projection (id, path, name) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE path = VALUES(path), name = VALUES(name)',
    [id, path, name],
  );
}

/** Rewrites every path under oldPath to sit under newPath, in the projection and the service's scoped tables. */
async function movePaths(manager: EntityManager, table: string, column: string, oldPath: string, newPath: string): Promise<void> {
  await manager.query(`UPDATE ${table} SET ${column} = CONCAT(?, SUBSTRING(${column}, ?)) WHERE ${column} LIKE ?`, [
    newPath,
    oldPath.length + 1,
    `${escapeLike(oldPath)}%`,
  ]);
}

/**
 * Keeps the projection current from responsibility-network's events, and moves the service's own
 * scoped rows (tables with an org_path column) when a unit moves, so their data scope follows.
 */
export function orgProjectionHandlers(scopedColumns: readonly { table: string; column: string }[]): EventHandler<unknown>[] {
  return [
    on(OrgUnitCreated, async (manager, { payload }) => {
      await upsertUnit(manager, payload.id, payload.path, payload.name);
      await manager.query('UPDATE org_unit_projection SET code = ?, kind = ? WHERE id = ?', [payload.code, payload.kind, payload.id]);
    }),
    on(OrgUnitRenamed, (manager, { payload }) => upsertUnit(manager, payload.id, payload.path, payload.name)),
    on(OrgUnitMoved, async (manager, { payload }) => {
      await movePaths(manager, 'org_unit_projection', 'path', payload.oldPath, payload.newPath);
      for (const { table, column } of scopedColumns) await movePaths(manager, table, column, payload.oldPath, payload.newPath);
    }),
  ];
}

/**
 * Paths from the local projection; a unit not projected yet (created a moment ago, its event still on
 * the way) is looked up through the fallback.
 */
export function projectedOrgUnitDirectory(dataSource: DataSource, fallback: OrgUnitDirectory): OrgUnitDirectory {
  return {
    async pathOf(unitId, viewerToken, requestId) {
      const row = await dataSource.getRepository(OrgUnitProjectionRow).findOneBy({ id: unitId });
      return row ? row.path : fallback.pathOf(unitId, viewerToken, requestId);
    },
  };
}

/**
 * The unit that numbers a row's documents: the deepest SCHOOL on the path, else the deepest projected unit
 * with a code (a bureau); null while the path's units are not projected yet.
 */
export async function numberingUnitOf(manager: EntityManager, path: string): Promise<{ id: string; code: string } | null> {
  const ids = path.split('/').filter(Boolean);
  const rows: { id: string; code: string | null; kind: string | null }[] = await manager.query(
    `SELECT id, code, kind FROM org_unit_projection WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const byDepth = ids.map((id) => rows.find((row) => row.id === id)).filter((row) => row?.code) as { id: string; code: string; kind: string | null }[];
  const unit = [...byDepth].reverse().find((row) => row.kind === 'SCHOOL') ?? byDepth.at(-1);
  return unit ? { id: unit.id, code: unit.code } : null;
}
