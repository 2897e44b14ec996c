import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coverage probes a subtree's people's attendance in the people's (org_path, id) order: with the key
 * (org_path, person_id, month) the probes walk the index in order instead of jumping across the primary key by
 * person id (random ids), which at province scale is the difference between reading the table from disk and
 * from the buffer pool. The attendance row's org_path is kept equal to its person's current path.
 */
export class AttendanceFactProbeIndex1764600000051 implements MigrationInterface {
  name = 'AttendanceFactProbeIndex1764600000051';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE education_attendance_fact DROP KEY ix_education_attendance_fact_path, ADD KEY ix_education_attendance_fact_path (org_path, person_id, month)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE education_attendance_fact DROP KEY ix_education_attendance_fact_path, ADD KEY ix_education_attendance_fact_path (org_path)');
  }
}
