import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DutyAssessmentStatus } from './post-enums';
import { DutyAssessmentEntity, DutyAssessmentItemEntity } from './duty-assessment.entity';
import { PostDuty } from './post.types';

@ObjectType('DutyAssessmentItem', { description: '一项责任的自评与复评得分' })
export class DutyAssessmentItem {
  @Field(() => PostDuty, { description: '被评价的责任（评价时的内容）' })
  duty: PostDuty;

  @Field(() => Int, { description: '自评分 0–100' })
  selfScore: number;

  @Field(() => String, { nullable: true, description: '自评说明' })
  selfComment: string | null;

  @Field(() => Int, { nullable: true, description: '复评分 0–100；未复评时为空' })
  reviewScore: number | null;
}

@ObjectType('DutyAssessment', { description: '岗位履职评价：任职人员按考核期逐项自评，单位负责人或安全管理部门复评' })
export class DutyAssessment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  postId: string;

  /** Scope of the post; not exposed. */
  orgPath: string;

  @Field({ description: '考核期：2026、2026-H2 或 2026-Q3' })
  period: string;

  @Field(() => ID, { description: '自评时的任职人员' })
  holderId: string;

  @Field(() => DutyAssessmentStatus)
  status: DutyAssessmentStatus;

  @Field(() => [DutyAssessmentItem])
  items: DutyAssessmentItem[];

  @Field(() => Float, { description: '自评总分（各项平均）' })
  selfTotal: number;

  @Field(() => Float, { nullable: true, description: '复评总分（各项平均）' })
  reviewTotal: number | null;

  @Field(() => ID, { nullable: true, description: '复评人（账号关联的人员）' })
  reviewerId: string | null;

  @Field(() => String, { nullable: true, description: '复评意见' })
  reviewComment: string | null;

  @Field({ description: '自评时间' })
  selfAssessedAt: Date;

  @Field(() => Date, { nullable: true, description: '复评时间' })
  reviewedAt: Date | null;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class DutyAssessmentPayload {
  @Field(() => DutyAssessment)
  assessment: DutyAssessment;
}

export function toDutyAssessment(entity: DutyAssessmentEntity, items: DutyAssessmentItemEntity[]): DutyAssessment {
  return {
    id: entity.id,
    postId: entity.postId,
    orgPath: entity.orgPath,
    period: entity.period,
    holderId: entity.holderPersonId,
    status: entity.status,
    items: [...items].sort((a, b) => a.position - b.position).map(toDutyAssessmentItem),
    selfTotal: Number(entity.selfTotal),
    reviewTotal: entity.reviewTotal === null ? null : Number(entity.reviewTotal),
    reviewerId: entity.reviewerPersonId,
    reviewComment: entity.reviewComment,
    selfAssessedAt: entity.createdAt,
    reviewedAt: entity.reviewedAt,
    version: entity.version,
  };
}

function toDutyAssessmentItem(item: DutyAssessmentItemEntity): DutyAssessmentItem {
  return {
    duty: { id: item.dutyId, position: item.position, content: item.content, fromTemplate: item.fromTemplate },
    selfScore: item.selfScore,
    selfComment: item.selfComment,
    reviewScore: item.reviewScore,
  };
}
