import { CalendarDate, PersonReference, personReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HazardPlanEntity, HazardStepEntity } from './hazard-loop.entity';
import { HazardAction, HazardStatus } from './hazard-enums';
import { Hazard } from './hazard.types';

@ObjectType('HazardPlan', { description: '整改方案（四落实：责任、措施、时限、预案）' })
export class HazardPlan {
  @Field(() => PersonReference, { nullable: true, description: '整改责任人' })
  responsiblePerson: PersonReference | null;

  @Field(() => String, { nullable: true, description: '整改措施' })
  measures: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '整改时限' })
  deadline: string | null;

  @Field(() => String, { nullable: true, description: '应急预案' })
  contingencyPlan: string | null;

  @Field(() => String, { nullable: true, description: '整改资金（元）' })
  funds: string | null;

  @Field(() => String, { nullable: true, description: '向上级单位报告的说明' })
  upwardReportNote: string | null;

  @Field(() => Date, { nullable: true, description: '向上级单位报告的时间' })
  reportedUpwardAt: Date | null;

  @Field(() => String, { nullable: true, description: '临时管控措施' })
  interimMeasures: string | null;

  @Field({ description: '方案提交时间' })
  submittedAt: Date;
}

@ObjectType('HazardStep', { description: '隐患闭环中的一步（只增不改）' })
export class HazardStep {
  @Field(() => Int, { description: '序号，从 1 开始' })
  seq: number;

  @Field(() => HazardAction)
  action: HazardAction;

  @Field(() => HazardStatus, { nullable: true, description: '之前的状态（登记时为空）' })
  from: HazardStatus | null;

  @Field(() => HazardStatus, { description: '之后的状态' })
  to: HazardStatus;

  @Field(() => ID, { description: '操作账号' })
  actorAccountId: string;

  @Field(() => PersonReference, { nullable: true, description: '操作人' })
  actor: PersonReference | null;

  @Field(() => String, { nullable: true, description: '说明' })
  comment: string | null;

  @Field(() => [String], { description: '佐证材料' })
  evidence: string[];

  @Field({ description: '时间' })
  at: Date;
}

@ObjectType('HazardFile', { description: '一患一案一档：隐患、整改方案、全过程记录与验收' })
export class HazardFile {
  @Field(() => Hazard)
  hazard: Hazard;

  @Field(() => HazardPlan, { nullable: true })
  plan: HazardPlan | null;

  @Field(() => [HazardStep])
  steps: HazardStep[];

  @Field(() => HazardStep, { nullable: true, description: '最近一次验收' })
  acceptance: HazardStep | null;
}

export function toHazardPlan(entity: HazardPlanEntity): HazardPlan {
  return {
    responsiblePerson: personReference(entity.responsiblePersonId),
    measures: entity.measures,
    deadline: entity.deadline,
    contingencyPlan: entity.contingencyPlan,
    funds: entity.funds,
    upwardReportNote: entity.upwardReportNote,
    reportedUpwardAt: entity.reportedUpwardAt,
    interimMeasures: entity.interimMeasures,
    submittedAt: entity.submittedAt,
  };
}

export function toHazardStep(entity: HazardStepEntity): HazardStep {
  return {
    seq: entity.seq,
    action: entity.action,
    from: entity.fromStatus,
    to: entity.toStatus,
    actorAccountId: entity.actorAccountId,
    actor: personReference(entity.actorPersonId),
    comment: entity.comment,
    evidence: entity.evidence,
    at: entity.at,
  };
}
