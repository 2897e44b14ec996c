import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** 特种设备台账: equipment, operator certificates and periodic inspections. */
export class SpecialEquipment1765000000110 implements MigrationInterface {
  name = 'SpecialEquipment1765000000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE special_equipment (
        id ${ID} NOT NULL,
        kind VARCHAR(32) NOT NULL,
        name VARCHAR(200) NOT NULL,
        model VARCHAR(100) NULL,
        registration_no VARCHAR(64) NOT NULL,
        manufacturer VARCHAR(200) NULL,
        commissioned_on DATE NULL,
        place_id ${ID} NULL,
        place_text VARCHAR(200) NOT NULL,
        responsible_person_id ${ID} NULL,
        status VARCHAR(16) NOT NULL,
        next_inspection_due DATE NULL,
        last_inspection_result VARCHAR(16) NULL,
        suspend_reason VARCHAR(1000) NULL,
        retired_on DATE NULL,
        retire_reason VARCHAR(1000) NULL,
        retired_by_account_id ${ID} NULL,
        retired_by_person_id ${ID} NULL,
        hazard_id ${ID} NULL,
        org_unit_id ${ID} NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_special_equipment_registration (org_unit_id, registration_no),
        KEY ix_special_equipment_path_recent (org_path, created_at, id),
        KEY ix_special_equipment_due (status, next_inspection_due)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE special_equipment_certificate (
        id ${ID} NOT NULL,
        equipment_id ${ID} NOT NULL,
        holder_name VARCHAR(100) NOT NULL,
        holder_person_id ${ID} NULL,
        certificate_no VARCHAR(64) NOT NULL,
        expires_on DATE NOT NULL,
        PRIMARY KEY (id),
        KEY ix_special_equipment_certificate_equipment (equipment_id),
        KEY ix_special_equipment_certificate_expiry (expires_on)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE special_equipment_inspection (
        id ${ID} NOT NULL,
        equipment_id ${ID} NOT NULL,
        inspected_on DATE NOT NULL,
        inspecting_body VARCHAR(200) NOT NULL,
        result VARCHAR(16) NOT NULL,
        report_no VARCHAR(64) NOT NULL,
        next_due_on DATE NULL,
        recorded_by_account_id ${ID} NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_special_equipment_inspection_equipment (equipment_id, inspected_on)
      ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE special_equipment_inspection');
    await queryRunner.query('DROP TABLE special_equipment_certificate');
    await queryRunner.query('DROP TABLE special_equipment');
  }
}
