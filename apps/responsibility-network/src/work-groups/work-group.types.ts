import { ConnectionType } from '@campus/graphql';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { WorkGroupKind, WorkGroupRole } from './work-group-enums';
import { WorkGroupEntity, WorkGroupMemberEntity } from './work-group.entity';

@Directive('@key(fields: "id")')
@ObjectType('WorkGroup', { description: '工作机构：领导小组、工作专班、督导组及其办公室' })
export class WorkGroup {
  @Field(() => ID)
  id: string;

  @Field(() => WorkGroupKind)
  kind: WorkGroupKind;

  @Field({ description: '名称，如"校园安全专项整治工作领导小组"' })
  name: string;

  @Field(() => ID, { description: '成立单位' })
  orgUnitId: string;

  /** Scope of the group; not exposed. */
  orgPath: string;

  @Field(() => ID, { nullable: true, description: '办公室挂靠单位' })
  officeHostUnitId: string | null;

  @Field(() => String, { nullable: true, description: '工作职责' })
  responsibilities: string | null;

  @Field({ description: '是否存续；撤销后为 false' })
  active: boolean;

  @Field({ description: '成立时间' })
  createdAt: Date;

  @Field(() => Int, { description: '版本号，修改时回传以防并发覆盖' })
  version: number;
}

@ObjectType('WorkGroupMember', { description: '工作机构成员' })
export class WorkGroupMember {
  @Field(() => ID)
  personId: string;

  @Field(() => WorkGroupRole)
  role: WorkGroupRole;

  @Field(() => String, { nullable: true, description: '分工' })
  duty: string | null;

  @Field({ description: '是否按成员规则自动纳入（人员调动、任职变化时自动增减；手动指定的成员为 false）' })
  placedByRule: boolean;
}

@ObjectType()
export class WorkGroupConnection extends ConnectionType('WorkGroup', WorkGroup) {}

@ObjectType()
export class WorkGroupPayload {
  @Field(() => WorkGroup)
  workGroup: WorkGroup;
}

export function toWorkGroup(entity: WorkGroupEntity): WorkGroup {
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    orgUnitId: entity.orgUnitId,
    orgPath: entity.orgPath,
    officeHostUnitId: entity.officeHostUnitId,
    responsibilities: entity.responsibilities,
    active: entity.active,
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

export function toWorkGroupMember(entity: WorkGroupMemberEntity): WorkGroupMember {
  return { personId: entity.personId, role: entity.role, duty: entity.duty, placedByRule: Boolean(entity.ruleId) };
}
