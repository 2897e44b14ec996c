import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EmergencyPlanScenario, EmergencyPlanStatus, EmergencyPlanType } from './emergency-plan-enums';
import { EmergencyPlanEntity } from './emergency-plan.entity';

@ObjectType('EmergencyPlan', { description: '应急预案' })
export class EmergencyPlan {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => EmergencyPlanType)
  type: EmergencyPlanType;

  @Field(() => String, { nullable: true, description: '适用情形，如 火灾、地震、食物中毒' })
  scenario: string | null;

  @Field(() => [EmergencyPlanScenario], { description: '适用的突发事件类型' })
  scenarioTypes: EmergencyPlanScenario[];

  @Field({ description: '预案版本，如 2026版' })
  versionLabel: string;

  @Field(() => EmergencyPlanStatus)
  status: EmergencyPlanStatus;

  @Field(() => CalendarDate, { description: '下次评审日期' })
  reviewDate: string;

  @Field(() => Date, { nullable: true, description: '批准时间' })
  approvedAt: Date | null;

  @Field(() => Int, { description: '评审周期（月），默认 12' })
  reviewCycleMonths: number;

  @Field(() => CalendarDate, { nullable: true, description: '下次评审到期日：最近一次批准 + 评审周期（未批准过为空）' })
  nextReviewDue: string | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '编制单位' })
  orgUnit: OrgUnitReference | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class EmergencyPlanConnection extends ConnectionType('EmergencyPlan', EmergencyPlan) {}

@ObjectType()
export class EmergencyPlanPayload {
  @Field(() => EmergencyPlan)
  emergencyPlan: EmergencyPlan;
}

export function toEmergencyPlan(entity: EmergencyPlanEntity): EmergencyPlan {
  return {
    id: entity.id,
    title: entity.title,
    type: entity.planType,
    scenario: entity.scenario,
    scenarioTypes: entity.scenarioTypes ?? [],
    versionLabel: entity.versionLabel,
    status: entity.status,
    reviewDate: entity.reviewDate,
    approvedAt: entity.approvedAt,
    reviewCycleMonths: entity.reviewCycleMonths ?? 12,
    nextReviewDue: entity.nextReviewDue ?? null,
    orgUnit: orgUnitReference(entity.orgUnitId),
    createdAt: entity.createdAt,
    version: entity.version,
  };
}
