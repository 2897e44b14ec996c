import { ConnectionType } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PostKind } from './post-enums';
import { PostDutyEntity, PostEntity } from './post.entity';

@ObjectType('Post', { description: '岗位：一岗双责，每个岗位在业务职责之外承担本领域的安全责任清单' })
export class Post {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '所属单位' })
  orgUnitId: string;

  /** Scope of the post; not exposed. */
  orgPath: string;

  @Field({ description: '岗位名称' })
  title: string;

  @Field(() => PostKind)
  kind: PostKind;

  @Field(() => ID, { nullable: true, description: '任职人员；空缺时为空' })
  holderId: string | null;

  @Field({ description: '岗位是否空缺' })
  vacant: boolean;

  @Field({ description: '设立时间' })
  createdAt: Date;

  @Field(() => Int, { description: '版本号，修改时回传以防并发覆盖' })
  version: number;
}

@ObjectType('PostDuty', { description: '责任清单中的一项安全责任' })
export class PostDuty {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '序号，从 1 开始' })
  position: number;

  @Field({ description: '责任内容' })
  content: string;

  @Field({ description: '是否来自岗位类别的责任清单模板（否则为本单位增补）' })
  fromTemplate: boolean;
}

@ObjectType('DutyTemplateItem', { description: '岗位类别的责任清单模板条目' })
export class DutyTemplateItem {
  @Field(() => Int, { description: '序号，从 1 开始' })
  position: number;

  @Field()
  content: string;
}

@ObjectType()
export class PostConnection extends ConnectionType('Post', Post) {}

@ObjectType()
export class PostPayload {
  @Field(() => Post)
  post: Post;
}

export function toPost(entity: PostEntity): Post {
  return {
    id: entity.id,
    orgUnitId: entity.orgUnitId,
    orgPath: entity.orgPath,
    title: entity.title,
    kind: entity.kind,
    holderId: entity.holderPersonId,
    vacant: entity.holderPersonId === null,
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

/** Positions are stored with gaps after removals; clients see them numbered 1, 2, 3 … */
export function toPostDuties(entities: PostDutyEntity[]): PostDuty[] {
  return [...entities]
    .sort((a, b) => a.position - b.position)
    .map((entity, index) => ({ id: entity.id, position: index + 1, content: entity.content, fromTemplate: entity.fromTemplate }));
}
