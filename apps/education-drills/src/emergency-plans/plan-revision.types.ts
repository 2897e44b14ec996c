import { PersonReference, personReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EmergencyPlanRevisionEntity } from './plan-revision.entity';

@ObjectType('EmergencyPlanRevision', { description: '应急预案修订记录（每次批准一条）' })
export class EmergencyPlanRevision {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '修订序号：1, 2, …' })
  number: number;

  @Field({ description: '批准时的预案版本，如 2026版' })
  versionLabel: string;

  @Field(() => PersonReference, { nullable: true, description: '批准人' })
  approvedBy: PersonReference | null;

  @Field(() => ID, { nullable: true, description: '批准人账号（修订记录启用前批准、迁移补录的修订为空）' })
  approvedByAccountId: string | null;

  @Field(() => Date, { description: '批准时间' })
  approvedAt: Date;

  @Field(() => String, { nullable: true, description: '修订说明（首次批准可空）' })
  changeNote: string | null;
}

export function toEmergencyPlanRevision(entity: EmergencyPlanRevisionEntity): EmergencyPlanRevision {
  return {
    id: entity.id,
    number: entity.number,
    versionLabel: entity.versionLabel,
    approvedBy: personReference(entity.approvedByPersonId),
    approvedByAccountId: entity.approvedByAccountId,
    approvedAt: entity.approvedAt,
    changeNote: entity.changeNote,
  };
}
