import { ConnectionType, OrgUnitReference, orgUnitReference, PersonReference, personReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { isLateReport, reportDeadlineMinutes } from './incident-delay';
import { IncidentSeverity, IncidentStatus, IncidentType } from './incident-enums';
import { IncidentEntity, IncidentFollowUpEntity } from './incident.entity';

@ObjectType('Incident', { description: '安全事件/事故' })
export class Incident {
  @Field(() => ID)
  id: string;

  @Field(() => IncidentType)
  type: IncidentType;

  @Field(() => IncidentSeverity)
  severity: IncidentSeverity;

  @Field(() => IncidentStatus)
  status: IncidentStatus;

  @Field(() => OrgUnitReference, { description: '发生单位' })
  orgUnit: OrgUnitReference;

  @Field({ description: '发生时间' })
  occurredAt: Date;

  @Field({ description: '报告时间' })
  reportedAt: Date;

  @Field(() => Int, { description: '报告用时（分钟）= 报告时间 − 发生时间' })
  reportDelayMinutes: number;

  @Field(() => Int, { description: '规定的报告时限（分钟）：重大、特别重大 60，其他 120' })
  reportDeadlineMinutes: number;

  @Field({ description: '是否迟报：报告用时超过规定时限' })
  lateReport: boolean;

  @Field({ description: '发生地点（文字）' })
  placeText: string;

  @Field(() => Int, { description: '死亡人数' })
  deaths: number;

  @Field(() => Int, { description: '受伤人数' })
  injuries: number;

  @Field({ description: '事件经过' })
  description: string;

  @Field({ description: '已采取的处置措施' })
  immediateMeasures: string;

  @Field(() => PersonReference, { nullable: true, description: '报告人' })
  reportedBy: PersonReference | null;

  @Field(() => String, { nullable: true, description: '结案结论' })
  conclusion: string | null;

  @Field(() => Date, { nullable: true, description: '结案时间' })
  closedAt: Date | null;

  @Field(() => Int)
  version: number;
}

@ObjectType('IncidentFollowUp', { description: '事件续报（处置进展），按登记先后' })
export class IncidentFollowUp {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '第几次续报' })
  seq: number;

  @Field()
  content: string;

  @Field({ description: '进展发生的时间' })
  at: Date;

  @Field(() => PersonReference, { nullable: true, description: '续报人' })
  author: PersonReference | null;

  @Field({ description: '登记时间' })
  recordedAt: Date;
}

@ObjectType()
export class IncidentConnection extends ConnectionType('Incident', Incident) {}

@ObjectType()
export class IncidentPayload {
  @Field(() => Incident)
  incident: Incident;
}

export function toIncident(entity: IncidentEntity): Incident {
  return {
    id: entity.id,
    type: entity.type,
    severity: entity.severity,
    status: entity.status,
    orgUnit: orgUnitReference(entity.orgUnitId),
    occurredAt: entity.occurredAt,
    reportedAt: entity.reportedAt,
    reportDelayMinutes: entity.reportDelayMinutes,
    reportDeadlineMinutes: reportDeadlineMinutes(entity.severity),
    lateReport: isLateReport(entity.severity, entity.reportDelayMinutes),
    placeText: entity.placeText,
    deaths: entity.deaths,
    injuries: entity.injuries,
    description: entity.description,
    immediateMeasures: entity.immediateMeasures,
    reportedBy: personReference(entity.reporterPersonId),
    conclusion: entity.conclusion,
    closedAt: entity.closedAt,
    version: entity.version,
  };
}

export function toIncidentFollowUp(entity: IncidentFollowUpEntity): IncidentFollowUp {
  return {
    id: entity.id,
    seq: entity.seq,
    content: entity.content,
    at: entity.at,
    author: personReference(entity.authorPersonId),
    recordedAt: entity.recordedAt,
  };
}
