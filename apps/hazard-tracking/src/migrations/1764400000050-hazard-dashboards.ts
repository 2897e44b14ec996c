import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = ['DISCOVERED', 'REGISTERED', 'REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'ARCHIVED', 'VOIDED'];
const CATEGORIES = [
  'FIRE', 'BUILDING', 'FOOD', 'TRAFFIC', 'LAB_CHEMICAL', 'SPECIAL_EQUIPMENT', 'ELECTRICAL', 'GAS', 'CONSTRUCTION',
  'PUBLIC_HEALTH', 'NETWORK', 'SECURITY', 'SURROUNDINGS', 'PSYCHOLOGICAL', 'OTHER',
];
const GRADES = ['GENERAL', 'MAJOR'];

/**
 * What dashboards read at province scale (measured by bench/hazards):
 *  - the loop's first acceptance and closing on the hazard itself, so statistics need no step history, and
 *    what hazard_monthly counts the hazard under (rollup_*), so each change moves exactly its own counts;
 *  - hazard_monthly, counters per unit and month of discovery kept by recordHazardChange (hazard-rollup.ts),
 *    which OrgUnit.hazardStats sums for whole months;
 *  - covering indexes for the rest: discovery-time ranges (the partial months) and open hazards by deadline
 *    (overdue counts, the ledger's overdue filter);
 *  - (created_at, id) for the ledger's newest-first page of a wide subtree (a bureau's), read backwards.
 * A new status, category or grade needs its counter column added by a later migration.
 */
export class HazardDashboards1764400000050 implements MigrationInterface {
  name = 'HazardDashboards1764400000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE hazard
        ADD COLUMN accepted_at DATETIME(3) NULL,
        ADD COLUMN closed_at DATETIME(3) NULL,
        ADD COLUMN accepted_on_time TINYINT(1) NULL,
        ADD COLUMN rollup_status VARCHAR(32) NULL,
        ADD COLUMN rollup_category VARCHAR(32) NULL,
        ADD COLUMN rollup_grade VARCHAR(16) NULL`);
    await queryRunner.query('UPDATE hazard SET rollup_status = status, rollup_category = category, rollup_grade = grade');
    await queryRunner.query(`
      UPDATE hazard h
        JOIN (SELECT hazard_id,
                     MIN(CASE WHEN to_status = 'ACCEPTED' THEN at END) AS accepted_at,
                     MIN(CASE WHEN to_status = 'CLOSED' THEN at END) AS closed_at
                FROM hazard_step GROUP BY hazard_id) s ON s.hazard_id = h.id
         SET h.accepted_at = s.accepted_at, h.closed_at = s.closed_at`);
    // On time: accepted before the end of the deadline day in Asia/Shanghai (16:00 UTC).
    await queryRunner.query(`
      UPDATE hazard SET accepted_on_time = accepted_at < TIMESTAMP(deadline, '16:00:00')
       WHERE accepted_at IS NOT NULL AND deadline IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE hazard
        ADD KEY ix_hazard_discovered (discovered_at, org_path, status, category, grade, accepted_on_time, closed_at),
        ADD KEY ix_hazard_path_discovered (org_path, discovered_at, status, category, grade, accepted_on_time, closed_at),
        ADD KEY ix_hazard_open (status, deadline, org_path, discovered_at),
        ADD KEY ix_hazard_recent (created_at, id)`);

    const counters = [
      'hazards',
      ...STATUSES.map((status) => `status_${status.toLowerCase()}`),
      ...CATEGORIES.map((category) => `category_${category.toLowerCase()}`),
      ...GRADES.map((grade) => `grade_${grade.toLowerCase()}`),
      'accepted_with_deadline',
      'accepted_on_time',
      'closed',
    ];
    await queryRunner.query(`
      CREATE TABLE hazard_monthly (
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        month DATE NOT NULL,
        ${counters.map((name) => `${name} INT NOT NULL DEFAULT 0`).join(',\n        ')},
        close_ms BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (org_path, month)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    const notVoided = "h.status <> 'VOIDED'";
    const sums = [
      `SUM(${notVoided})`,
      ...STATUSES.map((status) => `SUM(h.status = '${status}')`),
      ...CATEGORIES.map((category) => `SUM(${notVoided} AND h.category = '${category}')`),
      ...GRADES.map((grade) => `SUM(${notVoided} AND h.grade = '${grade}')`),
      'SUM(h.accepted_on_time IS NOT NULL)',
      'COALESCE(SUM(h.accepted_on_time), 0)',
      'SUM(h.closed_at IS NOT NULL)',
      'COALESCE(SUM(TIMESTAMPDIFF(MICROSECOND, h.discovered_at, h.closed_at) DIV 1000), 0)',
    ];
    const month = "DATE_FORMAT(h.discovered_at + INTERVAL 8 HOUR, '%Y-%m-01')";
    await queryRunner.query(`
      INSERT INTO hazard_monthly (org_path, month, ${[...counters, 'close_ms'].join(', ')})
      SELECT h.org_path, ${month}, ${sums.join(', ')} FROM hazard h GROUP BY h.org_path, ${month}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard_monthly');
    await queryRunner.query(`
      ALTER TABLE hazard
        DROP KEY ix_hazard_recent, DROP KEY ix_hazard_open, DROP KEY ix_hazard_path_discovered, DROP KEY ix_hazard_discovered,
        DROP COLUMN rollup_grade, DROP COLUMN rollup_category, DROP COLUMN rollup_status,
        DROP COLUMN accepted_on_time, DROP COLUMN closed_at, DROP COLUMN accepted_at`);
  }
}
