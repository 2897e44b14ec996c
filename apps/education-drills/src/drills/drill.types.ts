import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference, PersonReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DrillHazardStatus, DrillProblemCategory, DrillProblemGrade, DrillStatus, DrillType } from './drill-enums';
import { DrillEntity, DrillProblemEntity } from './drill.entity';

@ObjectType('DrillProblemHazard', { description: '演练问题转成的隐患（来自隐患排查治理的事件）' })
export class DrillProblemHazard {
  @Field(() => ID, { description: '隐患 ID（在隐患排查治理中查询 hazard(id)）' })
  id: string;

  @Field({ description: '隐患编号' })
  code: string;

  @Field(() => DrillHazardStatus, { description: '隐患当前状态' })
  status: DrillHazardStatus;
}

@ObjectType('DrillProblem', { description: '演练评估发现的问题及改进措施' })
export class DrillProblem {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '序号' })
  seq: number;

  @Field({ description: '问题描述' })
  description: string;

  @Field(() => DrillProblemCategory)
  category: DrillProblemCategory;

  @Field(() => DrillProblemGrade)
  grade: DrillProblemGrade;

  @Field(() => PersonReference, { description: '整改责任人' })
  owner: PersonReference;

  @Field(() => CalendarDate, { description: '整改期限' })
  deadline: string;

  @Field({ description: '改进措施' })
  improvementAction: string;

  @Field(() => Date, { nullable: true, description: '转为隐患的时间；未转为隐患时为空' })
  raisedAt: Date | null;

  @Field(() => DrillProblemHazard, { nullable: true, description: '所转隐患及其状态；已转但隐患排查治理尚未登记时为空' })
  hazard: DrillProblemHazard | null;
}

@ObjectType('Drill', { description: '应急演练' })
export class Drill {
  @Field(() => ID)
  id: string;

  @Field({ description: '演练名称' })
  title: string;

  @Field(() => DrillType)
  type: DrillType;

  @Field({ description: '情景设定' })
  scenario: string;

  /** Resolved by a field resolver (the linked plan, when the viewer sees it). */
  emergencyPlanId: string | null;

  @Field({ description: '演练地点' })
  placeText: string;

  @Field(() => CalendarDate, { description: '计划日期' })
  plannedDate: string;

  @Field(() => Int, { description: '预计参演人数' })
  expectedParticipants: number;

  @Field(() => DrillStatus)
  status: DrillStatus;

  @Field(() => Int, { nullable: true, description: '实际参演人数' })
  actualParticipants: number | null;

  @Field(() => Date, { nullable: true, description: '开始时间' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '结束时间' })
  endedAt: Date | null;

  @Field(() => Int, { nullable: true, description: '疏散用时（秒）' })
  evacuationSeconds: number | null;

  @Field(() => Int, { nullable: true, description: '评估得分（0–100）' })
  score: number | null;

  @Field(() => String, { nullable: true, description: '做得好的方面' })
  strengths: string | null;

  @Field(() => Date, { nullable: true, description: '评估时间' })
  evaluatedAt: Date | null;

  @Field(() => String, { nullable: true, description: '取消原因' })
  cancelReason: string | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '组织单位' })
  orgUnit: OrgUnitReference | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class DrillConnection extends ConnectionType('Drill', Drill) {}

@ObjectType()
export class DrillPayload {
  @Field(() => Drill)
  drill: Drill;
}

@ObjectType('DrillGapReport', { description: '学期内未开展某类应急演练的单位' })
export class DrillGapReport {
  @Field(() => DrillType)
  type: DrillType;

  @Field({ description: '学期名称，如 2026年春季学期' })
  termLabel: string;

  @Field(() => CalendarDate, { description: '学期开始日' })
  termStart: string;

  @Field(() => CalendarDate, { description: '学期结束日' })
  termEnd: string;

  @Field(() => Int, { description: '检查的单位数' })
  unitsChecked: number;

  @Field(() => [OrgUnitReference], { description: '本学期尚未实施该类演练的单位（既未组织也未参演）' })
  unitsMissing: OrgUnitReference[];
}

export function toDrill(entity: DrillEntity): Drill {
  return {
    id: entity.id,
    title: entity.title,
    type: entity.drillType,
    scenario: entity.scenario,
    emergencyPlanId: entity.emergencyPlanId,
    placeText: entity.placeText,
    plannedDate: entity.plannedDate,
    expectedParticipants: entity.expectedParticipants,
    status: entity.status,
    actualParticipants: entity.actualParticipants,
    startedAt: entity.startedAt,
    endedAt: entity.endedAt,
    evacuationSeconds: entity.evacuationSeconds,
    score: entity.score,
    strengths: entity.strengths,
    evaluatedAt: entity.evaluatedAt,
    cancelReason: entity.cancelReason,
    orgUnit: orgUnitReference(entity.orgUnitId),
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

export function toDrillProblem(entity: DrillProblemEntity): DrillProblem {
  return {
    id: entity.id,
    seq: entity.seq,
    description: entity.description,
    category: entity.category,
    grade: entity.grade,
    owner: { id: entity.ownerPersonId },
    deadline: entity.deadline,
    improvementAction: entity.improvementAction,
    raisedAt: entity.raisedAt,
    hazard:
      entity.hazardId && entity.hazardCode && entity.hazardStatus
        ? { id: entity.hazardId, code: entity.hazardCode, status: entity.hazardStatus }
        : null,
  };
}
