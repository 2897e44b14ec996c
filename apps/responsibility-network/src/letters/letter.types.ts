import { ConnectionType } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { OrgUnit } from '../org-units/org-unit.types';
import { LetterCoverageStatus, LetterStatus } from './letter-enums';
import { ResponsibilityLetterEntity, ResponsibilityLetterItemEntity } from './letter.entity';

@ObjectType('ResponsibilityLetterItem', { description: '目标责任内容' })
export class ResponsibilityLetterItem {
  @Field(() => Int, { description: '序号，从 1 开始' })
  number: number;

  @Field()
  content: string;

  @Field(() => Float, { nullable: true, description: '分值/权重' })
  weight: number | null;
}

@ObjectType('ResponsibilityLetter', { description: '目标责任书：上级单位与下级单位按年度签订' })
export class ResponsibilityLetter {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '责任年度' })
  year: number;

  @Field()
  title: string;

  @Field(() => LetterStatus)
  status: LetterStatus;

  @Field(() => ID, { description: '发文单位' })
  issuerUnitId: string;

  @Field(() => ID, { description: '受领单位' })
  recipientUnitId: string;

  @Field(() => ID, { description: '签署人（受领单位第一责任人）' })
  recipientPersonId: string;

  @Field({ description: '负责人变更后待重新签署' })
  needsResigning: boolean;

  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Field(() => Date, { nullable: true })
  signedAt: Date | null;

  @Field(() => ID, { nullable: true, description: '实际签署人' })
  signedByPersonId: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: '撤销原因' })
  revokeReason: string | null;

  @Field(() => Date, { nullable: true })
  expiredAt: Date | null;

  @Field(() => ID, { nullable: true, description: '续签自（上一年度的责任书）' })
  renewedFromId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Int, { description: '版本号，修改时回传以防并发覆盖' })
  version: number;

  /** Scope of the recipient side; not exposed. */
  orgPath: string;

  /** Scope of the issuer side; not exposed. */
  issuerPath: string;
}

@ObjectType()
export class ResponsibilityLetterConnection extends ConnectionType('ResponsibilityLetter', ResponsibilityLetter) {}

@ObjectType()
export class ResponsibilityLetterPayload {
  @Field(() => ResponsibilityLetter)
  responsibilityLetter: ResponsibilityLetter;
}

@ObjectType()
export class DeleteResponsibilityLetterPayload {
  @Field(() => ID, { description: '已删除的责任书草稿 ID' })
  id: string;
}

@ObjectType('LetterRenewalSkip', { description: '续签时跳过的单位及原因' })
export class LetterRenewalSkip {
  @Field(() => ID)
  recipientUnitId: string;

  @Field({ description: '原因代码：ALREADY_EXISTS（新年度已有责任书）、OUTSIDE_RANGE（已不在发文单位之下）、NO_FIRST_RESPONSIBLE_PERSON（尚无第一责任人）' })
  reason: string;

  @Field({ description: '说明' })
  message: string;
}

@ObjectType()
export class RenewResponsibilityLettersPayload {
  @Field(() => [ResponsibilityLetter], { description: '新起草的下一年度责任书（草稿），待修改后下达' })
  responsibilityLetters: ResponsibilityLetter[];

  @Field(() => [LetterRenewalSkip])
  skipped: LetterRenewalSkip[];
}

@ObjectType()
export class ExpireResponsibilityLettersPayload {
  @Field(() => Int, { description: '置为到期的责任书数量' })
  expiredCount: number;

  @Field(() => [ResponsibilityLetter])
  responsibilityLetters: ResponsibilityLetter[];
}

@ObjectType('UnitLetterCoverage', { description: '一个直属下级单位的责任书签订情况' })
export class UnitLetterCoverage {
  @Field(() => OrgUnit)
  orgUnit: OrgUnit;

  @Field(() => LetterCoverageStatus)
  status: LetterCoverageStatus;

  @Field(() => ID, { nullable: true, description: '决定该状态的责任书' })
  letterId: string | null;
}

@ObjectType('LetterCoverageTotals')
export class LetterCoverageTotals {
  @Field(() => Int, { description: '直属下级单位数' })
  units: number;

  @Field(() => Int, { description: '已签署（SIGNED）的单位数' })
  signed: number;

  @Field(() => Int, { description: '未签署的单位数（含未下达、待重新签署等）' })
  unsigned: number;
}

@ObjectType('LetterSigningCoverage', { description: '发文单位某年度对各直属下级单位的责任书签订情况' })
export class LetterSigningCoverage {
  @Field(() => ID)
  issuerUnitId: string;

  @Field(() => Int)
  year: number;

  @Field(() => [UnitLetterCoverage])
  units: UnitLetterCoverage[];

  @Field(() => LetterCoverageTotals)
  totals: LetterCoverageTotals;
}

export function toResponsibilityLetter(entity: ResponsibilityLetterEntity): ResponsibilityLetter {
  return {
    id: entity.id,
    year: entity.year,
    title: entity.title,
    status: entity.status,
    issuerUnitId: entity.issuerUnitId,
    recipientUnitId: entity.orgUnitId,
    recipientPersonId: entity.recipientPersonId,
    needsResigning: entity.needsResigning,
    issuedAt: entity.issuedAt,
    signedAt: entity.signedAt,
    signedByPersonId: entity.signedByPersonId,
    revokedAt: entity.revokedAt,
    revokeReason: entity.revokeReason,
    expiredAt: entity.expiredAt,
    renewedFromId: entity.renewedFromId,
    createdAt: entity.createdAt,
    version: entity.version,
    orgPath: entity.orgPath,
    issuerPath: entity.issuerPath,
  };
}

export function toResponsibilityLetterItem(entity: ResponsibilityLetterItemEntity): ResponsibilityLetterItem {
  return { number: entity.position + 1, content: entity.content, weight: entity.weight === null ? null : Number(entity.weight) };
}
