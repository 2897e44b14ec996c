import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PostKind } from './post-enums';

@Entity('post')
export class PostEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  kind: PostKind;

  /** The person currently in the post; null while it is vacant. */
  @Column({ name: 'holder_person_id', ...ASCII_ID, nullable: true })
  holderPersonId: string | null;
}

/** One item of a post's safety duty list (责任清单), in display order. */
@Entity('post_duty')
export class PostDutyEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'post_id', ...ASCII_ID })
  postId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 500 })
  content: string;

  @Column({ name: 'from_template', type: 'boolean' })
  fromTemplate: boolean;
}
