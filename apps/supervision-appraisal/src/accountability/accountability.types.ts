import { ConnectionType, OrgUnitReference, orgUnitReference, PersonReference, personReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  AccountabilityEvidenceKind,
  AccountabilityMeasure,
  AccountabilityReason,
  AccountabilityStatus,
  AccountabilityTargetKind,
} from './accountability-enums';
import { AccountabilityRecordEntity } from './accountability.entity';

@ObjectType('AccountabilityEvidence', { description: '问责依据：本服务或其他服务中的记录' })
export class AccountabilityEvidence {
  @Field(() => AccountabilityEvidenceKind)
  kind: AccountabilityEvidenceKind;

  @Field(() => ID, { description: '所指记录的 ID（逾期督办为隐患 ID 加督办级别，如 <隐患ID>:3）' })
  refId: string;

  @Field(() => String, { nullable: true, description: '说明，如隐患编号' })
  label: string | null;
}

@ObjectType('AccountabilityRecord', { description: '问责/通报记录：对单位或个人的问责，须由作出单位的人员确认后记录在案' })
export class AccountabilityRecord {
  @Field(() => ID)
  id: string;

  @Field(() => AccountabilityTargetKind, { description: '对象是单位还是个人' })
  targetKind: AccountabilityTargetKind;

  @Field(() => OrgUnitReference, { nullable: true, description: '对象单位；对个人的问责为其作出时所在单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => PersonReference, { nullable: true, description: '对象个人（对单位的问责为空）' })
  person: PersonReference | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '作出单位（对象的上级教育局或学校）' })
  issuingUnit: OrgUnitReference | null;

  @Field(() => AccountabilityReason, { description: '事由' })
  reason: AccountabilityReason;

  @Field(() => AccountabilityMeasure, { description: '问责方式' })
  measure: AccountabilityMeasure;

  @Field({ description: '情况说明' })
  description: string;

  @Field(() => [AccountabilityEvidence], { description: '依据' })
  evidence: AccountabilityEvidence[];

  @Field(() => AccountabilityStatus)
  status: AccountabilityStatus;

  @Field({ description: '由平台根据逾期督办或一票否决提出（待人员确认）' })
  proposedByPlatform: boolean;

  @Field(() => PersonReference, { nullable: true, description: '提出人（平台提出的为空）' })
  issuedBy: PersonReference | null;

  @Field({ description: '提出时间' })
  issuedAt: Date;

  @Field(() => Date, { nullable: true, description: '确认或不予问责的时间' })
  decidedAt: Date | null;

  @Field(() => PersonReference, { nullable: true, description: '确认或不予问责的人' })
  decidedBy: PersonReference | null;

  @Field(() => String, { nullable: true, description: '确认意见或不予问责的理由' })
  decisionNote: string | null;

  @Field(() => Date, { nullable: true, description: '撤销时间' })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: '撤销理由' })
  revokeReason: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Int, { description: '版本号，确认、不予问责或撤销时回传以防并发覆盖' })
  version: number;
}

export function toAccountabilityRecord(entity: AccountabilityRecordEntity): AccountabilityRecord {
  return {
    id: entity.id,
    targetKind: entity.targetKind,
    orgUnit: orgUnitReference(entity.orgUnitId),
    person: personReference(entity.personId),
    issuingUnit: orgUnitReference(entity.issuingUnitId),
    reason: entity.reason,
    measure: entity.measure,
    description: entity.description,
    evidence: entity.evidence.map((item) => ({ kind: item.kind, refId: item.refId, label: item.label ?? null })),
    status: entity.status,
    proposedByPlatform: entity.sourceKind !== null,
    issuedBy: personReference(entity.issuedByPersonId),
    issuedAt: entity.issuedAt,
    decidedAt: entity.decidedAt,
    decidedBy: personReference(entity.decidedByPersonId),
    decisionNote: entity.decisionNote,
    revokedAt: entity.revokedAt,
    revokeReason: entity.revokeReason,
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

@ObjectType('AccountabilityRecordConnection')
export class AccountabilityRecordConnection extends ConnectionType('AccountabilityRecord', AccountabilityRecord) {}

@ObjectType('AccountabilityRecordPayload')
export class AccountabilityRecordPayload {
  @Field(() => AccountabilityRecord)
  accountabilityRecord: AccountabilityRecord;
}
