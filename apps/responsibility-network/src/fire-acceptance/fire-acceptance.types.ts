import { CalendarDate, ConnectionType } from '@campus/graphql';
import { IsOptional, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Place } from '../places/place.types';
import { FireAcceptanceChangeEntity, FireAcceptanceEntity } from './fire-acceptance.entity';
import { FireAcceptanceStatus } from './fire-acceptance-status';

@ObjectType('FireAcceptanceChange', { description: '消防验收记录的一次变更（变更后的内容）' })
export class FireAcceptanceChange {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '变更后的版本号' })
  version: number;

  @Field(() => FireAcceptanceStatus)
  status: FireAcceptanceStatus;

  @Field(() => String, { nullable: true, description: '消防验收意见书文号或备案凭证编号' })
  documentNumber: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '验收或备案日期' })
  acceptedOn: string | null;

  @Field(() => String, { nullable: true, description: '出具机关' })
  authority: string | null;

  @Field(() => String, { nullable: true, description: '无需验收的理由' })
  exemptReason: string | null;

  @Field(() => String, { nullable: true, description: '备注' })
  note: string | null;

  @Field({ description: '变更时间' })
  changedAt: Date;

  @Field(() => ID, { nullable: true, description: '变更人（账号关联的人员）' })
  changedByPersonId: string | null;
}

@ObjectType('FireAcceptance', { description: '楼栋的消防验收情况（消防验收/备案）' })
export class FireAcceptance {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '楼栋' })
  placeId: string;

  @Field(() => FireAcceptanceStatus)
  status: FireAcceptanceStatus;

  @Field(() => String, { nullable: true, description: '消防验收意见书文号或备案凭证编号' })
  documentNumber: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '验收或备案日期' })
  acceptedOn: string | null;

  @Field(() => String, { nullable: true, description: '出具机关（如住房和城乡建设主管部门）' })
  authority: string | null;

  @Field(() => String, { nullable: true, description: '无需验收的理由' })
  exemptReason: string | null;

  @Field(() => String, { nullable: true, description: '备注' })
  note: string | null;

  @Field(() => Int, { description: '版本号，变更时回传以防并发覆盖' })
  version: number;

  @Field({ description: '最近变更时间' })
  updatedAt: Date;

  /** For scope checks of nested fields; not exposed. */
  orgPath: string;
}

@InputType({ description: '登记或变更楼栋的消防验收情况' })
export class SetFireAcceptanceInput {
  @Field(() => ID, { description: '楼栋（在用的 BUILDING 类场所）' })
  placeId: string;

  @Field(() => Int, { description: '读取时的消防验收记录版本号；尚无记录时填 0' })
  @Min(0, { message: '版本号无效' })
  version: number;

  @Field(() => FireAcceptanceStatus)
  status: FireAcceptanceStatus;

  @Field(() => String, { nullable: true, description: '消防验收意见书文号或备案凭证编号（已验收、已备案时必填）' })
  @IsOptional()
  @Length(1, 100, { message: '文号长度应为 1–100 个字符' })
  documentNumber?: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '验收或备案日期（已验收、已备案时必填）' })
  @IsOptional()
  acceptedOn?: string | null;

  @Field(() => String, { nullable: true, description: '出具机关（已验收、已备案时必填）' })
  @IsOptional()
  @Length(1, 100, { message: '出具机关长度应为 1–100 个字符' })
  authority?: string | null;

  @Field(() => String, { nullable: true, description: '无需验收的理由（无需验收时必填）' })
  @IsOptional()
  @Length(1, 500, { message: '理由长度应为 1–500 个字符' })
  exemptReason?: string | null;

  @Field(() => String, { nullable: true, description: '备注' })
  @IsOptional()
  @Length(0, 500, { message: '备注最多 500 个字符' })
  note?: string | null;
}

@ObjectType()
export class FireAcceptancePayload {
  @Field(() => FireAcceptance)
  fireAcceptance: FireAcceptance;

  @Field(() => Place, { description: '楼栋' })
  place: Place;
}

@InputType({ description: '未完成消防验收的在用楼栋的筛选条件' })
export class UnacceptedBuildingFilter {
  @Field(() => ID, { nullable: true, description: '只看此单位及其下级单位；不填则为我的全部管辖范围' })
  @IsOptional()
  orgUnitId?: string | null;
}

@ObjectType('UnacceptedBuildingsByUnit', { description: '某单位未完成消防验收的在用楼栋数' })
export class UnacceptedBuildingsByUnit {
  @Field(() => ID, { description: '楼栋所属单位' })
  orgUnitId: string;

  @Field(() => Int, { description: '合计' })
  total: number;

  @Field(() => Int, { description: '尚无验收记录' })
  noRecord: number;

  @Field(() => Int, { description: '未验收' })
  notAccepted: number;

  @Field(() => Int, { description: '验收中' })
  inProgress: number;
}

@ObjectType()
export class UnacceptedBuildingConnection extends ConnectionType('UnacceptedBuilding', Place) {
  @Field(() => [UnacceptedBuildingsByUnit], { description: '按单位汇总（全部符合条件的楼栋，不受分页影响），按数量从多到少' })
  byUnit: UnacceptedBuildingsByUnit[];
}

export function toFireAcceptance(entity: FireAcceptanceEntity): FireAcceptance {
  return {
    id: entity.id,
    placeId: entity.placeId,
    status: entity.status,
    documentNumber: entity.documentNumber,
    acceptedOn: entity.acceptedOn,
    authority: entity.authority,
    exemptReason: entity.exemptReason,
    note: entity.note,
    version: entity.version,
    updatedAt: entity.updatedAt,
    orgPath: entity.orgPath,
  };
}

export function toFireAcceptanceChange(entity: FireAcceptanceChangeEntity): FireAcceptanceChange {
  return {
    id: entity.id,
    version: entity.version,
    status: entity.status,
    documentNumber: entity.documentNumber,
    acceptedOn: entity.acceptedOn,
    authority: entity.authority,
    exemptReason: entity.exemptReason,
    note: entity.note,
    changedAt: entity.changedAt,
    changedByPersonId: entity.changedByPersonId,
  };
}
