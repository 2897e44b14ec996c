import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DisputeCategory, DisputePartySide, DisputeRiskLevel, DisputeStatus } from './dispute-enums';
import { DisputeEntity, DisputeMediationEntity } from './dispute.entity';

@ObjectType('DisputeParty', { description: '矛盾纠纷当事人' })
export class DisputeParty {
  @Field(() => ID, { nullable: true, description: '平台内人员；校外人员为空' })
  personId: string | null;

  @Field({ description: '姓名（登记时）' })
  name: string;

  @Field(() => DisputePartySide)
  side: DisputePartySide;
}

@ObjectType('DisputeMediation', { description: '一次调解' })
export class DisputeMediation {
  @Field(() => ID)
  id: string;

  @Field(() => CalendarDate, { description: '调解日期' })
  occurredOn: string;

  @Field({ description: '调解人' })
  mediator: string;

  @Field({ description: '做了什么' })
  action: string;

  @Field({ description: '结果' })
  outcome: string;

  @Field({ description: '录入时间' })
  createdAt: Date;
}

@ObjectType('Dispute', { description: '师生矛盾纠纷（仅处置角色可见；每次查看都记入访问日志）' })
export class Dispute {
  @Field(() => ID)
  id: string;

  @Field(() => OrgUnitReference, { description: '发生纠纷的单位' })
  orgUnit: OrgUnitReference;

  @Field(() => DisputeCategory)
  category: DisputeCategory;

  @Field({ description: '起因与经过' })
  cause: string;

  @Field(() => [DisputeParty], { description: '当事人' })
  parties: DisputeParty[];

  @Field(() => CalendarDate, { description: '发现日期' })
  foundOn: string;

  @Field({ description: '发现人' })
  foundBy: string;

  @Field(() => String, { nullable: true, description: '登记人' })
  registeredByName: string | null;

  @Field(() => DisputeRiskLevel, { description: '当前风险等级' })
  riskLevel: DisputeRiskLevel;

  @Field(() => DisputeStatus)
  status: DisputeStatus;

  @Field(() => CalendarDate, { nullable: true, description: '化解或上报移交日期' })
  outcomeOn: string | null;

  @Field(() => String, { nullable: true, description: '化解结果，或上报移交的原因' })
  outcomeNote: string | null;

  @Field(() => String, { nullable: true, description: '上报或移交的部门' })
  escalatedTo: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '结案日期' })
  closedOn: string | null;

  @Field(() => String, { nullable: true, description: '结案说明' })
  closingNote: string | null;

  @Field({ description: '登记时间' })
  createdAt: Date;

  @Field({ description: '最后修改时间' })
  updatedAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class DisputeConnection extends ConnectionType('Dispute', Dispute) {
  @Field(() => Int, {
    description: '在您的管辖范围内、符合同样筛选条件、但因敏感不向您显示的纠纷数（只计数，不列出任何内容，也不计入 totalCount）',
  })
  restrictedCount: number;
}

@ObjectType()
export class DisputePayload {
  @Field(() => Dispute)
  dispute: Dispute;
}

export function toDispute(entity: DisputeEntity): Dispute {
  return {
    id: entity.id,
    orgUnit: orgUnitReference(entity.orgUnitId),
    category: entity.category,
    cause: entity.cause,
    parties: entity.parties.map((party) => ({ personId: party.personId, name: party.name, side: party.side })),
    foundOn: entity.foundOn,
    foundBy: entity.foundBy,
    registeredByName: entity.registeredByName,
    riskLevel: entity.riskLevel,
    status: entity.status,
    outcomeOn: entity.outcomeOn,
    outcomeNote: entity.outcomeNote,
    escalatedTo: entity.escalatedTo,
    closedOn: entity.closedOn,
    closingNote: entity.closingNote,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
  };
}

export function toDisputeMediation(entity: DisputeMediationEntity): DisputeMediation {
  return {
    id: entity.id,
    occurredOn: entity.occurredOn,
    mediator: entity.mediator,
    action: entity.action,
    outcome: entity.outcome,
    createdAt: entity.createdAt,
  };
}
