import { MigrationInterface, QueryRunner } from 'typeorm';

export class Posts1764200000005 implements MigrationInterface {
  name = 'Posts1764200000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE post (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        title VARCHAR(100) NOT NULL,
        kind VARCHAR(32) NOT NULL,
        holder_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_post_org_path (org_path),
        KEY ix_post_unit_title (org_unit_id, title, id),
        KEY ix_post_holder (holder_person_id),
        CONSTRAINT fk_post_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_post_holder FOREIGN KEY (holder_person_id) REFERENCES person (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE post_duty (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        post_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        position INT NOT NULL,
        content VARCHAR(500) NOT NULL,
        from_template TINYINT(1) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_post_duty_post (post_id, position),
        CONSTRAINT fk_post_duty_post FOREIGN KEY (post_id) REFERENCES post (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE post_duty_assessment (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        post_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        period VARCHAR(7) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        holder_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) NOT NULL,
        self_total DECIMAL(5,2) NOT NULL,
        review_total DECIMAL(5,2) NULL,
        reviewer_account_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
        reviewer_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        review_comment VARCHAR(1000) NULL,
        reviewed_at DATETIME(3) NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_post_duty_assessment_period (post_id, period),
        KEY ix_post_duty_assessment_org_path (org_path),
        CONSTRAINT fk_post_duty_assessment_post FOREIGN KEY (post_id) REFERENCES post (id),
        CONSTRAINT fk_post_duty_assessment_holder FOREIGN KEY (holder_person_id) REFERENCES person (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // duty_id is not a foreign key: a duty may be removed from the post after it was assessed.
    await queryRunner.query(`
      CREATE TABLE post_duty_assessment_item (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        assessment_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        duty_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        position INT NOT NULL,
        content VARCHAR(500) NOT NULL,
        from_template TINYINT(1) NOT NULL,
        self_score SMALLINT NOT NULL,
        self_comment VARCHAR(500) NULL,
        review_score SMALLINT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_post_duty_assessment_item (assessment_id, duty_id),
        KEY ix_post_duty_assessment_item_order (assessment_id, position),
        CONSTRAINT fk_post_duty_assessment_item FOREIGN KEY (assessment_id) REFERENCES post_duty_assessment (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE post_duty_assessment_item');
    await queryRunner.query('DROP TABLE post_duty_assessment');
    await queryRunner.query('DROP TABLE post_duty');
    await queryRunner.query('DROP TABLE post');
  }
}
