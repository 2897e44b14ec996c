import {
  CalendarDate,
  ConnectionType,
  GridReference,
  OrgUnitReference,
  orgUnitReference,
  PersonReference,
  personReference,
  PlaceReference,
  referenceTo,
} from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { HazardGrade } from '../hazards/hazard-enums';
import { InspectionCadence, InspectionCompletionGroupBy, InspectionTargetKind } from './inspection-enums';
import { InspectionEntity, InspectionResultEntity, InspectionTaskEntity } from './inspection.entity';

@ObjectType('InspectionPeriod', { description: '检查周期（含首尾两天）' })
export class InspectionPeriod {
  @Field(() => CalendarDate)
  start: string;

  @Field(() => CalendarDate)
  end: string;
}

@ObjectType('InspectionTask', { description: '检查任务：用哪张检查表、查哪里、谁来查、多久查一次' })
export class InspectionTask {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  templateId: string;

  @Field(() => ID, { nullable: true, description: '所属专项整治：检查发现的隐患计入其统计' })
  campaignId: string | null;

  @Field(() => OrgUnitReference, { description: '负责单位' })
  orgUnit: OrgUnitReference;

  @Field(() => InspectionTargetKind, { description: '检查对象' })
  targetKind: InspectionTargetKind;

  @Field(() => ID, { nullable: true, description: '检查的网格' })
  gridId: string | null;

  @Field(() => GridReference, { nullable: true, description: '检查的网格' })
  grid: GridReference | null;

  @Field(() => ID, { nullable: true, description: '检查的场所/部位' })
  placeId: string | null;

  @Field(() => PlaceReference, { nullable: true, description: '检查的场所/部位' })
  place: PlaceReference | null;

  @Field({ description: '检查部位（文字）' })
  placeText: string;

  @Field(() => PersonReference, { description: '检查人' })
  assignee: PersonReference;

  @Field(() => InspectionCadence)
  cadence: InspectionCadence;

  @Field(() => CalendarDate)
  startsOn: string;

  @Field(() => CalendarDate, { nullable: true })
  endsOn: string | null;

  @Field()
  active: boolean;

  @Field(() => CalendarDate, { nullable: true, description: '停用日期' })
  deactivatedOn: string | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType('InspectionItemResult', { description: '一个检查项的结果' })
export class InspectionItemResult {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '检查项' })
  itemId: string;

  @Field(() => Int)
  seq: number;

  @Field({ description: '检查内容（检查时的文字）' })
  itemText: string;

  @Field()
  passed: boolean;

  @Field(() => String, { nullable: true, description: '情况说明' })
  note: string | null;

  @Field(() => HazardGrade, { nullable: true, description: '不合格项登记的隐患等级' })
  grade: HazardGrade | null;

  @Field(() => ID, { nullable: true, description: '不合格项登记的隐患' })
  hazardId: string | null;
}

@ObjectType('Inspection', { description: '一次检查（某任务在某周期内的检查记录）' })
export class Inspection {
  @Field(() => ID)
  id: string;

  taskId: string;

  @Field(() => OrgUnitReference)
  orgUnit: OrgUnitReference;

  @Field(() => CalendarDate, { description: '所属周期的第一天' })
  periodStart: string;

  @Field(() => CalendarDate, { description: '所属周期的最后一天' })
  periodEnd: string;

  @Field({ description: '检查时间' })
  performedAt: Date;

  @Field(() => PersonReference, { nullable: true, description: '检查人' })
  performedBy: PersonReference | null;

  @Field(() => String, { nullable: true, description: '检查总体情况' })
  note: string | null;

  @Field(() => Int, { description: '合格项数' })
  passedCount: number;

  @Field(() => Int, { description: '不合格项数（每项登记一条隐患）' })
  failedCount: number;

  @Field({ description: '登记时间' })
  createdAt: Date;
}

@ObjectType()
export class InspectionTaskConnection extends ConnectionType('InspectionTask', InspectionTask) {}

@ObjectType()
export class InspectionConnection extends ConnectionType('Inspection', Inspection) {}

@ObjectType()
export class InspectionTaskPayload {
  @Field(() => InspectionTask)
  inspectionTask: InspectionTask;
}

@ObjectType()
export class InspectionPayload {
  @Field(() => Inspection)
  inspection: Inspection;
}

