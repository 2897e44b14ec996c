import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RobotKind } from './notification-kind';

/** A unit's group robot (企业微信/钉钉): its webhook URL and DingTalk secret are secrets, masked on read. */
@Entity('notification_robot')
export class NotificationRobotEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 16 })
  kind: RobotKind;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  secret: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  keyword: string | null;

  @Column({ name: 'created_by_account_id', ...ASCII_ID })
  createdByAccountId: string;
}

/** A person's choice for one kind; without a row, every channel is on. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'boolean' })
  email: boolean;

  @Column({ type: 'boolean' })
  robot: boolean;
}
