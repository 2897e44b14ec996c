import { CalendarDate, ConnectionType, OrgUnitReference, PersonReference, PlaceReference } from '@campus/graphql';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { FindingCategory, FindingHazardStatus, FindingSeverity, SupervisionStatus } from './supervision-enums';
import { SupervisionEntity, SupervisionFindingEntity, SupervisionHazardEntity } from './supervision.entity';

/** responsibility-network's work group (督导组), by reference. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('WorkGroup')
export class WorkGroupReference {
  @Field(() => ID)
  id: string;
}

@ObjectType('SupervisionInspection', { description: '督导检查：督导组对下级单位的检查、发现的问题及督查报告' })
export class SupervisionInspection {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '组织单位（不在我的管辖范围内时为空）' })
  orgUnit: OrgUnitReference;

  @Field(() => WorkGroupReference, { nullable: true, description: '督导组（责任体系中的工作机构；不在您的管辖范围内时为空）' })
  supervisionGroup: WorkGroupReference;

  @Field(() => ID, { nullable: true, description: '所属专项整治（隐患服务中的专项整治）' })
  campaignId: string | null;

  @Field(() => CalendarDate)
  startsOn: string;

  @Field(() => CalendarDate)
  endsOn: string;

  @Field(() => [String], { description: '检查重点' })
  focusAreas: string[];

  @Field(() => [String], { description: '检查清单' })
  checklist: string[];

  @Field(() => SupervisionStatus)
  status: SupervisionStatus;

  @Field(() => String, { nullable: true, description: '督查意见（出具报告时填写）' })
  summary: string | null;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '出具督查报告的时间' })
  reportedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Int, { description: '版本号，修改时回传以防并发覆盖' })
  version: number;

  /** The organiser's path (scope); not exposed. */
  orgPath: string;
}

@ObjectType('SupervisionFindingHazard', { description: '问题转成的隐患（来自隐患服务的事件）' })
export class FindingHazard {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: '隐患编号' })
  code: string | null;

  @Field(() => FindingHazardStatus, { nullable: true })
  status: FindingHazardStatus | null;

  @Field({ description: '隐患服务是否已判定逾期' })
  overdue: boolean;
}

@ObjectType('SupervisionFinding', { description: '督导检查发现的问题' })
export class SupervisionFinding {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '问题序号（本次检查内）' })
  seq: number;

  @Field(() => ID)
  supervisionId: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '问题所在的被检查单位' })
  orgUnit: OrgUnitReference;

  @Field({ description: '问题部位' })
  placeText: string;

  @Field(() => PlaceReference, { nullable: true })
  place: PlaceReference | null;

  @Field(() => FindingCategory)
  category: FindingCategory;

  @Field(() => FindingSeverity)
  severity: FindingSeverity;

  @Field()
  description: string;

  @Field(() => CalendarDate, { description: '要求的整改期限' })
  deadline: string;

  @Field(() => PersonReference, { nullable: true, description: '记录人' })
  recordedBy: PersonReference | null;

  @Field(() => Date, { nullable: true, description: '转为隐患的时间；未转为空' })
  raisedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('SupervisionFindingStats', { description: '问题数量：按严重程度和整改情况' })
export class FindingStats {
  @Field(() => Int)
  total: number;

  @Field(() => Int, { description: '重大' })
  major: number;

  @Field(() => Int, { description: '一般' })
  general: number;

  @Field(() => Int, { description: '已转隐患' })
  raised: number;

  @Field(() => Int, { description: '已整改' })
  rectified: number;

  @Field(() => Int, { description: '整改中（含待登记）' })
  rectifying: number;

  @Field(() => Int, { description: '逾期' })
  overdue: number;

  @Field(() => Int, { description: '未转隐患' })
  notRaised: number;

  @Field(() => Int, { description: '已作废' })
  voided: number;
}

@ObjectType()
export class SupervisionInspectionConnection extends ConnectionType('SupervisionInspection', SupervisionInspection) {}

@ObjectType()
export class SupervisionFindingConnection extends ConnectionType('SupervisionFinding', SupervisionFinding) {}

@ObjectType()
export class SupervisionInspectionPayload {
  @Field(() => SupervisionInspection)
  supervision: SupervisionInspection;
}

@ObjectType()
export class SupervisionFindingPayload {
  @Field(() => SupervisionFinding)
  finding: SupervisionFinding;
}

export function toSupervision(entity: SupervisionEntity): SupervisionInspection {
  return {
    id: entity.id,
    title: entity.title,
    orgUnit: { id: entity.orgUnitId },
    supervisionGroup: { id: entity.supervisionGroupId },
    campaignId: entity.campaignId,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    focusAreas: entity.focusAreas,
    checklist: entity.checklist,
    status: entity.status,
    summary: entity.summary,
    startedAt: entity.startedAt,
    reportedAt: entity.reportedAt,
    closedAt: entity.closedAt,
    cancelReason: entity.cancelReason,
    createdAt: entity.createdAt,
    version: entity.version,
    orgPath: entity.orgPath,
  };
}

export function toFinding(entity: SupervisionFindingEntity): SupervisionFinding {
  return {
    id: entity.id,
    seq: entity.seq,
    supervisionId: entity.supervisionId,
    orgUnit: { id: entity.orgUnitId },
    placeText: entity.placeText,
    place: entity.placeId ? { id: entity.placeId } : null,
    category: entity.category,
    severity: entity.severity,
    description: entity.description,
    deadline: entity.deadline,
    recordedBy: entity.recordedByPersonId ? { id: entity.recordedByPersonId } : null,
    raisedAt: entity.raisedAt,
    createdAt: entity.createdAt,
  };
}

export function toFindingHazard(entity: SupervisionHazardEntity): FindingHazard {
  return { id: entity.hazardId, code: entity.hazardCode, status: entity.status, overdue: entity.overdue };
}
