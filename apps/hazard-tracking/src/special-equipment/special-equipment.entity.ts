import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { InspectionResult, SpecialEquipmentKind, SpecialEquipmentStatus } from './special-equipment-enums';

/** 特种设备台账: one piece of equipment, its registration, its next periodic inspection and its 销号. */
@Entity('special_equipment')
export class SpecialEquipmentEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 32 })
  kind: SpecialEquipmentKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  model: string | null;

  /** 使用登记证编号, unique within the unit. */
  @Column({ name: 'registration_no', type: 'varchar', length: 64 })
  registrationNo: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  manufacturer: string | null;

  @Column({ name: 'commissioned_on', type: 'date', nullable: true })
  commissionedOn: string | null;

  @Column({ name: 'place_id', ...ASCII_ID, nullable: true })
  placeId: string | null;

  @Column({ name: 'place_text', type: 'varchar', length: 200 })
  placeText: string;

  @Column({ name: 'responsible_person_id', ...ASCII_ID, nullable: true })
  responsiblePersonId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: SpecialEquipmentStatus;

  /** The next periodic inspection: from the latest inspection record, or as registered. */
  @Column({ name: 'next_inspection_due', type: 'date', nullable: true })
  nextInspectionDue: string | null;

  @Column({ name: 'last_inspection_result', type: 'varchar', length: 16, nullable: true })
  lastInspectionResult: InspectionResult | null;

  @Column({ name: 'suspend_reason', type: 'varchar', length: 1000, nullable: true })
  suspendReason: string | null;

  @Column({ name: 'retired_on', type: 'date', nullable: true })
  retiredOn: string | null;

  @Column({ name: 'retire_reason', type: 'varchar', length: 1000, nullable: true })
  retireReason: string | null;

  @Column({ name: 'retired_by_account_id', ...ASCII_ID, nullable: true })
  retiredByAccountId: string | null;

  @Column({ name: 'retired_by_person_id', ...ASCII_ID, nullable: true })
  retiredByPersonId: string | null;

  /** The hazard last raised from this equipment (a second one is refused while it is open). */
  @Column({ name: 'hazard_id', ...ASCII_ID, nullable: true })
  hazardId: string | null;
}

/** 作业人员证书: who may operate the equipment, until when. */
@Entity('special_equipment_certificate')
export class OperatorCertificateEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'equipment_id', ...ASCII_ID })
  equipmentId: string;

  @Column({ name: 'holder_name', type: 'varchar', length: 100 })
  holderName: string;

  @Column({ name: 'holder_person_id', ...ASCII_ID, nullable: true })
  holderPersonId: string | null;

  @Column({ name: 'certificate_no', type: 'varchar', length: 64 })
  certificateNo: string;

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;
}

/** 定期检验记录. */
@Entity('special_equipment_inspection')
export class EquipmentInspectionEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'equipment_id', ...ASCII_ID })
  equipmentId: string;

  @Column({ name: 'inspected_on', type: 'date' })
  inspectedOn: string;

  @Column({ name: 'inspecting_body', type: 'varchar', length: 200 })
  inspectingBody: string;

  @Column({ type: 'varchar', length: 16 })
  result: InspectionResult;

  @Column({ name: 'report_no', type: 'varchar', length: 64 })
  reportNo: string;

  @Column({ name: 'next_due_on', type: 'date', nullable: true })
  nextDueOn: string | null;

  @Column({ name: 'recorded_by_account_id', ...ASCII_ID })
  recordedByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
