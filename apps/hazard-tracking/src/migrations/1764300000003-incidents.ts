import { MigrationInterface, QueryRunner } from 'typeorm';

export class Incidents1764300000003 implements MigrationInterface {
  name = 'Incidents1764300000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incident (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        type VARCHAR(32) NOT NULL,
        severity VARCHAR(16) NOT NULL,
        status VARCHAR(16) NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        reported_at DATETIME(3) NOT NULL,
        report_delay_minutes INT NOT NULL,
        place_text VARCHAR(200) NOT NULL,
        deaths INT NOT NULL,
        injuries INT NOT NULL,
        description TEXT NOT NULL,
        immediate_measures TEXT NOT NULL,
        reporter_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        reporter_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        follow_up_count INT NOT NULL DEFAULT 0,
        conclusion TEXT NULL,
        closed_at DATETIME(3) NULL,
        closed_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_incident_path_occurred (org_path, occurred_at, id),
        KEY ix_incident_occurred (occurred_at, id),
        KEY ix_incident_severity (severity)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE incident_follow_up (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        incident_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        seq INT NOT NULL,
        content TEXT NOT NULL,
        at DATETIME(3) NOT NULL,
        author_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        author_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        recorded_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY ux_incident_follow_up_seq (incident_id, seq),
        CONSTRAINT fk_incident_follow_up_incident FOREIGN KEY (incident_id) REFERENCES incident (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE incident_follow_up');
    await queryRunner.query('DROP TABLE incident');
  }
}
