import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const CODE = 'VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';

/** Unit id at depth d.n of a path '/a/b/c/' (a at 1), and the path's depth. */
const ancestorId = (path: string) => `SUBSTRING_INDEX(SUBSTRING_INDEX(${path}, '/', d.n + 1), '/', -1)`;
const depthOf = (path: string) => `LENGTH(${path}) - LENGTH(REPLACE(${path}, '/', '')) - 1`;
/** The school day (UTC+8, no daylight saving) of an attendance. */
const SCHOOL_DAY = 'DATE(e.held_at + INTERVAL 8 HOUR)';

/**
 * Fills the coverage rollup from the people and attendance already recorded (the tables must be empty).
 * Counted first per unit path of the people (few rows), then added to every unit on the path: expanding
 * per person first would group five times the attendance. Exported for bench/education, which loads a
 * province's attendance directly and fills the rollup the way this migration does for existing data.
 */
export async function fillCoverageRollup(query: (sql: string) => Promise<unknown>): Promise<void> {
  await query('CREATE TEMPORARY TABLE coverage_depth (n TINYINT NOT NULL PRIMARY KEY)');
  await query(`INSERT INTO coverage_depth (n) VALUES ${Array.from({ length: 32 }, (_, n) => `(${n + 1})`).join(', ')}`);
  await query(`CREATE TEMPORARY TABLE coverage_person_day (
      person_id ${ID}, topic ${CODE}, day DATE NOT NULL, PRIMARY KEY (person_id, topic, day)) ENGINE=InnoDB`);
  await query(`INSERT IGNORE INTO coverage_person_day (person_id, topic, day) SELECT e.person_id, '', ${SCHOOL_DAY} FROM education_attendance e`);
  await query(`INSERT IGNORE INTO coverage_person_day (person_id, topic, day)
      SELECT e.person_id, SUBSTRING_INDEX(SUBSTRING_INDEX(a.topics, ',', d.n), ',', -1), ${SCHOOL_DAY}
      FROM education_attendance e JOIN education_activity a ON a.id = e.activity_id
      JOIN coverage_depth d ON d.n <= 1 + LENGTH(a.topics) - LENGTH(REPLACE(a.topics, ',', ''))
      WHERE a.topics <> ''`);
  // Per unit path of the people: population (day NULL), attendance days (next_day NULL) and consecutive pairs.
  await query(`CREATE TEMPORARY TABLE coverage_path_count (
      org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, topic ${CODE}, kind ${CODE},
      day DATE NULL, next_day DATE NULL, people INT NOT NULL) ENGINE=InnoDB`);
  await query(`INSERT INTO coverage_path_count (org_path, topic, kind, day, next_day, people)
      SELECT p.org_path, '', p.kind, NULL, NULL, COUNT(*) FROM person_projection p WHERE p.active = TRUE GROUP BY p.org_path, p.kind`);
  await query(`INSERT INTO coverage_path_count (org_path, topic, kind, day, next_day, people)
      SELECT p.org_path, s.topic, p.kind, s.day, NULL, COUNT(*)
      FROM coverage_person_day s JOIN person_projection p ON p.id = s.person_id AND p.active = TRUE
      GROUP BY p.org_path, s.topic, p.kind, s.day`);
  await query(`INSERT INTO coverage_path_count (org_path, topic, kind, day, next_day, people)
      SELECT p.org_path, s.topic, p.kind, s.day, s.next_day, COUNT(*)
      FROM (SELECT person_id, topic, day, LEAD(day) OVER (PARTITION BY person_id, topic ORDER BY day) AS next_day FROM coverage_person_day) s
      JOIN person_projection p ON p.id = s.person_id AND p.active = TRUE
      WHERE s.next_day IS NOT NULL GROUP BY p.org_path, s.topic, p.kind, s.day, s.next_day`);
  const expanded = `FROM coverage_path_count c JOIN coverage_depth d ON d.n <= ${depthOf('c.org_path')}`;
  await query(`INSERT INTO education_coverage_population (unit_id, kind, people)
      SELECT ${ancestorId('c.org_path')}, c.kind, SUM(c.people) ${expanded} WHERE c.day IS NULL GROUP BY 1, 2`);
  await query(`INSERT INTO education_coverage_day (unit_id, topic, kind, day, people)
      SELECT ${ancestorId('c.org_path')}, c.topic, c.kind, c.day, SUM(c.people) ${expanded}
      WHERE c.day IS NOT NULL AND c.next_day IS NULL GROUP BY 1, 2, 3, 4`);
  await query(`INSERT INTO education_coverage_next (unit_id, topic, kind, day, next_day, people)
      SELECT ${ancestorId('c.org_path')}, c.topic, c.kind, c.day, c.next_day, SUM(c.people) ${expanded}
      WHERE c.next_day IS NOT NULL GROUP BY 1, 2, 3, 4, 5`);
  for (const table of ['coverage_path_count', 'coverage_person_day', 'coverage_depth']) await query(`DROP TEMPORARY TABLE ${table}`);
}

/**
 * A rollup of coverage per unit (each unit counts its whole subtree) that answers any period in a few
 * index ranges, however many people the unit has: active people per kind; per topic ('' = any) and kind,
 * the people with attendance on each school day; and the pairs of consecutive attendance days of a person
 * (day, next_day). See activities/coverage-rollup.ts for why days minus pairs counts people.
 */
export class EducationCoverageRollup1764500000090 implements MigrationInterface {
  name = 'EducationCoverageRollup1764500000090';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE education_coverage_population (
        unit_id ${ID}, kind ${CODE}, people INT NOT NULL,
        PRIMARY KEY (unit_id, kind)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE education_coverage_day (
        unit_id ${ID}, topic ${CODE}, kind ${CODE}, day DATE NOT NULL, people INT NOT NULL,
        PRIMARY KEY (unit_id, topic, kind, day)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE education_coverage_next (
        unit_id ${ID}, topic ${CODE}, kind ${CODE}, day DATE NOT NULL, next_day DATE NOT NULL, people INT NOT NULL,
        PRIMARY KEY (unit_id, topic, kind, day, next_day)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await fillCoverageRollup((sql) => queryRunner.query(sql));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE education_coverage_next');
    await queryRunner.query('DROP TABLE education_coverage_day');
    await queryRunner.query('DROP TABLE education_coverage_population');
  }
}
