import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ClientRequestIdField } from '@campus/server';
import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { HazardGrade } from '../hazards/hazard-enums';
import { InspectionResult, SpecialEquipmentKind, SpecialEquipmentStatus } from './special-equipment-enums';

@InputType({ description: '作业人员证书' })
export class OperatorCertificateInput {
  @Field({ description: '持证人姓名' })
  @Length(1, 100, { message: '持证人姓名长度应为 1–100 个字符' })
  holderName: string;

  @Field(() => ID, { nullable: true, description: '持证人（人员）' })
  @IsOptional()
  holderPersonId?: string;

  @Field({ description: '证书编号' })
  @Length(1, 64, { message: '证书编号长度应为 1–64 个字符' })
  certificateNo: string;

  @Field(() => CalendarDate, { description: '有效期至' })
  expiresOn: string;
}

/** The facts of a piece of equipment; every field optional in an update. */
@InputType('SpecialEquipmentFactsInput')
abstract class EquipmentFacts {
  @Field(() => String, { nullable: true, description: '型号' })
  @IsOptional()
  @Length(1, 100, { message: '型号长度应为 1–100 个字符' })
  model?: string;

  @Field(() => String, { nullable: true, description: '制造单位' })
  @IsOptional()
  @Length(1, 200, { message: '制造单位长度应为 1–200 个字符' })
  manufacturer?: string;

  @Field(() => CalendarDate, { nullable: true, description: '投入使用日期' })
  @IsOptional()
  commissionedOn?: string;

  @Field(() => ID, { nullable: true, description: '所在场所' })
  @IsOptional()
  placeId?: string;

  @Field(() => String, { nullable: true, description: '安装/使用部位；选了场所时可不填（取场所名称）' })
  @IsOptional()
  @Length(1, 200, { message: '部位长度应为 1–200 个字符' })
  placeText?: string;

  @Field(() => ID, { nullable: true, description: '安全管理责任人' })
  @IsOptional()
  responsiblePersonId?: string;

  @Field(() => CalendarDate, { nullable: true, description: '下次定期检验日期' })
  @IsOptional()
  nextInspectionDue?: string;
}

@InputType({ description: '登记特种设备' })
export class RegisterSpecialEquipmentInput extends EquipmentFacts {
  @Field(() => ID, { description: '使用单位' })
  orgUnitId: string;

  @Field(() => SpecialEquipmentKind)
  kind: SpecialEquipmentKind;

  @Field({ description: '设备名称' })
  @Length(2, 200, { message: '设备名称长度应为 2–200 个字符' })
  name: string;

  @Field({ description: '使用登记证编号（同一单位内唯一）' })
  @Length(1, 64, { message: '使用登记证编号长度应为 1–64 个字符' })
  registrationNo: string;

  @Field(() => [OperatorCertificateInput], { defaultValue: [], description: '作业人员证书' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(100, { message: '作业人员证书最多 100 个' })
  certificates: OperatorCertificateInput[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '修改特种设备信息；给出 certificates 时整体替换作业人员证书' })
export class UpdateSpecialEquipmentInput extends EquipmentFacts {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true, description: '设备名称' })
  @IsOptional()
  @Length(2, 200, { message: '设备名称长度应为 2–200 个字符' })
  name?: string;

  @Field(() => String, { nullable: true, description: '使用登记证编号' })
  @IsOptional()
  @Length(1, 64, { message: '使用登记证编号长度应为 1–64 个字符' })
  registrationNo?: string;

  @Field(() => [OperatorCertificateInput], { nullable: true, description: '作业人员证书（整体替换）' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(100, { message: '作业人员证书最多 100 个' })
  certificates?: OperatorCertificateInput[];
}

@InputType({ description: '记录定期检验' })
export class RecordEquipmentInspectionInput extends VersionedInput {
  @Field(() => CalendarDate, { description: '检验日期，不能晚于今天' })
  inspectedOn: string;

  @Field({ description: '检验机构' })
  @Length(2, 200, { message: '检验机构长度应为 2–200 个字符' })
  inspectingBody: string;

  @Field(() => InspectionResult)
  result: InspectionResult;

  @Field({ description: '检验报告编号' })
  @Length(1, 64, { message: '检验报告编号长度应为 1–64 个字符' })
  reportNo: string;

  @Field(() => CalendarDate, { nullable: true, description: '下次检验日期（合格或基本符合时必填）' })
  @IsOptional()
  nextDueOn?: string;
}

@InputType({ description: '停用特种设备' })
export class SuspendSpecialEquipmentInput extends VersionedInput {
  @Field({ description: '停用原因' })
  @Length(2, 1000, { message: '停用原因长度应为 2–1000 个字符' })
  reason: string;
}

@InputType({ description: '恢复使用' })
export class ResumeSpecialEquipmentInput extends VersionedInput {}

@InputType({ description: '特种设备销号（报废）：填写原因；审批人为操作人本人' })
export class RetireSpecialEquipmentInput extends VersionedInput {
  @Field({ description: '销号原因' })
  @Length(2, 1000, { message: '销号原因长度应为 2–1000 个字符' })
  reason: string;

  @Field(() => CalendarDate, { nullable: true, description: '销号日期，默认今天；不能晚于今天' })
  @IsOptional()
  retiredOn?: string;
}

@InputType({ description: '据检验逾期或不合格登记隐患（类别：特种设备安全）' })
export class RaiseSpecialEquipmentHazardInput extends VersionedInput {
  @Field(() => HazardGrade, { defaultValue: HazardGrade.GENERAL })
  grade: HazardGrade;

  @Field(() => String, { nullable: true, description: '补充说明' })
  @IsOptional()
  @Length(1, 2000, { message: '补充说明长度应为 1–2000 个字符' })
  note?: string;
}

@InputType({ description: '特种设备台账筛选' })
export class SpecialEquipmentFilter {
  @Field(() => ID, { nullable: true, description: '只看该单位及其下级单位' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => [SpecialEquipmentKind], { nullable: true })
  @IsOptional()
  kinds?: SpecialEquipmentKind[];

  @Field(() => [SpecialEquipmentStatus], { nullable: true, description: '状态；默认全部' })
  @IsOptional()
  statuses?: SpecialEquipmentStatus[];

  @Field(() => Int, { nullable: true, description: '只看在 N 天内（含已逾期）到期检验的未销号设备' })
  @IsOptional()
  @Min(0, { message: '天数不能为负' })
  @Max(3650, { message: '天数不能超过 3650' })
  inspectionDueWithinDays?: number;

  @Field({ defaultValue: false, description: '只看定期检验已逾期的未销号设备' })
  inspectionOverdue: boolean;
}