@ObjectType('InspectionCompletionRow', { description: '一个单位或网格的检查完成情况' })
export class InspectionCompletionRow {
  @Field(() => OrgUnitReference, { nullable: true, description: '单位（按单位分组时）' })
  orgUnit: OrgUnitReference | null;

  @Field(() => ID, { nullable: true, description: '网格（按网格分组时）' })
  gridId: string | null;

  @Field(() => GridReference, { nullable: true, description: '网格（按网格分组时）' })
  grid: GridReference | null;

  @Field(() => Int, { description: '任务数' })
  tasks: number;

  @Field(() => Int, { description: '应检次数：期间内已结束的检查周期数（进行中的周期不计）' })
  due: number;

  @Field(() => Int, { description: '已检次数：应检周期中有检查记录的' })
  done: number;

  @Field(() => Int, { description: '漏检次数 = 应检 − 已检' })
  missed: number;

  @Field(() => Float, { nullable: true, description: '完成率 = 已检 ÷ 应检（0–1；无应检时为空）' })
  rate: number | null;
}

@ObjectType('InspectionCompletion', { description: '检查完成率：期间内结束的周期为应检，其中有检查记录的为已检' })
export class InspectionCompletion {
  @Field(() => OrgUnitReference, { description: '统计的单位（含下级单位）' })
  orgUnit: OrgUnitReference;

  @Field(() => CalendarDate)
  from: string;

  @Field(() => CalendarDate)
  to: string;

  @Field(() => CalendarDate, { description: '统计日：此前结束的周期才计入应检' })
  asOf: string;

  @Field(() => InspectionCompletionGroupBy)
  groupBy: InspectionCompletionGroupBy;

  @Field(() => Int, { description: '应检次数（全部任务）' })
  due: number;

  @Field(() => Int, { description: '已检次数' })
  done: number;

  @Field(() => Int, { description: '漏检次数' })
  missed: number;

  @Field(() => Float, { nullable: true, description: '完成率（0–1；无应检时为空）' })
  rate: number | null;

  @Field(() => [InspectionCompletionRow], { description: '按单位或网格，完成率低的在前' })
  rows: InspectionCompletionRow[];
}

@ObjectType('MissedInspection', { description: '漏检：已结束而没有检查记录的周期' })
export class MissedInspection {
  @Field(() => InspectionTask)
  task: InspectionTask;

  @Field(() => CalendarDate)
  periodStart: string;

  @Field(() => CalendarDate)
  periodEnd: string;

  @Field(() => PersonReference, { description: '检查人' })
  assignee: PersonReference;

  @Field(() => OrgUnitReference)
  orgUnit: OrgUnitReference;
}

@ObjectType()
export class MissedInspectionConnection extends ConnectionType('MissedInspection', MissedInspection) {}

export function toInspectionTask(entity: InspectionTaskEntity): InspectionTask {
  return {
    id: entity.id,
    name: entity.name,
    templateId: entity.templateId,
    campaignId: entity.campaignId,
    orgUnit: orgUnitReference(entity.orgUnitId),
    targetKind: entity.targetKind,
    gridId: entity.gridId,
    grid: referenceTo(entity.gridId),
    placeId: entity.placeId,
    place: referenceTo(entity.placeId),
    placeText: entity.placeText,
    assignee: { id: entity.assigneePersonId },
    cadence: entity.cadence,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    active: entity.active,
    deactivatedOn: entity.deactivatedOn,
    version: entity.version,
    createdAt: entity.createdAt,
  };
}

export function toInspection(entity: InspectionEntity): Inspection {
  return {
    id: entity.id,
    taskId: entity.taskId,
    orgUnit: orgUnitReference(entity.orgUnitId),
    periodStart: entity.periodStart,
    periodEnd: entity.periodEnd,
    performedAt: entity.performedAt,
    performedBy: personReference(entity.performedByPersonId),
    note: entity.note,
    passedCount: entity.passedCount,
    failedCount: entity.failedCount,
    createdAt: entity.createdAt,
  };
}

export function toInspectionItemResult(entity: InspectionResultEntity): InspectionItemResult {
  return {
    id: entity.id,
    itemId: entity.itemId,
    seq: entity.seq,
    itemText: entity.itemText,
    passed: entity.passed,
    note: entity.note,
    grade: entity.grade,
    hazardId: entity.hazardId,
  };
}
