import { PageInfo } from '@campus/graphql';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

// Every subgraph serves these same value types (each keeps its own trail): shareable in the supergraph.

@Directive('@shareable')
@ObjectType({ description: '审计记录中的一个字段变更（值为 JSON 文本；密码、令牌等机密不记录其值）' })
export class AuditFieldChange {
  @Field({ description: '字段（数据库列名）' })
  field: string;

  @Field(() => String, { nullable: true, description: '变更前的值（JSON）；新建时为空' })
  before: string | null;

  @Field(() => String, { nullable: true, description: '变更后的值（JSON）；删除时为空' })
  after: string | null;
}

@Directive('@shareable')
@ObjectType({ description: '审计记录：谁、何时、通过哪项操作、改了哪个对象的哪些字段（只增不改，永久保存）' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field({ description: '发生时间（UTC）' })
  at: Date;

  @Field(() => String, { nullable: true, description: '操作账号；由事件或定时任务引起的变更为空' })
  actorAccountId: string | null;

  @Field(() => ID, { nullable: true, description: '操作人（人员编号）' })
  actorPersonId: string | null;

  @Field(() => String, { nullable: true, description: '操作（GraphQL 变更名，如 updateHazard）' })
  operation: string | null;

  @Field(() => String, { nullable: true, description: '请求编号' })
  requestId: string | null;

  @Field({ description: '对象类型（如 Hazard、WorkGroupMember）' })
  objectType: string;

  @Field(() => ID, { description: '对象编号' })
  objectId: string;

  @Field({ description: '动作：create 新建 / update 修改 / delete 删除' })
  action: string;

  @Field(() => [AuditFieldChange], { description: '变更的字段及其前后值' })
  changes: AuditFieldChange[];
}

@Directive('@shareable')
@ObjectType()
export class AuditEntryEdge {
  @Field()
  cursor: string;

  @Field(() => AuditEntry)
  node: AuditEntry;
}

@Directive('@shareable')
@ObjectType({ description: '审计记录（新的在前）' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: '符合条件的总数' })
  totalCount: number;
}
