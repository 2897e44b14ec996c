import {
  CalendarDate,
  calendarDateOf,
  ConnectionType,
  OrgUnitReference,
  orgUnitReference,
  PersonReference,
  personReference,
  PlaceReference,
  referenceTo,
} from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { InspectionResult, SpecialEquipmentKind, SpecialEquipmentStatus } from './special-equipment-enums';
import { EquipmentInspectionEntity, OperatorCertificateEntity, SpecialEquipmentEntity } from './special-equipment.entity';

@ObjectType('SpecialEquipmentRetirement', { description: '特种设备销号记录' })
export class SpecialEquipmentRetirement {
  @Field(() => CalendarDate, { description: '销号日期' })
  on: string;

  @Field({ description: '销号原因' })
  reason: string;

  @Field(() => ID, { description: '审批人账号' })
  approverAccountId: string;

  @Field(() => PersonReference, { nullable: true, description: '审批人' })
  approver: PersonReference | null;
}

@ObjectType('OperatorCertificate', { description: '特种设备作业人员证书' })
export class OperatorCertificate {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '所属设备' })
  equipmentId: string;

  @Field({ description: '持证人姓名' })
  holderName: string;

  @Field(() => PersonReference, { nullable: true, description: '持证人' })
  holder: PersonReference | null;

  @Field({ description: '证书编号' })
  certificateNo: string;

  @Field(() => CalendarDate, { description: '有效期至' })
  expiresOn: string;

  @Field({ description: '是否已过期' })
  expired: boolean;
}

@ObjectType('SpecialEquipmentInspection', { description: '特种设备定期检验记录' })
export class SpecialEquipmentInspection {
  @Field(() => ID)
  id: string;

  @Field(() => CalendarDate, { description: '检验日期' })
  inspectedOn: string;

  @Field({ description: '检验机构' })
  inspectingBody: string;

  @Field(() => InspectionResult, { description: '检验结论' })
  result: InspectionResult;

  @Field({ description: '检验报告编号' })
  reportNo: string;

  @Field(() => CalendarDate, { nullable: true, description: '下次检验日期' })
  nextDueOn: string | null;

  @Field(() => Date, { description: '记录时间' })
  recordedAt: Date;
}

@ObjectType('SpecialEquipment', { description: '特种设备（台账）' })
export class SpecialEquipment {
  @Field(() => ID)
  id: string;

  @Field(() => SpecialEquipmentKind, { description: '种类' })
  kind: SpecialEquipmentKind;

  @Field({ description: '设备名称' })
  name: string;

  @Field(() => String, { nullable: true, description: '型号' })
  model: string | null;

  @Field({ description: '使用登记证编号' })
  registrationNo: string;

  @Field(() => String, { nullable: true, description: '制造单位' })
  manufacturer: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '投入使用日期' })
  commissionedOn: string | null;

  @Field(() => OrgUnitReference, { description: '使用单位' })
  orgUnit: OrgUnitReference;

  @Field(() => PlaceReference, { nullable: true, description: '所在场所' })
  place: PlaceReference | null;

  @Field({ description: '安装/使用部位' })
  placeText: string;

  @Field(() => PersonReference, { nullable: true, description: '安全管理责任人' })
  responsiblePerson: PersonReference | null;

  @Field(() => SpecialEquipmentStatus, { description: '状态' })
  status: SpecialEquipmentStatus;

  @Field(() => CalendarDate, { nullable: true, description: '下次定期检验日期' })
  nextInspectionDue: string | null;

  @Field({ description: '定期检验是否已逾期（未销号且下次检验日期早于今天）' })
  inspectionOverdue: boolean;

  @Field(() => InspectionResult, { nullable: true, description: '最近一次检验结论' })
  lastInspectionResult: InspectionResult | null;

  @Field(() => String, { nullable: true, description: '停用原因（停用时）' })
  suspendReason: string | null;

  @Field(() => SpecialEquipmentRetirement, { nullable: true, description: '销号记录（已销号时）' })
  retirement: SpecialEquipmentRetirement | null;

  @Field(() => ID, { nullable: true, description: '据本设备登记的隐患' })
  hazardId: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class SpecialEquipmentConnection extends ConnectionType('SpecialEquipment', SpecialEquipment) {}

@ObjectType()
export class OperatorCertificateConnection extends ConnectionType('OperatorCertificate', OperatorCertificate) {}

@ObjectType()
export class SpecialEquipmentPayload {
  @Field(() => SpecialEquipment)
  specialEquipment: SpecialEquipment;
}

export function isInspectionOverdue(entity: SpecialEquipmentEntity, today = calendarDateOf(new Date())): boolean {
  return entity.status !== SpecialEquipmentStatus.RETIRED && !!entity.nextInspectionDue && entity.nextInspectionDue < today;
}

export function toSpecialEquipment(entity: SpecialEquipmentEntity): SpecialEquipment {
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    model: entity.model,
    registrationNo: entity.registrationNo,
    manufacturer: entity.manufacturer,
    commissionedOn: entity.commissionedOn,
    orgUnit: orgUnitReference(entity.orgUnitId),
    place: referenceTo(entity.placeId),
    placeText: entity.placeText,
    responsiblePerson: personReference(entity.responsiblePersonId),
    status: entity.status,
    nextInspectionDue: entity.nextInspectionDue,
    inspectionOverdue: isInspectionOverdue(entity),
    lastInspectionResult: entity.lastInspectionResult,
    suspendReason: entity.status === SpecialEquipmentStatus.SUSPENDED ? entity.suspendReason : null,
    retirement:
      entity.retiredOn && entity.retireReason && entity.retiredByAccountId
        ? { on: entity.retiredOn, reason: entity.retireReason, approverAccountId: entity.retiredByAccountId, approver: personReference(entity.retiredByPersonId) }
        : null,
    hazardId: entity.hazardId,
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

export function toOperatorCertificate(entity: OperatorCertificateEntity, today = calendarDateOf(new Date())): OperatorCertificate {
  return {
    id: entity.id,
    equipmentId: entity.equipmentId,
    holderName: entity.holderName,
    holder: personReference(entity.holderPersonId),
    certificateNo: entity.certificateNo,
    expiresOn: entity.expiresOn,
    expired: entity.expiresOn < today,
  };
}

export function toSpecialEquipmentInspection(entity: EquipmentInspectionEntity): SpecialEquipmentInspection {
  return {
    id: entity.id,
    inspectedOn: entity.inspectedOn,
    inspectingBody: entity.inspectingBody,
    result: entity.result,
    reportNo: entity.reportNo,
    nextDueOn: entity.nextDueOn,
    recordedAt: entity.createdAt,
  };
}
