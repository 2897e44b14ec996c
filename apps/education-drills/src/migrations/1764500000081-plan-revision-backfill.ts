import { MigrationInterface, QueryRunner } from 'typeorm';

const BACKFILL_NOTE = '补录：修订记录启用前批准的版本（批准人未记录）';

/**
 * Plans approved before revisions were kept have none: each approved (or since retired) plan with an
 * approval date and no revision gets revision 1 from its current fields — its version label and approval
 * date as the plan records them. The plan never recorded who approved it, so the approver may now be
 * empty (for these revisions only); their next review falls due a cycle after that approval where unset.
 */
export class PlanRevisionBackfill1764500000081 implements MigrationInterface {
  name = 'PlanRevisionBackfill1764500000081';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE emergency_plan_revision MODIFY approved_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL',
    );
    await queryRunner.query(
      `INSERT INTO emergency_plan_revision (id, plan_id, number, version_label, approved_by_person_id, approved_by_account_id, approved_at, change_note)
       SELECT REPLACE(UUID(), '-', ''), p.id, 1, p.version_label, NULL, NULL, p.approved_at, ?
         FROM emergency_plan p
        WHERE p.status IN ('APPROVED', 'RETIRED') AND p.approved_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM emergency_plan_revision r WHERE r.plan_id = p.id)`,
      [BACKFILL_NOTE],
    );
    await queryRunner.query(
      `UPDATE emergency_plan SET next_review_due = DATE_ADD(DATE(approved_at), INTERVAL review_cycle_months MONTH)
        WHERE status = 'APPROVED' AND approved_at IS NOT NULL AND next_review_due IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM emergency_plan_revision WHERE approved_by_account_id IS NULL AND change_note = ?', [BACKFILL_NOTE]);
    await queryRunner.query(
      'ALTER TABLE emergency_plan_revision MODIFY approved_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL',
    );
  }
}
