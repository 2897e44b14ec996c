import { ClientRequestIdField } from '@campus/server';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DutyLeaderEntity } from './duty-leader.entity';

@ObjectType('DutyLeader', { description: '单位指定的带班领导（学校领导及本单位指定的中层干部）；只有名单内的人员可以排为带班领导' })
export class DutyLeader {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '指定带班领导的单位' })
  orgUnitId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => Int, { description: '版本号' })
  version: number;

  @Field({ description: '指定时间' })
  designatedAt: Date;
}

@InputType({ description: '指定带班领导' })
export class DesignateDutyLeaderInput {
  @Field(() => ID, { description: '单位' })
  orgUnitId: string;

  @Field(() => ID, { description: '人员：本单位或其下级单位的在职人员' })
  personId: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '撤销带班领导' })
export class WithdrawDutyLeaderInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class DutyLeaderPayload {
  @Field(() => DutyLeader, { description: '指定的带班领导；撤销时为撤销前的记录' })
  dutyLeader: DutyLeader;
}

export function toDutyLeader(entity: DutyLeaderEntity): DutyLeader {
  return { id: entity.id, orgUnitId: entity.orgUnitId, personId: entity.personId, version: entity.version, designatedAt: entity.createdAt };
}
