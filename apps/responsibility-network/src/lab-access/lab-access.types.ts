import { ClientRequestIdField } from '@campus/server';
import { ConnectionType, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Place } from '../places/place.types';
import { LabRequirementKind } from './lab-requirement';

export enum LabAccessStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(LabAccessStatus, {
  name: 'LabAccessStatus',
  description: '实验室准入状态',
  valuesConfig: { ACTIVE: { description: '有效' }, EXPIRED: { description: '已过期' }, REVOKED: { description: '已撤销' } },
});

@ObjectType('LabRequirement', { description: '一项实验室准入条件' })
export class LabRequirement {
  @Field(() => LabRequirementKind)
  kind: LabRequirementKind;

  @Field({ description: '培训：安全教育主题代码（同 EducationTopic，如 LAB_SAFETY）；测试：测试主题' })
  topic: string;

  @Field(() => Int, { nullable: true, description: '有效期（天）：参加培训或通过测试后多少天内有效；为空则长期有效' })
  validDays: number | null;

  @Field({ description: '条件说明' })
  label: string;
}

@ObjectType('LabRequirements', { description: '实验室的准入条件' })
export class LabRequirements {
  @Field(() => ID, { description: '实验室（场所）' })
  labId: string;

  @Field(() => [LabRequirement])
  items: LabRequirement[];

  @Field(() => Int, { description: '版本号，修改时回传' })
  version: number;

  @Field({ description: '最近修改时间' })
  updatedAt: Date;
}

@ObjectType('LabRequirementCheck', { description: '某人对一项准入条件的满足情况' })
export class LabRequirementCheck extends LabRequirement {
  @Field({ description: '是否满足' })
  met: boolean;

  @Field(() => Date, { nullable: true, description: '最近一次参加培训或通过测试的时间' })
  lastAt: Date | null;

  @Field(() => Date, { nullable: true, description: '满足至（为空表示不满足或长期有效）' })
  validUntil: Date | null;

  @Field(() => String, { nullable: true, description: '缺少什么（满足时为空）' })
  missing: string | null;
}

@ObjectType('LabAccessCheck', { description: '人员对照实验室准入条件的检查结果' })
export class LabAccessCheck {
  @Field(() => ID)
  labId: string;

  @Field(() => ID)
  personId: string;

  @Field({ description: '检查时间' })
  checkedAt: Date;

  @Field({ description: '是否满足全部条件' })
  met: boolean;

  @Field(() => [LabRequirementCheck], { description: '逐项结果' })
  requirements: LabRequirementCheck[];

  @Field(() => [LabRequirementCheck], { description: '未满足的条件' })
  missing: LabRequirementCheck[];
}

@ObjectType('LabAccessEntry', { description: '实验室准入名单中的一条：谁、何时由谁准入、到期时间、状态' })
export class LabAccessEntry {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '实验室' })
  labId: string;

  @Field(() => ID, { description: '准入人员' })
  personId: string;

  @Field(() => LabAccessStatus, { description: '状态（到期后显示为已过期）' })
  status: LabAccessStatus;

  @Field({ description: '准入时间' })
  admittedAt: Date;

  @Field(() => ID, { nullable: true, description: '办理人（账号关联的人员）' })
  admittedByPersonId: string | null;

  @Field({ description: '到期时间' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: '撤销时间' })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: '撤销理由' })
  revokeReason: string | null;

  @Field(() => Int, { description: '版本号' })
  version: number;
}

@ObjectType('LabAccessRefusal', { description: '被拒绝的准入申请：谁、何时、缺少哪些条件' })
export class LabAccessRefusal {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  labId: string;

  @Field(() => ID, { description: '申请准入的人员' })
  personId: string;

  @Field({ description: '办理时间' })
  attemptedAt: Date;

  @Field(() => ID, { nullable: true, description: '办理人（账号关联的人员）' })
  attemptedByPersonId: string | null;

  @Field(() => [LabRequirementCheck], { description: '当时缺少的条件' })
  missing: LabRequirementCheck[];
}

@ObjectType()
export class LabAccessEntryConnection extends ConnectionType('LabAccessEntry', LabAccessEntry) {}

@ObjectType()
export class LabAccessRefusalConnection extends ConnectionType('LabAccessRefusal', LabAccessRefusal) {}

@InputType('LabRequirementInput', { description: '一项实验室准入条件' })
export class LabRequirementInput {
  @Field(() => LabRequirementKind)
  kind: LabRequirementKind;

  @Field({ description: '培训：安全教育主题代码（如 LAB_SAFETY、FIRE）；测试：测试主题' })
  @Length(1, 100, { message: '主题长度应为 1–100 个字符' })
  topic: string;

  @Field(() => Int, { nullable: true, description: '有效期（天），1–3650；不填为长期有效' })
  @IsOptional()
  @Min(1, { message: '有效期至少 1 天' })
  @Max(3650, { message: '有效期最多 3650 天' })
  validDays?: number | null;
}

@InputType({ description: '设定实验室准入条件（整体替换）' })
export class SetLabRequirementsInput {
  @Field(() => ID, { description: '实验室：功能为实验实训室（LAB）的在用场所' })
  labId: string;

  @Field(() => Int, { description: '读取时的准入条件版本号；尚未设定时填 0' })
  @Min(0, { message: '版本号无效' })
  version: number;

  @Field(() => [LabRequirementInput], { description: '准入条件；空列表表示无条件' })
  @ArrayMaxSize(10, { message: '准入条件最多 10 项' })
  @ValidateNested({ each: true })
  items: LabRequirementInput[];
}

@ObjectType()
export class LabRequirementsPayload {
  @Field(() => LabRequirements)
  requirements: LabRequirements;

  @Field(() => Place, { description: '实验室' })
  lab: Place;
}

@InputType({ description: '准入实验室：满足准入条件时办理，否则拒绝并记录' })
export class AdmitToLabInput {
  @Field(() => ID, { description: '实验室' })
  labId: string;

  @Field(() => ID, { description: '人员（须在我的管辖范围内）' })
  personId: string;

  @Field({ description: '到期时间（须晚于当前时间）' })
  expiresAt: Date;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '撤销实验室准入' })
export class RevokeLabAccessInput extends VersionedInput {
  @Field({ description: '撤销理由' })
  @Length(1, 500, { message: '理由长度应为 1–500 个字符' })
  reason: string;
}

@ObjectType()
export class LabAccessEntryPayload {
  @Field(() => LabAccessEntry)
  entry: LabAccessEntry;
}
