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
export function orgProjectionHandlers(scopedTables: string[]): EventHandler<unknown>[] {
  return [
    on(OrgUnitCreated, (manager, { payload }) => upsertUnit(manager, payload.id, payload.path, payload.name)),
    on(OrgUnitRenamed, (manager, { payload }) => upsertUnit(manager, payload.id, payload.path, payload.name)),
    on(OrgUnitMoved, async (manager, { payload }) => {
      await movePaths(manager, 'org_unit_projection', 'path', payload.oldPath, payload.newPath);
      for (const table of scopedTables) await movePaths(manager, table, 'org_path', payload.oldPath, payload.newPath);
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
