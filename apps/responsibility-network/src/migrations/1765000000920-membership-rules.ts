import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Membership rules: a work group's or grid's members placed by their attributes (unit, person kind, post)
 * and kept current as people change. The rows a rule places carry its id; rows without one are by hand.
 */
export class MembershipRules1765000000920 implements MigrationInterface {
  name = 'MembershipRules1765000000920';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE membership_rule (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        target_kind VARCHAR(16) NOT NULL,
        target_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        position INT NOT NULL,
        role VARCHAR(32) NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        include_subunits TINYINT(1) NOT NULL,
        person_kind VARCHAR(16) NULL,
        post_kind VARCHAR(32) NULL,
        created_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_membership_rule_target (target_kind, target_id),
        KEY ix_membership_rule_path (org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query('ALTER TABLE work_group_member ADD COLUMN rule_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL, ADD KEY ix_work_group_member_rule (rule_id)');
    await queryRunner.query('ALTER TABLE grid_assignment ADD COLUMN rule_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL, ADD KEY ix_grid_assignment_rule (rule_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE grid_assignment DROP KEY ix_grid_assignment_rule, DROP COLUMN rule_id');
    await queryRunner.query('ALTER TABLE work_group_member DROP KEY ix_work_group_member_rule, DROP COLUMN rule_id');
    await queryRunner.query('DROP TABLE membership_rule');
  }
}
