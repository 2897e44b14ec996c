import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ClientRequestIdField } from '@campus/server';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { HealthCheckSession, HealthSymptom, IllnessAbsenceStatus } from './health-check-enums';

const COUNT = { min: '人数不能为负数', max: '人数不能超过 10000' };

@InputType({ description: '晨午晚检的数字（缺勤人数 = 应到 − 实到）' })
export class HealthCheckFiguresInput {
  @Field(() => Int, { description: '应到（在册）人数' })
  @Min(0, { message: COUNT.min })
  @Max(10000, { message: COUNT.max })
  enrolled: number;

  @Field(() => Int, { description: '实到人数（不能多于应到人数）' })
  @Min(0, { message: COUNT.min })
  @Max(10000, { message: COUNT.max })
  present: number;

  @Field(() => Int, { description: '因病缺勤人数（不能多于缺勤人数）' })
  @Min(0, { message: COUNT.min })
  @Max(10000, { message: COUNT.max })
  absentForIllness: number;

  @Field(() => Int, { defaultValue: 0, description: '发热人数' })
  @Min(0, { message: COUNT.min })
  @Max(10000, { message: COUNT.max })
  fever: number;

  @Field(() => Int, { defaultValue: 0, description: '咳嗽人数' })
  @Min(0, { message: COUNT.min })
  @Max(10000, { message: COUNT.max })
  cough: number;

  @Field(() => Int, { defaultValue: 0, description: '腹泻人数' })
  @Min(0, { message: COUNT.min })
  @Max(10000, { message: COUNT.max })
  diarrhoea: number;

  @Field(() => Int, { defaultValue: 0, description: '皮疹人数' })
  @Min(0, { message: COUNT.min })
  @Max(10000, { message: COUNT.max })
  rash: number;

  @Field(() => Int, { defaultValue: 0, description: '其他症状人数' })
  @Min(0, { message: COUNT.min })
  @Max(10000, { message: COUNT.max })
  otherSymptoms: number;

  @Field(() => String, { nullable: true, description: '情况说明（不写学生姓名）' })
  @IsOptional()
  @Length(1, 500, { message: '情况说明最长 500 个字符' })
  notes?: string;
}

@InputType()
export class RecordHealthCheckInput {
  @Field(() => ID, { description: '班级（单位类型为班级）' })
  orgUnitId: string;

  @Field(() => CalendarDate, { description: '检查日期（不能晚于今天；早于今天即为补填）' })
  checkDate: string;

  @Field(() => HealthCheckSession)
  session: HealthCheckSession;

  @Field(() => HealthCheckFiguresInput)
  @ValidateNested()
  figures: HealthCheckFiguresInput;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class CorrectHealthCheckInput extends VersionedInput {
  @Field(() => HealthCheckFiguresInput, { description: '更正后的数字' })
  @ValidateNested()
  figures: HealthCheckFiguresInput;

  @Field({ description: '更正原因' })
  @Length(2, 500, { message: '更正原因长度应为 2–500 个字符' })
  reason: string;
}

@InputType()
export class HealthCheckFilter {
  @Field(() => ID, { description: '单位（含下级）' })
  orgUnitId: string;

  @Field(() => CalendarDate, { nullable: true, description: '起始检查日期（默认截止日期前 30 天）' })
  @IsOptional()
  from?: string;

  @Field(() => CalendarDate, { nullable: true, description: '截止检查日期（默认今天）' })
  @IsOptional()
  to?: string;
}

@InputType()
export class SetHealthCheckSessionsInput {
  @Field(() => ID, { description: '学校、学院或班级：设置适用于其下的班级（最近一级的设置生效）' })
  orgUnitId: string;

  @Field(() => [HealthCheckSession], { description: '要检查的时段（寄宿学校加晚检）' })
  @ArrayMinSize(1, { message: '至少选择一个时段' })
  @ArrayMaxSize(3, { message: '最多三个时段' })
  sessions: HealthCheckSession[];
}

@InputType()
export class RecordIllnessAbsenceInput {
  @Field(() => ID, { description: '学生（人员类别为学生；其所在班级即记录所属单位）' })
  studentId: string;

  @Field(() => CalendarDate, { description: '缺课日期' })
  absentOn: string;

  @Field(() => [HealthSymptom], { description: '症状' })
  @ArrayMinSize(1, { message: '至少选择一个症状' })
  @ArrayMaxSize(5, { message: '症状最多五项' })
  symptoms: HealthSymptom[];

  @Field(() => String, { nullable: true, description: '症状说明' })
  @IsOptional()
  @Length(1, 500, { message: '症状说明最长 500 个字符' })
  symptomNote?: string;

  @Field(() => CalendarDate, { nullable: true, description: '预计返校日期' })
  @IsOptional()
  expectedReturnOn?: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class ContactIllnessAbsenceParentsInput extends VersionedInput {
  @Field({ description: '联系时间（不晚于现在）' })
  contactedAt: Date;

  @Field({ description: '联系情况（家长反映的情况、就诊安排）' })
  @Length(2, 500, { message: '联系情况长度应为 2–500 个字符' })
  note: string;
}

@InputType()
export class RecordIllnessAbsenceCauseInput extends VersionedInput {
  @Field({ description: '病因' })
  @Length(2, 500, { message: '病因长度应为 2–500 个字符' })
  cause: string;

  @Field(() => String, { nullable: true, description: '医院诊断' })
  @IsOptional()
  @Length(1, 200, { message: '诊断最长 200 个字符' })
  diagnosis?: string;

  @Field({ description: '是否疑似传染病（是则须按规定报告）' })
  infectiousSuspected: boolean;

  @Field(() => CalendarDate, { nullable: true, description: '预计返校日期' })
  @IsOptional()
  expectedReturnOn?: string;
}

@InputType()
export class RecordIllnessAbsenceReturnInput extends VersionedInput {
  @Field(() => CalendarDate, { description: '实际返校日期' })
  returnedOn: string;
}

@InputType()
export class IllnessAbsenceFilter {
  @Field(() => ID, { nullable: true, description: '单位（含下级）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => [IllnessAbsenceStatus], { nullable: true })
  @IsOptional()
  status?: IllnessAbsenceStatus[];

  @Field({ nullable: true, description: '只看逾期未查明病因的（缺课次日结束前须查明）' })
  @IsOptional()
  overdue?: boolean;

  @Field({ nullable: true, description: '只看疑似传染病的' })
  @IsOptional()
  infectiousSuspected?: boolean;
}
